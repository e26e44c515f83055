#include "vm/sandboxed_vm.h"

#include "library/contract.h"
#include "pool/think_abi.h"
#include "sandbox/bounded_strings.h"
#include "sandbox/instrumenter.h"
#include "sandbox/protected_calls.h"
#include "scripting/memory_layout.h"
#include "scripting/script_source.h"
#include "vm/stack_guard.h"

#include <lua.hpp>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace scripting {

namespace embedded {
extern const char* const kBoot;
extern const char* const kBudget;
extern const char* const kEnvironment;
extern const char* const kCompile;
extern const char* const kContract;
extern const char* const kViews;
extern const char* const kDriver;
extern const char* const kHost;
extern const char* const kPoolHost;
extern const char* const kMainHost;
} // namespace embedded

namespace {
struct TrustedModule {
    const char* name;
    const char* const* source;
};
// In the order they run: each builds on the ones before (see vm/lua/boot.lua).
const TrustedModule kCommonModules[] = {{"sandbox/budget.lua", &embedded::kBudget},
                                        {"sandbox/environment.lua", &embedded::kEnvironment},
                                        {"sandbox/compile.lua", &embedded::kCompile},
                                        {"library/contract.lua", &embedded::kContract},
                                        {"vm/host.lua", &embedded::kHost}};
const TrustedModule kPoolModules[] = {{"pool/views.lua", &embedded::kViews},
                                      {"pool/pool_host.lua", &embedded::kPoolHost}};
const TrustedModule kMainModules[] = {{"identity/main_host.lua", &embedded::kMainHost}};

// Instructions between two visits of the count hook of uninstrumented chunks; each costs a unit.
constexpr int kHookInstructions = 1000;

void setNumber(lua_State* L, const char* key, double value) {
    lua_pushnumber(L, value);
    lua_setfield(L, -2, key);
}

// native.instrument(source) -> text, local name, global name | nil, reason
int nativeInstrument(lua_State* L) {
    size_t length = 0;
    const char* source = luaL_checklstring(L, 1, &length);
    InstrumentedChunk chunk;
    std::string error;
    if (!instrumentChunk(std::string_view(source, length), &chunk, &error)) {
        lua_pushnil(L);
        lua_pushlstring(L, error.data(), error.size());
        return 2;
    }
    lua_pushlstring(L, chunk.text.data(), chunk.text.size());
    lua_pushstring(L, chunk.localName.c_str());
    lua_pushstring(L, chunk.globalName.c_str());
    return 3;
}

// native.call(f, ...) -> f(...)'s first result. Trusted Lua runs a script chunk's top level through
// it, so the chunk's caller is a C function, as when plain LuaJIT runs a file (error(msg, 2) at the
// top level then names no position, instead of a trusted line).
int nativeCall(lua_State* L) {
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

// native.hook_chunk(chunkname, on)
int nativeHookChunk(lua_State* L) {
    SandboxedVm::of(L).setHooked(luaL_checkstring(L, 1), lua_toboolean(L, 2) != 0);
    return 0;
}

// native.memory_layout({ {name=, type=}, ... }) -> cdecl, size, { offsets } | nil, error
int nativeMemoryLayout(lua_State* L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    std::vector<std::pair<std::string, std::string>> declared;
    for (int i = 1; i <= 64; ++i) {
        lua_rawgeti(L, 1, i);
        if (lua_type(L, -1) != LUA_TTABLE) {
            lua_pop(L, 1);
            break;
        }
        lua_getfield(L, -1, "name");
        lua_getfield(L, -2, "type");
        if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING)
            return luaL_error(L, "memory_layout: names and types must be strings");
        declared.emplace_back(lua_tostring(L, -2), lua_tostring(L, -1));
        lua_pop(L, 3);
    }
    MemoryLayout layout;
    std::string error;
    if (!buildMemoryLayout(declared, &layout, &error)) {
        lua_pushnil(L);
        lua_pushstring(L, error.c_str());
        // the field to point at: the name in quotes, as buildMemoryLayout writes it
        const size_t open = error.find('\''),
                     close = open == std::string::npos ? open : error.find('\'', open + 1);
        if (close != std::string::npos)
            lua_pushlstring(L, error.data() + open + 1, close - open - 1);
        else
            lua_pushnil(L);
        return 3;
    }
    lua_pushstring(L, layout.cdecl().c_str());
    lua_pushinteger(L, lua_Integer(layout.size));
    lua_createtable(L, int(layout.fields.size()), 0);
    for (size_t i = 0; i < layout.fields.size(); ++i) {
        lua_pushinteger(L, lua_Integer(layout.fields[i].offset));
        lua_rawseti(L, -2, int(i + 1));
    }
    return 3;
}

// native.field_line(source, key or nil) -> line
int nativeFieldLine(lua_State* L) {
    size_t length = 0;
    const char* source = luaL_checklstring(L, 1, &length);
    const char* key = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "";
    lua_pushinteger(L, lineOfField(std::string_view(source, length), key));
    return 1;
}

// Charges the uninstrumented chunks the interpreter is running, kHookInstructions units a visit,
// through the same slow path as the instrumented checks (so the same errors, sticky the same way).
void countHook(lua_State* L, lua_Debug* ar) {
    SandboxedVm& vm = SandboxedVm::of(L);
    if (!lua_getinfo(L, "S", ar) || !ar->source || !vm.hooked(ar->source))
        return;
    BudgetCell& b = vm.budget();
    b.remaining += double(b.countdown) - kHookInstructions;
    b.countdown = 0;
    lua_getfield(L, LUA_REGISTRYINDEX, "arena.budget_slow");
    lua_call(L, 0, 0);
}
} // namespace

