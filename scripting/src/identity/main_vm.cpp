#include "scripting/main_vm.h"

#include "engine/core/tick.h"
#include "identity/object_api.h"
#include "library/contract.h"
#include "pool/pool_vm.h"
#include "vm/sandboxed_vm.h"
#include "vm/stack_guard.h"

#include <lua.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace scripting {

namespace {
// The numbers of the director's info table: the one list both the table and its documentation
// check (directorInfoFields) come from.
std::vector<std::pair<const char*, double>> directorNumbers(const DirectorInfo& info) {
    return {{"tick", double(info.tick)},
            {"time", double(info.roundTicks) / engine::kTicksPerSecond},
            {"round_ticks", double(info.roundTicks)},
            {"score", double(info.score)},
            {"round", double(info.round)},
            {"live", double(info.live)},
            {"width", double(info.width)},
            {"height", double(info.height)},
            {"random", info.random}};
}
constexpr int kMaxWave = 1000000;
} // namespace

std::unique_ptr<MainVm> MainVm::create(const MainVmDef& def, const ScriptFiles& files,
                                       const std::vector<EnemyScriptInfo>& scripts,
                                       ScriptErrorLog& log, std::string* error) {
    std::unique_ptr<MainVm> vm(new MainVm());
    vm->m_def = def;
    vm->m_log = &log;
    vm->m_scripts = scripts;
    vm->m_context = std::make_unique<Context>();
    Context* ctx = vm->m_context.get();
    ctx->scripts = &vm->m_scripts;
    ctx->maxSpawns = def.maxSpawnsPerTick;
    ctx->maxLive = def.maxLiveEnemies;
    ctx->log = &log;

    SandboxedVmDef vmDef;
    vmDef.kind = VmKind::Main;
    vmDef.limits = def.limits;
    vmDef.pushArena = [ctx](lua_State* L) { pushArenaApi(L, ctx); };
    vm->m_vm = SandboxedVm::create(vmDef, error);
    if (!vm->m_vm)
        return nullptr;
    registerObjectMetatable(vm->state(), ctx);
    vm->setLibs(files.libs);
    // The same scripts as the pool, in the same slots: here only their hooks are used.
    for (size_t slot = 0; slot < scripts.size(); ++slot) {
        const ScriptFile* file = nullptr;
        for (const ScriptFile& f : files.enemies)
            if (f.name == scripts[slot].key)
                file = &f;
        std::string loadError = "no source for " + scripts[slot].key;
        if (!file || !vm->installScript(slot, *file, scripts[slot], &loadError)) {
            *error = "main VM: " + loadError;
            return nullptr;
        }
    }
    vm->resetDirector();
    if (!files.director.path.empty()) {
        std::string directorError;
        vm->m_directorChunk = files.director.chunkname;
        if (!vm->installDirector(files.director, &directorError))
            log.add(ScriptError{ScriptErrorKind::Load,
                                "director",
                                files.director.chunkname,
                                0,
                                directorError,
                                0,
                                -1,
                                0,
                                {}});
    }
    return vm;
}

MainVm::~MainVm() = default;

lua_State* MainVm::state() const {
    return m_vm->state();
}
size_t MainVm::luaMemory() const {
    return m_vm->memoryUsed();
}
size_t MainVm::collectGarbage() {
    return m_vm->collectGarbage();
}
void MainVm::setLibs(const std::vector<ScriptFile>& libs) {
    m_vm->setModules(libs);
    m_libs = libs;
    std::erase_if(m_sources, [](const auto& entry) { return entry.first.rfind("lib/", 0) == 0; });
    for (const ScriptFile& lib : libs)
        m_sources[lib.chunkname] = sourceHash(lib.source);
}

