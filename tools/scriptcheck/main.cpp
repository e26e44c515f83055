// scriptcheck: checks enemy scripts the way the game loads them, without starting the game.
//
//   scriptcheck [FILES|DIRS]...
//
//   scriptcheck --exec FILE... [--lib DIR]
//
// runs each file's top-level chunk, in order, in one sandboxed VM under exactly the rules and
// limits enemy scripts get (require loads from DIR), and prints "result: <value>" or
// "error: <message>" per file. A VM left unusable (memory still held after a collection) is
// replaced, and the output says so.
//
// A directory is a scripts folder (with enemies/ and lib/) or an enemies folder (its ../lib is
// used); a file is an enemy script (its ../lib is used). For every script: load it in a sandboxed
// VM, check the contract, then play it for a few seconds of a synthetic game (autopilot player, a
// crowd of that enemy, the same pool code) and replay it in fresh VMs: the two runs must agree, or
// think is not pure. Prints "file:line: message" per problem and exits 1 if there was any.
#include "engine/core/tick.h"
#include "game/sim/game.h"
#include "game/sim/lua_hooks.h"
#include "scripting/chunk_runner.h"
#include "scripting/script_api.h"
#include "scripting/script_files.h"
#include "scripting/synthetic_world.h"
#include "scripting/think_phase.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Target {
    scripting::ScriptFile enemy; // the script under check (or the director)
    std::vector<scripting::ScriptFile> libs;
    std::vector<scripting::ScriptFile>
        others; // the other enemies of its folder: hooks may spawn them
    bool isDirector = false;
};

std::vector<scripting::ScriptFile> libsNextTo(const fs::path& enemiesDir) {
    return scripting::readScriptFiles((enemiesDir.parent_path()).string()).libs;
}

// Replaces the chunk name at the start of a message with the file's path on disk.
std::string located(const std::string& message, const std::map<std::string, std::string>& paths) {
    for (const auto& [chunk, path] : paths)
        if (message.rfind(chunk + ":", 0) == 0)
            return path + message.substr(chunk.size());
    return message;
}

// Lets several games share one think phase (and so the same VMs, in the same state).
struct Borrowed final : engine::ThinkPhase {
    engine::ThinkPhase* inner;
    explicit Borrowed(engine::ThinkPhase* p) : inner(p) {}
    void think(const engine::ThinkContext& c, std::span<engine::Intent> i) override {
        inner->think(c, i);
    }
};

struct RunResult {
    bool loaded = false;
    std::vector<std::string> problems;
    uint64_t hash = 0;
};

// Plays `ticks` ticks of a synthetic game. With warmupTicks > 0 the same VMs first play another
// game: a pure think cannot tell the difference.
RunResult play(const Target& t, int ticks, int warmupTicks, bool reversed = false) {
    RunResult r;
    std::map<std::string, std::string> paths{{t.enemy.chunkname, t.enemy.path}};
    for (const auto& lib : t.libs)
        paths[lib.chunkname] = lib.path;
    scripting::ScriptFiles files;
    files.root = fs::path(t.enemy.path).parent_path().parent_path().string();
    files.enemies = t.others;
    if (t.isDirector)
        files.director = t.enemy;
    else
        files.enemies.push_back(t.enemy);
    files.libs = t.libs;
    scripting::LuaThinkDef def = scripting::defaultLuaThinkDef();
    def.poolSize = 1;
    std::string error;
    auto think = scripting::LuaThinkPhase::create(def, files, &error);
    if (!think) {
        // create() failed: the reason lists the load errors.
        const std::string prefix = "no enemy script loaded from " + files.root + "/enemies\n  ";
        std::string msg = error.rfind(prefix, 0) == 0 ? error.substr(prefix.size()) : error;
        r.problems.push_back(located(msg, paths));
        return r;
    }
    r.loaded = true;
    scripting::LuaThinkPhase* phase = think.get();
    phase->setReversedOrder(reversed);
    for (const scripting::ScriptError& e : phase->loadErrors())
        if (e.message.rfind(t.enemy.chunkname, 0) == 0 || (t.isDirector && e.script == "director"))
            r.problems.push_back(located(e.message, paths));
    auto mainVm = scripting::MainVm::create(scripting::defaultMainVmDef(), phase->loadedFiles(),
                                            phase->scripts(), phase->errors(), &error);
    if (!mainVm) {
        r.problems.push_back(located(error, paths));
        return r;
    }
    game::GameDef gameDef = game::defaultGameDef();
    gameDef.autoRestart = true;
    gameDef.builtInWaves = false;
    if (!t.isDirector) { // a crowd of the script under check; the director plays no part
        gameDef.minEnemies = 48;
        for (size_t i = 0; i < phase->scripts().size(); ++i)
            if (phase->scripts()[i].key == t.enemy.name)
                gameDef.floorType = int(i);
    }
    auto hooks = std::make_unique<game::LuaHooks>(std::move(mainVm));
    if (warmupTicks > 0) {
        gameDef.seed = 99;
        game::Game warmup(gameDef, phase->types(), std::make_unique<Borrowed>(phase));
        for (int i = 0; i < warmupTicks; ++i)
            warmup.step(nullptr);
    }
    gameDef.seed = 7;
    game::Game g(gameDef, phase->types(), std::make_unique<Borrowed>(phase), std::move(hooks));
    for (int i = 0; i < ticks; ++i)
        g.step(nullptr);
    constexpr size_t kMaxReported = 5; // distinct messages per script; more would only bury them
    std::vector<scripting::ScriptErrorEntry> entries;
    for (const auto& e : phase->errors().entries()) // only what the script under check did
        if (e.first.file == t.enemy.chunkname || e.first.message.rfind(t.enemy.chunkname, 0) == 0)
            entries.push_back(e);
    for (size_t i = 0; i < entries.size() && i < kMaxReported; ++i)
        r.problems.push_back(
            located(entries[i].first.message, paths) +
            (entries[i].count > 1 ? " (" + std::to_string(entries[i].count) + " times)" : ""));
    if (entries.size() > kMaxReported)
        r.problems.push_back(t.enemy.path + ":1: ... and " +
                             std::to_string(entries.size() - kMaxReported) +
                             " more distinct errors");
    r.hash = g.worldHash();
    return r;
}

