#include "vm/lua_vm.h"

#include "scripting/sandbox_limits.h"

#include <lua.hpp>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace scripting {

namespace {
// Under AddressSanitizer every block comes from malloc, so it still sees each Lua object.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kUseSmallBlocks = false;
#else
constexpr bool kUseSmallBlocks = true;
#endif
bool isSmall(size_t size) {
    return kUseSmallBlocks && size > 0 && size <= SmallBlocks::kMaxSize;
}
} // namespace

void LuaVm::release(void* ptr, size_t old) {
    if (isSmall(old) && m_small.owns(ptr))
        m_small.release(ptr, old);
    else
        std::free(ptr);
}

void* LuaVm::resize(void* ptr, size_t old, size_t newSize) {
    const bool fromSlab = ptr && isSmall(old) && m_small.owns(ptr);
    if (fromSlab && isSmall(newSize) &&
        SmallBlocks::sizeClass(old) == SmallBlocks::sizeClass(newSize))
        return ptr;
    void* p = isSmall(newSize) ? m_small.allocate(newSize) : nullptr;
    if (!p) {
        if (!fromSlab) // a malloc block (or none): plain realloc
            return std::realloc(ptr, newSize);
        p = std::malloc(newSize);
        if (!p)
            return nullptr;
    }
    if (ptr) {
        std::memcpy(p, ptr, old < newSize ? old : newSize);
        release(ptr, old);
    }
    return p;
}

void* LuaVm::allocate(void* ud, void* ptr, size_t oldSize, size_t newSize) {
    auto* vm = static_cast<LuaVm*>(ud);
    vm->m_onTraceOom.noteAllocation();
    const size_t old = ptr ? oldSize : 0;
    if (newSize == 0) {
        if (ptr)
            vm->release(ptr, old);
        vm->m_used -= old;
        return nullptr;
    }
    // Lua turns a refusal into "not enough memory" in the running protected call.
    if (newSize > old && vm->m_used - old + newSize > vm->m_limit) {
        vm->m_onTraceOom.beforeRefusal();
        return nullptr;
    }
    void* p = vm->resize(ptr, old, newSize);
    if (!p) {
        vm->m_onTraceOom.beforeRefusal();
        return nullptr;
    }
    vm->m_used = vm->m_used - old + newSize;
    if (newSize > old)
        vm->m_allocated += newSize - old;
    return p;
}

namespace {
// An error outside any protected call. LuaJIT would print nothing and exit(1): say what happened.
int panic(lua_State* L) {
    const char* message = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "(not a string)";
    std::fprintf(stderr, "arena: fatal: an unprotected Lua error in a VM: %s\n", message);
    std::fflush(stderr);
    std::abort();
}
} // namespace

std::unique_ptr<LuaVm> LuaVm::create(size_t memoryCap, std::string* error) {
    std::unique_ptr<LuaVm> vm(new LuaVm());
    vm->m_cap = memoryCap < kMaxVmMemoryBytes ? memoryCap : kMaxVmMemoryBytes;
    vm->m_L = lua_newstate(&LuaVm::allocate, vm.get());
    if (!vm->m_L) {
        // LuaJIT's GC64 build may refuse a custom allocator on some platforms.
        if (error)
            *error = "lua_newstate failed (allocator refused or out of memory)";
        return nullptr;
    }
    lua_atpanic(vm->m_L, panic);
    luaL_openlibs(vm->m_L);
    vm->m_onTraceOom.verify(vm->m_L);
    return vm;
}

LuaVm& LuaVm::of(lua_State* L) {
    void* ud = nullptr;
    lua_getallocf(L, &ud);
    return *static_cast<LuaVm*>(ud);
}

LuaVm::~LuaVm() {
    if (m_L)
        lua_close(m_L);
}

} // namespace scripting
