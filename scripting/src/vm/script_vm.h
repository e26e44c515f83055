#pragma once
// ScriptVm: one sandboxed LuaJIT VM of the pool. Holds every enemy script (each with its own
// trusted batch driver) and runs batches of entities against the shared ThinkFrame.
//
// Contract:
// - Owned and used by one thread at a time (a pool worker owns its VM for life).
// - runBatch runs order[first, last) with one protected call; an error stops only the entity
//   that raised it: it is reported as a ThinkFault and the batch resumes after it.
// - Errors are read as strings only (never through tostring or metamethods).
#include "sandbox/budget.h"
#include "scripting/enemy_script.h"
#include "vm/lua_vm.h"
#include "scripting/sandbox_limits.h"
#include "scripting/script_files.h"
#include "pool/think_abi.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace scripting {

struct ThinkFault {
    uint32_t position = 0; // index into ThinkFrame::order
    uint32_t entity = 0;   // dense enemy index
    int slot = 0;          // script slot
    std::string message;
    int vm = -1;           // filled in by the pool when it merges faults
    bool outOfMemory = false;
    std::string traceback; // Lua's stack traceback, when the error was a string
};

/// Message handler for lua_pcall that appends Lua's traceback to string errors.
int tracebackHandler(lua_State* L);
/// Splits a handler's result into the message and the traceback.
void splitTraceback(const std::string& full, std::string* message, std::string* traceback);

struct BatchResult {
    uint32_t entities = 0;
    uint32_t faults = 0;
};

class ScriptVm {
public:
    /// `pushArena`, if given, pushes the table of C functions scripts see as `arena` (the main
    /// VM's command API); the pool's VMs have none.
    static std::unique_ptr<ScriptVm> create(const ThinkFrame* frame, const LuaVmDef& def,
                                            const SandboxLimits& limits, std::string* error,
                                            const std::function<void(lua_State*)>& pushArena = {});
    ~ScriptVm();

    void setLibs(const std::vector<ScriptFile>& libs);
    /// Loads (or replaces) the script in `slot`. On failure the slot is unchanged.
    bool loadEnemy(size_t slot, const ScriptFile& file, EnemyScriptInfo* info, std::string* error);
    BatchResult runBatch(size_t slot, uint32_t first, uint32_t last, std::vector<ThinkFault>& faults);

    /// Registry ref of the table of hooks (on_spawn, on_hit, on_death) the script in `slot`
    /// defines (LUA_NOREF before it loads).
    int hooksRef(size_t slot) const { return slot < m_hooks.size() ? m_hooks[slot] : -2; }
    /// Loads the director; on success its update function is in directorRef().
    bool loadDirector(const ScriptFile& file, std::string* error);
    int directorRef() const { return m_director; }
    BudgetCell& budget() { return m_budget; }
    void setJit(bool enabled);
    LuaVm& luaVm() { return *m_vm; }
    /// Message with "chunkname: " in front when it names no position (tail calls can hide it).
    static std::string withPosition(const std::string& chunkname, const std::string& message);

    /// Runs a chunk's top level under the enemy scripts' environment and limits (scriptcheck
    /// --exec). Returns true and a description of its first result, or false and the error.
    bool runChunk(const ScriptFile& file, std::string* result);

    /// Collects garbage; returns Lua memory in use afterwards.
    size_t collectGarbage();

    size_t luaMemory() const { return m_vm->memoryUsed(); }
    size_t memoryLimit() const { return m_vm->memoryLimit(); }
    uint64_t luaBytesAllocated() const { return m_vm->bytesAllocated(); }
    lua_State* state() const { return m_vm->state(); } // tests and tools only

    /// For tests: the struct offsets the FFI computed (name -> value).
    std::vector<std::pair<std::string, long>> ffiLayout();

private:
    ScriptVm() = default;
    std::unique_ptr<LuaVm> m_vm;
    int m_hostRef = -2;
    std::string memoryError(const std::string& chunkname) const;

    std::vector<int> m_drivers; // registry refs, per slot
    std::vector<std::string> m_chunknames;
    std::vector<int> m_hooks;
    int m_director = -2;
    DriverCursor m_cursor{};
    BudgetCell m_budget{};
    const ThinkFrame* m_frame = nullptr;
};

} // namespace scripting
