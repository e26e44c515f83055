#include "sandbox/budget.h"

#include <time.h>

namespace scripting {

double budgetClockNow() {
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts); // the clock the prelude reads through the FFI
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

} // namespace scripting