// --jit-probe ROOT KEY: plays one script over a synthetic crowd with LuaJIT's trace log on
// (ARENA_JIT_LOG, set by the parent). Runs in its own process: the trace compiler's choices vary
// from process to process, which is exactly what the check is about.
int jitProbe(const std::string& root, const std::string& key) {
    scripting::ScriptFiles files = scripting::readScriptFiles(root);
    std::erase_if(files.enemies, [&](const scripting::ScriptFile& f) { return f.name != key; });
    files.director = {};
    scripting::LuaThinkDef def = scripting::defaultLuaThinkDef();
    def.poolSize = 1;
    std::string error;
    auto phase = scripting::LuaThinkPhase::create(def, files, &error);
    if (!phase) {
        std::printf("%s\n", error.c_str());
        return 2;
    }
    scripting::SyntheticWorld w(3000, 0, phase->scripts()[0].type.speed);
    const auto types = phase->types();
    for (int t = 0; t < 150; ++t) {
        w.snapshot();
        phase->think(engine::ThinkContext{w.world, w.world.enemyMemory, types, 1, engine::kTickDt},
                     w.intents);
    }
    return phase->errors().entries().empty() ? 0 : 1;
}

// --jit: every script, in several fresh processes; fails if its code keeps aborting traces (it
// would run in the interpreter: the same code measured 45 ns in some processes and 258 in others).
int jitHealth(const std::string& self, const std::string& root, int processes) {
    const scripting::ScriptFiles files = scripting::readScriptFiles(root);
    int failures = 0;
    for (const scripting::ScriptFile& f : files.enemies) {
        std::map<std::string, int> reasons;
        int aborts = 0;
        for (int p = 0; p < processes; ++p) {
            const std::string log =
                (fs::temp_directory_path() / ("arena_jit_" + std::to_string(::getpid()) + "_" +
                                              f.name + "_" + std::to_string(p)))
                    .string();
            const std::string cmd = "ARENA_JIT_LOG=" + log + " '" + self + "' --jit-probe '" +
                                    root + "' " + f.name + " > /dev/null 2>&1";
            if (std::system(cmd.c_str()) != 0) {
                std::printf("%s: the JIT probe failed to run\n", f.path.c_str());
                ++failures;
            }
            for (const auto& entry : fs::directory_iterator(fs::temp_directory_path())) {
                const std::string name = entry.path().string();
                if (name.rfind(log + ".", 0) != 0)
                    continue;
                std::ifstream in(name);
                std::string line;
                while (std::getline(in, line)) {
                    // "[TRACE --- (parent) where -- reason]": an abort. Leaving a loop in a root
                    // trace is LuaJIT's normal way of finding a better start: not counted.
                    if (line.find("[TRACE ---") == std::string::npos ||
                        line.find("leaving loop in root trace") != std::string::npos ||
                        line.find("instrument:") !=
                            std::string::npos) // the loader, not the behaviour
                        continue;
                    const size_t dash = line.rfind(" -- ");
                    const std::string reason =
                        dash == std::string::npos ? line : line.substr(dash + 4);
                    ++reasons[reason];
                    ++aborts;
                }
                fs::remove(entry.path());
            }
        }
        const bool bad = aborts > 2 * processes;
        std::printf("%s: %s (%d trace aborts over %d processes)\n", f.path.c_str(),
                    bad ? "FALLS BACK TO THE INTERPRETER" : "compiled", aborts, processes);
        for (const auto& [reason, count] : reasons)
            std::printf("    %dx %s\n", count, reason.c_str());
        failures += bad;
    }
    return failures ? 1 : 0;
}

