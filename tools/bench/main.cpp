// arena-bench: headless scenarios that measure what Arena's scripting costs, each repeated, with
// every comparison a ratio measured inside the same run (these machines are noisy).
//
//   arena-bench [--quick] [--json FILE] [--scripts DIR] [--only NAME]
#include "engine/core/tick.h"
#include "engine/core/worker_pool.h"
#include "game/app/game_setup.h"
#include "game/app/live_scripts.h"
#include "scripting/main_vm.h"
#include "scripting/synthetic_world.h"
#include "scripting/think_phase.h"

#include <CLI/CLI.hpp>
#include <lua.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "bench_common.h"
#include "native_behaviours.h"

namespace {

using Clock = std::chrono::steady_clock;
using bench::Settings;
using bench::Stat;
using bench::summarize;
using bench::toJson;

// One think phase over a world: ns per entity per tick of the think call, averaged over a rep.
// With `allocated`, also adds the bytes Lua allocated (if think is a LuaThinkPhase).
double timeThink(engine::ThinkPhase& think, scripting::SyntheticWorld& w,
                 std::span<const engine::EnemyType> types, int ticks,
                 uint64_t* allocated = nullptr) {
    double ns = 0;
    auto* lua = dynamic_cast<scripting::LuaThinkPhase*>(&think);
    for (int t = 0; t < ticks; ++t) {
        w.snapshot(
            think.workers()); // as the game does: on the pool, which stays warm for the think
        const auto start = Clock::now();
        think.think(
            engine::ThinkContext{w.world, w.world.enemyMemory, types, w.seed, engine::kTickDt},
            w.intents);
        ns += std::chrono::duration<double, std::nano>(Clock::now() - start).count();
        if (allocated && lua)
            for (const scripting::VmStats& v : lua->stats().lastTick)
                *allocated += v.allocatedBytes;
    }
    return ns / double(ticks) / double(w.world.enemies.size());
}

std::unique_ptr<scripting::LuaThinkPhase> luaPhaseFor(const Settings& s, const std::string& key,
                                                      int pool, bool instrument = true) {
    scripting::ScriptFiles files = scripting::readScriptFiles(s.scriptsDir);
    std::erase_if(files.enemies, [&](const scripting::ScriptFile& f) { return f.name != key; });
    scripting::LuaThinkDef def = scripting::defaultLuaThinkDef();
    def.poolSize = pool;
    def.limits.instrument = instrument;
    std::string error;
    auto phase = scripting::LuaThinkPhase::create(def, files, &error);
    if (!phase)
        std::fprintf(stderr, "arena-bench: %s\n", error.c_str());
    return phase;
}

// Largest |a-b| relative to the speed, over every intent: the native twin must match the script.
double maxIntentDifference(const std::vector<engine::Intent>& a,
                           const std::vector<engine::Intent>& b, float speed) {
    double worst = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        worst = std::max(worst, double(std::fabs(a[i].velocity.x - b[i].velocity.x)) / speed);
        worst = std::max(worst, double(std::fabs(a[i].velocity.y - b[i].velocity.y)) / speed);
    }
    return worst;
}

