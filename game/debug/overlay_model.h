#pragma once
// OverlayModel: everything the debug overlay shows, as plain values copied once per frame from
// the game's stats structs. Panels read this and nothing else (docs/design.md: debug windows read
// state, never own it, never reach into the scripting internals).
#include "engine/core/handle.h"
#include "game/debug/script_cost.h"
#include "game/replay/think_debugger.h"
#include "game/sim/game.h"
#include "scripting/hook_commands.h"
#include "scripting/object_view.h"
#include "scripting/pool_stats.h"
#include "scripting/script_errors.h"

#include <glm/vec2.hpp>

#include <string>
#include <vector>

namespace game {

struct ScriptRow {
    std::string key;
    std::string file;
    int version = 0;
    int reloads = 0;
    size_t live = 0;
    int slot = -1;             // its index among the enemy scripts (-1: the director, a module)
    ScriptTickSample lastTick; // its think cost in the last tick (averaged by the panel)
    double thinkShare = 0;     // of the last think phase's busy time, 0..1
    uint64_t errors = 0;
    std::string reloadError; // empty when the latest version loaded cleanly
    bool removed = false;
    std::string jit;     // "" (not checked yet), "compiled" or "interpreter" (scriptcheck --jit)
    int traceAborts = 0; // over the checked processes
    std::string abortReasons;
};

using scripting::TableLine; // one key = value line of an object's Lua table, depth-first

struct InspectedObject {
    bool valid = false;
    bool destroyed = false; // the selected object is gone
    uint64_t destroyedTick = 0;
    engine::ObjectId id;
    std::string kind, type;
    int32_t registryRef = engine::kNoScriptRef; // while it has no Lua identity
    glm::vec2 position{0}, velocity{0};
    float hp = 0, maxHp = 0, radius = 0, speed = 0;
    bool faulted = false;
    std::vector<std::pair<std::string, std::string>> memory; // field -> value
    std::vector<TableLine> table;
};

struct ObjectListRow {
    engine::ObjectId id;
    std::string type;
};

struct OverlayModel {
    // Frame
    float fps = 0;
    double renderMs = 0;
    PhaseTimes lastTick;
    size_t enemies = 0, bullets = 0;
    uint64_t tick = 0;
    bool paused = false;
    float timeScale = 1;
    bool screenShake = true; // the view shakes when the player is hit
    // Pool
    std::vector<scripting::VmStats> vms; // last tick
    std::vector<uint64_t> vmRetired;     // per VM slot, over the run
    double thinkWallMs = 0;
    double tickMs = 0;
    int poolSize = 0, maxPoolSize = 0;
    bool jitEnabled = true;
    struct BatchSpan { // the timeline: which VM ran which batch when
        int vm;
        double startMs, endMs; // from the start of the think phase
        std::string script;
    };
    std::vector<BatchSpan> timeline;
    // Lua
    double totalLuaKb = 0;
    scripting::MainVmStats mainVm;
    // Scripts and errors
    std::vector<ScriptRow> scripts;
    const scripting::ScriptErrorLog* errors = nullptr; // plain entries; read only
    // Objects
    std::vector<ObjectListRow> objects; // for the inspector's searchable list (capped)
    InspectedObject selected;
    std::vector<std::string> enemyTypes; // for the spawn control
    bool jitCheckRunning = false;
    // Sound (the window's; nothing plays in screenshots)
    float volume = 1;
    bool muted = false;
    // Time travel (the window's recording; see game/replay/time_travel.h)
    struct TimeTravelInfo {
        bool available = false; // this session is recorded
        uint64_t liveTick = 0;  // the newest tick recorded
        uint64_t shownTick = 0; // the past tick shown; 0 = the live game
        double lastSeekMs = 0;
        uint64_t lastSeekTicks = 0; // ticks the last seek simulated
        size_t changes = 0;         // script versions and debug actions recorded
        std::string error;          // why the last seek or trace failed
    } travel;
    const ThinkDebugResult* debug = nullptr; // the last traced think (the frontend owns it)
};

} // namespace game
