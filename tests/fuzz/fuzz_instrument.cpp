// Fuzz target 4: the source instrumenter (scripting/src/sandbox/instrumenter.h) against LuaJIT.
// Whatever LuaJIT compiles, the instrumenter must accept, and its text must compile; whatever
// LuaJIT refuses, the instrumenter must refuse too (except where only LuaJIT's code generator runs
// out of registers, jump range or constants), and never turn into text that compiles. Then both
// run, each in a fresh state with the safe libraries: the instrumented text with its checks as the
// only bound (JIT on: a missing check is a hang, which libFuzzer reports as a timeout), the source
// in the interpreter under a count hook. When neither hit a limit (checks, instructions, memory,
// stack, time), their results must match.
#include "sandbox/instrumenter.h"
#include "vm/on_trace_oom.h"

#include <lua.hpp>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

namespace {

constexpr long kCheckBudget = 100'000;
constexpr int kHookTicks = 2'000; // of 1000 instructions
constexpr size_t kMemoryLimit = size_t(64) << 20;
constexpr double kSeconds = 2.0; // per run: C functions can be slow without looping in Lua

double now() {
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

// Number literals with the FFI's suffixes make the parser set up the FFI's type state; this
// LuaJIT was seen crashing in lua_close after loading many of them into a bare state, so the
// states here have that set up first (luaopen_ffi without a global: scripts see no ffi). The
// module stays referenced from the registry: this LuaJIT does not treat the FFI's finalizer table
// as a GC root (LuaJIT #1168, fixed upstream in 2024), so once its module was unreachable a
// collection during a long parse freed the table and lua_close crashed (the fuzzer found it).
void openFfiTypes(lua_State* L) {
    lua_pushcfunction(L, luaopen_ffi);
    lua_call(L, 0, 1);
    lua_setfield(L, LUA_REGISTRYINDEX, "fuzz.ffi");
}

// Why a run's result says nothing about the instrumentation.
struct Limits {
    size_t used = 0;
    bool hit = false;
    long checks = 0;
    int ticks = 0;
    double deadline = 0;
    int described = 0;                      // table entries described
    scripting::OnTraceOomRepair onTraceOom; // the game's, for the same LuaJIT bug
};

Limits* g_limits = nullptr; // the run in progress (hooks have no user data)

void* allocate(void* ud, void* ptr, size_t osize, size_t nsize) {
    Limits* limits = static_cast<Limits*>(ud);
    limits->onTraceOom.noteAllocation();
    const size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        std::free(ptr);
        limits->used -= old;
        return nullptr;
    }
    if (nsize > old && limits->used + (nsize - old) > kMemoryLimit) {
        limits->hit = true;
        limits->onTraceOom.beforeRefusal();
        return nullptr;
    }
    void* p = std::realloc(ptr, nsize);
    if (!p) {
        limits->hit = true;
        limits->onTraceOom.beforeRefusal();
        return nullptr;
    }
    limits->used = limits->used - old + nsize;
    return p;
}

// Once a limit is hit every later check or hook raises again, so a script's pcall cannot
// swallow it and go on.
int check(lua_State* L) {
    Limits* limits = g_limits;
    if (++limits->checks > kCheckBudget ||
        ((limits->checks & 1023) == 0 && now() > limits->deadline))
        limits->hit = true;
    if (limits->hit)
        return luaL_error(L, "fuzz: check budget");
    return 0;
}

void hook(lua_State* L, lua_Debug*) {
    Limits* limits = g_limits;
    if (++limits->ticks > kHookTicks || now() > limits->deadline) {
        limits->hit = true;
        lua_sethook(L, hook, LUA_MASKCOUNT, 1); // from now on at every instruction
        luaL_error(L, "fuzz: instruction limit");
    }
}

// Errors that depend on frame sizes or allocation: the instrumented text has other ones.
void noteError(lua_State* L, int index) {
    if (lua_type(L, index) != LUA_TSTRING)
        return;
    const char* s = lua_tostring(L, index);
    if (std::strstr(s, "stack overflow") || std::strstr(s, "not enough memory") ||
        std::strstr(s, "error in error handling") || std::strstr(s, "fuzz: "))
        g_limits->hit = true;
}

// pcall, xpcall and coroutine.resume that notice the errors they catch.
int guardedPcall(lua_State* L) {
    luaL_checkany(L, 1);
    const int status = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
    if (status != 0)
        noteError(L, -1);
    lua_pushboolean(L, status == 0);
    lua_insert(L, 1);
    return lua_gettop(L);
}

int guardedXpcall(lua_State* L) {
    luaL_checkany(L, 2);
    lua_pushvalue(L, 2);
    lua_insert(L, 1); // handler, f, handler, args...
    lua_remove(L, 3);
    const int status = lua_pcall(L, lua_gettop(L) - 2, LUA_MULTRET, 1);
    if (status != 0)
        noteError(L, -1);
    lua_pushboolean(L, status == 0);
    lua_replace(L, 1);
    return lua_gettop(L);
}

int guardedResume(lua_State* L) {
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    if (lua_gettop(L) >= 2 && !lua_toboolean(L, 1))
        noteError(L, 2);
    return lua_gettop(L);
}

// LuaJIT seeds its string hash from the OS, so the order of next() differs from state to state.
// Scripts iterate here in a fixed order: numbers, booleans, then strings by their bytes.
struct Key {
    int rank; // 0 number, 1 boolean, 2 string
    double number;
    std::string string;
    bool operator<(const Key& o) const {
        if (rank != o.rank)
            return rank < o.rank;
        return rank == 2 ? string < o.string : number < o.number;
    }
    bool operator==(const Key& o) const { return !(*this < o) && !(o < *this); }
};

bool keyAt(lua_State* L, int index, Key* key) {
    switch (lua_type(L, index)) {
    case LUA_TNUMBER: *key = {0, lua_tonumber(L, index), {}}; return true;
    case LUA_TBOOLEAN: *key = {1, lua_toboolean(L, index) ? 1.0 : 0.0, {}}; return true;
    case LUA_TSTRING: {
        size_t n = 0;
        const char* s = lua_tolstring(L, index, &n);
        *key = {2, 0, std::string(s, n)};
        return true;
    }
    default: return false;
    }
}

int orderedNext(lua_State* L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 2);
    std::vector<Key> keys;
    bool ordered = true;
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        Key k;
        if (keys.size() >= 256 || !keyAt(L, -2, &k))
            ordered = false;
        else
            keys.push_back(std::move(k));
        lua_pop(L, 1);
    }
    if (!ordered) { // keys that hash by address, or too many to sort at every step
        g_limits->hit = true;
        lua_pushvalue(L, lua_upvalueindex(1));
        lua_insert(L, 1);
        lua_call(L, 2, LUA_MULTRET);
        return lua_gettop(L);
    }
    std::sort(keys.begin(), keys.end());
    size_t next = 0;
    if (!lua_isnil(L, 2)) {
        Key k;
        if (!keyAt(L, 2, &k))
            return luaL_error(L, "invalid key to 'next'");
        const auto it = std::lower_bound(keys.begin(), keys.end(), k);
        if (it == keys.end() || !(*it == k))
            return luaL_error(L, "invalid key to 'next'");
        next = size_t(it - keys.begin()) + 1;
    }
    if (next == keys.size()) {
        lua_pushnil(L);
        return 1;
    }
    const Key& k = keys[next];
    if (k.rank == 0)
        lua_pushnumber(L, k.number);
    else if (k.rank == 1)
        lua_pushboolean(L, k.number != 0);
    else
        lua_pushlstring(L, k.string.data(), k.string.size());
    lua_pushvalue(L, -1);
    lua_rawget(L, 1);
    return 2;
}