// Scenario 1: behaviour cost of every shipped script, against native twins where they exist.
nlohmann::json behaviourCost(const Settings& s) {
    std::printf("\n1. Behaviour cost: think phase, ns per entity per tick, 1 VM (median [min-max] "
                "of %d reps)\n",
                s.reps);
    std::printf("   %-8s %8s %22s %9s %22s %8s %s\n", "script", "enemies", "Lua", "B/entity",
                "native C++", "Lua/C++", "intents");
    nlohmann::json out = nlohmann::json::array();
    const std::vector<size_t> sizes =
        s.quick ? std::vector<size_t>{1000, 10000} : std::vector<size_t>{1000, 10000, 100000};
    const scripting::ScriptFiles files = scripting::readScriptFiles(s.scriptsDir);
    for (const scripting::ScriptFile& file : files.enemies) {
        auto lua = luaPhaseFor(s, file.name, 1);
        if (!lua)
            continue;
        const auto types = lua->types();
        std::unique_ptr<engine::ThinkPhase> native;
        if (file.name == "chaser")
            native = std::make_unique<bench::NativeChaser>();
        else if (file.name == "swarm")
            native = std::make_unique<bench::NativeSwarm>();
        for (size_t n : sizes) {
            scripting::SyntheticWorld luaWorld(n, 0, types[0].speed),
                nativeWorld(n, 0, types[0].speed);
            std::vector<double> luaNs, nativeNs, ratios;
            uint64_t allocated = 0;
            timeThink(*lua, luaWorld, types, 3); // warm-up: traces compile
            if (native)
                timeThink(*native, nativeWorld, types, 3);
            for (int r = 0; r < s.reps; ++r) {
                luaNs.push_back(timeThink(*lua, luaWorld, types, s.ticksPerRep, &allocated));
                if (native) {
                    nativeNs.push_back(timeThink(*native, nativeWorld, types, s.ticksPerRep));
                    ratios.push_back(luaNs.back() / nativeNs.back());
                }
            }
            double difference = -1;
            if (native) // same world, same tick: compare the intents
                difference =
                    maxIntentDifference(luaWorld.intents, nativeWorld.intents, types[0].speed);
            const Stat l = summarize(luaNs), c = summarize(nativeNs), q = summarize(ratios);
            const double bytesPerEntity =
                double(allocated) / (double(s.reps) * s.ticksPerRep * double(n));
            nlohmann::json row = {{"script", file.name},
                                  {"enemies", n},
                                  {"lua_ns", toJson(l)},
                                  {"lua_bytes_per_entity", bytesPerEntity},
                                  {"errors", lua->errors().total()}};
            char nativeText[64] = "-", ratioText[16] = "-", diffText[32] = "-";
            if (native) {
                row["native_ns"] = toJson(c);
                row["ratio"] = toJson(q);
                row["max_intent_difference"] = difference;
                std::snprintf(nativeText, sizeof nativeText, "%7.1f [%5.1f-%6.1f]", c.median, c.min,
                              c.max);
                std::snprintf(ratioText, sizeof ratioText, "%.2fx", q.median);
                std::snprintf(diffText, sizeof diffText, "max diff %.1e", difference);
            }
            std::printf("   %-8s %8zu %7.1f [%5.1f-%6.1f] %9.3f %22s %8s %s\n", file.name.c_str(),
                        n, l.median, l.min, l.max, bytesPerEntity, nativeText, ratioText, diffText);
            out.push_back(row);
        }
    }
    return out;
}

// Scenario 7: what the execution budget costs: every script with and without the instrumented
// checks, interleaved, at 10k enemies.
nlohmann::json budgetCost(const Settings& s) {
    const size_t n = 10000;
    std::printf("\n7. Execution budget: think ns per entity with and without the budget checks, "
                "%zu enemies, 1 VM\n",
                n);
    std::printf("   %-8s %22s %22s %9s\n", "script", "with budget", "without", "overhead");
    nlohmann::json out = nlohmann::json::array();
    const scripting::ScriptFiles files = scripting::readScriptFiles(s.scriptsDir);
    for (const scripting::ScriptFile& file : files.enemies) {
        std::vector<double> w, wo, ratios;
        // Fresh VMs per pair: which branch of a branchy script the JIT compiles first differs
        // from VM to VM (+-10% for the dasher), so one pair would measure that, not the budget.
        const int pairs = s.quick ? 1 : 3;
        for (int pair = 0; pair < pairs; ++pair) {
            auto with = luaPhaseFor(s, file.name, 1, true);
            auto without = luaPhaseFor(s, file.name, 1, false);
            if (!with || !without)
                break;
            const auto types = with->types();
            scripting::SyntheticWorld a(n, 0, types[0].speed), b(n, 0, types[0].speed);
            timeThink(*with, a, types, 3);
            timeThink(*without, b, types, 3);
            // A difference of a few percent: alternate tick by tick, so a burst of noise on this
            // shared host lands on both sides instead of on one rep of one side.
            for (int r = 0; r < s.reps; ++r) {
                double withNs = 0, withoutNs = 0;
                for (int t = 0; t < s.ticksPerRep; ++t) {
                    withNs += timeThink(*with, a, types, 1);
                    withoutNs += timeThink(*without, b, types, 1);
                }
                w.push_back(withNs / s.ticksPerRep);
                wo.push_back(withoutNs / s.ticksPerRep);
                ratios.push_back(w.back() / wo.back());
            }
        }
        if (w.empty()) // did not load: reported above
            continue;
        const Stat sw = summarize(w), so = summarize(wo), q = summarize(ratios);
        std::printf("   %-8s %7.1f [%5.1f-%6.1f] %7.1f [%5.1f-%6.1f] %+8.1f%%\n", file.name.c_str(),
                    sw.median, sw.min, sw.max, so.median, so.min, so.max, (q.median - 1.0) * 100.0);
        out.push_back({{"script", file.name},
                       {"with_ns", toJson(sw)},
                       {"without_ns", toJson(so)},
                       {"ratio", toJson(q)}});
    }
    return out;
}

