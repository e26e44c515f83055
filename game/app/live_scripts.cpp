#include "game/app/live_scripts.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <filesystem>
#include <regex>

namespace fs = std::filesystem;

namespace game {

namespace {
constexpr int kTrialTicks = 20;
} // namespace

LiveScripts::LiveScripts(GameSession& session, std::string scriptsDir, bool watch)
    : m_session(session), m_root(std::move(scriptsDir)) {
    if (watch)
        m_watch = std::make_unique<engine::FileWatch>(m_root);
    for (const scripting::EnemyScriptInfo& s : session.think->scripts())
        m_status.push_back({s.key, s.chunkname, 1, 0, {}, false});
    for (const scripting::ScriptError& e : session.think->loadErrors()) // the first version failed
        if (!e.file.empty())
            m_status.push_back({e.script, e.file, 0, 0, e.message, false});
    const scripting::ScriptFiles files = session.think->loadedFiles();
    if (!files.director.path.empty())
        m_status.push_back({"director", "director.lua", 1, 0,
                            session.mainVm && session.mainVm->hasDirector() ? "" : "the director did not load", false});
}

ScriptStatus& LiveScripts::status(const std::string& key, const std::string& file) {
    for (ScriptStatus& s : m_status)
        if (s.key == key)
            return s;
    m_status.push_back({key, file, 0, 0, {}, false});
    return m_status.back();
}

size_t LiveScripts::liveCount(const std::string& key) const {
    const auto& scripts = m_session.think->scripts();
    size_t n = 0;
    for (const engine::Enemy& e : m_session.game->world().enemies.dense())
        n += e.type < scripts.size() && scripts[e.type].key == key;
    return n;
}

void LiveScripts::update() {
    if (!m_watch)
        return;
    for (const engine::FileChange& change : m_watch->poll())
        handle(change);
}

void LiveScripts::reloadNow(const std::string& relativePath) {
    const bool exists = fs::exists(fs::path(m_root) / relativePath);
    handle({exists ? engine::FileChange::Kind::Modified : engine::FileChange::Kind::Removed, relativePath});
}

void LiveScripts::handle(const engine::FileChange& change) {
    const bool removed = change.kind == engine::FileChange::Kind::Removed;
    if (change.path.rfind("enemies/", 0) == 0 && change.path.find('/', 8) == std::string::npos)
        reloadEnemy(change.path, removed);
    else if (change.path.rfind("lib/", 0) == 0)
        reloadLib(change.path);
    else if (change.path == "director.lua")
        reloadDirector(removed);
}

void LiveScripts::reject(ScriptStatus& s, const std::string& chunkname, const std::string& message) {
    s.error = message;
    ++m_rejected;
    scripting::ScriptError e;
    e.kind = scripting::ScriptErrorKind::Reload;
    e.script = s.key;
    e.message = message;
    // The message's own position only if it names this file or a lib: a script's text must not
    // file its error under another script.
    if (!scripting::parseLuaErrorPosition(message, &e.file, &e.line) ||
        (e.file != chunkname && e.file.rfind("lib/", 0) != 0)) {
        e.file = chunkname;
        e.line = 0;
    }
    e.tick = m_session.game->world().tick;
    m_session.think->errors().add(e);
}

void LiveScripts::notice(const std::string& key, const std::string& chunkname, const std::string& message) {
    scripting::ScriptError e;
    e.kind = scripting::ScriptErrorKind::Notice;
    e.script = key;
    e.file = chunkname;
    e.message = chunkname + ": " + message;
    e.tick = m_session.game->world().tick;
    m_session.think->errors().add(e);
}

void LiveScripts::migrateMemory(uint16_t slot, const scripting::EnemyScriptInfo& before,
                                const scripting::EnemyScriptInfo& after) {
    if (before.memory == after.memory)
        return;
    std::vector<std::string> kept, reset;
    for (engine::Enemy& e : m_session.game->mutableWorld().enemies.dense()) {
        if (e.type != slot)
            continue;
        uint8_t fresh[engine::kEnemyMemoryBytes];
        kept.clear();
        reset.clear();
        scripting::migrateMemory(before.memory, after.memory, e.memory, fresh, &kept, &reset);
        std::memcpy(e.memory, fresh, sizeof fresh);
    }
    if (kept.empty() && reset.empty()) // no enemy of the type alive: name the fields anyway
        scripting::migrateMemory(before.memory, after.memory, engine::Enemy{}.memory,
                                 std::array<uint8_t, engine::kEnemyMemoryBytes>{}.data(), &kept, &reset);
    const auto list = [](const std::vector<std::string>& names) {
        std::string text;
        for (const std::string& n : names)
            text += (text.empty() ? "" : ", ") + n;
        return text.empty() ? std::string("nothing") : text;
    };
    notice(after.key, after.chunkname, "memory layout changed: kept " + list(kept) + "; reset to zero: " + list(reset));
}

void LiveScripts::reloadEnemy(const std::string& relativePath, bool removed) {
    const std::string key = fs::path(relativePath).stem().string();
    ScriptStatus& s = status(key, relativePath);
    scripting::LuaThinkPhase& pool = *m_session.think;
    const auto& scripts = pool.scripts();
    const auto found = std::find_if(scripts.begin(), scripts.end(), [&](const auto& i) { return i.key == key; });
    const bool known = found != scripts.end();
    const uint16_t slot = known ? uint16_t(found - scripts.begin()) : uint16_t(scripts.size());
    if (removed) {
        s.removed = true;
        if (known) {
            m_session.game->setTypeRemoved(slot, true);
            m_session.mainVm->setRemoved(slot, true);
            notice(key, relativePath, "file removed: no more spawn; the live ones go on with version " + std::to_string(s.version));
        }
        return;
    }

    scripting::ScriptFile file{key, relativePath, (fs::path(m_root) / relativePath).string(), {}};
    std::string error;
    if (!scripting::readScriptFile(file.path, &file.source, &error))
        return reject(s, relativePath, error);
    // The check, in a scratch VM: it loads, passes the contract, and a trial think raises nothing.
    scripting::ScriptFiles candidate;
    candidate.root = m_root;
    candidate.libs = pool.loadedFiles().libs;
    candidate.enemies = {file};
    scripting::LuaThinkDef scratchDef = scripting::defaultLuaThinkDef();
    scratchDef.poolSize = 1;
    auto scratch = scripting::LuaThinkPhase::create(scratchDef, candidate, &error);
    if (!scratch) {
        const std::string prefix = "no enemy script loaded from " + m_root + "/enemies\n  ";
        return reject(s, relativePath, error.rfind(prefix, 0) == 0 ? error.substr(prefix.size()) : error);
    }
    const std::vector<std::string> trial = scratch->trial(0, kTrialTicks);
    if (!trial.empty())
        return reject(s, relativePath, trial.front() + " (in a trial run; the last good version keeps running)");

    // Live, at this tick boundary: every pool VM, then the main VM.
    scripting::EnemyScriptInfo before = known ? *found : scripting::EnemyScriptInfo{};
    scripting::EnemyScriptInfo after;
    if (!pool.installScript(slot, file, &after, &error))
        return reject(s, relativePath, error);
    if (!m_session.mainVm->installScript(slot, file, after, &error)) {
        if (known) // keep the pool and the main VM on one version
            pool.installScript(slot, m_session.think->loadedFiles().enemies[slot], nullptr, &error);
        return reject(s, relativePath, error);
    }
    if (known) {
        migrateMemory(slot, before, after);
        m_session.game->updateType(slot, after.type);
        m_session.game->setTypeRemoved(slot, false);
        m_session.game->clearFaults(slot);
        ++s.reloads;
    } else {
        m_session.game->addType(after.type);
        notice(key, relativePath, "new enemy type");
    }
    s.version += 1; // a first version that never loaded was 0
    s.error.clear();
    s.removed = false;
    ++m_applied;
}

void LiveScripts::reloadLib(const std::string& relativePath) {
    std::vector<scripting::ScriptFile> libs;
    std::vector<std::string> problems;
    scripting::readLibFiles((fs::path(m_root) / "lib").string(), &libs, &problems);
    for (const std::string& p : problems) {
        ScriptStatus& s = status(relativePath, relativePath);
        reject(s, relativePath, p);
    }
    std::string module = relativePath.substr(4, relativePath.size() - 8); // lib/<name>.lua
    std::replace(module.begin(), module.end(), '/', '.');
    m_session.think->setLibs(libs);
    m_session.mainVm->setLibs(libs);
    // Dependents reload with it: scripts whose source requires the module.
    const std::regex requiresIt("require\\s*\\(?\\s*[\"']" + std::regex_replace(module, std::regex("\\."), "\\.") + "[\"']");
    const scripting::ScriptFiles files = m_session.think->loadedFiles();
    for (const scripting::ScriptFile& f : files.enemies)
        if (std::regex_search(f.source, requiresIt))
            reloadEnemy(f.chunkname, false);
    if (!files.director.path.empty() && std::regex_search(files.director.source, requiresIt))
        reloadDirector(false);
}

void LiveScripts::reloadDirector(bool removed) {
    ScriptStatus& s = status("director", "director.lua");
    std::string error;
    if (removed) {
        m_session.mainVm->installDirector(scripting::ScriptFile{}, &error);
        m_session.think->setDirectorSource(scripting::ScriptFile{});
        s.removed = true;
        notice("director", "director.lua", "file removed: the built-in waves take over");
        return;
    }
    scripting::ScriptFile file{"director", "director.lua", (fs::path(m_root) / "director.lua").string(), {}};
    if (!scripting::readScriptFile(file.path, &file.source, &error))
        return reject(s, "director.lua", error);
    if (!m_session.mainVm->installDirector(file, &error))
        return reject(s, "director.lua", error);
    m_session.think->setDirectorSource(file);
    ++s.version;
    ++s.reloads;
    s.error.clear();
    s.removed = false;
    ++m_applied;
}

} // namespace game
