#pragma once
// Builds a Game from the command line's options: the one place every mode (window, headless,
// screenshot) and the tests get their Game from, so they all simulate the same thing.
#include "game/app/options.h"
#include "game/sim/game.h"
#include "scripting/think_phase.h"
#include "scripting/main_vm.h"

#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <string>

namespace game {

/// A game whose enemies think in Lua, and the think phase it runs (owned by the game), whose
/// stats and error log the modes read.
struct GameSession {
    std::unique_ptr<Game> game;
    scripting::LuaThinkPhase* think = nullptr;
    scripting::MainVm* mainVm = nullptr;
};

/// Loads the scripts and starts the pool. On failure (no enemy script loads) returns an empty
/// session and the reason in *error. Script load errors are printed to stderr either way.
GameSession makeGame(const AppOptions& options, bool autoRestart, std::string* error);

/// The run summary (headless text and --stats-json): counts, mean ms per phase, pool, errors,
/// world_hash.
class LiveScripts;
nlohmann::json summarize(const GameSession& session, double wallSeconds, const LiveScripts* live = nullptr);

/// world_hash as it appears in the summary: 16 lowercase hex digits.
std::string formatHash(uint64_t hash);

} // namespace game