SandboxedVm& SandboxedVm::of(lua_State* L) {
    return *static_cast<SandboxedVm*>(LuaVm::of(L).owner());
}

std::unique_ptr<SandboxedVm> SandboxedVm::create(const SandboxedVmDef& def, std::string* error) {
    std::unique_ptr<SandboxedVm> vm(new SandboxedVm());
    vm->m_def = def;
    vm->m_lua = LuaVm::create(def.limits.memoryBytes, error);
    if (!vm->m_lua)
        return nullptr;
    vm->m_lua->setOwner(vm.get());
    lua_State* L = vm->state();
    STACK_GUARD(L, 0);
    if (luaL_loadbuffer(L, embedded::kBoot, std::strlen(embedded::kBoot), "=[arena] vm/boot.lua") !=
        0) {
        *error = "boot: " + readErrorString(L, -1);
        lua_pop(L, 1);
        return nullptr;
    }
    // boot(modules, ctx)
    std::vector<TrustedModule> modules(std::begin(kCommonModules), std::end(kCommonModules));
    if (def.kind == VmKind::Pool)
        modules.insert(modules.end(), std::begin(kPoolModules), std::end(kPoolModules));
    if (def.kind == VmKind::Main)
        modules.insert(modules.end(), std::begin(kMainModules), std::end(kMainModules));
    lua_createtable(L, int(modules.size()), 0);
    for (size_t i = 0; i < modules.size(); ++i) {
        lua_createtable(L, 0, 2);
        lua_pushstring(L, modules[i].name);
        lua_setfield(L, -2, "name");
        lua_pushstring(L, *modules[i].source);
        lua_setfield(L, -2, "source");
        lua_rawseti(L, -2, int(i + 1));
    }
    lua_createtable(L, 0, 16); // ctx
    lua_pushstring(L, kBudgetCdef);
    lua_setfield(L, -2, "budget_cdef");
    lua_pushlightuserdata(L, &vm->m_budget);
    lua_setfield(L, -2, "budget_address");
    lua_pushlightuserdata(L, reinterpret_cast<void*>(&arenaCStackRoom));
    lua_setfield(L, -2, "cstack_room");
    const SandboxLimits& lim = def.limits;
    lua_createtable(L, 0, 14);
    setNumber(L, "think_units", lim.thinkUnits);
    setNumber(L, "batch_seconds", lim.batchSeconds);
    setNumber(L, "chunk_units", lim.chunkUnits);
    setNumber(L, "chunk_seconds", lim.chunkSeconds);
    setNumber(L, "hook_units", lim.hookUnits);
    setNumber(L, "hook_seconds", lim.hookSeconds);
    setNumber(L, "max_sort", lim.maxSortElements);
    setNumber(L, "max_string", double(lim.maxStringBytes));
    setNumber(L, "bytes_per_unit", kBytesPerUnit);
    setNumber(L, "chunk", kBudgetChunk);
    setNumber(L, "clock_interval", kClockInterval);
    lua_pushboolean(L, lim.instrument);
    lua_setfield(L, -2, "instrument");
    lua_setfield(L, -2, "limits");
    lua_createtable(L, 0, 6); // native
    pushBoundedStringFunctions(L, &vm->m_budget);
    lua_setfield(L, -2, "strings");
    pushProtectedCalls(L, &vm->m_budget);
    lua_getfield(L, -1, "pcall");
    lua_setfield(L, -3, "pcall");
    lua_getfield(L, -1, "xpcall");
    lua_setfield(L, -3, "xpcall");
    lua_pop(L, 1);
    lua_pushcfunction(L, nativeInstrument);
    lua_setfield(L, -2, "instrument");
    lua_pushcfunction(L, nativeCall);
    lua_setfield(L, -2, "call");
    lua_pushcfunction(L, nativeHookChunk);
    lua_setfield(L, -2, "hook_chunk");
    lua_pushcfunction(L, nativeMemoryLayout);
    lua_setfield(L, -2, "memory_layout");
    lua_pushcfunction(L, nativeFieldLine);
    lua_setfield(L, -2, "field_line");
    lua_setfield(L, -2, "native");
    pushContract(L);
    lua_setfield(L, -2, "contract");
    if (def.kind == VmKind::Pool) {
        lua_pushstring(L, kThinkCdef);
        lua_setfield(L, -2, "think_cdef");
        lua_pushlightuserdata(L, const_cast<ThinkFrame*>(def.frame));
        lua_setfield(L, -2, "frame");
        lua_pushlightuserdata(L, def.cursor);
        lua_setfield(L, -2, "cursor");
        lua_pushlightuserdata(L, reinterpret_cast<void*>(&arenaEnemyRandom));
        lua_setfield(L, -2, "enemy_random");
        lua_pushstring(L, embedded::kDriver);
        lua_setfield(L, -2, "driver_source");
    }
    if (def.kind == VmKind::Main && def.pushArena) {
        def.pushArena(L);
        lua_setfield(L, -2, "arena");
    }
    // ARENA_JIT_LOG=prefix writes LuaJIT's trace log (jit.v) of each VM to prefix.<n>.
    static std::atomic<int> vmCounter{0};
    const int vmNumber = vmCounter++;
    if (const char* prefix = std::getenv("ARENA_JIT_LOG")) {
        lua_pushstring(L, (std::string(prefix) + "." + std::to_string(vmNumber)).c_str());
        lua_setfield(L, -2, "jit_log");
    }
    if (lua_pcall(L, 2, 1, 0) != 0) {
        *error = "boot: " + readErrorString(L, -1);
        lua_pop(L, 1);
        return nullptr;
    }
    vm->m_hostRef = luaL_ref(L, LUA_REGISTRYINDEX);
    return vm;
}