int execFiles(const std::vector<std::string>& paths, const std::string& libDir) {
    std::vector<scripting::ScriptFile> libs;
    std::vector<std::string> problems;
    if (!libDir.empty())
        scripting::readLibFiles(libDir, &libs, &problems);
    for (const std::string& p : problems)
        std::printf("lib: %s\n", p.c_str());
    std::string error;
    auto runner = scripting::ChunkRunner::create(scripting::defaultSandboxLimits(), libs, &error);
    if (!runner) {
        std::printf("error: cannot create a VM: %s\n", error.c_str());
        return 1;
    }
    int failures = 0;
    for (const std::string& path : paths) {
        scripting::ScriptFile file;
        file.name = fs::path(path).stem().string();
        file.chunkname = fs::path(path).filename().string();
        file.path = path;
        std::string readError;
        std::printf("%s: ", path.c_str());
        if (!scripting::readScriptFile(path, &file.source, &readError)) {
            std::printf("error: %s\n", readError.c_str());
            ++failures;
            continue;
        }
        const scripting::ChunkResult r = runner->run(file);
        if (r.ok) {
            std::printf("result: %s\n", r.value.c_str());
        } else {
            std::printf("error: %s\n", r.value.c_str());
            ++failures;
        }
        if (!r.replaced.empty())
            std::printf("vm: replaced (%s, after %s)\n", r.replaced.c_str(), path.c_str());
        std::fflush(stdout);
    }
    return failures ? 1 : 0;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"scriptcheck: load, contract-check and trial-run Arena enemy scripts"};
    std::vector<std::string> inputs;
    int ticks = 300;
    app.add_option("inputs", inputs, "Enemy script files, enemies/ folders or scripts/ folders");
    app.add_option("--ticks", ticks, "Ticks of synthetic play per script")
        ->check(CLI::Range(1, 100000));
    bool exec = false;
    std::string libDir;
    app.add_flag(
        "--exec", exec,
        "Run each file's top-level chunk in one sandboxed VM and print its result or error");
    app.add_option("--lib", libDir, "With --exec: the folder require loads modules from")
        ->check(CLI::ExistingDirectory);
    bool jit = false;
    std::vector<std::string> probe;
    int processes = 5;
    app.add_flag(
        "--jit", jit,
        "For each script folder: check in fresh processes that every script's think runs compiled");
    app.add_option("--processes", processes, "With --jit: how many fresh processes per script")
        ->check(CLI::Range(1, 50));
    app.add_option("--jit-probe", probe, "(internal) ROOT KEY: the process --jit runs")
        ->expected(2);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2; // bad flags: 2, as the README says (not CLI11's own codes)
    }
    if (!probe.empty())
        return jitProbe(probe[0], probe[1]);
    if (exec)
        return execFiles(inputs, libDir);
    if (jit) {
        int code = 0;
        for (const std::string& input : inputs)
            code |= jitHealth(fs::canonical("/proc/self/exe").string(), input, processes);
        return code;
    }

    if (inputs.empty()) {
        std::fprintf(stderr, "scriptcheck: nothing to check (give files or folders; --help)\n");
        return 2;
    }
    std::vector<Target> targets;
    int problems = 0;
    // LuaLS annotations (scripts/types/arena.lua) must list exactly what the engine exposes.
    for (const std::string& input : inputs) {
        const fs::path annotations = fs::path(input) / "types" / "arena.lua";
        std::error_code ec;
        if (!fs::exists(annotations, ec))
            continue;
        std::string text, error;
        scripting::readScriptFile(annotations.string(), &text, &error);
        const scripting::ScriptApi api = scripting::describeScriptApi(&error);
        for (const std::string& p : scripting::checkAnnotations(annotations.string(), text, api)) {
            std::printf("%s\n", p.c_str());
            ++problems;
        }
    }
    for (const std::string& input : inputs) {
        const fs::path p(input);
        std::error_code ec;
        if (fs::is_directory(p / "enemies", ec)) {
            const scripting::ScriptFiles files = scripting::readScriptFiles(p.string());
            for (const std::string& problem : files.problems) {
                std::printf("%s\n", problem.c_str());
                ++problems;
            }
            for (const auto& e : files.enemies) {
                Target t{e, files.libs, {}, false};
                for (const auto& o : files.enemies)
                    if (o.name != e.name)
                        t.others.push_back(o);
                targets.push_back(t);
            }
            if (!files.director.path.empty())
                targets.push_back(Target{files.director, files.libs, files.enemies, true});
        } else if (fs::is_directory(p, ec)) {
            for (const auto& entry : fs::directory_iterator(p, ec)) {
                if (entry.path().extension() != ".lua")
                    continue;
                Target t;
                t.enemy.name = entry.path().stem().string();
                t.enemy.chunkname = "enemies/" + entry.path().filename().string();
                t.enemy.path = entry.path().string();
                std::string error;
                if (!scripting::readScriptFile(t.enemy.path, &t.enemy.source, &error)) {
                    std::printf("%s\n", error.c_str());
                    ++problems;
                    continue;
                }
                t.libs = libsNextTo(p);
                targets.push_back(t);
            }
            for (Target& t : targets) { // siblings: what hooks may spawn
                for (const Target& o : targets)
                    if (o.enemy.path != t.enemy.path && fs::path(o.enemy.path).parent_path() ==
                                                            fs::path(t.enemy.path).parent_path())
                        t.others.push_back(o.enemy);
            }
        } else if (fs::exists(p, ec)) {
            Target t;
            t.enemy.name = p.stem().string();
            t.enemy.chunkname = "enemies/" + p.filename().string();
            t.enemy.path = p.string();
            std::string error;
            if (!scripting::readScriptFile(t.enemy.path, &t.enemy.source, &error)) {
                std::printf("%s\n", error.c_str());
                ++problems;
                continue;
            }
            t.libs = libsNextTo(fs::absolute(p).parent_path());
            // Its siblings load too (not checked): its hooks may spawn them.
            for (const auto& entry : fs::directory_iterator(fs::absolute(p).parent_path(), ec)) {
                if (entry.path().extension() != ".lua" || entry.path().filename() == p.filename())
                    continue;
                scripting::ScriptFile o{entry.path().stem().string(),
                                        "enemies/" + entry.path().filename().string(),
                                        entry.path().string(),
                                        {}};
                std::string ignored;
                if (scripting::readScriptFile(o.path, &o.source, &ignored))
                    t.others.push_back(o);
            }
            targets.push_back(t);
        } else {
            std::printf("%s: no such file or directory\n", input.c_str());
            ++problems;
        }
    }

    for (const Target& t : targets) {
        const RunResult first = play(t, ticks, 0);
        for (const std::string& problem : first.problems)
            std::printf("%s\n", problem.c_str());
        problems += int(first.problems.size());
        if (first.loaded && first.problems.empty()) {
            // Purity: the same game on VMs that already played another must come out the same.
            const RunResult second = play(t, ticks, 37);
            if (second.hash != first.hash) {
                std::printf(
                    "%s:1: think is not pure: the same game played on a VM that ran it before "
                    "came out different (keep state in mem, not in file-level locals)\n",
                    t.enemy.path.c_str());
                ++problems;
            }
            // And in another order: a think must not depend on what the thinks before it did.
            const RunResult third = play(t, ticks, 0, true);
            if (third.hash != first.hash) {
                std::printf("%s:1: think is not pure: the same game with each batch of enemies "
                            "thought in the "
                            "opposite order came out different (does a think read what an earlier "
                            "think left, "
                            "e.g. file-level locals?)\n",
                            t.enemy.path.c_str());
                ++problems;
            }
        }
    }
    std::fflush(stdout);
    std::fprintf(stderr, "scriptcheck: %zu script(s), %d problem(s)\n", targets.size(), problems);
    return problems ? 1 : 0;
}
