#pragma once
// ThinkTracer: the core of the time-travel debugger. A think is pure (think(self, world, mem)
// reads only its arguments), so any enemy's think at any tick can be run again on that tick's
// snapshot, in a VM of its own, and recorded line by line.
//
// Contract:
// - The intent is exactly what the pool writes for that enemy and tick (same batch driver, same
//   views filled by the same code, same randoms and memory): byte for byte, Intent::faulted
//   included (the driver writes a zero aim when it does not fire, and the reserved bytes are
//   never written). That is the determinism check the debugger shows. One difference is by design:
//   the traced think has the batch's time limit to itself (and runs slower, hooked), so only a
//   think near that limit could end differently; the unit budget stops it at the same line.
// - Values are formatted without running any script code: no metamethod, no __tostring, no
//   address (a cdata is named by what it is: the self, world or memory view, else "cdata").
// - trace() never throws and survives hostile scripts: an endless loop ends with the budget's
//   error, a memory bomb with the memory error, both with the steps recorded so far (capped).
//   A failed trace leaves nothing behind for the next: each trace loads the script afresh.
// - The tracer's VM runs with the JIT off (line hooks do not run in compiled code). Used by one
//   thread at a time; the limits (budget, memory cap) are the create() ones: give it the pool's
//   so a budget error happens where the pool's does.
#include "engine/core/tick.h"
#include "engine/world/enemy_type.h"
#include "engine/world/intent.h"
#include "engine/world/world.h"
#include "scripting/memory_layout.h"
#include "scripting/sandbox_limits.h"
#include "scripting/script_files.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace scripting {

class PoolVm;
struct ThinkFrame;
struct ThinkFrameStorage;

/// One named value, formatted for display (numbers round-trip exactly; strings quoted and
/// truncated; tables a shallow raw preview).
struct TraceValue {
    std::string name, value;
    bool operator==(const TraceValue&) const = default;
};

/// The state at one line event of script code (not of the trusted driver or budget code).
struct TraceStep {
    std::string chunk;    // chunk name: "enemies/chaser.lua", "lib/steer.lua"
    int line = 0;         // a line of that chunk's own source (instrumentation keeps lines)
    int depth = 0;        // 0 = in think itself, 1 = in a function think called, ...
    std::string function; // "think", "steer.toward", "?"
    std::vector<TraceValue> locals, upvalues; // of the function at this line, at this moment
    std::vector<TraceValue> mem; // the memory scratch's fields (by the script's layout) now
};

struct ThinkTrace {
    std::vector<TraceStep> steps; // in execution order, one per line event
    bool truncated = false;       // the step or size cap was hit (the think still ran to its end)
    std::vector<TraceValue> self, world; // the views as think saw them
    bool ok = false;
    std::string error;           // when !ok: "file:line: message" (runtime, budget or memory error)
    engine::Intent intent{};     // as the pool writes it (a think that raised: idle and faulted)
    std::vector<uint8_t> memory; // the memory it wrote, in its layout (empty if it raised)
    MemoryLayout layout;         // the layout of the version traced
};

struct ThinkTraceRequest {
    const engine::World& world;               // after Game's snapshot of the tick to trace
    std::span<const engine::EnemyType> types; // as the pool's ThinkContext has them
    uint64_t seed = 0;
    float dt = engine::kTickDt;
    uint32_t enemy = 0; // dense index in world.enemies
    ScriptFile script;  // the enemy's script, as the pool loaded it
    std::vector<ScriptFile> libs;
    /// The layout world.enemyMemory is in for this enemy's type, when the script traced may lay
    /// it out differently (a "what if"): its memory is carried over as a reload carries it.
    const MemoryLayout* memoryLayout = nullptr;
    size_t maxSteps = 20000;
    size_t maxBytes = size_t(16) << 20; // of formatted text in the steps
};

class ThinkTracer {
public:
    static std::unique_ptr<ThinkTracer> create(const SandboxLimits& limits, std::string* error);
    ~ThinkTracer();
    ThinkTracer(const ThinkTracer&) = delete;
    ThinkTracer& operator=(const ThinkTracer&) = delete;

    ThinkTrace trace(const ThinkTraceRequest& request);

private:
    ThinkTracer() = default;
    bool ensureVm(std::string* error);

    SandboxLimits m_limits;
    std::unique_ptr<ThinkFrame> m_frame; // stable: the VM's views point into it
    std::unique_ptr<PoolVm> m_vm;
    engine::EnemyMemory m_memory; // the traced world's memory, which the think writes
    std::unique_ptr<ThinkFrameStorage> m_storage;
    uint32_t m_order[1] = {0};
};

} // namespace scripting