// Scenario 2: the usual binding — the chaser's think called once per entity with lua_pcall, its
// fields pushed on the stack — against Arena's batch driver running chaser.lua.
const char* kUsualChaser = R"(
local sin, sqrt = math.sin, math.sqrt
return function(x, y, px, py, age, id, speed)
  local dx, dy = px - x, py - y
  local d = sqrt(dx * dx + dy * dy)
  if d < 1e-6 then dx, dy = 0, 0 else dx, dy = dx / d, dy / d end
  local weave = 0.45 * sin(age * 0.06 + id)
  return (dx - dy * weave) * speed, (dy + dx * weave) * speed
end)";

// The usual binding against Arena's driver on `arena` (one script), at 10k and 100k: one row each.
nlohmann::json compareBindings(const Settings& s, const char* usualSource,
                               scripting::LuaThinkPhase& arena) {
    nlohmann::json out = nlohmann::json::array();
    const auto types = arena.types();
    lua_State* L = luaL_newstate();
    luaL_openlibs(L);
    luaL_loadstring(L, usualSource);
    lua_call(L, 0, 1);
    const int fn = luaL_ref(L, LUA_REGISTRYINDEX);
    const std::vector<size_t> sizes =
        s.quick ? std::vector<size_t>{10000} : std::vector<size_t>{10000, 100000};
    for (size_t n : sizes) {
        scripting::SyntheticWorld a(n, 0, types[0].speed), b(n, 0, types[0].speed);
        const auto usualTick = [&](scripting::SyntheticWorld& w) {
            w.snapshot();
            const auto start = Clock::now();
            const auto enemies = w.world.enemies.dense();
            const double px = w.world.player.position.x, py = w.world.player.position.y;
            for (size_t i = 0; i < enemies.size(); ++i) {
                const engine::Enemy& e = enemies[i];
                lua_rawgeti(L, LUA_REGISTRYINDEX, fn);
                lua_pushnumber(L, e.position.x);
                lua_pushnumber(L, e.position.y);
                lua_pushnumber(L, px);
                lua_pushnumber(L, py);
                lua_pushnumber(L, double(w.world.tick - e.spawnTick));
                lua_pushnumber(L, double(engine::packObjectId(e.id)));
                lua_pushnumber(L, e.speed);
                if (lua_pcall(L, 7, 2, 0) == 0) {
                    w.intents[i].velocity = {float(lua_tonumber(L, -2)),
                                             float(lua_tonumber(L, -1))};
                    lua_pop(L, 2);
                } else {
                    lua_pop(L, 1);
                }
            }
            return std::chrono::duration<double, std::nano>(Clock::now() - start).count() /
                   double(n);
        };
        for (int i = 0; i < 3; ++i) {
            usualTick(a);
            timeThink(arena, b, types, 1);
        }
        std::vector<double> usual, ours, ratio;
        for (int r = 0; r < s.reps; ++r) {
            double u = 0;
            for (int t = 0; t < s.ticksPerRep; ++t)
                u += usualTick(a);
            usual.push_back(u / s.ticksPerRep);
            ours.push_back(timeThink(arena, b, types, s.ticksPerRep));
            ratio.push_back(usual.back() / ours.back());
        }
        const Stat u = summarize(usual), o = summarize(ours), q = summarize(ratio);
        std::printf("   %8zu %7.1f [%5.1f-%6.1f] %7.1f [%5.1f-%6.1f] %8.2fx\n", n, u.median, u.min,
                    u.max, o.median, o.min, o.max, q.median);
        out.push_back({{"enemies", n},
                       {"usual_ns", toJson(u)},
                       {"arena_ns", toJson(o)},
                       {"speedup", toJson(q)}});
    }
    luaL_unref(L, LUA_REGISTRYINDEX, fn);
    lua_close(L);
    return out;
}

