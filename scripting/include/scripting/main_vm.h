#pragma once
// MainVm: the one VM on the main thread where game objects have their Lua identity (seed 001):
// hooks (on_spawn, on_hit, on_death) and the wave director run here, in a fixed order, under the
// same sandbox and budgets as think.
//
// Object identity contract (the userdata is made in src/identity/object_userdata.cpp):
// - Each live object pushed to Lua has exactly one full userdata, created on first push and kept
//   alive by a registry ref stored on the engine record (Enemy::scriptRef, Player::scriptRef).
//   It holds the generational handle, never a pointer. Pushing again pushes the same userdata.
// - Its environment table is the object's own Lua table. One shared metatable per kind: engine
//   fields first (id, kind, type, x, y, vx, vy, hp, max_hp, radius, speed, age, memory fields,
//   alive(), damage(n), despawn()), then the object's table. Writes go to the table; engine fields
//   are read-only except memory fields, which hooks may write.
// - release() on destroy records the tick in the userdata and drops the ref, so Lua may collect
//   it. A script that kept it gets "enemy 12:3 (orbiter) was destroyed at tick 812" on an
//   engine-field access; alive() is false; its table stays readable.
// - Bullets have no Lua identity: no script ever sees one (on_hit's source is the player), so the
//   lightuserdata-keyed table seed 001 suggests for ref-less objects has nothing to hold.
//
// Limits of the command API (checked when a script gives the command): at most
// maxSpawnsPerTick arena.spawn calls per tick (more is an error), and none while the arena holds
// maxLiveEnemies (arena.spawn then returns false and the console says so once per script).
#include "engine/world/world.h"
#include "scripting/enemy_script.h"
#include "scripting/hook_commands.h"
#include "scripting/object_view.h"
#include "scripting/sandbox_limits.h"
#include "scripting/script_errors.h"
#include "scripting/script_files.h"
#include "scripting/think_phase.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

struct lua_State;

namespace scripting {

class SandboxedVm;

struct MainVmDef {
    SandboxLimits limits = defaultSandboxLimits();
    int maxSpawnsPerTick = 2000;    // arena.spawn beyond this in one tick is an error
    size_t maxLiveEnemies = 250000; // arena.spawn refuses (returns false) at this many
};

inline MainVmDef defaultMainVmDef() {
    return MainVmDef{};
}

class MainVm {
public:
    /// `scripts` gives the enemy types in slot order (the pool's); files holds their sources and
    /// the libs. A missing or broken director is reported in the log (the game then uses its
    /// built-in waves); only a VM that cannot start at all fails create().
    static std::unique_ptr<MainVm> create(const MainVmDef& def, const ScriptFiles& files,
                                          const std::vector<EnemyScriptInfo>& scripts,
                                          ScriptErrorLog& log, std::string* error);
    ~MainVm();

    bool hasDirector() const { return m_directorRef >= 0 && m_directorOk; }

    /// Opens the hooks phase: objects read and write `world`; commands go to `out`.
    void begin(engine::World& world, uint64_t tick, CommandBuffer& out);
    void onSpawn(engine::ObjectId enemy);
    void onHit(engine::ObjectId enemy, float damage);          // the source is the player
    void onDeath(engine::ObjectId enemy, bool killedByPlayer); // the killer is the player, or nil
    /// Runs the director's update; false if there is none or it raised (reported).
    bool runDirector(const DirectorInfo& info);
    void end();

    /// A new round: the director starts again with a fresh state table.
    void resetDirector();

    /// Drops the object's identity (call before the engine destroys it). Safe without one.
    void release(engine::Enemy& enemy, uint64_t tick);
    void release(engine::Player& player, uint64_t tick);

    /// Pushes the object's userdata (creating its identity on first push). For hooks and tests.
    void pushEnemy(engine::Enemy& enemy);
    void pushPlayer(engine::Player& player);

