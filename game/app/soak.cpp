#include "game/app/soak.h"

#include "game/app/game_setup.h"
#include "game/app/live_scripts.h"

#include <SDL.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace game {

namespace {

void writeAtomically(const fs::path& p, const std::string& text) {
    const fs::path tmp = p.string() + ".soak.tmp";
    std::ofstream(tmp, std::ios::binary) << text;
    fs::rename(tmp, p);
}

// Lua memory of every VM after full collections, with the pool's compiled traces flushed first:
// what scripts and the engine really hold. Traces are GC objects too, and how many a VM has
// depends on which batches it happened to run and which side exits the game took: 756-987 KiB
// at the quarter mark and 817-1147 at the end in six runs of the same soak, enough to fail the
// flatness check under TSan's timing without a leak.
struct MemorySample {
    std::vector<double> poolKb;
    double mainKb = 0;
    // The main VM plus the largest pool VM: comparable across pool-size changes (a VM holds the
    // same scripts whatever the pool size).
    double total() const {
        double biggest = 0;
        for (double k : poolKb)
            biggest = std::max(biggest, k);
        return mainKb + biggest;
    }
};

MemorySample sampleMemory(GameSession& s) {
    MemorySample m;
    s.think->setJit(s.think->jitEnabled()); // flushes every VM's traces, keeps the setting
    for (size_t used : s.think->collectGarbage())
        m.poolKb.push_back(double(used) / 1024.0);
    m.mainKb = double(s.mainVm->collectGarbage()) / 1024.0;
    return m;
}
} // namespace

