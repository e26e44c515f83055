#include "vm/on_trace_oom.h"

#include "vm/stack_guard.h"

#include <lua.hpp>

#include <cstdint>
#include <cstring>

namespace scripting {

namespace {
// Offsets in LuaJIT 2.1's lj_obj.h, GC64 (x86-64 and arm64 builds since 2020), unchanged from
// the 2022 snapshot Debian 12 ships to upstream's 2023 fix. verify() checks each before use.
constexpr size_t kStateGlobal = 16;     // lua_State.glref
constexpr size_t kStateBase = 32;       // lua_State.base
constexpr size_t kStateTop = 40;        // lua_State.top
constexpr size_t kStateStack = 56;      // lua_State.stack
constexpr size_t kStateStackSize = 88;  // lua_State.stacksize (slots)
constexpr size_t kGlobalAllocf = 0;     // global_State.allocf
constexpr size_t kGlobalAllocd = 8;     // global_State.allocd
constexpr size_t kGlobalCurrentL = 368; // global_State.cur_L
constexpr size_t kGlobalJitBase = 376;  // global_State.jit_base
constexpr size_t kSlotSize = 8;         // a TValue in GC64
constexpr double kProbeNumber = 12345.25;

template <typename T> T readAt(const void* base, size_t offset) {
    T value;
    std::memcpy(&value, static_cast<const char*>(base) + offset, sizeof value);
    return value;
}

bool insideStack(lua_State* L, const char* slot) {
    const char* stack = readAt<char*>(L, kStateStack);
    const auto slots = readAt<uint32_t>(L, kStateStackSize);
    return slot >= stack && slot < stack + size_t(slots) * kSlotSize &&
           (slot - stack) % kSlotSize == 0;
}

// Called with one number: L->base must point at it and L->top one slot further.
int baseProbe(lua_State* L) {
    const char* base = readAt<char*>(L, kStateBase);
    const char* top = readAt<char*>(L, kStateTop);
    const bool ok = insideStack(L, base) && top == base + kSlotSize && lua_gettop(L) == 1 &&
                    readAt<double>(base, 0) == kProbeNumber;
    lua_pushboolean(L, ok);
    return 1;
}

// Allocates on a trace: tables kept (so the JIT cannot sink them) in a loop hot enough to compile.
const char* kCompiledLoop = "local keep = {} for i = 1, 400 do keep[i] = { i } end";
} // namespace

bool OnTraceOomRepair::verify(lua_State* L) {
    STACK_GUARD(L, 0);
    m_global = nullptr;
    char* g = readAt<char*>(L, kStateGlobal);
    void* ud = nullptr;
    const lua_Alloc allocf = lua_getallocf(L, &ud);
    if (!g || readAt<lua_Alloc>(g, kGlobalAllocf) != allocf ||
        readAt<void*>(g, kGlobalAllocd) != ud || readAt<lua_State*>(g, kGlobalCurrentL) != L ||
        readAt<void*>(g, kGlobalJitBase) != nullptr)
        return false;

    lua_pushcfunction(L, baseProbe);
    lua_pushnumber(L, kProbeNumber);
    const bool baseOk = lua_pcall(L, 1, 1, 0) == 0 && lua_toboolean(L, -1);
    lua_pop(L, 1);
    if (!baseOk)
        return false;

    m_candidate = g;
    m_L = L;
    m_onTrace = m_misplaced = 0;
    m_probing = true;
    const bool ran = luaL_loadstring(L, kCompiledLoop) == 0 && lua_pcall(L, 0, 0, 0) == 0;
    m_probing = false;
    if (!ran)
        lua_pop(L, 1);
    luaJIT_setmode(L, 0, LUAJIT_MODE_ENGINE | LUAJIT_MODE_FLUSH); // the probe's trace goes
    if (ran && m_onTrace > 0 && m_misplaced == 0 && readAt<void*>(g, kGlobalJitBase) == nullptr)
        m_global = g;
    return active();
}

void OnTraceOomRepair::recordJitBase() {
    const char* jitBase = readAt<char*>(m_candidate, kGlobalJitBase);
    if (!jitBase)
        return;
    if (insideStack(m_L, jitBase))
        ++m_onTrace;
    else
        ++m_misplaced;
}

void OnTraceOomRepair::beforeRefusal() const {
    if (!m_global)
        return;
    char* jitBase = readAt<char*>(m_global, kGlobalJitBase);
    if (!jitBase)
        return; // the interpreter keeps L->base current
    auto* running = readAt<char*>(m_global, kGlobalCurrentL);
    std::memcpy(running + kStateBase, &jitBase, sizeof jitBase);
}

} // namespace scripting
