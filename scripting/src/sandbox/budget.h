#pragma once
// The per-VM execution budget, shared by the instrumented script code (through the FFI), the
// trusted Lua (sandbox/lua/budget.lua) and the bounded C functions (sandbox/bounded_strings.cpp).
//
// A call (a think, a hook, a chunk's top level) gets `units` of work and `seconds` of wall time.
// Every loop iteration and function call of a script costs one unit (the instrumented check
// decrements `countdown`); library work that grows with its input (string bytes, sort
// comparisons, pattern steps, table shifts) is charged in units too. Counting units is
// deterministic: the same script on the same input stops at the same place on every VM, so
// replays and any pool size agree.
//
// `countdown` is the hot counter: when it goes below zero the slow path (budget.lua) runs. There
// the units left are `remaining + countdown`: if they are gone, or the deadline has passed, the
// call is stopped; otherwise `countdown` is refilled with a chunk of at most the units left. The
// chunk shrinks when the checks turn slow (big library calls between them), so the clock is read
// about every kClockInterval whatever the script does; the count stays exact either way. A call
// starts with a small chunk, so a script whose every iteration is slow is caught early too.
// `exhausted` is sticky until the next call begins: every check raises again, so a script's own
// pcall cannot swallow the end of its budget.
#include <cstdint>

namespace scripting {

inline constexpr int32_t kBudgetChunk = 1000; // checks between two clock reads at most
inline constexpr int32_t kBudgetFirstChunk =
    16; // a call's first chunk: doubles while checks are fast
inline constexpr double kClockInterval = 0.0005; // seconds between clock reads when checks are slow
inline constexpr double kBytesPerUnit = 8;       // library work: one unit per 8 bytes touched
inline constexpr double kCStackLimit = 1
                                       << 20; // bytes of C stack scripts may nest into (callbacks)

/// Which limit a call runs under: named in the message when it runs out.
enum class BudgetKind : int32_t { Think = 0, Chunk = 1, Hook = 2, Director = 3 };

enum class BudgetExhausted : int32_t { No = 0, Units = 1, Time = 2 };

struct BudgetCell {
    int32_t countdown;   // checks left in this chunk; instrumented code decrements it
    int32_t chunk;       // what countdown was last refilled to (shrinks when checks are slow)
    int32_t exhausted;   // BudgetExhausted, sticky for the rest of the call
    int32_t kind;        // BudgetKind of the call
    double remaining;    // units left beyond the current chunk
    double units;        // units the call started with (for the message)
    double deadline;     // CLOCK_MONOTONIC seconds
    double seconds;      // the call's time limit (for the message)
    double clock;        // when the clock was last read
    uint64_t cstackBase; // address in the host frame that began the call (the C stack grows down)
};

/// The same struct for the FFI (budget.lua declares it from this text: one source for the layout).
inline constexpr const char* kBudgetCdef = R"(
typedef struct {
  int32_t countdown, chunk, exhausted, kind;
  double remaining, units, deadline, seconds, clock;
  uint64_t cstack_base;
} arena_budget;
)";

/// Seconds on the clock the budget's deadline uses (CLOCK_MONOTONIC).
double budgetClockNow();

/// Starts the budget of one call made from this C++ frame.
void beginBudget(BudgetCell& b, BudgetKind kind, double units, double seconds);

/// Charges library work to the running call. Never raises: when the units run out (or a big
/// charge calls for a look at the clock), the next check of the script takes the slow path, which
/// stops it at its own line.
void chargeBudget(BudgetCell& b, double units);

/// 1 while the C stack used since the call began stays under kCStackLimit. Scripts can nest C
/// calls that call back into Lua (sort comparators, gsub callbacks, __tostring from tostring and
/// format), and LuaJIT does not limit that recursion: past the C stack it crashes the process.
/// Called from the trusted Lua through the FFI.
extern "C" int arenaCStackRoom(const BudgetCell* b);

} // namespace scripting