nlohmann::json usualBinding(const Settings& s) {
    std::printf(
        "\n2. The usual binding: chaser, one lua_pcall per entity with its fields pushed, 1 VM\n");
    std::printf("   %8s %22s %22s %9s\n", "enemies", "usual lua_pcall", "Arena batch driver",
                "speedup");
    auto arena = luaPhaseFor(s, "chaser", 1);
    if (!arena)
        return nlohmann::json::array();
    return compareBindings(s, kUsualChaser, *arena);
}

// Scenario 2b: what each binding costs by itself: the same calls with a think that returns 0, 0.
nlohmann::json bindingFixedCost(const Settings& s) {
    std::printf(
        "\n2b. Fixed cost per entity of each binding: a think that only returns 0, 0, 1 VM\n");
    std::printf("   %8s %22s %22s %9s\n", "enemies", "usual lua_pcall", "Arena batch driver",
                "speedup");
    scripting::ScriptFiles files = scripting::readScriptFiles(s.scriptsDir);
    std::erase_if(files.enemies, [](const scripting::ScriptFile& f) { return f.name != "chaser"; });
    if (files.enemies.empty())
        return nlohmann::json::array();
    files.enemies[0].source = "return { name = 'Empty', hp = 3, speed = 125, radius = 12, color = "
                              "'#ffffff', score = 1, think = function() return 0, 0 end }";
    scripting::LuaThinkDef def = scripting::defaultLuaThinkDef();
    def.poolSize = 1;
    std::string error;
    auto arena = scripting::LuaThinkPhase::create(def, files, &error);
    if (!arena) {
        std::fprintf(stderr, "arena-bench: %s\n", error.c_str());
        return nlohmann::json::array();
    }
    return compareBindings(s, "return function(x, y, px, py, age, id, speed) return 0, 0 end",
                           *arena);
}

// A world with every shipped script, in equal shares.
struct MixedWorld {
    scripting::SyntheticWorld world;
    // Types in equal shares, grouped in the dense array the way the game keeps them.
    MixedWorld(size_t n, const std::vector<engine::EnemyType>& types) : world(n, 0, 100.0f) {
        std::vector<engine::Enemy> all(world.world.enemies.dense().begin(),
                                       world.world.enemies.dense().end());
        world.world.clearEnemies();
        for (size_t i = 0; i < all.size(); ++i) {
            all[i].type = uint16_t(i % types.size());
            all[i].speed = types[all[i].type].speed;
            world.world.addEnemy(all[i]);
        }
    }
};

std::unique_ptr<scripting::LuaThinkPhase> allScripts(const Settings& s, int pool) {
    scripting::LuaThinkDef def = scripting::defaultLuaThinkDef();
    def.scriptsDir = s.scriptsDir;
    def.poolSize = pool;
    std::string error;
    auto phase = scripting::LuaThinkPhase::create(def, &error);
    if (!phase)
        std::fprintf(stderr, "arena-bench: %s\n", error.c_str());
    return phase;
}

