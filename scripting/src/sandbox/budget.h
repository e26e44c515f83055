#pragma once
// The per-VM execution budget, shared between the instrumented Lua code (through the FFI), the
// trusted prelude and the bounded C library functions (scripting/sandbox_strlib.cpp).
//
// Every loop iteration and function call of a script decrements `countdown`; at zero the slow
// path takes one from `refills` (and checks the wall clock). When refills run out, `exhausted`
// is set and stays set until the next call begins: every later check raises again, so a script's
// own pcall cannot swallow the budget error. `depth` counts nested C calls that call back into
// Lua (gsub callbacks, sort comparators, __tostring), which LuaJIT does not limit.
#include <cstdint>

namespace scripting {

inline constexpr int32_t kBudgetRefill = 1000;   // checks between two slow-path visits
inline constexpr int32_t kMaxCallbackDepth = 16; // nested C→Lua callbacks

struct BudgetCell {
    int32_t countdown;
    int32_t refills;
    int32_t exhausted;
    int32_t depth;
    int32_t limit;   // refills the current call started with (for the error message)
    int32_t unused_;
    double deadline; // CLOCK_MONOTONIC seconds: the wall-clock backstop of the current call
};

/// Seconds on the clock the budget's deadline uses (CLOCK_MONOTONIC).
double budgetClockNow();

/// Starts the budget of one call: `refills` x kBudgetRefill checks and `seconds` of wall time.
inline void beginBudget(BudgetCell& b, int32_t refills, double seconds) {
    b.countdown = kBudgetRefill;
    b.refills = refills;
    b.exhausted = 0;
    b.depth = 0;
    b.limit = refills;
    b.deadline = budgetClockNow() + seconds;
}


} // namespace scripting
