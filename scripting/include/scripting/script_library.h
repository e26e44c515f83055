#pragma once
// ScriptLibrary: the one owner of every script source (enemy behaviours, lib/ modules, the
// director), of their versions and last good copies, of the dependency graph (the require calls
// each script really made, transitively) and of the error log. Live editing goes through it.
//
// A reload is a transaction:
//   read the changed file -> compile and check everything it affects (a module's dependents
//   included) in a scratch VM, with a trial of each think -> apply it to every VM of the pool and
//   to the main VM at one tick boundary, or to none.
// After any failure every VM runs exactly the last good versions (PoolVm and MainVm report what
// they run: loadedSources()). Every outcome is said once, in one line, with paths relative to the
// scripts folder: `reloaded enemies/chaser.lua v3 in 4.1 ms (2 VMs + main)`, `refused
// lib/steer.lua:12: unexpected symbol near 'local' (used by chaser, orbiter; v2 keeps running)`.
// A refusal said before is said again when it happens again.
//
// The game applies what a reload changed for its own state (types, memory, faults) from the
// ReloadResult: scripting knows nothing of the game's rules.
#include "scripting/enemy_script.h"
#include "scripting/main_vm.h"
#include "scripting/script_errors.h"
#include "scripting/script_files.h"
#include "scripting/think_phase.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace scripting {

enum class ScriptKind { Enemy, Module, Director };

struct ScriptRecord {
    ScriptKind kind = ScriptKind::Enemy;
    std::string key; // enemy type key ("chaser"), module name ("steer", "ai.flock"), "director"
    std::string chunkname;            // path relative to the scripts folder ("enemies/chaser.lua")
    int version = 0;                  // the version every VM runs; 0: none has loaded yet
    int reloads = 0;                  // versions that went live after the first
    std::string error;                // why the latest version was refused; empty while it runs
    bool removed = false;             // its file is gone (an enemy type's live enemies go on)
    int slot = -1;                    // an enemy's type slot, once it has loaded
    std::vector<std::string> modules; // what the running version required, transitively
    std::string source;               // the running version (the last good copy)
};

/// What a reload changed for one enemy type.
struct TypeChange {
    uint16_t slot = 0;
    bool added = false;     // a new type (slot == the previous count)
    EnemyScriptInfo before; // the previous version (empty when added)
    EnemyScriptInfo after;
};

struct ReloadResult {
    bool applied = false;          // a new version went live (or a file's removal took effect)
    bool refused = false;          // the change was checked and refused: nothing changed
    std::string message;           // the one line that says what happened; empty: nothing to say
    std::vector<TypeChange> types; // applied: types added or updated
    std::vector<uint16_t> removedTypes;
};

/// A script file as a reload saw it: its text, or that it was gone or unreadable. The library
/// reports every one it reads (ScriptLibrary::setOnInput), so a recording can hand the same
/// inputs back to a library that never reads the folder.
struct ScriptInput {
    enum class State : uint8_t { Text, Missing, Unreadable };
    std::string path; // relative to the scripts folder
    State state = State::Text;
    std::string text; // the source (Text), or why it could not be read (Unreadable)
};

struct ScriptLibraryDef {
    std::string root;
    LuaThinkDef think = defaultLuaThinkDef(); // its scriptsDir and errors are the library's
    MainVmDef main = defaultMainVmDef();
};

class ScriptLibrary {
public:
    /// Reads the scripts folder and starts the pool and the main VM on it. Scripts that do not
    /// load are recorded (with their error) and left out; none loading is not a failure. Fails
    /// only if a VM cannot start.
    static std::unique_ptr<ScriptLibrary> open(const ScriptLibraryDef& def, std::string* error);
    /// The same from files already read (a replay's embedded scripts): the folder is not read,
    /// def.root only names files in messages.
    static std::unique_ptr<ScriptLibrary> open(const ScriptLibraryDef& def,
                                               const ScriptFiles& files, std::string* error);
    ~ScriptLibrary();

    /// The pool and the main VM go to the game, which owns them; the library keeps using them
    /// (the game outlives no library: keep the library longer than the game).
    std::unique_ptr<LuaThinkPhase> takePool() { return std::move(m_ownedPool); }
    std::unique_ptr<MainVm> takeMainVm() { return std::move(m_ownedMain); }
    LuaThinkPhase& pool() { return *m_pool; }
    MainVm& mainVm() { return *m_main; }

    /// Between ticks: checks the file at `relativePath` (changed, new, or gone) and everything it
    /// affects, then applies it to every VM or to none.
    ReloadResult reload(const std::string& relativePath, uint64_t tick);
    /// The same with the file's state given instead of read from the folder (a replay).
    ReloadResult reload(const ScriptInput& input, uint64_t tick);
    /// Called with every script file state a reload reads, before it is checked (a recorder
    /// keeps them). Not called for paths that are not scripts.
    void setOnInput(std::function<void(const ScriptInput&, uint64_t tick)> onInput) {
        m_onInput = std::move(onInput);
    }

    const std::vector<ScriptRecord>& records() const { return m_records; }
    const ScriptRecord* find(ScriptKind kind, const std::string& key) const;
    ScriptErrorLog& errors() { return m_errors; }
    const ScriptErrorLog& errors() const { return m_errors; }
    const std::string& root() const { return m_root; }
    uint64_t reloadsApplied() const { return m_applied; }
    uint64_t reloadsRefused() const { return m_refused; }
    /// The lib modules every VM runs.
    std::vector<ScriptFile> modules() const;

private:
    ScriptLibrary() = default;
    ScriptRecord& record(ScriptKind kind, const std::string& key, const std::string& chunkname);
    ReloadResult remove(ScriptRecord& r, uint64_t tick);
    ReloadResult refuse(ScriptRecord& r, const std::string& error, const std::string& usedBy,
                        uint64_t tick, const std::string& file = "", int line = 0);
    void say(ScriptErrorKind kind, const ScriptRecord& r, const std::string& message,
             uint64_t tick);
    ScriptFile fileOf(const ScriptRecord& r) const;
    std::string vmsText() const;

    ScriptLibraryDef m_def;
    std::string m_root;
    ScriptErrorLog m_errors;
    std::vector<ScriptRecord> m_records;
    std::unique_ptr<LuaThinkPhase> m_ownedPool;
    std::unique_ptr<MainVm> m_ownedMain;
    LuaThinkPhase* m_pool = nullptr;
    MainVm* m_main = nullptr;
    uint64_t m_applied = 0, m_refused = 0;
    std::function<void(const ScriptInput&, uint64_t)> m_onInput;
};

const char* scriptKindName(ScriptKind kind);

/// What a path relative to the scripts folder is: "enemies/x.lua" an enemy type "x",
/// "lib/ai/flock.lua" the module "ai.flock", "director.lua" the director; false for any other.
bool classifyScriptPath(const std::string& path, ScriptKind* kind, std::string* key);

} // namespace scripting
