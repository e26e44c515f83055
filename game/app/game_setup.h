#pragma once
// Builds a Game from the command line's options: the one place every mode (window, headless,
// screenshot) and the tests get their Game from, so they all simulate the same thing.
#include "game/app/options.h"
#include "game/sim/game.h"
#include "scripting/main_vm.h"
#include "scripting/script_library.h"
#include "scripting/think_phase.h"

#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <string>

namespace game {

/// A game whose enemies think in Lua, and the think phase it runs (owned by the game), whose
/// stats and error log the modes read.
struct GameSession {
    // Declared first, destroyed last: the pool and the main VM (owned by the game) log into it.
    std::unique_ptr<scripting::ScriptLibrary> library;
    std::unique_ptr<Game> game;
    scripting::LuaThinkPhase* think = nullptr;
    scripting::MainVm* mainVm = nullptr;
    scripting::ScriptFiles
        startFiles;     // the scripts as the session started (a recording keeps them)
    AppOptions options; // what it was made from
};

/// Loads the scripts and starts the pool. Scripts that do not load are reported on stderr and in
/// the error log, and the game starts without them (a fixed version is picked up live). Fails
/// (an empty session, the reason in *error) only if a VM cannot start.
/// With `files`, those scripts are used and the folder is not read (a replay). `quiet`: nothing
/// on stderr (a world re-simulated for the overlay's timeline).
GameSession makeGame(const AppOptions& options, bool autoRestart, std::string* error,
                     const scripting::ScriptFiles* files = nullptr, bool quiet = false);

/// The sandbox limits the options give every VM (the pool's, the main VM's, the debugger's).
scripting::SandboxLimits sandboxLimits(const AppOptions& options);

/// The run summary (headless text and --stats-json): counts, mean ms per phase, pool, errors,
/// world_hash.
class LiveScripts;
nlohmann::json summarize(const GameSession& session, double wallSeconds,
                         const LiveScripts* live = nullptr);

/// world_hash as it appears in the summary: 16 lowercase hex digits.
std::string formatHash(uint64_t hash);

} // namespace game