bool MainVm::install(const ScriptInstall& change, const std::vector<EnemyScriptInfo>& infos,
                     std::string* error) {
    const std::vector<ScriptFile> oldLibs = m_libs;
    const size_t oldCount = m_scripts.size();
    if (change.libs)
        setLibs(*change.libs);
    size_t done = 0;
    std::map<size_t, std::pair<ScriptFile, EnemyScriptInfo>> previous;
    for (; done < change.enemies.size(); ++done) {
        const size_t slot = change.enemies[done].first;
        if (!installScript(slot, change.enemies[done].second, infos[done], error))
            break;
        if (m_previous.count(slot))
            previous[slot] = m_previous[slot];
    }
    if (done == change.enemies.size()) {
        m_undo = Undo{true, change.libs != nullptr, oldLibs, {}, oldCount, std::move(previous)};
        for (const auto& [slot, file] : change.enemies)
            m_undo.slots.push_back(slot);
        return true;
    }
    // Put back what this change replaced: the modules, then each earlier script's previous version.
    if (change.libs)
        setLibs(oldLibs);
    std::string ignored;
    for (size_t i = 0; i < done; ++i) {
        const size_t slot = change.enemies[i].first;
        if (m_previous.count(slot))
            installScript(slot, m_previous[slot].first, m_previous[slot].second, &ignored);
        else
            dropScript(slot);
    }
    return false;
}

void MainVm::resetDirector() {
    // The director's state table: its own, kept in the registry, new every round.
    lua_State* L = state();
    STACK_GUARD(L, 0);
    luaL_unref(L, LUA_REGISTRYINDEX, m_directorState);
    lua_createtable(L, 0, 8);
    m_directorState = luaL_ref(L, LUA_REGISTRYINDEX);
}

void MainVm::begin(engine::World& world, uint64_t tick, CommandBuffer& out) {
    m_context->world = &world;
    m_context->out = &out;
    m_context->tick = tick;
    m_context->spawnsThisTick = 0;
    m_context->pushPlayer = [this, &world]() { pushPlayer(world.player); };
}

void MainVm::end() {
    m_context->world = nullptr;
    m_context->out = nullptr;
    m_context->pushPlayer = nullptr;
}

void MainVm::pushEnemy(engine::Enemy& e) {
    lua_State* L = state();
    if (e.scriptRef != engine::kNoScriptRef) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, e.scriptRef);
        return;
    }
    pushNewObject(
        L, ObjectUserdata{double(engine::packObjectId(e.id)), ObjectKind::Enemy, e.type, 0, 0});
    lua_pushvalue(L, -1);
    e.scriptRef = luaL_ref(L, LUA_REGISTRYINDEX);
    ++m_context->created;
}

void MainVm::pushPlayer(engine::Player& p) {
    lua_State* L = state();
    if (p.scriptRef != engine::kNoScriptRef) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, p.scriptRef);
        return;
    }
    pushNewObject(L,
                  ObjectUserdata{double(engine::packObjectId(p.id)), ObjectKind::Player, 0, 0, 0});
    lua_pushvalue(L, -1);
    p.scriptRef = luaL_ref(L, LUA_REGISTRYINDEX);
    ++m_context->created;
}

void MainVm::release(engine::Enemy& enemy, uint64_t tick) {
    STACK_GUARD(state(), 0);
    releaseIdentity(state(), enemy.scriptRef, tick, *m_context);
}

void MainVm::release(engine::Player& player, uint64_t tick) {
    STACK_GUARD(state(), 0);
    releaseIdentity(state(), player.scriptRef, tick, *m_context);
}

// Calls the function under its nargs arguments; leaves one result (nil on failure).
bool MainVm::call(int nargs, bool director, const std::string& script, const std::string& chunkname,
                  uint64_t entity) {
    lua_State* L = state();
    ++m_hookCalls;
    m_context->script = &script;
    m_vm->begin(director ? BudgetKind::Director : BudgetKind::Hook);
    LuaFailure failure;
    const bool ok = m_vm->call(nargs, 1, chunkname, &failure);
    m_context->script = nullptr;
    if (ok)
        return true;
    ScriptError e;
    e.kind = failure.outOfMemory             ? ScriptErrorKind::Memory
             : m_vm->budget().exhausted != 0 ? ScriptErrorKind::Budget
                                             : ScriptErrorKind::Runtime;
    e.script = script;
    e.file = failure.file;
    e.line = failure.line;
    e.message = failure.message;
    e.traceback = failure.traceback;
    e.entity = entity;
    e.vm = -1; // the main VM
    e.tick = m_context->tick;
    m_log->add(e);
    lua_pushnil(L); // keep the stack shape of a successful call
    return false;
}