SandboxedVm::~SandboxedVm() = default; // LuaVm closes the state, and with it every ref

void SandboxedVm::pushHost(const char* name) {
    lua_State* L = state();
    lua_rawgeti(L, LUA_REGISTRYINDEX, m_hostRef);
    lua_getfield(L, -1, name); // ctx.host is a plain table the trusted Lua built
    lua_remove(L, -2);
}

void SandboxedVm::begin(BudgetKind kind) {
    const SandboxLimits& l = m_def.limits;
    switch (kind) {
    case BudgetKind::Think: beginBudget(m_budget, kind, l.thinkUnits, l.batchSeconds); break;
    case BudgetKind::Chunk: beginBudget(m_budget, kind, l.chunkUnits, l.chunkSeconds); break;
    case BudgetKind::Hook:
    case BudgetKind::Director: beginBudget(m_budget, kind, l.hookUnits, l.hookSeconds); break;
    }
}

bool SandboxedVm::call(int nargs, int nresults, const std::string& chunkname, LuaFailure* failure) {
    lua_State* L = state();
    const int function = lua_gettop(L) - nargs;
    lua_pushcfunction(L, failureHandler);
    lua_insert(L, function);
    int status;
    {
        LuaVm::Capped capped(*m_lua);
        status = lua_pcall(L, nargs, nresults, function);
    }
    if (status != 0) {
        *failure = readFailure(L, -1, status);
        if (failure->outOfMemory)
            failure->message = memoryMessage(chunkname);
        if (failure->file.empty())
            failure->file = chunkname;
        lua_pop(L, 1);
    }
    lua_remove(L, function);
    return status == 0;
}

