#pragma once
// Recording: everything that determines a run's world, and checkpoints to verify a replay of it.
// The simulation's one input stream (docs/design.md): the options and seed, the scripts as they
// were at the start, the command applied at each tick (the autopilot's too), and every change
// made between ticks (script versions read by a reload, debug spawns and clears, restarts,
// inspector edits), in the order they were made. The format on disk is recording_codec.h.
#include "game/sim/game.h"
#include "scripting/script_library.h"

#include <cstdint>
#include <string>
#include <vector>

namespace game {

/// A checkpoint every second of play: the replay compares each, part by part.
inline constexpr uint64_t kCheckpointTicks = 60;

/// The options that change the simulation (the pool size does not: any pool gives the same run).
struct RecordingHeader {
    uint64_t seed = 1;
    int32_t enemies = 0;       // --enemies, the population floor
    int32_t vmMemoryMb = 64;   // --vm-memory (MiB)
    int32_t thinkBudget = 200; // --think-budget
    bool autoRestart = false;  // a new round starts by itself after a game over
    std::string scriptsRoot;   // where the scripts were (messages only: a replay never reads it)
};

enum class ActionKind : uint8_t {
    Script = 1,    // a reload read this file state (script)
    Spawn,         // `count` enemies of `type` (debug controls)
    ClearEnemies,  // every enemy goes (debug controls)
    Restart,       // a new round (R)
    SetTableValue, // inspector: `path` in `object`'s Lua table becomes `value`
    SetMemory,     // inspector: memory field `path[0]` of `object` becomes `value`
};
inline constexpr uint8_t kLastActionKind = uint8_t(ActionKind::SetMemory);

/// One change between ticks. `tick` is the tick it came before: it is applied after tick-1's
/// step and before tick's.
struct RecordedAction {
    uint64_t tick = 0;
    ActionKind kind = ActionKind::Spawn;
    scripting::ScriptInput script; // Script
    uint16_t type = 0;             // Spawn
    int32_t count = 0;             // Spawn
    uint64_t object = 0;           // SetTableValue, SetMemory: the packed ObjectId
    std::vector<std::string> path; // SetTableValue: keys from the root; SetMemory: the field
    std::string value;             // SetTableValue, SetMemory: the text typed
};

/// The actions the debug controls and the inspector make (the tick is filled in when recorded).
RecordedAction spawnAction(uint16_t type, int count);
RecordedAction clearAction();
RecordedAction restartAction();
RecordedAction tableEditAction(uint64_t object, std::vector<std::string> path, std::string value);
RecordedAction memoryEditAction(uint64_t object, std::string field, std::string value);

struct Checkpoint {
    uint64_t tick = 0; // after this tick's step
    PartHashes hashes;
};

struct Recording {
    RecordingHeader header;
    /// The scripts folder at the start: each file's text, or (Unreadable) why it could not be read.
    std::vector<scripting::ScriptInput> scripts;
    std::vector<PlayerCommand> commands; // commands[t - 1] was applied at tick t
    std::vector<RecordedAction> actions; // in the order they were made (ticks ascending)
    std::vector<Checkpoint> checkpoints; // ticks ascending
    uint64_t ticks() const { return commands.size(); }
};

/// The recording cut after `tick`: what reproduces the run up to and including that tick.
Recording recordingUpTo(const Recording& recording, uint64_t tick);

/// The scripts at the start as the library takes them (the replay's folder that is never read).
scripting::ScriptFiles scriptFilesOf(const Recording& recording);
/// The other way: what a recording keeps of the folder a session started from.
std::vector<scripting::ScriptInput> scriptInputsOf(const scripting::ScriptFiles& files);

} // namespace game
