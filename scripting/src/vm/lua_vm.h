#pragma once
// LuaVm: one LuaJIT state with a capped allocator. The building block of the VM pool and the main
// VM. The only public type in scripting that holds a lua_State.
//
// Contract:
// - The allocator refuses to grow the state past memoryLimit(): Lua then raises "not enough
//   memory" inside the running protected call. Frees and shrinks always succeed (short of the
//   system itself running out of memory).
// - Host-side API calls outside a protected call must not allocate near the cap (they would abort
//   the process): callers lift the cap with ScopedUnlimitedMemory for such work.
#include "vm/small_blocks.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

struct lua_State;

namespace scripting {

struct LuaVmDef {
    size_t memoryLimit = size_t(64) << 20; // bytes
};

inline LuaVmDef defaultLuaVmDef() { return LuaVmDef{}; }

class LuaVm {
public:
    /// Returns nullptr (and *error) if LuaJIT cannot create a state.
    static std::unique_ptr<LuaVm> create(const LuaVmDef& def, std::string* error);
    ~LuaVm();
    LuaVm(const LuaVm&) = delete;
    LuaVm& operator=(const LuaVm&) = delete;

    lua_State* state() const { return m_L; }
    size_t memoryUsed() const { return m_used; }
    /// Bytes ever requested from the allocator (growth only): the difference over a period is
    /// what Lua allocated in it, whatever the GC freed meanwhile.
    uint64_t bytesAllocated() const { return m_allocated; }
    size_t memoryLimit() const { return m_limit; }
    void setMemoryLimit(size_t bytes) { m_limit = bytes; }

    /// Runs source text (never bytecode) as a chunk in a protected call. On failure returns false
    /// with the error string (non-string error values are reported by type, never converted).
    bool runString(const std::string& source, const std::string& chunkName, std::string* error);

    /// Lifts the cap for host-side work (pushing arguments, reading results): a refusal outside a
    /// protected call would abort the process.
    class Unlimited {
    public:
        explicit Unlimited(LuaVm& vm) : m_vm(vm), m_saved(vm.m_limit) { vm.m_limit = SIZE_MAX; }
        ~Unlimited() { m_vm.m_limit = m_saved; }
        Unlimited(const Unlimited&) = delete;
        Unlimited& operator=(const Unlimited&) = delete;

    private:
        LuaVm& m_vm;
        size_t m_saved;
    };

private:
    LuaVm() = default;
    static void* allocate(void* ud, void* ptr, size_t oldSize, size_t newSize);
    void* resize(void* ptr, size_t oldSize, size_t newSize); // small blocks or malloc
    void release(void* ptr, size_t oldSize);

    SmallBlocks m_small; // outlives lua_close (called in ~LuaVm), which hands every block back
    lua_State* m_L = nullptr;
    size_t m_used = 0;
    size_t m_limit = 0;
    uint64_t m_allocated = 0;
};

} // namespace scripting
