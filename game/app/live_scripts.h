#pragma once
// LiveScripts: hot reload. Watches the scripts folder (enemies/, lib/, director.lua), and between
// ticks checks every settled change before it goes live: the file reads as Lua source, it loads
// and passes the contract in a scratch VM, and a trial of its think over a synthetic crowd raises
// nothing. Only then is it swapped into every VM of the pool and the main VM, at one tick
// boundary. If anything fails, the last good version keeps running everywhere and the error is
// logged with file and line.
//
// - Each script has a version (1 when the game starts) and a reload count.
// - A changed lib module reloads the scripts (and the director) that require it.
// - A new enemies/*.lua becomes a new type; a deleted one stops spawning and its live enemies go
//   on with the last good version.
// - Per-object Lua tables survive (identities are untouched). When a script's memory layout
//   changes, fields with the same name and type keep their values, the rest start at zero, and a
//   notice says which.
// - The faulted enemies of a script that reloads cleanly think again.
#include "engine/platform/file_watch.h"
#include "game/app/game_setup.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace game {

struct ScriptStatus {
    std::string key;   // "chaser", or "director"
    std::string file;  // path relative to the scripts folder
    int version = 1;
    int reloads = 0;   // versions that went live after the first
    std::string error; // the last failed version's error; empty while the latest loaded cleanly
    bool removed = false;
};

class LiveScripts {
public:
    /// watch: poll the folder for changes (else only reloadNow() reloads).
    LiveScripts(GameSession& session, std::string scriptsDir, bool watch);

    /// Between ticks: picks up settled file changes and applies the ones that pass the checks.
    void update();
    /// Checks and applies one file now, without waiting for the watcher (the editor's save).
    void reloadNow(const std::string& relativePath);

    const std::vector<ScriptStatus>& statuses() const { return m_status; }
    /// Enemies alive per script key.
    size_t liveCount(const std::string& key) const;
    uint64_t reloadsApplied() const { return m_applied; }
    uint64_t reloadsRejected() const { return m_rejected; }

private:
    void handle(const engine::FileChange& change);
    void reloadEnemy(const std::string& relativePath, bool removed);
    void reloadLib(const std::string& relativePath);
    void reloadDirector(bool removed);
    ScriptStatus& status(const std::string& key, const std::string& file);
    void reject(ScriptStatus& s, const std::string& chunkname, const std::string& message);
    void notice(const std::string& key, const std::string& chunkname, const std::string& message);
    void migrateMemory(uint16_t slot, const scripting::EnemyScriptInfo& before,
                       const scripting::EnemyScriptInfo& after);

    GameSession& m_session;
    std::string m_root;
    std::unique_ptr<engine::FileWatch> m_watch;
    std::vector<ScriptStatus> m_status;
    uint64_t m_applied = 0, m_rejected = 0;
};

} // namespace game