int orderedPairs(lua_State* L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

void openSafeLibraries(lua_State* L, const std::string& checkName) {
    const struct {
        const char* name;
        lua_CFunction open;
    } libs[] = {{"", luaopen_base}, // with coroutine
                {LUA_STRLIBNAME, luaopen_string},
                {LUA_TABLIBNAME, luaopen_table},
                {LUA_MATHLIBNAME, luaopen_math},
                {LUA_BITLIBNAME, luaopen_bit}};
    for (const auto& lib : libs) {
        lua_pushcfunction(L, lib.open);
        lua_pushstring(L, lib.name);
        lua_call(L, 1, 0);
    }
    openFfiTypes(L);
    // No loaders (uninstrumented code), nothing that reveals the collector or lets a script
    // change its own environment, no pattern matching (backtracking runs in C for ages).
    for (const char* name :
         {"load", "loadstring", "dofile", "loadfile", "require", "module", "collectgarbage",
          "gcinfo", "print", "setfenv", "getfenv", "newproxy"}) {
        lua_pushnil(L);
        lua_setglobal(L, name);
    }
    lua_getglobal(L, "string");
    for (const char* name : {"dump", "find", "match", "gmatch", "gsub"}) {
        lua_pushnil(L);
        lua_setfield(L, -2, name);
    }
    lua_pop(L, 1);
    lua_getglobal(L, "table");
    lua_pushnil(L);
    lua_setfield(L, -2, "foreach"); // iterates in hash order
    lua_pop(L, 1);
    lua_getglobal(L, "next");
    lua_pushcclosure(L, orderedNext, 1);
    lua_pushvalue(L, -1);
    lua_setglobal(L, "next");
    lua_pushcclosure(L, orderedPairs, 1);
    lua_setglobal(L, "pairs");
    lua_getglobal(L, "coroutine");
    lua_getfield(L, -1, "resume");
    lua_pushcclosure(L, guardedResume, 1);
    lua_setfield(L, -2, "resume");
    lua_pop(L, 1);
    lua_pushcfunction(L, guardedPcall);
    lua_setglobal(L, "pcall");
    lua_pushcfunction(L, guardedXpcall);
    lua_setglobal(L, "xpcall");
    // The check is reachable as a global in both runs but not listed by pairs(_G), and the
    // metatable that holds it cannot be replaced.
    lua_pushvalue(L, LUA_GLOBALSINDEX);
    lua_newtable(L);
    lua_newtable(L);
    lua_pushcfunction(L, check);
    lua_setfield(L, -2, checkName.c_str());
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_pop(L, 1);
}

void describe(lua_State* L, int index, int depth, std::string* out) {
    if (index < 0)
        index = lua_gettop(L) + index + 1;
    switch (lua_type(L, index)) {
    case LUA_TNIL: *out += "nil"; return;
    case LUA_TBOOLEAN: *out += lua_toboolean(L, index) ? "true" : "false"; return;
    case LUA_TNUMBER: {
        const double d = lua_tonumber(L, index);
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.17g", d != d ? 0.0 : d);
        *out += d != d ? "nan" : buf;
        return;
    }
    case LUA_TSTRING: {
        size_t n = 0;
        const char* s = lua_tolstring(L, index, &n);
        *out += "\"" + std::string(s, n < 200 ? n : 200) + "\"#" + std::to_string(n);
        return;
    }
    case LUA_TTABLE: {
        if (depth >= 3) {
            *out += "{...}";
            return;
        }
        std::vector<std::string> items;
        lua_pushnil(L);
        while (lua_next(L, index)) {
            if (++g_limits->described > 10'000) { // all or none: which ones come first differs
                lua_pop(L, 2);
                g_limits->hit = true;
                return;
            }
            std::string item;
            describe(L, -2, depth + 1, &item);
            item += "=";
            describe(L, -1, depth + 1, &item);
            items.push_back(item);
            lua_pop(L, 1);
        }
        std::sort(items.begin(), items.end()); // the order of lua_next differs between states
        *out += "{";
        for (const std::string& item : items)
            *out += item + ",";
        *out += "}";
        return;
    }
    default: *out += lua_typename(L, lua_type(L, index)); return;
    }
}

// Runs a chunk; false if a limit was hit (the result then means nothing).
bool runChunk(const std::string& text, const std::string& checkName, bool instrumented,
              std::string* result) {
    Limits limits;
    limits.deadline = now() + kSeconds;
    g_limits = &limits;
    lua_State* L = lua_newstate(allocate, &limits);
    if (!L)
        return false;
    lua_gc(L, LUA_GCSTOP, 0); // weak tables and collection counts must not depend on timing
    openSafeLibraries(L, checkName);
    limits.onTraceOom.verify(L);
    if (!instrumented) {
        luaJIT_setmode(L, 0, LUAJIT_MODE_ENGINE | LUAJIT_MODE_OFF);
        lua_sethook(L, hook, LUA_MASKCOUNT, 1000);
    }
    if (luaL_loadbufferx(L, text.data(), text.size(), "=fuzz", "t") != 0) {
        noteError(L, -1);
        *result = "syntax";
    } else if (lua_pcall(L, 0, LUA_MULTRET, 0) != 0) {
        noteError(L, -1);
        *result = "error: ";
        describe(L, -1, 0, result);
    } else {
        for (int i = 1; i <= lua_gettop(L); ++i) {
            describe(L, i, 0, result);
            *result += ";";
        }
    }
    lua_close(L);
    g_limits = nullptr;
    return !limits.hit;
}

// Addresses in strings (tostring of a table) differ between the two runs.
std::string withoutAddresses(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '0' && i + 1 < s.size() && s[i + 1] == 'x') {
            size_t j = i + 2;
            while (j < s.size() && std::isxdigit(static_cast<unsigned char>(s[j])))
                ++j;
            out += "0x?";
            i = j - 1;
        } else {
            out += s[i];
        }
    }
    return out;
}

