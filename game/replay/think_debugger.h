#pragma once
// ThinkDebugger: traces one enemy's think at a tick the TimeTravel shows (its ThinkCapture), in a
// debug VM of its own (scripting::ThinkTracer: the same sandbox and budget, the JIT off), and
// sets what it returned beside what the game applied that tick. The two must be identical: a
// difference is a determinism bug, and says so. "What if" traces another source (the editor's
// unsaved buffer) on the same tick and enemy, before anything is saved.
#include "game/replay/time_travel.h"
#include "scripting/think_trace.h"

#include <memory>
#include <span>
#include <string>

namespace game {

struct ThinkDebugResult {
    uint64_t entity = 0;                     // packed ObjectId
    std::string script;                      // the type's key ("chaser")
    std::string file;                        // its chunk name ("enemies/chaser.lua")
    std::string source;                      // the version that ran at that tick
    std::vector<scripting::ScriptFile> libs; // the modules it could require then
    uint64_t tick = 0;
    scripting::ThinkTrace trace;
    engine::Intent applied{};           // what the pool returned that tick
    std::vector<uint8_t> appliedMemory; // its memory after the thinks (empty when it faulted)
    bool ranInGame = true;  // false: the enemy was already faulted (idle); its think did not run
    bool identical = false; // trace.intent equals applied (see sameIntent)
    std::string difference; // when not identical: which field
    bool hasWhatIf = false;
    scripting::ThinkTrace whatIf; // the other source's trace
};

/// Compares what a think decides: velocity, fire, the aim when it fires, the memory it writes
/// (aMemory, bMemory), the fault. The aim of an intent that does not fire is never written (so
/// never compared).
bool sameIntent(const engine::Intent& a, std::span<const uint8_t> aMemory, const engine::Intent& b,
                std::span<const uint8_t> bMemory, std::string* difference);

/// "vx 12.5, vy -3, fires at (0.6, 0.8), writes 8 bytes of memory" (or "faulted")
std::string describeIntent(const engine::Intent& intent, size_t memoryWritten);

class ThinkDebugger {
public:
    /// `limits` are the game's. The debug VM keeps its units and memory cap; its clock limit is
    /// kClockSlack times the game's, since the line hook slows every line and where a think ends
    /// should be decided, as in the game, by the units (the clock is only a backstop).
    explicit ThinkDebugger(const scripting::SandboxLimits& limits) : m_limits(limits) {
        m_limits.batchSeconds *= kClockSlack;
    }
    static constexpr double kClockSlack = 8.0;

    /// Traces `enemy`'s think at the capture's tick (and `whatIfSource`'s, if given). False with
    /// *error when the enemy was not alive then, or no debug VM could start.
    bool debug(const ThinkCapture& capture, engine::ObjectId enemy, const std::string* whatIfSource,
               ThinkDebugResult* result, std::string* error);

private:
    scripting::SandboxLimits m_limits;
    std::unique_ptr<scripting::ThinkTracer> m_tracer;
};

} // namespace game
