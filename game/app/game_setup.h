#pragma once
// Builds a Game from the command line's options: the one place every mode (window, headless,
// screenshot) and the tests get their Game from, so they all simulate the same thing.
#include "game/app/options.h"
#include "game/sim/game.h"

#include <nlohmann/json_fwd.hpp>

#include <memory>

namespace game {

std::unique_ptr<Game> makeGame(const AppOptions& options, bool autoRestart);

/// The run summary (headless text and --stats-json): counts, mean ms per phase, world_hash.
nlohmann::json summarize(const Game& game, double wallSeconds);

/// world_hash as it appears in the summary: 16 lowercase hex digits.
std::string formatHash(uint64_t hash);

} // namespace game
