// arena-bench: headless scenarios that measure what Arena's scripting costs, each repeated, with
// every comparison a ratio measured inside the same run (these machines are noisy).
//
//   arena-bench [--quick] [--json FILE] [--scripts DIR] [--only NAME]
#include "scripting/synthetic_world.h"
#include "native_behaviours.h"
#include "scripting/lua_think.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Settings {
    bool quick = false;
    int reps = 11;
    int ticksPerRep = 20;
    std::string scriptsDir;
};

struct Stat {
    double median = 0, min = 0, max = 0;
};

Stat summarize(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    if (v.empty())
        return {};
    return {v[v.size() / 2], v.front(), v.back()};
}

nlohmann::json toJson(const Stat& s) { return {{"median", s.median}, {"min", s.min}, {"max", s.max}}; }

// One think phase over a world: ns per entity per tick of the think call, averaged over a rep.
// With `allocated`, also adds the bytes Lua allocated (if think is a LuaThinkPhase).
double timeThink(engine::ThinkPhase& think, scripting::SyntheticWorld& w, std::span<const engine::EnemyType> types, int ticks,
                 uint64_t* allocated = nullptr) {
    double ns = 0;
    auto* lua = dynamic_cast<scripting::LuaThinkPhase*>(&think);
    for (int t = 0; t < ticks; ++t) {
        w.snapshot();
        const auto start = Clock::now();
        think.think(engine::ThinkContext{w.world, types, w.seed, 1.0f / 60.0f}, w.intents);
        ns += std::chrono::duration<double, std::nano>(Clock::now() - start).count();
        if (allocated && lua)
            for (const scripting::VmStats& v : lua->stats().lastTick)
                *allocated += v.allocatedBytes;
    }
    return ns / double(ticks) / double(w.world.enemies.size());
}

std::unique_ptr<scripting::LuaThinkPhase> luaPhaseFor(const Settings& s, const std::string& key, int pool,
                                                      bool instrument = true) {
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
double maxIntentDifference(const std::vector<engine::Intent>& a, const std::vector<engine::Intent>& b, float speed) {
    double worst = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        worst = std::max(worst, double(std::fabs(a[i].velocity.x - b[i].velocity.x)) / speed);
        worst = std::max(worst, double(std::fabs(a[i].velocity.y - b[i].velocity.y)) / speed);
    }
    return worst;
}

// Scenario 1: behaviour cost of every shipped script, against native twins where they exist.
nlohmann::json behaviourCost(const Settings& s) {
    std::printf("\n1. Behaviour cost: think phase, ns per entity per tick, 1 VM (median [min-max] of %d reps)\n", s.reps);
    std::printf("   %-8s %8s %22s %9s %22s %8s %s\n", "script", "enemies", "Lua", "B/entity", "native C++", "Lua/C++", "intents");
    nlohmann::json out = nlohmann::json::array();
    const std::vector<size_t> sizes = s.quick ? std::vector<size_t>{1000, 10000} : std::vector<size_t>{1000, 10000, 100000};
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
            scripting::SyntheticWorld luaWorld(n, 0, types[0].speed), nativeWorld(n, 0, types[0].speed);
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
                difference = maxIntentDifference(luaWorld.intents, nativeWorld.intents, types[0].speed);
            const Stat l = summarize(luaNs), c = summarize(nativeNs), q = summarize(ratios);
            const double bytesPerEntity = double(allocated) / (double(s.reps) * s.ticksPerRep * double(n));
            nlohmann::json row = {{"script", file.name}, {"enemies", n}, {"lua_ns", toJson(l)},
                                  {"lua_bytes_per_entity", bytesPerEntity}, {"errors", lua->errors().total()}};
            char nativeText[64] = "-", ratioText[16] = "-", diffText[32] = "-";
            if (native) {
                row["native_ns"] = toJson(c);
                row["ratio"] = toJson(q);
                row["max_intent_difference"] = difference;
                std::snprintf(nativeText, sizeof nativeText, "%7.1f [%5.1f-%6.1f]", c.median, c.min, c.max);
                std::snprintf(ratioText, sizeof ratioText, "%.2fx", q.median);
                std::snprintf(diffText, sizeof diffText, "max diff %.1e", difference);
            }
            std::printf("   %-8s %8zu %7.1f [%5.1f-%6.1f] %9.3f %22s %8s %s\n", file.name.c_str(), n, l.median, l.min,
                        l.max, bytesPerEntity, nativeText, ratioText, diffText);
            out.push_back(row);
        }
    }
    return out;
}

// Scenario 7: what the execution budget costs: every script with and without the instrumented
// checks, interleaved, at 10k enemies.
nlohmann::json budgetCost(const Settings& s) {
    const size_t n = 10000;
    std::printf("\n7. Execution budget: think ns per entity with and without the budget checks, %zu enemies, 1 VM\n", n);
    std::printf("   %-8s %22s %22s %9s\n", "script", "with budget", "without", "overhead");
    nlohmann::json out = nlohmann::json::array();
    const scripting::ScriptFiles files = scripting::readScriptFiles(s.scriptsDir);
    for (const scripting::ScriptFile& file : files.enemies) {
        auto with = luaPhaseFor(s, file.name, 1, true);
        auto without = luaPhaseFor(s, file.name, 1, false);
        if (!with || !without)
            continue;
        const auto types = with->types();
        scripting::SyntheticWorld a(n, 0, types[0].speed), b(n, 0, types[0].speed);
        timeThink(*with, a, types, 3);
        timeThink(*without, b, types, 3);
        std::vector<double> w, wo, ratios;
        for (int r = 0; r < s.reps; ++r) {
            w.push_back(timeThink(*with, a, types, s.ticksPerRep));
            wo.push_back(timeThink(*without, b, types, s.ticksPerRep));
            ratios.push_back(w.back() / wo.back());
        }
        const Stat sw = summarize(w), so = summarize(wo), q = summarize(ratios);
        std::printf("   %-8s %7.1f [%5.1f-%6.1f] %7.1f [%5.1f-%6.1f] %+8.1f%%\n", file.name.c_str(), sw.median, sw.min,
                    sw.max, so.median, so.min, so.max, (q.median - 1.0) * 100.0);
        out.push_back({{"script", file.name}, {"with_ns", toJson(sw)}, {"without_ns", toJson(so)}, {"ratio", toJson(q)}});
    }
    return out;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"arena-bench: Arena's scripting benchmarks (ratios measured in one run)"};
    Settings s;
    s.scriptsDir = ARENA_DEFAULT_SCRIPTS_DIR;
    std::string jsonPath, only;
    app.add_flag("--quick", s.quick, "A short smoke run (what CI executes)");
    app.add_option("--json", jsonPath, "Also write the results as JSON to FILE");
    app.add_option("--scripts", s.scriptsDir, "Scripts folder")->check(CLI::ExistingDirectory);
    app.add_option("--only", only, "Run only scenarios whose name contains this");
    CLI11_PARSE(app, argc, argv);
    if (s.quick) {
        s.reps = 3;
        s.ticksPerRep = 5;
    }

    const std::vector<std::pair<std::string, std::function<nlohmann::json(const Settings&)>>> scenarios{
        {"behaviour_cost", behaviourCost},
        {"budget_cost", budgetCost},
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