// The control for scenario 3: the native chaser split into the same batches over the same worker
// pool. If native code does not scale either, the limit is the machine, not the Lua.
nlohmann::json nativeScalingControl(const Settings& s, size_t n) {
    const auto once = [&](engine::WorkerPool& pool, scripting::SyntheticWorld& w) {
        w.snapshot(&pool); // on the pool, as the Lua phase does: workers stay warm
        const size_t batch = 1024, batches = (n + batch - 1) / batch;
        const auto start = Clock::now();
        pool.run(uint32_t(batches), [&](int, uint32_t b) {
            const size_t first = b * batch, last = std::min(n, first + batch);
            // chaser.lua's think in C++ (bench::NativeChaser's formula), on this batch only
            std::span<engine::Intent> out(w.intents.data() + first, last - first);
            const auto enemies = w.world.enemies.dense().subspan(first, last - first);
            const double px = w.world.player.position.x, py = w.world.player.position.y;
            for (size_t i = 0; i < enemies.size(); ++i) {
                const double dx = px - enemies[i].position.x, dy = py - enemies[i].position.y;
                const double d = std::sqrt(dx * dx + dy * dy) + 1e-9;
                const double weave =
                    0.45 * std::sin(double(w.world.tick - enemies[i].spawnTick) * 0.06 +
                                    double(engine::packObjectId(enemies[i].id)));
                out[i].velocity = glm::vec2(float((dx / d - dy / d * weave) * enemies[i].speed),
                                            float((dy / d + dx / d * weave) * enemies[i].speed));
            }
        });
        return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    };
    engine::WorkerPool one(1), two(2);
    scripting::SyntheticWorld a(n, 0, 125.0f), b(n, 0, 125.0f);
    for (int i = 0; i < 5; ++i) {
        once(one, a);
        once(two, b);
    }
    std::vector<double> ratio;
    for (int r = 0; r < s.reps; ++r) {
        double t1 = 0, t2 = 0;
        for (int t = 0; t < s.ticksPerRep; ++t) {
            t1 += once(one, a);
            t2 += once(two, b);
        }
        ratio.push_back(t1 / t2);
    }
    const Stat q = summarize(ratio);
    std::printf("   %8zu  native C++ chaser, same batches, 1 -> 2 threads: %.2fx (the machine's "
                "own ceiling)\n",
                n, q.median);
    return {{"enemies", n}, {"native_speedup", toJson(q)}};
}

// Scenario 3: pool scaling, 1..N VMs and 2N (oversubscribed), all scripts mixed.
nlohmann::json poolScaling(const Settings& s) {
    const int cores = engine::WorkerPool::hardwareThreads();
    std::printf("\n3. Pool scaling: think phase ms per tick, all scripts mixed (%d cores)\n",
                cores);
    std::printf("   %8s %5s %22s %9s %s\n", "enemies", "VMs", "think ms", "speedup",
                "VM utilization (busy/think)");
    nlohmann::json out = nlohmann::json::array();
    const std::vector<size_t> sizes =
        s.quick ? std::vector<size_t>{10000} : std::vector<size_t>{10000, 100000};
    std::vector<int> pools;
    for (int p = 1; p <= cores; ++p)
        pools.push_back(p);
    pools.push_back(2 * cores);
    for (size_t n : sizes) {
        std::vector<std::unique_ptr<scripting::LuaThinkPhase>> phases;
        std::vector<std::unique_ptr<MixedWorld>> worlds;
        for (int p : pools) {
            phases.push_back(allScripts(s, p));
            if (!phases.back())
                return out;
            worlds.push_back(std::make_unique<MixedWorld>(n, phases.back()->types()));
        }
        const auto types = phases[0]->types();
        std::vector<std::vector<double>> ms(pools.size()), ratio(pools.size());
        for (size_t k = 0; k < pools.size(); ++k)
            timeThink(*phases[k], worlds[k]->world, types, 3);
        for (int r = 0; r < s.reps; ++r) // interleaved: the same noise for every pool size
            for (size_t k = 0; k < pools.size(); ++k)
                ms[k].push_back(timeThink(*phases[k], worlds[k]->world, types, s.ticksPerRep) *
                                double(n) / 1e6);
        for (size_t k = 0; k < pools.size(); ++k) {
            for (int r = 0; r < s.reps; ++r)
                ratio[k].push_back(ms[0][size_t(r)] / ms[k][size_t(r)]);
            const Stat t = summarize(ms[k]), q = summarize(ratio[k]);
            std::string util;
            nlohmann::json utilJson = nlohmann::json::array();
            for (const scripting::VmStats& v : phases[k]->stats().lastTick) {
                const double u = phases[k]->stats().lastThinkWallMs > 0
                                     ? v.busyMs / phases[k]->stats().lastThinkWallMs
                                     : 0;
                char b[16];
                std::snprintf(b, sizeof b, "%.0f%% ", u * 100);
                util += b;
                utilJson.push_back(u);
            }
            std::printf("   %8zu %5d %7.3f [%5.3f-%6.3f] %8.2fx %s\n", n, pools[k], t.median, t.min,
                        t.max, q.median, util.c_str());
            out.push_back({{"enemies", n},
                           {"vms", pools[k]},
                           {"think_ms", toJson(t)},
                           {"speedup", toJson(q)},
                           {"utilization", utilJson}});
        }
        out.push_back(nativeScalingControl(s, n));
    }
    return out;
}