template <class PushArgs> void MainVm::callHook(engine::ObjectId id, int hook, PushArgs pushArgs) {
    engine::Enemy* e = m_context->world ? m_context->world->enemies.get(id) : nullptr;
    if (!e || e->type >= m_scripts.size() || e->type >= m_hooks.size() ||
        !m_scripts[e->type].hasHooks[hook])
        return;
    lua_State* L = state();
    STACK_GUARD(L, 0);
    lua_rawgeti(L, LUA_REGISTRYINDEX, m_hooks[e->type]);
    lua_getfield(L, -1, kEnemyHooks[hook]); // a copy the trusted Lua made: plain, no metamethods
    lua_remove(L, -2);
    if (!lua_isfunction(L, -1)) {
        lua_pop(L, 1);
        return;
    }
    const EnemyScriptInfo& script = m_scripts[e->type];
    pushEnemy(*e);
    const int extra = pushArgs(L);
    call(1 + extra, false, script.key, script.chunkname, engine::packObjectId(id));
    lua_pop(L, 1);
}

void MainVm::onSpawn(engine::ObjectId enemy) {
    callHook(enemy, 0, [](lua_State*) { return 0; });
}

void MainVm::onHit(engine::ObjectId enemy, float damage) {
    callHook(enemy, 1, [&](lua_State* L) {
        lua_pushnumber(L, double(damage));
        pushPlayer(m_context->world->player); // the source: only the player hurts enemies
        return 2;
    });
}

void MainVm::onDeath(engine::ObjectId enemy, bool killedByPlayer) {
    callHook(enemy, 2, [&](lua_State* L) {
        if (killedByPlayer)
            pushPlayer(m_context->world->player);
        else
            lua_pushnil(L); // despawned, or spent itself on the player
        return 1;
    });
}

bool MainVm::runDirector(const DirectorInfo& info) {
    if (!hasDirector() || !m_context->world)
        return false;
    lua_State* L = state();
    STACK_GUARD(L, 0);
    lua_rawgeti(L, LUA_REGISTRYINDEX, m_directorRef);
    lua_rawgeti(L, LUA_REGISTRYINDEX, m_directorState);
    lua_createtable(L, 0, 10);
    for (const auto& [key, value] : directorNumbers(info)) {
        lua_pushnumber(L, value);
        lua_setfield(L, -2, key);
    }
    lua_createtable(L, int(m_scripts.size()), 0);
    int n = 0;
    for (size_t i = 0; i < m_scripts.size(); ++i) {
        if (i < m_context->removed.size() && m_context->removed[i])
            continue;
        lua_pushstring(L, m_scripts[i].key.c_str());
        lua_rawseti(L, -2, ++n);
    }
    lua_setfield(L, -2, "types");
    static const std::string kDirector = "director";
    bool ok = call(2, true, kDirector, m_directorChunk, 0);
    if (ok && lua_type(L, -1) == LUA_TNUMBER) {
        const double wave = lua_tonumber(L, -1);
        if (wave >= 0 && wave <= kMaxWave && wave == std::floor(wave)) {
            m_context->out->wave = int(wave);
        } else {
            char text[160];
            std::snprintf(text, sizeof text,
                          "%s: update returned the wave number %.14g (a whole number from 0 to %d)",
                          m_directorChunk.c_str(), wave, kMaxWave);
            m_log->add(ScriptError{ScriptErrorKind::Runtime,
                                   "director",
                                   m_directorChunk,
                                   0,
                                   text,
                                   0,
                                   -1,
                                   m_context->tick,
                                   {}});
            ok = false;
        }
    }
    lua_pop(L, 1);
    return ok;
}

