#include "vm/script_vm.h"

#include "sandbox/bounded_strings.h"
#include "scripting/script_errors.h"
#include "vm/stack_guard.h"

#include <lua.hpp>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace scripting {

namespace embedded {
extern const char* const kPrelude;
extern const char* const kDriver;
extern const char* const kInstrument;
} // namespace embedded

namespace {
std::string errorString(lua_State* L, int index) {
    // Strings only: converting anything else could run a script's __tostring.
    if (lua_type(L, index) == LUA_TSTRING)
        return lua_tostring(L, index);
    return std::string("(error object is a ") + luaL_typename(L, index) + " value)";
}

// Pushes P[name] (a host function of the prelude).
void pushHost(lua_State* L, int hostRef, const char* name) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, hostRef);
    lua_getfield(L, -1, name);
    lua_remove(L, -2);
}


// Pushes P[name] and its two arguments, the file's source text and chunk name.
void pushHostCall(lua_State* L, int hostRef, const char* name, const ScriptFile& file) {
    pushHost(L, hostRef, name);
    lua_pushlstring(L, file.source.data(), file.source.size());
    lua_pushstring(L, file.chunkname.c_str());
}

double numberField(lua_State* L, int table, const char* key) {
    lua_getfield(L, table, key);
    const double v = lua_tonumber(L, -1);
    lua_pop(L, 1);
    return v;
}
} // namespace

// Adds the Lua traceback to string errors. Other error values pass through untouched (turning
// them into strings could run a script's __tostring).
int tracebackHandler(lua_State* L) {
    if (lua_type(L, 1) == LUA_TSTRING)
        luaL_traceback(L, L, lua_tostring(L, 1), 1);
    return 1;
}

void splitTraceback(const std::string& full, std::string* message, std::string* traceback) {
    const size_t at = full.find("\nstack traceback:");
    *message = full.substr(0, at);
    *traceback = at == std::string::npos ? std::string() : full.substr(at + 1);
}

std::unique_ptr<ScriptVm> ScriptVm::create(const ThinkFrame* frame, const LuaVmDef& def,
                                           const SandboxLimits& limits, std::string* error,
                                           const std::function<void(lua_State*)>& pushArena) {
    std::unique_ptr<ScriptVm> vm(new ScriptVm());
    vm->m_frame = frame;
    vm->m_vm = LuaVm::create(def, error);
    if (!vm->m_vm)
        return nullptr;
    lua_State* L = vm->m_vm->state();
    STACK_GUARD(L, 0);
    LuaVm::Unlimited unlimited(*vm->m_vm); // setting up is host work: no cap until scripts run
    if (luaL_loadbuffer(L, embedded::kPrelude, std::strlen(embedded::kPrelude), "=prelude") != 0) {
        *error = errorString(L, -1);
        lua_pop(L, 1);
        return nullptr;
    }
    lua_pushstring(L, kThinkCdef);
    lua_pushlightuserdata(L, const_cast<ThinkFrame*>(frame));
    lua_pushlightuserdata(L, &vm->m_cursor);
    lua_pushstring(L, embedded::kDriver);
    // ARENA_JIT_LOG=prefix writes LuaJIT's trace log (jit.v) of each VM to prefix.<n>.
    static std::atomic<int> vmCounter{0};
    const int vmNumber = vmCounter++;
    if (const char* prefix = std::getenv("ARENA_JIT_LOG"))
        lua_pushstring(L, (std::string(prefix) + "." + std::to_string(vmNumber)).c_str());
    else
        lua_pushnil(L);
    lua_pushlightuserdata(L, &vm->m_budget);
    lua_pushstring(L, embedded::kInstrument);
    pushBoundedStringFunctions(L, &vm->m_budget);
    lua_createtable(L, 0, 10);
    const auto setNumber = [L](const char* key, double value) {
        lua_pushnumber(L, value);
        lua_setfield(L, -2, key);
    };
    setNumber("refill", limits.refill);
    setNumber("think_refills", limits.thinkRefills);
    setNumber("load_refills", limits.loadRefills);
    setNumber("load_seconds", limits.loadSeconds);
    setNumber("batch_seconds", limits.batchSeconds);
    setNumber("max_depth", limits.maxCallbackDepth);
    setNumber("max_sort", limits.maxSortElements);
    setNumber("max_string", double(limits.maxStringBytes));
    lua_pushboolean(L, limits.instrument);
    lua_setfield(L, -2, "instrument");
    if (pushArena)
        pushArena(L);
    else
        lua_pushnil(L);
    if (lua_pcall(L, 10, 1, 0) != 0) {
        *error = "prelude: " + errorString(L, -1);
        lua_pop(L, 1);
        return nullptr;
    }
    lua_pushvalue(L, -1);
    lua_setfield(L, LUA_REGISTRYINDEX, "arena.host"); // for tools that ask the prelude (script_api)
    vm->m_hostRef = luaL_ref(L, LUA_REGISTRYINDEX);
    return vm;
}