bool compiles(const std::string& text, std::string* error = nullptr) {
    lua_State* L = luaL_newstate();
    openFfiTypes(L);
    const bool ok = luaL_loadbufferx(L, text.data(), text.size(), "=fuzz", "t") == 0;
    if (!ok && error)
        *error = lua_tostring(L, -1);
    lua_close(L);
    return ok;
}

// The limits of LuaJIT's code generator, which the instrumenter does not model.
bool codeGeneratorLimit(const std::string& error) {
    for (const char* message : {"function or expression too complex", "control structure too long",
                                "constants", "bytecode instructions", "return fixup"}) {
        if (error.find(message) != std::string::npos)
            return true;
    }
    return false;
}

[[noreturn]] void fail(const char* what, const std::string& source, const std::string& detail) {
    std::fprintf(stderr, "fuzz_instrument: %s\n--- source ---\n%s\n--- detail ---\n%s\n", what,
                 source.c_str(), detail.c_str());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string source(reinterpret_cast<const char*>(data), size);
    scripting::InstrumentedChunk chunk;
    std::string error;
    const bool accepted = scripting::instrumentChunk(source, &chunk, &error);
    const bool raw = compiles(source);
    if (!raw) {
        std::string rawError;
        compiles(source, &rawError);
        if (accepted && compiles(chunk.text))
            fail("LuaJIT refuses the source but compiles its instrumented text", source,
                 chunk.text);
        if (accepted && !codeGeneratorLimit(rawError))
            fail("LuaJIT refuses the source but the instrumenter accepts it", source, rawError);
        return 0;
    }
    if (!accepted)
        fail("LuaJIT compiles the source but the instrumenter refuses it", source, error);
    if (!compiles(chunk.text))
        fail("the instrumented text does not compile", source, chunk.text);

    std::string rawResult, instResult;
    const bool rawComplete = runChunk(source, chunk.globalName, false, &rawResult);
    const bool instComplete = runChunk(chunk.text, chunk.globalName, true, &instResult);
    if (rawComplete && instComplete && withoutAddresses(rawResult) != withoutAddresses(instResult))
        fail("different results", source,
             "raw:  " + rawResult + "\ninst: " + instResult + "\n" + chunk.text);
    return 0;
}