// Scenario 4: the fixed cost of one pool round with empty work.
nlohmann::json dispatch(const Settings& s) {
    const int workers = std::max(2, engine::WorkerPool::hardwareThreads());
    std::printf("\n4. Dispatch: one pool round of %d empty jobs, %d threads, microseconds\n",
                workers * 4, workers);
    engine::WorkerPool pool(workers);
    const auto round = [&]() {
        const auto start = Clock::now();
        pool.run(uint32_t(workers * 4), [](int, uint32_t) {});
        return std::chrono::duration<double, std::micro>(Clock::now() - start).count();
    };
    std::vector<double> warm, idle;
    const int rounds = s.quick ? 200 : 2000;
    for (int i = 0; i < 50; ++i)
        round();
    for (int i = 0; i < rounds; ++i)
        warm.push_back(round());
    for (int i = 0; i < (s.quick ? 20 : 100); ++i) {
        std::this_thread::sleep_for(
            std::chrono::milliseconds(5)); // workers spin 200 us, then sleep
        idle.push_back(round());
    }
    const Stat w = summarize(warm), i = summarize(idle);
    std::printf("   warm (back to back)      %7.1f [%5.1f-%7.1f]\n", w.median, w.min, w.max);
    std::printf("   after 5 ms idle          %7.1f [%5.1f-%7.1f]\n", i.median, i.min, i.max);
    return {{"warm_us", toJson(w)}, {"after_idle_us", toJson(i)}};
}

// Scenario 5: full headless ticks with every script, the hooks and the director.
nlohmann::json fullTick(const Settings& s) {
    std::printf(
        "\n5. Full tick: headless, all scripts, hooks and director on, autopilot player, 2 VMs\n");
    std::printf("   %8s %9s %9s  %s\n", "enemies", "ticks/s", "ms/tick", "ms per phase");
    nlohmann::json out = nlohmann::json::array();
    const std::vector<int> sizes =
        s.quick ? std::vector<int>{10000} : std::vector<int>{10000, 100000};
    for (int n : sizes) {
        game::GameSession session = bench::warmGame(s, n);
        if (!session.game)
            return out;
        std::vector<double> tickMs;
        game::PhaseTimes sum;
        const int ticks = s.quick ? 30 : 120;
        for (int t = 0; t < ticks; ++t) {
            const auto start = Clock::now();
            session.game->step(nullptr);
            tickMs.push_back(
                std::chrono::duration<double, std::milli>(Clock::now() - start).count());
            for (size_t p = 0; p < sum.ms.size(); ++p)
                sum.ms[p] += session.game->lastTickTimes().ms[p];
        }
        const Stat st = summarize(tickMs);
        std::string phases;
        nlohmann::json phaseJson = nlohmann::json::object();
        for (size_t p = 0; p < sum.ms.size(); ++p) {
            char b[48];
            std::snprintf(b, sizeof b, "%s %.2f  ", game::kPhaseNames[p], sum.ms[p] / ticks);
            phases += b;
            phaseJson[game::kPhaseNames[p]] = sum.ms[p] / ticks;
        }
        std::printf("   %8d %9.0f %9.3f  %s\n", n, 1000.0 / st.median, st.median, phases.c_str());
        out.push_back({{"enemies", n},
                       {"tick_ms", toJson(st)},
                       {"ticks_per_second", 1000.0 / st.median},
                       {"phase_ms", phaseJson}});
    }
    return out;
}