bool MainVm::installScript(size_t slot, const ScriptFile& file, const EnemyScriptInfo& info,
                           std::string* error) {
    lua_State* L = state();
    STACK_GUARD(L, 0);
    LuaFailure failure;
    if (!m_vm->callHost("load_hooks", file, 2, BudgetKind::Chunk, &failure)) {
        *error = failure.message;
        return false;
    }
    EnemyScriptInfo loaded;
    if (!readDescription(L, -1, file, &loaded, &failure) || !(loaded.memory == info.memory)) {
        *error = failure.message.empty()
                     ? file.chunkname + ": the main VM read a different memory layout than the pool"
                     : failure.message;
        lua_pop(L, 2);
        return false;
    }
    lua_pop(L, 1); // description
    if (slot >= m_hooks.size())
        m_hooks.resize(slot + 1, LUA_NOREF);
    luaL_unref(L, LUA_REGISTRYINDEX, m_hooks[slot]);
    m_hooks[slot] = luaL_ref(L, LUA_REGISTRYINDEX); // pops the hooks table
    EnemyScriptInfo installed = info;
    std::copy(std::begin(loaded.hasHooks), std::end(loaded.hasHooks),
              std::begin(installed.hasHooks));
    m_previous.erase(slot);
    if (slot < m_files.size() && !m_files[slot].chunkname.empty())
        m_previous[slot] = {m_files[slot], m_scripts[slot]};
    if (slot >= m_files.size())
        m_files.resize(slot + 1);
    if (!m_files[slot].chunkname.empty())
        m_sources.erase(m_files[slot].chunkname);
    m_files[slot] = file;
    m_sources[file.chunkname] = sourceHash(file.source);
    if (slot >= m_scripts.size())
        m_scripts.resize(slot + 1);
    m_scripts[slot] = installed;
    setRemoved(slot, false);
    return true;
}

bool MainVm::installDirector(const ScriptFile& file, std::string* error) {
    if (file.path.empty()) {
        m_directorOk = false;
        m_sources.erase(m_directorChunk);
        return true;
    }
    lua_State* L = state();
    STACK_GUARD(L, 0);
    LuaFailure failure;
    if (!m_vm->callHost("load_director", file, 2, BudgetKind::Chunk, &failure)) {
        *error = failure.message;
        return false; // the previous version, if it loaded, still runs
    }
    m_directorModules.clear();
    for (int i = 1; lua_type(L, -1) == LUA_TTABLE; ++i) { // the modules it required: a plain list
        lua_rawgeti(L, -1, i);
        const bool more = lua_type(L, -1) == LUA_TSTRING;
        if (more)
            m_directorModules.push_back(lua_tostring(L, -1));
        lua_pop(L, 1);
        if (!more)
            break;
    }
    lua_pop(L, 1);
    luaL_unref(L, LUA_REGISTRYINDEX, m_directorRef);
    m_directorRef = luaL_ref(L, LUA_REGISTRYINDEX);
    m_sources.erase(m_directorChunk);
    m_sources[file.chunkname] = sourceHash(file.source);
    m_directorChunk = file.chunkname;
    m_directorOk = true;
    return true;
}

void MainVm::undoLastInstall() {
    if (!m_undo.valid)
        return;
    Undo undo = std::move(m_undo);
    m_undo = Undo{};
    if (undo.libsChanged)
        setLibs(undo.libs);
    std::string ignored;
    for (size_t slot : undo.slots) {
        if (undo.previous.count(slot))
            installScript(slot, undo.previous[slot].first, undo.previous[slot].second, &ignored);
    }
    while (m_scripts.size() > undo.count)
        dropScript(m_scripts.size() - 1);
}

void MainVm::dropScript(size_t slot) {
    if (slot >= m_hooks.size())
        return;
    luaL_unref(state(), LUA_REGISTRYINDEX, m_hooks[slot]);
    m_hooks[slot] = LUA_NOREF;
    if (slot < m_files.size()) {
        m_sources.erase(m_files[slot].chunkname);
        m_files[slot] = ScriptFile{};
    }
    if (slot + 1 == m_scripts.size()) { // a new slot the change added: gone again
        m_scripts.pop_back();
        m_files.resize(m_scripts.size());
        m_hooks.resize(m_scripts.size());
    }
}