bool SandboxedVm::callHost(const char* name, const ScriptFile& file, int nresults, BudgetKind kind,
                           LuaFailure* failure) {
    lua_State* L = state();
    pushHost(name);
    lua_pushlstring(L, file.source.data(), file.source.size());
    lua_pushstring(L, file.chunkname.c_str());
    begin(kind);
    return call(2, nresults, file.chunkname, failure);
}

void SandboxedVm::setModules(const std::vector<ScriptFile>& libs) {
    lua_State* L = state();
    STACK_GUARD(L, 0);
    pushHost("set_modules");
    lua_createtable(L, 0, int(libs.size()));
    for (const ScriptFile& lib : libs) {
        lua_createtable(L, 0, 2);
        lua_pushlstring(L, lib.source.data(), lib.source.size());
        lua_setfield(L, -2, "source");
        lua_pushstring(L, lib.chunkname.c_str());
        lua_setfield(L, -2, "chunkname");
        lua_setfield(L, -2, lib.name.c_str());
    }
    lua_call(L, 1, 0); // trusted, uncapped, cannot fail
}

void SandboxedVm::setJit(bool enabled) {
    lua_State* L = state();
    STACK_GUARD(L, 0);
    pushHost("set_jit");
    lua_pushboolean(L, enabled);
    lua_call(L, 1, 0);
}

bool SandboxedVm::jitEnabled() {
    lua_State* L = state();
    STACK_GUARD(L, 0);
    pushHost("jit_on");
    lua_call(L, 0, 1);
    const bool on = lua_toboolean(L, -1) != 0;
    lua_pop(L, 1);
    return on;
}

bool SandboxedVm::runChunk(const ScriptFile& file, std::string* result, std::string* text,
                           std::string* type, std::string* note) {
    lua_State* L = state();
    STACK_GUARD(L, 0);
    LuaFailure failure;
    if (!callHost("run_chunk", file, 4, BudgetKind::Chunk, &failure)) {
        *result = failure.message;
        return false;
    }
    // All four are plain strings (or nil) the trusted Lua made.
    const auto string = [L](int index) {
        return lua_type(L, index) == LUA_TSTRING
                   ? std::string(lua_tostring(L, index), lua_objlen(L, index))
                   : std::string();
    };
    *result = string(-4);
    if (text)
        *text = string(-3);
    if (type)
        *type = string(-2);
    if (note)
        *note = string(-1);
    lua_pop(L, 4);
    return true;
}

std::string SandboxedVm::memoryMessage(const std::string& chunkname) const {
    // Lua reports running out of memory without a position: say whose call it was and why.
    char text[200];
    std::snprintf(
        text, sizeof text,
        ": not enough memory (this VM is capped at %.0f MiB; the line is unknown: the allocation "
        "that failed can be anywhere)",
        double(memoryCap()) / 1048576.0);
    return chunkname + text;
}

size_t SandboxedVm::collectGarbage() {
    lua_gc(state(), LUA_GCCOLLECT, 0);
    return memoryUsed();
}

void SandboxedVm::setHooked(const std::string& chunkname, bool hooked) {
    if (!hooked) {
        m_hooked.erase("@" + chunkname);
        return;
    }
    m_hooked.insert("@" + chunkname);
    if (!m_hookInstalled) {
        lua_sethook(state(), countHook, LUA_MASKCOUNT, kHookInstructions);
        m_hookInstalled = true;
    }
}

} // namespace scripting
