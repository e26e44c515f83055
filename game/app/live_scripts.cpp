#include "game/app/live_scripts.h"

#include <cstdio>
#include <cstring>

namespace game {

LiveScripts::LiveScripts(GameSession& session, std::string scriptsDir, bool watch)
    : m_session(session), m_root(std::move(scriptsDir)) {
    if (watch)
        m_watch = std::make_unique<engine::FileWatch>(m_root);
}

std::vector<ScriptStatus> LiveScripts::statuses() const {
    std::vector<ScriptStatus> out;
    for (const scripting::ScriptRecord& r : m_session.library->records()) {
        const bool module = r.kind == scripting::ScriptKind::Module;
        out.push_back({module ? r.chunkname : r.key, r.chunkname, r.version, r.reloads, r.error,
                       r.removed, module});
    }
    return out;
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
        reloadNow(change.path);
}

scripting::ReloadResult LiveScripts::reloadNow(const std::string& relativePath) {
    const uint64_t tick = m_session.game->world().tick;
    return said(m_session.library->reload(relativePath, tick), tick);
}

scripting::ReloadResult LiveScripts::reloadInput(const scripting::ScriptInput& input) {
    const uint64_t tick = m_session.game->world().tick;
    return said(m_session.library->reload(input, tick), tick);
}

// The game's part of a reload, and its one line on stderr and in the notices.
scripting::ReloadResult LiveScripts::said(const scripting::ReloadResult& result, uint64_t tick) {
    if (result.message.empty())
        return result;
    if (result.applied)
        apply(result);
    if (m_printOutcomes)
        std::fprintf(stderr, "arena: %s\n", result.message.c_str());
    m_notices.push_back({result.message, result.refused, tick});
    if (m_notices.size() > 16)
        m_notices.erase(m_notices.begin());
    return result;
}

void LiveScripts::apply(const scripting::ReloadResult& result) {
    Game& game = *m_session.game;
    for (const scripting::TypeChange& t : result.types) {
        if (t.added) {
            game.addType(t.after.type);
            continue;
        }
        Game::MemoryMigration migrate;
        if (!(t.before.memory == t.after.memory))
            migrate = [&t](const uint8_t* old, uint32_t oldBytes, uint8_t* fresh) {
                if (oldBytes == t.before.memory.size) // the pool is in the old layout, as it is
                    scripting::migrateMemory(t.before.memory, t.after.memory, old, fresh);
                else
                    std::memset(fresh, 0, t.after.memory.size);
            };
        game.updateType(t.slot, t.after.type, migrate);
        game.setTypeRemoved(t.slot, false);
        game.clearFaults(t.slot);
    }
    for (uint16_t slot : result.removedTypes)
        game.setTypeRemoved(slot, true);
}

} // namespace game
