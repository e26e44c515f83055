#include "game/app/game_setup.h"

#include "engine/core/tick.h"
#include "game/app/live_scripts.h"
#include "game/sim/lua_hooks.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>

namespace game {

scripting::SandboxLimits sandboxLimits(const AppOptions& options) {
    scripting::SandboxLimits limits = scripting::defaultSandboxLimits();
    limits.memoryBytes = size_t(options.vmMemoryMb) << 20;
    limits.thinkUnits = double(options.thinkBudget) * 1000;
    limits.hookUnits = limits.thinkUnits;
    return limits;
}

GameSession makeGame(const AppOptions& options, bool autoRestart, std::string* error,
                     const scripting::ScriptFiles* files, bool quiet) {
    scripting::ScriptLibraryDef libraryDef;
    libraryDef.root = options.scriptsDir;
    libraryDef.think.poolSize = options.pool;
    libraryDef.think.limits = sandboxLimits(options);
    libraryDef.main.limits = libraryDef.think.limits;
    GameDef def = defaultGameDef();
    // --enemies above the arena's usual capacity raises it: a stress run gets what it asks for.
    def.maxEnemies = std::max(def.maxEnemies, size_t(std::max(0, options.enemies)));
    libraryDef.main.maxLiveEnemies = def.maxEnemies;
    GameSession session;
    session.options = options;
    session.startFiles = files ? *files : scripting::readScriptFiles(options.scriptsDir);
    session.library = scripting::ScriptLibrary::open(libraryDef, session.startFiles, error);
    if (!session.library)
        return {};
    if (!quiet)
        for (const scripting::ScriptErrorEntry& e : session.library->errors().entries())
            std::fprintf(stderr, "arena: script not loaded: %s\n", e.first.message.c_str());
    // Errors as they first happen. Reload outcomes are said by LiveScripts, every time.
    session.library->errors().setOnNewEntry([quiet](const scripting::ScriptErrorEntry& entry) {
        if (quiet)
            return;
        const scripting::ScriptError& e = entry.first;
        if (e.kind == scripting::ScriptErrorKind::Reload ||
            e.kind == scripting::ScriptErrorKind::Reloaded)
            return;
        if (e.kind == scripting::ScriptErrorKind::Notice)
            std::fprintf(stderr, "arena: script notice: %s (tick %llu)\n", e.message.c_str(),
                         static_cast<unsigned long long>(e.tick));
        else if (e.entity != 0)
            std::fprintf(
                stderr,
                "arena: script error: %s (entity %llu:%llu, vm %d, tick %llu; the enemy idles)\n",
                e.message.c_str(), static_cast<unsigned long long>(e.entity & 0xffffff),
                static_cast<unsigned long long>(e.entity >> 24), e.vm,
                static_cast<unsigned long long>(e.tick));
        else if (e.vm >= 0)
            std::fprintf(stderr, "arena: script error: %s (vm %d, tick %llu)\n", e.message.c_str(),
                         e.vm, static_cast<unsigned long long>(e.tick));
        else
            std::fprintf(stderr, "arena: script error: %s (main VM, tick %llu)\n",
                         e.message.c_str(), static_cast<unsigned long long>(e.tick));
    });
    def.seed = options.seed;
    def.minEnemies = options.enemies;
    def.autoRestart = autoRestart;
    session.think = &session.library->pool();
    session.mainVm = &session.library->mainVm();
    auto hooks = std::make_unique<LuaHooks>(session.library->takeMainVm());
    session.game = std::make_unique<Game>(def, session.think->types(), session.library->takePool(),
                                          std::move(hooks));
    return session;
}

std::string formatHash(uint64_t hash) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(hash));
    return buf;
}

