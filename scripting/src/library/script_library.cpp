#include "scripting/script_library.h"

#include "scripting/chunk_runner.h"
#include "vm/lua_errors.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

namespace fs = std::filesystem;

namespace scripting {

namespace {
constexpr int kTrialTicks = 20;

using Clock = std::chrono::steady_clock;

std::string join(const std::vector<std::string>& items) {
    std::string text;
    for (const std::string& s : items)
        text += (text.empty() ? "" : ", ") + s;
    return text;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

bool classify(const std::string& path, ScriptKind* kind, std::string* key) {
    const auto lua = [&](size_t from) {
        return path.size() > from + 4 && path.compare(path.size() - 4, 4, ".lua") == 0;
    };
    if (path.rfind("enemies/", 0) == 0 && path.find('/', 8) == std::string::npos && lua(8)) {
        *kind = ScriptKind::Enemy;
        *key = path.substr(8, path.size() - 12);
        return true;
    }
    if (path.rfind("lib/", 0) == 0 && lua(4)) {
        *kind = ScriptKind::Module;
        *key = path.substr(4, path.size() - 8);
        std::replace(key->begin(), key->end(), '/', '.');
        return true;
    }
    if (path == "director.lua") {
        *kind = ScriptKind::Director;
        *key = "director";
        return true;
    }
    return false;
}

// A reading error names the file by its full path: name it as everything else does.
std::string relative(const std::string& message, const std::string& root) {
    const std::string prefix = root + "/";
    return message.rfind(prefix, 0) == 0 ? message.substr(prefix.size()) : message;
}

// "kept t, mode; reset to zero: hits", or "" when the layout did not change.
std::string memoryNote(const MemoryLayout& before, const MemoryLayout& after) {
    if (before == after)
        return "";
    std::vector<std::string> kept, reset;
    uint8_t old[64] = {}, fresh[64];
    migrateMemory(before, after, old, fresh, &kept, &reset);
    return "; memory layout changed: kept " + (kept.empty() ? std::string("nothing") : join(kept)) +
           ", reset to zero: " + (reset.empty() ? std::string("nothing") : join(reset));
}
} // namespace

bool classifyScriptPath(const std::string& path, ScriptKind* kind, std::string* key) {
    return classify(path, kind, key);
}

const char* scriptKindName(ScriptKind kind) {
    switch (kind) {
    case ScriptKind::Enemy: return "enemy";
    case ScriptKind::Module: return "module";
    case ScriptKind::Director: return "director";
    }
    return "?";
}

std::unique_ptr<ScriptLibrary> ScriptLibrary::open(const ScriptLibraryDef& def,
                                                   std::string* error) {
    return open(def, readScriptFiles(def.root), error);
}

std::unique_ptr<ScriptLibrary> ScriptLibrary::open(const ScriptLibraryDef& def,
                                                   const ScriptFiles& files, std::string* error) {
    std::unique_ptr<ScriptLibrary> lib(new ScriptLibrary());
    lib->m_def = def;
    lib->m_root = def.root;
    for (const std::string& problem : files.problems)
        lib->m_errors.add(ScriptError{
            ScriptErrorKind::Load, "", "", 0, relative(problem, def.root), 0, -1, 0, {}});

    LuaThinkDef thinkDef = def.think;
    thinkDef.scriptsDir = def.root;
    thinkDef.errors = &lib->m_errors;
    lib->m_ownedPool = LuaThinkPhase::create(thinkDef, files, error);
    if (!lib->m_ownedPool)
        return nullptr;
    lib->m_pool = lib->m_ownedPool.get();

    // Modules: each checked on its own (its top level runs, as require would run it).
    auto checker = ChunkRunner::create(def.think.limits, files.libs, error);
    for (const ScriptFile& m : files.libs) {
        ScriptRecord& r = lib->record(ScriptKind::Module, m.name, m.chunkname);
        r.version = 1;
        r.source = m.source;
        if (checker) {
            const ChunkResult check = checker->run(
                ScriptFile{"check", "(check)", "", "return require(\"" + m.name + "\") ~= nil"});
            if (!check.ok) {
                r.error = check.value;
                lib->say(ScriptErrorKind::Load, r, check.value, 0);
            }
        }
    }
    for (const ScriptFile& f : files.enemies) {
        ScriptRecord& r = lib->record(ScriptKind::Enemy, f.name, f.chunkname);
        const auto& scripts = lib->m_pool->scripts();
        const auto loaded = std::find_if(scripts.begin(), scripts.end(),
                                         [&](const auto& s) { return s.key == f.name; });
        if (loaded != scripts.end()) {
            r.version = 1;
            r.slot = int(loaded - scripts.begin());
            r.modules = loaded->modules;
            r.source = f.source;
        } else {
            for (const ScriptError& e : lib->m_pool->loadErrors())
                if (e.file == f.chunkname) {
                    r.error = e.message;
                    lib->m_errors.add(ScriptError{
                        ScriptErrorKind::Load, r.key, e.file, e.line, e.message, 0, -1, 0, {}});
                }
        }
    }
    MainVmDef mainDef = def.main;
    lib->m_ownedMain = MainVm::create(mainDef, lib->m_pool->loadedFiles(), lib->m_pool->scripts(),
                                      lib->m_errors, error);
    if (!lib->m_ownedMain)
        return nullptr;
    lib->m_main = lib->m_ownedMain.get();
    if (!files.director.path.empty()) {
        ScriptRecord& r = lib->record(ScriptKind::Director, "director", files.director.chunkname);
        r.version = lib->m_main->hasDirector() ? 1 : 0;
        r.source = files.director.source;
        r.modules = lib->m_main->directorModules();
        for (const ScriptErrorEntry& e : lib->m_errors.entries())
            if (!lib->m_main->hasDirector() && e.first.script == "director")
                r.error = e.first.message;
    }
    return lib;
}

ScriptLibrary::~ScriptLibrary() = default;

const ScriptRecord* ScriptLibrary::find(ScriptKind kind, const std::string& key) const {
    for (const ScriptRecord& r : m_records)
        if (r.kind == kind && r.key == key)
            return &r;
    return nullptr;
}

ScriptRecord& ScriptLibrary::record(ScriptKind kind, const std::string& key,
                                    const std::string& chunkname) {
    for (ScriptRecord& r : m_records)
        if (r.kind == kind && r.key == key)
            return r;
    ScriptRecord r;
    r.kind = kind;
    r.key = key;
    r.chunkname = chunkname;
    m_records.push_back(std::move(r));
    return m_records.back();
}

std::vector<ScriptFile> ScriptLibrary::modules() const {
    std::vector<ScriptFile> libs;
    for (const ScriptRecord& r : m_records)
        if (r.kind == ScriptKind::Module && !r.removed && r.version > 0)
            libs.push_back(fileOf(r));
    std::sort(libs.begin(), libs.end(),
              [](const ScriptFile& a, const ScriptFile& b) { return a.name < b.name; });
    return libs;
}

ScriptFile ScriptLibrary::fileOf(const ScriptRecord& r) const {
    return ScriptFile{r.key, r.chunkname, (fs::path(m_root) / r.chunkname).string(), r.source};
}

std::string ScriptLibrary::vmsText() const {
    const int n = m_pool->poolSize();
    return std::to_string(n) + (n == 1 ? " VM" : " VMs") + " + main";
}

void ScriptLibrary::say(ScriptErrorKind kind, const ScriptRecord& r, const std::string& message,
                        uint64_t tick) {
    ScriptError e;
    e.kind = kind;
    e.script = r.kind == ScriptKind::Module ? r.chunkname : r.key;
    e.file = r.chunkname;
    e.message = message;
    e.tick = tick;
    m_errors.add(e);
}

ReloadResult ScriptLibrary::refuse(ScriptRecord& r, const std::string& error,
                                   const std::string& usedBy, uint64_t tick,
                                   const std::string& file, int line) {
    r.error = error;
    ++m_refused;
    ReloadResult result;
    result.refused = true;
    const std::string running = r.version > 0 ? "v" + std::to_string(r.version) + " keeps running"
                                              : "no version of it runs";
    // The failing file may be another than the changed one (a module's user): name both.
    const std::string head = error.rfind(r.chunkname, 0) == 0 ? "" : r.chunkname + ": ";
    result.message = "refused " + head + error + " (" +
                     (usedBy.empty() ? "" : "used by " + usedBy + "; ") + running + ")";
    ScriptError e;
    e.kind = ScriptErrorKind::Reload;
    e.script = r.kind == ScriptKind::Module ? r.chunkname : r.key;
    e.file = file.empty() ? r.chunkname : file;
    e.line = line;
    e.message = result.message;
    e.tick = tick;
    m_errors.add(e);
    return result;
}

ReloadResult ScriptLibrary::remove(ScriptRecord& r, uint64_t tick) {
    ReloadResult result;
    if (r.removed)
        return result;
    if (r.kind == ScriptKind::Enemy) {
        r.removed = true;
        r.error.clear();
        if (r.slot >= 0) {
            m_main->setRemoved(size_t(r.slot), true);
            result.removedTypes.push_back(uint16_t(r.slot));
            result.message = "removed " + r.chunkname +
                             ": it spawns no more; its live enemies go on with v" +
                             std::to_string(r.version);
        } else {
            result.message = "removed " + r.chunkname + " (no version of it had loaded)";
        }
    } else if (r.kind == ScriptKind::Director) {
        std::string ignored;
        m_main->installDirector(ScriptFile{}, &ignored);
        r.removed = true;
        r.error.clear();
        result.message = "removed director.lua: the built-in waves take over";
    } else {
        std::vector<std::string> users;
        for (const ScriptRecord& o : m_records)
            if (o.kind != ScriptKind::Module && !o.removed && o.version > 0 &&
                contains(o.modules, r.key))
                users.push_back(o.key);
        if (!users.empty())
            return refuse(r,
                          "the file is gone but " + join(users) +
                              " require it (restore it, or change them first)",
                          "", tick);
        std::vector<ScriptFile> libs;
        for (const ScriptFile& m : modules())
            if (m.name != r.key)
                libs.push_back(m);
        ScriptInstall change;
        change.libs = &libs;
        std::vector<EnemyScriptInfo> infos;
        LuaFailure failure;
        std::string error;
        if (!m_pool->install(change, &infos, &failure))
            return refuse(r, failure.message, "", tick);
        if (!m_main->install(change, infos, &error)) {
            m_pool->undoLastInstall();
            return refuse(r, error, "", tick);
        }
        r.removed = true;
        r.error.clear();
        result.message = "removed " + r.chunkname + " (no script used it)";
    }
    result.applied = true;
    ++m_applied;
    say(ScriptErrorKind::Reloaded, r, result.message, tick);
    return result;
}

ReloadResult ScriptLibrary::reload(const std::string& relativePath, uint64_t tick) {
    ScriptKind kind;
    std::string key;
    if (!classify(relativePath, &kind, &key))
        return {}; // not a script: another file in the folder
    ScriptInput input{relativePath, ScriptInput::State::Text, {}};
    const fs::path path = fs::path(m_root) / relativePath;
    std::error_code ec;
    if (!fs::exists(path, ec))
        input.state = ScriptInput::State::Missing;
    else if (!readScriptFile(path.string(), &input.text, &input.text))
        input.state = ScriptInput::State::Unreadable;
    return reload(input, tick);
}

ReloadResult ScriptLibrary::reload(const ScriptInput& input, uint64_t tick) {
    const Clock::time_point start = Clock::now();
    const std::string& relativePath = input.path;
    ScriptKind kind;
    std::string key;
    if (!classify(relativePath, &kind, &key))
        return {};
    if (m_onInput)
        m_onInput(input, tick);
    ScriptRecord& r = record(kind, key, relativePath);
    if (input.state == ScriptInput::State::Missing)
        return remove(r, tick);
    if (input.state == ScriptInput::State::Unreadable)
        return refuse(r, relative(input.text, m_root), "", tick);
    const fs::path path = fs::path(m_root) / relativePath;
    ScriptFile file{key, relativePath, path.string(), input.text};
    std::string error;
    if (!r.removed && r.error.empty() && r.version > 0 && r.source == file.source)
        return {}; // saved again unchanged

    // What it affects: a module's users (what their running versions really required).
    std::vector<ScriptFile> libs = modules();
    std::vector<ScriptRecord*> enemies;
    bool director = kind == ScriptKind::Director;
    std::vector<std::string> users;
    if (kind == ScriptKind::Enemy) {
        enemies.push_back(&r);
    } else if (kind == ScriptKind::Module) {
        std::erase_if(libs, [&](const ScriptFile& m) { return m.name == key; });
        libs.push_back(file);
        std::sort(libs.begin(), libs.end(),
                  [](const ScriptFile& a, const ScriptFile& b) { return a.name < b.name; });
        for (ScriptRecord& o : m_records) {
            if (o.removed || o.version == 0 || !contains(o.modules, key))
                continue;
            if (o.kind == ScriptKind::Enemy)
                enemies.push_back(&o);
            if (o.kind == ScriptKind::Director)
                director = true;
            users.push_back(o.key);
        }
    }
    const std::string usedBy = join(users);
    const auto candidate = [&](const ScriptRecord* e) { return e == &r ? file : fileOf(*e); };

    // The check, in scratch VMs: a module runs (as require would run it); enemy scripts load,
    // pass the contract, and a trial of their think raises nothing.
    if (kind == ScriptKind::Module) {
        auto checker = ChunkRunner::create(m_def.think.limits, libs, &error);
        if (!checker)
            return refuse(r, error, usedBy, tick);
        const ChunkResult check = checker->run(
            ScriptFile{"check", "(check)", "", "return require(\"" + key + "\") ~= nil"});
        if (!check.ok)
            return refuse(r, check.value, usedBy, tick);
    }
    if (!enemies.empty()) {
        ScriptFiles scratchFiles;
        scratchFiles.root = m_root;
        scratchFiles.libs = libs;
        for (const ScriptRecord* e : enemies)
            scratchFiles.enemies.push_back(candidate(e));
        LuaThinkDef scratchDef = m_def.think;
        scratchDef.poolSize = 1;
        scratchDef.errors = nullptr;
        auto scratch = LuaThinkPhase::create(scratchDef, scratchFiles, &error);
        if (!scratch)
            return refuse(r, error, usedBy, tick);
        if (!scratch->loadErrors().empty()) {
            const ScriptError& e = scratch->loadErrors().front();
            return refuse(r, e.message, usedBy, tick, e.file, e.line);
        }
        for (size_t slot = 0; slot < scratch->scripts().size(); ++slot) {
            const std::vector<ScriptError> trial = scratch->trial(slot, kTrialTicks);
            if (!trial.empty())
                return refuse(r, trial.front().message + " (in a trial run)", usedBy, tick,
                              trial.front().file, trial.front().line);
        }
    }

    // Live, at this tick boundary: every pool VM, then the main VM, then the director; if any
    // refuses, everything before it is put back.
    ScriptInstall change;
    if (kind == ScriptKind::Module)
        change.libs = &libs;
    std::vector<EnemyScriptInfo> before;
    size_t next = m_pool->scripts().size();
    for (const ScriptRecord* e : enemies) {
        const size_t slot = e->slot >= 0 ? size_t(e->slot) : next++;
        change.enemies.emplace_back(slot, candidate(e));
        before.push_back(slot < m_pool->scripts().size() ? m_pool->scripts()[slot]
                                                         : EnemyScriptInfo{});
    }
    std::vector<EnemyScriptInfo> infos;
    LuaFailure failure;
    if ((change.libs || !change.enemies.empty()) && !m_pool->install(change, &infos, &failure))
        return refuse(r, failure.message, usedBy, tick, failure.file, failure.line);
    if ((change.libs || !change.enemies.empty()) && !m_main->install(change, infos, &error)) {
        m_pool->undoLastInstall();
        return refuse(r, error, usedBy, tick);
    }
    if (director) {
        ScriptRecord& d = kind == ScriptKind::Director
                              ? r
                              : record(ScriptKind::Director, "director", "director.lua");
        if (!m_main->installDirector(kind == ScriptKind::Director ? file : fileOf(d), &error)) {
            if (change.libs || !change.enemies.empty()) {
                m_main->undoLastInstall();
                m_pool->undoLastInstall();
            }
            return refuse(r, error, usedBy, tick);
        }
    }

    // It went live: the records follow.
    ReloadResult result;
    result.applied = true;
    std::string note, changed;
    const auto bump = [](ScriptRecord& x, const std::string& source) {
        x.reloads += x.version > 0 ? 1 : 0;
        ++x.version;
        x.error.clear();
        x.removed = false;
        x.source = source;
    };
    for (size_t i = 0; i < enemies.size(); ++i) {
        ScriptRecord& e = *enemies[i];
        const uint16_t slot = uint16_t(change.enemies[i].first);
        const bool added = e.slot < 0;
        result.types.push_back(TypeChange{slot, added, before[i], infos[i]});
        if (!added)
            note += memoryNote(before[i].memory, infos[i].memory);
        e.slot = slot;
        e.modules = infos[i].modules;
        bump(e, change.enemies[i].second.source);
        if (&e != &r)
            changed += (changed.empty() ? "" : ", ") + e.key + " v" + std::to_string(e.version);
    }
    if (kind == ScriptKind::Module)
        bump(r, file.source);
    if (director) {
        ScriptRecord& d = kind == ScriptKind::Director
                              ? r
                              : record(ScriptKind::Director, "director", "director.lua");
        d.modules = m_main->directorModules();
        if (&d == &r)
            bump(d, file.source);
        else
            changed += (changed.empty() ? "" : ", ") + std::string("director");
    }
    char ms[32];
    std::snprintf(ms, sizeof ms, "%.1f",
                  std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    const bool added =
        kind == ScriptKind::Enemy && result.types.size() == 1 && result.types[0].added;
    result.message = std::string(added ? "added " : "reloaded ") + r.chunkname + " v" +
                     std::to_string(r.version) + (added ? " (a new enemy type)" : "") +
                     (changed.empty() ? "" : " and its users " + changed) + " in " + ms + " ms (" +
                     vmsText() + ")" + note;
    ++m_applied;
    say(ScriptErrorKind::Reloaded, r, result.message, tick);
    return result;
}

} // namespace scripting
