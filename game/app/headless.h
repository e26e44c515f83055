#pragma once
#include "game/app/options.h"
#include "game/sim/game.h"

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace game {

/// arena --headless: simulates options.ticks ticks with no video subsystem, prints the summary,
/// writes --stats-json if asked. Returns the process exit code.
int runHeadless(const AppOptions& options);

/// The summary's lines after the first (counts, phases, pool, scripts, world_hash), on stdout.
void printSummary(const nlohmann::json& summary, const Game& game);
/// --stats-json: false (said on stderr) if the file cannot be written; true for an empty path.
bool writeStatsJson(const std::string& path, const nlohmann::json& summary);

} // namespace game