int runSoak(const AppOptions& options) {
    if (SDL_Init(SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0)
        return 1;
    // Reloads edit a private copy of the scripts: the repository is never touched.
    const fs::path root = fs::temp_directory_path() / ("arena_soak_" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::copy(options.scriptsDir, root, fs::copy_options::recursive);
    AppOptions o = options;
    o.scriptsDir = root.string();
    if (o.enemies == 0)
        o.enemies = 600;
    // The soak's own enemy type, in versions written out in full: each must go live or be refused
    // as marked (text replacement in a shipped script would silently turn into the good version
    // the day that script changes).
    const fs::path soaker = root / "enemies" / "soaker.lua";
    const auto version = [](const std::string& speed, const std::string& body) {
        return "return { name = 'Soaker', hp = 3, speed = " + speed +
               ", radius = 9, color = '#c0c0ff', score = 1,\n"
               "  memory = { t = 'int' },\n"
               "  think = function(self, world, mem)\n" +
               body +
               "\n    mem.t = mem.t + 1\n"
               "    return world.player_x - self.x, world.player_y - self.y\n  end }\n";
    };
    struct Version {
        std::string source;
        bool goesLive;
    };
    const Version versions[] = {
        {version("150", ""), true},                          // good
        {version("150", "") + "\nthis is not Lua\n", false}, // broken: a syntax error
        {version("150", "    local s = self.speed while s > 0 do end"),
         false},                                   // hostile: the trial's budget stops it
        {version("150", "    HOARD = {}"), false}, // creates a global: the trial reports it
        {version("120", ""), true},                // good again
    };
    writeAtomically(soaker, versions[4].source);
    std::string error;
    GameSession session = makeGame(o, /*autoRestart=*/true, &error);
    if (!session.game) {
        std::fprintf(stderr, "arena: %s\n", error.c_str());
        return 1;
    }
    LiveScripts live(session, root.string(), /*watch=*/false);
    Game& game = *session.game;
    const int poolSizes[] = {2, 1, 3, 2};
    const PlayerCommand idle{};
    const uint64_t ticks = options.ticks;
    MemorySample early;
    uint64_t reloads = 0, resizes = 0, refused = 0, wrongOutcomes = 0;
    const auto start = std::chrono::steady_clock::now();
    for (uint64_t t = 1; t <= ticks; ++t) {
        live.update();
        // Churn: a fifth of the enemies despawned every second; the floor brings new ones.
        if (t % 60 == 0) {
            auto& enemies = game.mutableWorld().enemies;
            std::vector<engine::ObjectId> victims;
            for (size_t i = 0; i < enemies.size(); i += 5)
                victims.push_back(enemies.idAt(i));
            for (engine::ObjectId id : victims)
                game.despawn(id); // destroyed at this tick's commit
        }
        if (t % 1500 == 0) {
            const Version& v = versions[(t / 1500) % std::size(versions)];
            writeAtomically(soaker, v.source);
            const scripting::ReloadResult r = live.reloadNow("enemies/soaker.lua");
            ++reloads;
            refused += r.refused;
            if (r.applied != v.goesLive || r.refused == v.goesLive) {
                std::fprintf(stderr, "arena soak: a version that should %s: %s\n",
                             v.goesLive ? "go live did not" : "be refused was not",
                             r.message.c_str());
                ++wrongOutcomes;
            }
        }
        if (t % 4000 == 0) {
            session.think->resize(poolSizes[(t / 4000) % std::size(poolSizes)], &error);
            ++resizes;
        }
        game.step((t / 600) % 5 == 4 ? &idle : nullptr); // the player sometimes stands still
        if (t == ticks / 4)
            early = sampleMemory(session);
    }
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const MemorySample late = sampleMemory(session);

    nlohmann::json s = summarize(session, wall, &live);
    const scripting::MainVmStats m = session.mainVm->stats(game.world());
    const GameCounters& c = game.counters();
    const bool accounted = c.spawned == game.world().enemies.size() + c.destroyed;
    const bool refsMatch = m.registryObjectRefs == m.identities;
    // "Flat": after full collections, no more than 10% (plus 256 KiB of slack) above the quarter
    // mark.
    const bool flat = late.total() <= early.total() * 1.10 + 256.0;
    std::printf("arena soak: %llu ticks in %.1f s, %llu reloads (%llu refused: broken, hostile, "
                "global), %llu pool resizes%s\n",
                static_cast<unsigned long long>(ticks), wall,
                static_cast<unsigned long long>(reloads), static_cast<unsigned long long>(refused),
                static_cast<unsigned long long>(resizes),
                wrongOutcomes ? "  <- WRONG OUTCOMES" : "");
    std::printf("  Lua memory after collection (main VM + largest pool VM): %.0f KiB at a quarter, "
                "%.0f KiB at the end (main VM %.0f KiB)%s\n",
                early.total(), late.total(), late.mainKb, flat ? "" : "  <- NOT FLAT");
    for (size_t v = 0; v < late.poolKb.size(); ++v)
        std::printf("    vm %zu: %.0f KiB\n", v, late.poolKb[v]);
    std::printf("  registry refs %llu, identities %llu%s\n",
                static_cast<unsigned long long>(m.registryObjectRefs),
                static_cast<unsigned long long>(m.identities), refsMatch ? "" : "  <- MISMATCH");
    std::printf("  spawned %llu = live %zu + destroyed %llu%s\n",
                static_cast<unsigned long long>(c.spawned), game.world().enemies.size(),
                static_cast<unsigned long long>(c.destroyed), accounted ? "" : "  <- OBJECTS LOST");
    std::printf("  errors by kind: %s\n", s["errors_by_kind"].dump().c_str());
    std::printf("  world_hash %s\n", s["world_hash"].get<std::string>().c_str());
    s["soak"] = {{"memory_kb_quarter", early.total()},
                 {"memory_kb_end", late.total()},
                 {"flat", flat},
                 {"refs_match", refsMatch},
                 {"accounted", accounted},
                 {"reloads", reloads},
                 {"resizes", resizes},
                 {"reloads_refused", refused},
                 {"wrong_outcomes", wrongOutcomes}};
    if (!options.statsJson.empty())
        std::ofstream(options.statsJson)
            << s.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    session = {};
    fs::remove_all(root);
    SDL_Quit();
    const bool ok = flat && refsMatch && accounted && wrongOutcomes == 0;
    std::printf("arena soak: %s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}

} // namespace game
