#pragma once
// LuaVm: one LuaJIT state with a capped allocator, the building block of every sandboxed VM.
//
// Contract:
// - The cap applies only inside a Capped scope, which callers open around the protected calls
//   that run script code. There the allocator refuses to grow the state past the cap and Lua
//   raises "not enough memory" inside that protected call. Everywhere else (host-side API calls:
//   pushing arguments, reading results, creating identities) nothing is refused, because an
//   allocation error outside a protected call is unprotected and would end the process.
// - Frees and shrinks always succeed (short of the system itself running out of memory).
// - A refusal while compiled code runs is made safe on Debian 12's LuaJIT (see on_trace_oom.h);
//   repairsOnTraceOom() says whether this build of LuaJIT could be verified for it.
// - If an unprotected error happens anyway, the panic handler says so on stderr and aborts.
#include "vm/on_trace_oom.h"
#include "vm/small_blocks.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

struct lua_State;

namespace scripting {

class LuaVm {
public:
    /// Returns nullptr (and *error) if LuaJIT cannot create a state. The cap is at most
    /// kMaxVmMemoryBytes (sandbox_limits.h).
    static std::unique_ptr<LuaVm> create(size_t memoryCap, std::string* error);
    ~LuaVm();
    LuaVm(const LuaVm&) = delete;
    LuaVm& operator=(const LuaVm&) = delete;

    /// The LuaVm of a state made by create().
    static LuaVm& of(lua_State* L);

    lua_State* state() const { return m_L; }
    size_t memoryUsed() const { return m_used; }
    /// Bytes ever requested from the allocator (growth only): the difference over a period is
    /// what Lua allocated in it, whatever the GC freed meanwhile.
    uint64_t bytesAllocated() const { return m_allocated; }
    size_t memoryCap() const { return m_cap; }
    /// What owns this VM (the SandboxedVm), for C functions that only get the lua_State.
    void* owner() const { return m_owner; }
    void setOwner(void* owner) { m_owner = owner; }
    bool repairsOnTraceOom() const { return m_onTraceOom.active(); }

    /// Script code runs inside: the cap applies.
    class Capped {
    public:
        explicit Capped(LuaVm& vm) : m_vm(vm), m_saved(vm.m_limit) { vm.m_limit = vm.m_cap; }
        ~Capped() { m_vm.m_limit = m_saved; }
        Capped(const Capped&) = delete;
        Capped& operator=(const Capped&) = delete;

    private:
        LuaVm& m_vm;
        size_t m_saved;
    };
    /// Trusted host work inside a capped call (a message handler, a count hook): no cap.
    class Uncapped {
    public:
        explicit Uncapped(LuaVm& vm) : m_vm(vm), m_saved(vm.m_limit) { vm.m_limit = SIZE_MAX; }
        ~Uncapped() { m_vm.m_limit = m_saved; }
        Uncapped(const Uncapped&) = delete;
        Uncapped& operator=(const Uncapped&) = delete;

    private:
        LuaVm& m_vm;
        size_t m_saved;
    };

private:
    LuaVm() = default;
    static void* allocate(void* ud, void* ptr, size_t oldSize, size_t newSize);
    void* resize(void* ptr, size_t oldSize, size_t newSize); // small blocks or malloc
    void release(void* ptr, size_t oldSize);

    OnTraceOomRepair m_onTraceOom;
    SmallBlocks m_small; // outlives lua_close (called in ~LuaVm), which hands every block back
    lua_State* m_L = nullptr;
    size_t m_used = 0;
    size_t m_cap = 0;
    size_t m_limit = SIZE_MAX; // what the allocator enforces now: the cap inside Capped scopes
    uint64_t m_allocated = 0;
    void* m_owner = nullptr;
};

} // namespace scripting