nlohmann::json summarize(const GameSession& session, double wallSeconds, const LiveScripts* live) {
    const Game& game = *session.game;
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
    j["spawns_refused"] = c.spawnsRefused;
    j["wave"] = game.wave();
    // The rounds that ended in a game over (the latest 100): how far and how long each went.
    nlohmann::json rounds = nlohmann::json::array();
    const auto& finished = game.finishedRounds();
    for (size_t i = finished.size() > 100 ? finished.size() - 100 : 0; i < finished.size(); ++i) {
        const RoundStats& r = finished[i];
        nlohmann::json kills = nlohmann::json::object();
        // Keyed by script id, as enemy_types: a script's `name` is its own text, any bytes.
        for (size_t t = 0;
             t < r.killsByType.size() && session.think && t < session.think->scripts().size(); ++t)
            if (r.killsByType[t])
                kills[session.think->scripts()[t].key] = r.killsByType[t];
        rounds.push_back({{"wave", r.wave},
                          {"seconds", double(r.ticks) * engine::kTickSeconds},
                          {"score", r.score},
                          {"kills", kills}});
    }
    j["finished_rounds"] = rounds;
    j["wall_seconds"] = wallSeconds;
    nlohmann::json phases = nlohmann::json::object();
    const double ticks = c.ticks ? double(c.ticks) : 1.0;
    for (size_t i = 0; i < kPhaseNames.size(); ++i)
        phases[kPhaseNames[i]] = game.totalTimes().ms[i] / ticks;
    j["phase_ms"] = phases;
    j["tick_ms"] = game.totalTimes().total() / ticks;

    if (session.think) {
        const scripting::PoolStats& pool = session.think->stats();
        nlohmann::json vms = nlohmann::json::array();
        for (size_t v = 0; v < pool.total.size(); ++v) {
            const scripting::VmStats& t = pool.total[v];
            const scripting::VmStats& last = pool.lastTick[v];
            vms.push_back({{"vm", v},
                           {"thread", v == 0 ? "main" : "worker"},
                           {"busy_ms", t.busyMs},
                           {"busy_ms_per_tick", t.busyMs / ticks},
                           {"batches", t.batches},
                           {"entities", t.entities},
                           {"errors", t.errors},
                           {"lua_memory_kb", double(t.luaBytes) / 1024.0},
                           {"lua_allocated_bytes", t.allocatedBytes},
                           {"retired", t.retired},
                           {"last_tick",
                            {{"busy_ms", last.busyMs},
                             {"batches", last.batches},
                             {"entities", last.entities},
                             {"errors", last.errors}}}});
        }
        j["pool"] = vms;
        j["think_wall_ms"] = pool.totalThinkWallMs;
        j["errors"] = session.think->errors().errorCount();
        nlohmann::json byKind = nlohmann::json::object();
        for (const scripting::ScriptErrorEntry& entry : session.think->errors().entries())
            byKind[scripting::scriptErrorKindName(entry.first.kind)] =
                byKind.value(scripting::scriptErrorKindName(entry.first.kind), uint64_t(0)) +
                entry.count;
        j["errors_by_kind"] = byKind;
        nlohmann::json types = nlohmann::json::array();
        for (const scripting::EnemyScriptInfo& s : session.think->scripts())
            types.push_back(s.key);
        j["enemy_types"] = types;
    }
    if (session.mainVm) {
        const scripting::MainVmStats m = session.mainVm->stats(game.world());
        j["main_vm"] = {{"lua_memory_kb", double(m.luaBytes) / 1024.0},
                        {"registry_refs", m.registryObjectRefs},
                        {"identities", m.identities},
                        {"identities_created", m.created},
                        {"identities_released", m.released},
                        {"hook_calls", m.hookCalls},
                        {"director", session.mainVm->hasDirector()}};
    }
    if (live) {
        nlohmann::json scripts = nlohmann::json::array();
        nlohmann::json modules = nlohmann::json::array();
        for (const ScriptStatus& s : live->statuses())
            (s.module ? modules : scripts)
                .push_back({{"name", s.key},
                            {"file", s.file},
                            {"version", s.version},
                            {"live", s.key == "director" ? 0 : live->liveCount(s.key)},
                            {"reloads", s.reloads},
                            {"removed", s.removed},
                            {"error",
                             s.error.empty() ? nlohmann::json(nullptr) : nlohmann::json(s.error)}});
        j["scripts"] = scripts;
        j["modules"] = modules;
        j["reloads_applied"] = live->reloadsApplied();
        j["reloads_rejected"] = live->reloadsRejected();
    }
    j["world_hash"] = formatHash(game.worldHash());
    return j;
}

} // namespace game