ScriptVm::~ScriptVm() = default; // LuaVm closes the state, and with it every ref

void ScriptVm::setLibs(const std::vector<ScriptFile>& libs) {
    lua_State* L = m_vm->state();
    STACK_GUARD(L, 0);
    LuaVm::Unlimited unlimited(*m_vm); // only host data: no script code runs here
    pushHost(L, m_hostRef, "set_libs");
    lua_createtable(L, 0, int(libs.size()));
    for (const ScriptFile& lib : libs) {
        lua_createtable(L, 0, 2);
        lua_pushlstring(L, lib.source.data(), lib.source.size());
        lua_setfield(L, -2, "source");
        lua_pushstring(L, lib.chunkname.c_str());
        lua_setfield(L, -2, "chunkname");
        lua_setfield(L, -2, lib.name.c_str());
    }
    if (lua_pcall(L, 1, 0, 0) != 0)
        lua_pop(L, 1); // only fails when out of memory; require then reports missing modules
}

bool ScriptVm::loadEnemy(size_t slot, const ScriptFile& file, EnemyScriptInfo* info, std::string* error) {
    lua_State* L = m_vm->state();
    STACK_GUARD(L, 0);
    {
        LuaVm::Unlimited unlimited(*m_vm);
        pushHostCall(L, m_hostRef, "load_enemy", file);
    }
    if (lua_pcall(L, 2, 3, 0) != 0) {
        *error = withPosition(file.chunkname, errorString(L, -1));
        lua_pop(L, 1);
        return false;
    }
    LuaVm::Unlimited unlimited(*m_vm);
    if (slot >= m_hooks.size())
        m_hooks.resize(slot + 1, LUA_NOREF);
    luaL_unref(L, LUA_REGISTRYINDEX, m_hooks[slot]);
    m_hooks[slot] = luaL_ref(L, LUA_REGISTRYINDEX); // pops the hooks table
    // The description table is built by the prelude from checked plain values: reading it runs
    // no script code.
    const int d = lua_gettop(L);
    if (info) {
        info->key = file.name;
        info->chunkname = file.chunkname;
        lua_getfield(L, d, "name");
        info->type.name = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : file.name;
        lua_pop(L, 1);
        info->type.hp = float(numberField(L, d, "hp"));
        info->type.speed = float(numberField(L, d, "speed"));
        info->type.radius = float(numberField(L, d, "radius"));
        info->type.color = uint32_t(numberField(L, d, "color"));
        info->type.score = int(numberField(L, d, "score"));
        info->type.contactDamage = float(numberField(L, d, "contact_damage"));
        info->type.fireInterval = int(numberField(L, d, "fire_interval"));
        info->type.bulletSpeed = float(numberField(L, d, "bullet_speed"));
        info->type.bulletDamage = float(numberField(L, d, "bullet_damage"));
        info->type.memorySize = uint32_t(numberField(L, d, "memory_size"));
        info->memory.clear();
        lua_getfield(L, d, "memory");
        for (int i = 1;; ++i) {
            lua_rawgeti(L, -1, i);
            if (lua_isnil(L, -1)) {
                lua_pop(L, 1);
                break;
            }
            MemoryField f;
            lua_getfield(L, -1, "name");
            f.name = lua_tostring(L, -1);
            lua_getfield(L, -2, "type");
            f.type = lua_tostring(L, -1);
            lua_pop(L, 2);
            f.offset = uint32_t(numberField(L, lua_gettop(L), "offset"));
            info->memory.push_back(std::move(f));
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1); // description
    if (slot >= m_drivers.size()) {
        m_drivers.resize(slot + 1, LUA_NOREF);
        m_chunknames.resize(slot + 1);
    }
    m_chunknames[slot] = file.chunkname;
    luaL_unref(L, LUA_REGISTRYINDEX, m_drivers[slot]);
    m_drivers[slot] = luaL_ref(L, LUA_REGISTRYINDEX); // pops the driver
    return true;
}

BatchResult ScriptVm::runBatch(size_t slot, uint32_t first, uint32_t last, std::vector<ThinkFault>& faults) {
    lua_State* L = m_vm->state();
    STACK_GUARD(L, 0);
    BatchResult result;
    result.entities = last - first;
    uint32_t from = first;
    lua_pushcfunction(L, tracebackHandler);
    const int handler = lua_gettop(L);
    while (from < last) {
        m_cursor.position = -1;
        lua_rawgeti(L, LUA_REGISTRYINDEX, m_drivers[slot]);
        lua_pushinteger(L, lua_Integer(from));
        lua_pushinteger(L, lua_Integer(last));
        const int status = lua_pcall(L, 2, 0, handler);
        if (status == 0)
            break;
        // The cursor names the entity that raised; if the driver failed before reaching one,
        // blame the first, so every retry makes progress.
        const uint32_t at = m_cursor.position >= int32_t(from) ? uint32_t(m_cursor.position) : from;
        std::string message, traceback;
        splitTraceback(errorString(L, -1), &message, &traceback);
        faults.push_back(ThinkFault{at, m_frame->order[at], int(slot),
                                    status == LUA_ERRMEM ? memoryError(m_chunknames[slot])
                                                         : withPosition(m_chunknames[slot], message),
                                    -1, status == LUA_ERRMEM, traceback});
        lua_pop(L, 1);
        ++result.faults;
        from = at + 1;
    }
    lua_pop(L, 1); // the handler
    return result;
}

std::string ScriptVm::withPosition(const std::string& chunkname, const std::string& message) {
    // A tail call can leave no script frame to blame: then at least name the script.
    std::string file;
    int line = 0;
    return parseLuaErrorPosition(message, &file, &line) || message.rfind(chunkname + ":", 0) == 0
               ? message
               : chunkname + ": " + message;
}

std::string ScriptVm::memoryError(const std::string& chunkname) const {
    // Lua reports running out of memory without a position: say whose call it was and why.
    char text[160];
    std::snprintf(text, sizeof text, ": not enough memory (this VM is capped at %.0f MiB; the line is unknown: "
                  "the allocation that failed can be anywhere)", double(m_vm->memoryLimit()) / 1048576.0);
    return chunkname + text;
}

bool ScriptVm::loadDirector(const ScriptFile& file, std::string* error) {
    lua_State* L = m_vm->state();
    STACK_GUARD(L, 0);
    {
        LuaVm::Unlimited unlimited(*m_vm);
        pushHostCall(L, m_hostRef, "load_director", file);
    }
    const int status = lua_pcall(L, 2, 1, 0);
    if (status != 0) {
        *error = status == LUA_ERRMEM ? memoryError(file.chunkname) : withPosition(file.chunkname, errorString(L, -1));
        lua_pop(L, 1);
        return false;
    }
    LuaVm::Unlimited unlimited(*m_vm);
    luaL_unref(L, LUA_REGISTRYINDEX, m_director);
    m_director = luaL_ref(L, LUA_REGISTRYINDEX);
    return true;
}

bool ScriptVm::runChunk(const ScriptFile& file, std::string* result) {
    lua_State* L = m_vm->state();
    STACK_GUARD(L, 0);
    {
        LuaVm::Unlimited unlimited(*m_vm);
        pushHostCall(L, m_hostRef, "run_chunk", file);
    }
    const int status = lua_pcall(L, 2, 1, 0);
    const bool ok = status == 0;
    *result = status == LUA_ERRMEM ? memoryError(file.chunkname)
              : ok                  ? errorString(L, -1)
                                    : withPosition(file.chunkname, errorString(L, -1));
    lua_pop(L, 1);
    LuaVm::Unlimited unlimited(*m_vm);
    pushHost(L, m_hostRef, "reset_budget");
    if (lua_pcall(L, 0, 0, 0) != 0)
        lua_pop(L, 1);
    return ok;
}

void ScriptVm::setJit(bool enabled) {
    lua_State* L = m_vm->state();
    STACK_GUARD(L, 0);
    LuaVm::Unlimited unlimited(*m_vm);
    pushHost(L, m_hostRef, "set_jit");
    lua_pushboolean(L, enabled);
    if (lua_pcall(L, 1, 0, 0) != 0)
        lua_pop(L, 1);
}

size_t ScriptVm::collectGarbage() {
    lua_gc(m_vm->state(), LUA_GCCOLLECT, 0);
    return m_vm->memoryUsed();
}

std::vector<std::pair<std::string, long>> ScriptVm::ffiLayout() {
    lua_State* L = m_vm->state();
    STACK_GUARD(L, 0);
    LuaVm::Unlimited unlimited(*m_vm);
    std::vector<std::pair<std::string, long>> out;
    pushHost(L, m_hostRef, "layout");
    if (lua_pcall(L, 0, 1, 0) != 0) {
        lua_pop(L, 1);
        return out;
    }
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        out.emplace_back(lua_tostring(L, -2), long(lua_tointeger(L, -1)));
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return out;
}

} // namespace scripting
