#include "game/app/game_setup.h"

#include "game/sim/native_enemies.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace game {

std::unique_ptr<Game> makeGame(const AppOptions& options, bool autoRestart) {
    GameDef def = defaultGameDef();
    def.seed = options.seed;
    def.minEnemies = options.enemies;
    def.autoRestart = autoRestart;
    return std::make_unique<Game>(def, nativeEnemyTypes(), std::make_unique<NativeSeekThink>());
}

std::string formatHash(uint64_t hash) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(hash));
    return buf;
}

nlohmann::json summarize(const Game& game, double wallSeconds) {
    const GameCounters& c = game.counters();
    nlohmann::json j;
    j["ticks"] = c.ticks;
    j["seed"] = game.def().seed;
    j["spawned"] = c.spawned;
    j["killed"] = c.killed;
    j["destroyed"] = c.destroyed;
    j["live_objects"] = {{"enemies", game.world().enemies.size()},
                         {"bullets", game.world().bullets.size()},
                         {"players", game.world().player.alive ? 1 : 0}};
    j["rounds"] = c.rounds;
    j["game_overs"] = c.gameOvers;
    j["score"] = c.score;
    j["best_score"] = c.bestScore;
    j["wave"] = game.waves().wave();
    j["wall_seconds"] = wallSeconds;
    nlohmann::json phases = nlohmann::json::object();
    const double ticks = c.ticks ? double(c.ticks) : 1.0;
    for (size_t i = 0; i < kPhaseNames.size(); ++i)
        phases[kPhaseNames[i]] = game.totalTimes().ms[i] / ticks;
    j["phase_ms"] = phases;
    j["tick_ms"] = game.totalTimes().total() / ticks;
    j["world_hash"] = formatHash(game.worldHash());
    return j;
}

} // namespace game