    // Live editing (between ticks).
    /// Loads the hooks of a script version (slot == script count adds it). On failure the old
    /// version stays.
    bool installScript(size_t slot, const ScriptFile& file, const EnemyScriptInfo& info,
                       std::string* error);
    /// The same change the pool took (its modules and scripts, with what the pool established
    /// for each), all or nothing: on failure the main VM is put back as it was.
    bool install(const ScriptInstall& change, const std::vector<EnemyScriptInfo>& infos,
                 std::string* error);
    /// Puts the VM back as it was before the last successful install() (what came after it in
    /// the same reload was refused).
    void undoLastInstall();
    /// The modules the director required, transitively (its dependencies for reloads).
    const std::vector<std::string>& directorModules() const { return m_directorModules; }
    /// What this VM runs: chunk name -> hash of the source (scripts, modules, the director).
    const std::map<std::string, uint64_t>& loadedSources() const { return m_sources; }
    /// A new director version; on failure the old one (if any) stays. An empty path removes it.
    bool installDirector(const ScriptFile& file, std::string* error);
    void setLibs(const std::vector<ScriptFile>& libs);
    /// A removed type is no longer spawnable (arena.spawn refuses it; the director's info.types
    /// leaves it out); its live enemies go on.
    void setRemoved(size_t slot, bool removed);

    /// The object's own Lua table (depth-limited, cycles marked), or nothing without an identity.
    std::vector<TableLine> tableView(int32_t scriptRef, int maxDepth = 4,
                                     size_t maxLines = 200) const;
    /// Sets a scalar in the object's table: `path` is the keys from the root; the text becomes
    /// the type the value already has (number, boolean or string).
    bool setTableValue(int32_t scriptRef, const std::vector<std::string>& path,
                       const std::string& text, std::string* error);

    MainVmStats stats(const engine::World& world) const;
    /// A hash of the Lua state the simulation keeps here: the director's state table and every
    /// live object's own table (enemies in dense order, then the player). Independent of table
    /// iteration order and of addresses, so equal states hash equal in any run; a replay's
    /// checkpoints compare it. It runs no script code and nothing in it is tied to a thread, so
    /// Game::partHashes runs it on a pool worker while the main thread hashes the world; the
    /// caller must keep every other use of this VM out meanwhile.
    uint64_t stateHash(const engine::World& world) const;
    /// The fields of the director's `info` table.
    static std::vector<std::string> directorInfoFields();
    lua_State* state() const;
    size_t luaMemory() const;
    size_t collectGarbage();

    struct Context; // what the object and arena C functions share (identity/object_api.h)

private:
    MainVm() = default;
    void dropScript(size_t slot);
    template <class PushArgs> void callHook(engine::ObjectId enemy, int hook, PushArgs pushArgs);
    bool call(int nargs, bool director, const std::string& script, const std::string& chunkname,
              uint64_t entity);

    MainVmDef m_def;
    std::unique_ptr<Context> m_context;
    std::unique_ptr<SandboxedVm> m_vm;
    ScriptErrorLog* m_log = nullptr;
    std::vector<EnemyScriptInfo> m_scripts;
    std::vector<int> m_hooks;        // registry refs of each slot's hooks table
    std::vector<ScriptFile> m_files; // the version each slot runs
    std::vector<ScriptFile> m_libs;
    std::map<std::string, uint64_t> m_sources;
    std::map<size_t, std::pair<ScriptFile, EnemyScriptInfo>>
        m_previous; // each slot's version before the last install
    struct Undo {
        bool valid = false;
        bool libsChanged = false;
        std::vector<ScriptFile> libs;
        std::vector<size_t> slots;
        size_t count = 0;
        std::map<size_t, std::pair<ScriptFile, EnemyScriptInfo>> previous;
    };
    Undo m_undo;
    std::vector<std::string> m_directorModules;
    std::string m_directorChunk = "director.lua";
    int m_directorRef = -1;
    bool m_directorOk = false;
    int m_directorState = -1;
    uint64_t m_hookCalls = 0;
};

} // namespace scripting
