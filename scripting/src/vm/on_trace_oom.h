#pragma once
// OnTraceOomRepair: a workaround for a LuaJIT bug in Debian 12's package (2.1.0~beta3+git20220320).
//
// An out-of-memory error raised while compiled code (a trace) runs is thrown with a stale
// L->base: the trace keeps its base in a register, and L->base still points at whatever frame the
// interpreter last stored. The error then reads a dead stack slot as the running function, and
// the process crashes (found by a memory bomb in an enemy's think, about one game in ten).
// Upstream fixed it in 2d8300c1 (June 2023) by pointing L->base at global_State.jit_base, the
// trace's base, before throwing. Our allocator is where those errors start (it refuses growth past
// a VM's cap), so it does the same just before it refuses.
//
// Contract:
// - verify() runs once on a fresh state (libraries open, JIT on) whose allocator calls
//   noteAllocation() on every allocation. It checks that the two fields LuaJIT does not export
//   (lua_State.base, global_State.jit_base, and the fields around them) are where every LuaJIT 2.1
//   GC64 build since 2020 keeps them, by comparing them with what the public API and a compiled
//   loop show. Only then is the repair active; otherwise it does nothing.
// - beforeRefusal() is called by the allocator before every nullptr it returns.
// - The same bug for errors LuaJIT raises itself (upstream d5bbf9cd: a buffer, string or table
//   past LuaJIT's size limits) cannot be repaired here: a VM's cap of at most kMaxVmMemoryBytes
//   keeps them out of reach, since every buffer, string and table part is made of memory within
//   the cap (a buffer and the string appended to it together, too).
struct lua_State;

namespace scripting {

class OnTraceOomRepair {
public:
    /// Checks the layout on `L`; returns whether the repair is now active. Leaves the stack and
    /// the JIT's traces as they were.
    bool verify(lua_State* L);
    bool active() const { return m_global != nullptr; }
    /// The allocator, while verify() runs: records where the trace's base was.
    void noteAllocation() {
        if (m_probing)
            recordJitBase();
    }
    /// The allocator, before it returns nullptr: what upstream's lj_err_mem does on a trace.
    void beforeRefusal() const;

private:
    void recordJitBase();

    char* m_global = nullptr;    // the state's global_State, once verified
    char* m_candidate = nullptr; // the same while verify() runs
    lua_State* m_L = nullptr;
    bool m_probing = false;
    int m_onTrace = 0;   // allocations seen with a trace base inside the stack
    int m_misplaced = 0; // ... with one outside it: the layout is not the expected one
};

} // namespace scripting
