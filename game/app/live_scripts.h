#pragma once
// LiveScripts: hot reload in the game. Watches the scripts folder (enemies/, lib/, director.lua),
// hands each settled change to the ScriptLibrary between ticks (which checks it and applies it to
// every VM, or to none: see scripting/script_library.h), then does the game's part of what went
// live: a new enemy type, new stats, memory carried across a layout change (fields with the same
// name and type keep their values, the rest start at zero), faulted enemies thinking again, a
// removed type spawning no more. Every outcome is said once on stderr and kept as a short notice
// for the window; the console has it too (the library's error log).
#include "engine/platform/file_watch.h"
#include "game/app/game_setup.h"

#include <memory>
#include <string>
#include <vector>

namespace game {

struct ScriptStatus {
    std::string key;  // "chaser", "director", or a module's path ("lib/steer.lua")
    std::string file; // path relative to the scripts folder
    int version = 1;
    int reloads = 0;   // versions that went live after the first
    std::string error; // the last failed version's error; empty while the latest loaded cleanly
    bool removed = false;
    bool module = false;
};

/// One reload outcome, for the window's notice.
struct ReloadNotice {
    std::string message;
    bool refused = false;
    uint64_t tick = 0;
};

class LiveScripts {
public:
    /// watch: poll the folder for changes (else only reloadNow() reloads).
    LiveScripts(GameSession& session, std::string scriptsDir, bool watch);

    /// Between ticks: picks up settled file changes and applies the ones that pass the checks.
    void update();
    /// Checks and applies one file now, without waiting for the watcher (the editor's save).
    scripting::ReloadResult reloadNow(const std::string& relativePath);
    /// The same for a file state given, not read (a replay's recorded script change).
    scripting::ReloadResult reloadInput(const scripting::ScriptInput& input);

    /// Enemy scripts, the director and the lib modules, from the library's records.
    std::vector<ScriptStatus> statuses() const;
    /// Enemies alive per script key.
    size_t liveCount(const std::string& key) const;
    uint64_t reloadsApplied() const { return m_session.library->reloadsApplied(); }
    uint64_t reloadsRejected() const { return m_session.library->reloadsRefused(); }
    /// Outcomes so far, newest last (at most the last 16).
    const std::vector<ReloadNotice>& notices() const { return m_notices; }
    /// Whether each outcome is also printed on stderr (on by default; the benchmark turns it off).
    void setPrintOutcomes(bool print) { m_printOutcomes = print; }

private:
    void apply(const scripting::ReloadResult& result);
    scripting::ReloadResult said(const scripting::ReloadResult& result, uint64_t tick);

    GameSession& m_session;
    std::string m_root;
    std::unique_ptr<engine::FileWatch> m_watch;
    std::vector<ReloadNotice> m_notices;
    bool m_printOutcomes = true;
};

} // namespace game