// Scenario 6: identity churn: create + destroy an object with a Lua identity and table.
nlohmann::json identityChurn(const Settings& s) {
    const int cycles = s.quick ? 100000 : 1000000;
    std::printf("\n6. Identity churn: %d create+destroy cycles of objects with a Lua identity and "
                "table (1000 live)\n",
                cycles);
    scripting::ScriptFiles files = scripting::readScriptFiles(s.scriptsDir);
    auto pool = allScripts(s, 1);
    if (!pool)
        return {};
    std::string error;
    auto vm = scripting::MainVm::create(scripting::defaultMainVmDef(), pool->loadedFiles(),
                                        pool->scripts(), pool->errors(), &error);
    if (!vm)
        return {};
    scripting::SyntheticWorld w(1000, 0, 100.0f);
    scripting::CommandBuffer out;
    lua_State* L = vm->state();
    vm->begin(w.world, 1, out);
    std::vector<engine::ObjectId> live;
    for (const engine::Enemy& e : w.world.enemies.dense())
        live.push_back(e.id);
    for (engine::ObjectId id : live) {
        vm->pushEnemy(*w.world.enemies.get(id));
        lua_pop(L, 1);
    }
    lua_gc(L, LUA_GCCOLLECT, 0);
    const size_t before = vm->luaMemory();
    const auto start = Clock::now();
    for (int c = 0; c < cycles; ++c) {
        const size_t k = size_t(c) % live.size();
        vm->release(*w.world.enemies.get(live[k]), uint64_t(c));
        w.world.enemies.destroy(live[k]);
        engine::Enemy e;
        live[k] = w.world.enemies.create(e);
        w.world.enemies.dense().back().id = live[k];
        vm->pushEnemy(w.world.enemies.dense().back());
        lua_getfenv(L, -1);
        lua_pushnumber(L, c);
        lua_setfield(L, -2, "n");
        lua_pop(L, 2);
    }
    const double ns =
        std::chrono::duration<double, std::nano>(Clock::now() - start).count() / cycles;
    vm->end();
    lua_gc(L, LUA_GCCOLLECT, 0);
    lua_gc(L, LUA_GCCOLLECT, 0);
    const size_t after = vm->luaMemory();
    const scripting::MainVmStats st = vm->stats(w.world);
    std::printf("   %.0f ns per create+destroy; Lua memory %.0f KiB before, %.0f KiB after a full "
                "collection; "
                "%llu refs for %llu identities\n",
                ns, double(before) / 1024, double(after) / 1024,
                static_cast<unsigned long long>(st.registryObjectRefs),
                static_cast<unsigned long long>(st.identities));
    return {{"cycles", cycles},
            {"ns_per_cycle", ns},
            {"lua_kb_before", double(before) / 1024},
            {"lua_kb_after", double(after) / 1024},
            {"registry_refs", st.registryObjectRefs},
            {"identities", st.identities}};
}

