#include "sandbox/budget.h"

#include <time.h>

namespace scripting {

double budgetClockNow() {
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts); // the clock budget.lua reads through the FFI
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

void beginBudget(BudgetCell& b, BudgetKind kind, double units, double seconds) {
    const int32_t first = units < kBudgetFirstChunk ? int32_t(units) : kBudgetFirstChunk;
    b.countdown = first;
    b.chunk = first;
    b.exhausted = int32_t(BudgetExhausted::No);
    b.kind = int32_t(kind);
    b.remaining = units - first;
    b.units = units;
    b.clock = budgetClockNow();
    b.seconds = seconds;
    b.deadline = b.clock + seconds;
    b.cstackBase = reinterpret_cast<uint64_t>(__builtin_frame_address(0));
}

void chargeBudget(BudgetCell& b, double units) {
    b.remaining -= units;
    if (b.remaining < 0 || units >= kBudgetChunk) {
        // Fold the chunk into `remaining` and set countdown to zero: the very next check takes the
        // slow path, which sees what is left (nothing is lost in the move) and reads the clock.
        b.remaining += double(b.countdown);
        b.countdown = 0;
    }
}

extern "C" int arenaCStackRoom(const BudgetCell* b) {
    const auto here = reinterpret_cast<uint64_t>(__builtin_frame_address(0));
    return b->cstackBase == 0 || here >= b->cstackBase ||
           double(b->cstackBase - here) < kCStackLimit;
}

} // namespace scripting