void MainVm::setRemoved(size_t slot, bool removed) {
    if (m_context->removed.size() <= slot)
        m_context->removed.resize(slot + 1, false);
    m_context->removed[slot] = removed;
}

std::vector<std::string> MainVm::directorInfoFields() {
    std::vector<std::string> names;
    for (const auto& [key, value] : directorNumbers(DirectorInfo{}))
        names.push_back(key);
    names.push_back("types");
    return names;
}

namespace {
std::string keyText(lua_State* L, int index) {
    switch (lua_type(L, index)) {
    case LUA_TSTRING: return lua_tostring(L, index);
    case LUA_TNUMBER: {
        char b[32];
        std::snprintf(b, sizeof b, "[%.14g]", lua_tonumber(L, index));
        return b;
    }
    case LUA_TBOOLEAN: return lua_toboolean(L, index) ? "[true]" : "[false]";
    default: return std::string("[") + luaL_typename(L, index) + "]";
    }
}

void flatten(lua_State* L, int table, int depth, int maxDepth, size_t maxLines,
             std::vector<const void*>& path, std::vector<TableLine>& out) {
    lua_pushnil(L);
    for (;;) {
        if (out.size() >= maxLines) {
            lua_pop(L, 1); // the pending key
            return;
        }
        if (!lua_next(L, table)) // raw: no __pairs, no __index
            return;
        TableLine line;
        line.depth = depth;
        line.key = keyText(L, -2);
        const int t = lua_type(L, -1);
        if (t == LUA_TNUMBER) {
            char b[32];
            std::snprintf(b, sizeof b, "%.14g", lua_tonumber(L, -1));
            line.value = b;
            line.editable = true;
        } else if (t == LUA_TSTRING) {
            line.value = lua_tostring(L, -1);
            line.editable = true;
        } else if (t == LUA_TBOOLEAN) {
            line.value = lua_toboolean(L, -1) ? "true" : "false";
            line.editable = true;
        } else if (t == LUA_TTABLE) {
            line.isTable = true;
            const void* p = lua_topointer(L, -1);
            const bool cycle = std::find(path.begin(), path.end(), p) != path.end();
            line.value = cycle ? "(cycle)" : depth + 1 >= maxDepth ? "{...} (depth limit)" : "{";
            out.push_back(line);
            if (!cycle && depth + 1 < maxDepth) {
                path.push_back(p);
                flatten(L, lua_gettop(L), depth + 1, maxDepth, maxLines, path, out);
                path.pop_back();
            }
            lua_pop(L, 1);
            continue;
        } else if (t == LUA_TUSERDATA && isObjectUserdata(L, -1)) {
            const auto* ud = static_cast<const ObjectUserdata*>(lua_touserdata(L, -1));
            const engine::ObjectId id = engine::unpackObjectId(uint64_t(ud->packed));
            char b[64];
            std::snprintf(b, sizeof b, "<%s %u:%u%s>",
                          ud->kind == ObjectKind::Player ? "player" : "enemy", id.index,
                          id.generation, ud->destroyed ? ", destroyed" : "");
            line.value = b;
        } else {
            line.value = std::string("<") + luaL_typename(L, -1) + ">";
        }
        out.push_back(line);
        lua_pop(L, 1);
    }
}
} // namespace

std::vector<TableLine> MainVm::tableView(int32_t scriptRef, int maxDepth, size_t maxLines) const {
    std::vector<TableLine> out;
    if (scriptRef == engine::kNoScriptRef)
        return out;
    lua_State* L = state();
    STACK_GUARD(L, 0);
    lua_rawgeti(L, LUA_REGISTRYINDEX, scriptRef);
    lua_getfenv(L, -1);
    std::vector<const void*> path{lua_topointer(L, -1)};
    if (lua_istable(L, -1))
        flatten(L, lua_gettop(L), 0, maxDepth, maxLines, path, out);
    lua_pop(L, 2);
    return out;
}