// Scenario 8: hot reload: from a script file's write to the new version running in every VM.
nlohmann::json hotReload(const Settings& s) {
    namespace fs = std::filesystem;
    std::printf("\n8. Hot reload: from a file's write to the new version live in every VM (2 VMs + "
                "main VM)\n");
    const fs::path root = fs::temp_directory_path() / "arena_bench_reload";
    fs::remove_all(root);
    fs::copy(s.scriptsDir, root, fs::copy_options::recursive);
    game::AppOptions o;
    o.scriptsDir = root.string();
    o.pool = 2;
    o.enemies = 2000;
    std::string error;
    game::GameSession session = game::makeGame(o, true, &error);
    if (!session.game)
        return {};
    game::LiveScripts live(session, root.string(), true);
    live.setPrintOutcomes(false); // keep the report readable; a refusal is reported below
    const fs::path chaser = root / "enemies" / "chaser.lua";
    std::string text;
    scripting::readScriptFile(chaser.string(), &text, &error);
    std::vector<double> total, afterDebounce;
    const int edits = s.quick ? 3 : 10;
    for (int i = 0; i < edits; ++i) {
        std::string edited = text + "\n-- edit " + std::to_string(i) + "\n";
        const auto written = Clock::now();
        { std::ofstream(chaser, std::ios::binary) << edited; }
        const int versionBefore =
            session.library->find(scripting::ScriptKind::Enemy, "chaser")->version;
        Clock::time_point settled{};
        for (;;) { // the game's loop: poll between ticks (here, as fast as it can)
            const auto before = Clock::now();
            live.update();
            bool applied = false;
            for (const auto& st : live.statuses())
                applied = applied || (st.key == "chaser" && st.version > versionBefore);
            if (applied) {
                settled = before;
                break;
            }
            if (!live.notices().empty() && live.notices().back().refused) {
                std::fprintf(stderr, "arena-bench: %s\n", live.notices().back().message.c_str());
                fs::remove_all(root);
                return {};
            }
            session.game->step(nullptr);
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        const auto done = Clock::now();
        total.push_back(std::chrono::duration<double, std::milli>(done - written).count());
        afterDebounce.push_back(std::chrono::duration<double, std::milli>(done - settled).count());
    }
    const Stat t = summarize(total), a = summarize(afterDebounce);
    std::printf(
        "   write to live: %.1f ms median [%.1f-%.1f] (debounce 150 ms + polling 50 ms included)\n",
        t.median, t.min, t.max);
    std::printf("   check + swap into every VM, after the debounce: %.1f ms median [%.1f-%.1f]\n",
                a.median, a.min, a.max);
    fs::remove_all(root);
    return {{"write_to_live_ms", toJson(t)}, {"after_debounce_ms", toJson(a)}};
}

} // namespace

game::GameSession bench::warmGame(const Settings& s, int enemies) {
    game::AppOptions o;
    o.scriptsDir = s.scriptsDir;
    o.pool = 2;
    o.enemies = enemies;
    std::string error;
    game::GameSession session = game::makeGame(o, true, &error);
    if (!session.game) {
        std::fprintf(stderr, "arena-bench: %s\n", error.c_str());
        return session;
    }
    for (int t = 0; t < 30; ++t)
        session.game->step(nullptr);
    return session;
}

int main(int argc, char** argv) {
    CLI::App app{"arena-bench: Arena's scripting benchmarks (ratios measured in one run)"};
    Settings s;
    s.scriptsDir = ARENA_DEFAULT_SCRIPTS_DIR;
    std::string jsonPath, only;
    app.add_flag("--quick", s.quick, "A short smoke run (what CI executes)");
    app.add_option("--json", jsonPath, "Also write the results as JSON to FILE");
    app.add_option("--scripts", s.scriptsDir, "Scripts folder")->check(CLI::ExistingDirectory);
    app.add_option("--only", only, "Run only scenarios whose name contains this");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2; // bad flags: 2, as the README says (not CLI11's own codes)
    }
    if (s.quick) {
        s.reps = 3;
        s.ticksPerRep = 5;
    }

    const std::vector<std::pair<std::string, std::function<nlohmann::json(const Settings&)>>>
        scenarios{
            {"behaviour_cost", behaviourCost},
            {"usual_binding", usualBinding},
            {"binding_fixed_cost", bindingFixedCost},
            {"pool_scaling", poolScaling},
            {"dispatch", dispatch},
            {"full_tick", fullTick},
            {"identity_churn", identityChurn},
            {"budget_cost", budgetCost},
            {"hot_reload", hotReload},
            {"limits", bench::limitsHold},
            {"overlay_cost", bench::overlayCost},
            {"rounds", bench::roundShape},
            {"frame_cost", bench::frameCost},
            {"time_travel", bench::timeTravel},
            {"million", bench::million},
        };
    nlohmann::json results;
    results["quick"] = s.quick;
    for (const auto& [name, run] : scenarios)
        if (only.empty() || name.find(only) != std::string::npos)
            results[name] = run(s);
    if (!jsonPath.empty()) {
        std::ofstream out(jsonPath);
        out << results.dump(2) << '\n';
        if (!out) {
            std::fprintf(stderr, "arena-bench: cannot write %s\n", jsonPath.c_str());
            return 1;
        }
    }
    return 0;
}