namespace {
struct TableEdit {
    int32_t scriptRef;
    const std::vector<std::string>* path;
    const std::string* text;
    std::string error;
};

// MainVm::setTableValue's work, under lua_cpcall: a string pushed at the VM's memory cap must
// be a caught error, not a panic (an edit can come from a recording, any size).
int editTable(lua_State* L) {
    TableEdit& edit = *static_cast<TableEdit*>(lua_touserdata(L, 1));
    const std::vector<std::string>& path = *edit.path;
    const std::string& text = *edit.text;
    lua_rawgeti(L, LUA_REGISTRYINDEX, edit.scriptRef);
    lua_getfenv(L, -1);
    lua_remove(L, -2);
    const auto pushKey = [L](const std::string& k) {
        if (k.size() > 2 && k.front() == '[' &&
            k.back() == ']') // a number key, as keyText shows it
            lua_pushnumber(L, std::strtod(k.c_str() + 1, nullptr));
        else
            lua_pushlstring(L, k.data(), k.size());
    };
    for (size_t i = 0; i + 1 < path.size(); ++i) {
        pushKey(path[i]);
        lua_rawget(L, -2);
        lua_remove(L, -2);
        if (!lua_istable(L, -1)) {
            edit.error = "no such table: " + path[i];
            return 0;
        }
    }
    pushKey(path.back());
    lua_pushvalue(L, -1);
    lua_rawget(L, -3);
    const int t = lua_type(L, -1);
    lua_pop(L, 1);
    bool ok = true;
    if (t == LUA_TNUMBER) {
        char* end = nullptr;
        const double v = std::strtod(text.c_str(), &end);
        ok = end && *end == '\0' && !text.empty();
        if (ok)
            lua_pushnumber(L, v);
    } else if (t == LUA_TBOOLEAN) {
        ok = text == "true" || text == "false";
        if (ok)
            lua_pushboolean(L, text == "true");
    } else if (t == LUA_TSTRING) {
        lua_pushlstring(L, text.data(), text.size());
    } else {
        ok = false;
    }
    if (!ok) {
        edit.error = "'" + text.substr(0, 64) + "' is not a " +
                     (t == LUA_TNUMBER    ? "number"
                      : t == LUA_TBOOLEAN ? "boolean"
                                          : "scalar");
        return 0;
    }
    lua_rawset(L, -3);
    return 0;
}
} // namespace

bool MainVm::setTableValue(int32_t scriptRef, const std::vector<std::string>& path,
                           const std::string& text, std::string* error) {
    if (scriptRef == engine::kNoScriptRef || path.empty()) {
        *error = "no such value";
        return false;
    }
    lua_State* L = state();
    STACK_GUARD(L, 0);
    TableEdit edit{scriptRef, &path, &text, {}};
    if (lua_cpcall(L, editTable, &edit) != 0) {
        lua_pop(L, 1); // the error value: a string the host never formats through Lua
        *error = "the edit did not fit in the VM's memory";
        return false;
    }
    if (!edit.error.empty()) {
        *error = edit.error;
        return false;
    }
    return true;
}

MainVmStats MainVm::stats(const engine::World& world) const {
    MainVmStats s;
    lua_State* L = state();
    s.luaBytes = luaMemory();
    // Walk the registry: every entry that is an object userdata is a held identity.
    lua_pushnil(L);
    while (lua_next(L, LUA_REGISTRYINDEX)) {
        if (isObjectUserdata(L, -1))
            ++s.registryObjectRefs;
        lua_pop(L, 1);
    }
    for (const engine::Enemy& e : world.enemies.dense())
        s.identities += e.scriptRef != engine::kNoScriptRef;
    s.identities += world.player.scriptRef != engine::kNoScriptRef;
    s.hookCalls = m_hookCalls;
    s.created = m_context->created;
    s.released = m_context->released;
    return s;
}

} // namespace scripting
