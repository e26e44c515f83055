#pragma once
// SandboxedVm: the one VM core every script runs in. A LuaVm (capped allocator) booted with the
// trusted Lua (vm/lua/boot.lua and the modules it runs), which builds the sandbox: the budget, the
// environments scripts see, the compiler that instruments their source. The pool's VMs (PoolVm)
// and the main VM (MainVm) are each a SandboxedVm plus what their kind adds:
//   Pool: the think views and batch drivers (pool/lua/*.lua);
//   Main: the arena command API, hooks and the director (identity/lua/main_host.lua);
//   Exec: neither (scriptcheck --exec, the differential tests).
//
// Contract:
// - Used by one thread at a time.
// - Script code only ever runs inside call(): a protected call, under the memory cap and the
//   budget begun with begin(). Everything else the host does runs uncapped, so no host API call
//   can fail for memory (that would end the process).
// - Errors are read as strings only (vm/lua_errors.h).
#include "sandbox/budget.h"
#include "scripting/sandbox_limits.h"
#include "scripting/script_files.h"
#include "vm/lua_errors.h"
#include "vm/lua_vm.h"

#include <functional>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

struct lua_State;

namespace scripting {

struct ThinkFrame;
struct DriverCursor;

enum class VmKind { Pool, Main, Exec };

struct SandboxedVmDef {
    VmKind kind = VmKind::Exec;
    SandboxLimits limits = defaultSandboxLimits();
    const ThinkFrame* frame = nullptr;         // Pool: the tick's frame the views read
    DriverCursor* cursor = nullptr;            // Pool: where the driver is
    std::function<void(lua_State*)> pushArena; // Main: pushes the `arena` table
};

class SandboxedVm {
public:
    static std::unique_ptr<SandboxedVm> create(const SandboxedVmDef& def, std::string* error);
    ~SandboxedVm();
    SandboxedVm(const SandboxedVm&) = delete;
    SandboxedVm& operator=(const SandboxedVm&) = delete;

    static SandboxedVm& of(lua_State* L);

    lua_State* state() const { return m_lua->state(); }
    LuaVm& lua() { return *m_lua; }
    BudgetCell& budget() { return m_budget; }
    const SandboxLimits& limits() const { return m_def.limits; }
    VmKind kind() const { return m_def.kind; }

    /// The lib modules scripts may require (host data only; runs no script code).
    void setModules(const std::vector<ScriptFile>& libs);
    void setJit(bool enabled);
    /// Whether LuaJIT's compiler is on in this VM (LuaJIT's own answer).
    bool jitEnabled();

    /// Pushes the trusted host function `name` (from ctx.host).
    void pushHost(const char* name);
    /// Begins the budget of the calls that follow.
    void begin(BudgetKind kind);
    /// Calls the function below the top `nargs` values, capped, under the budget last begun. On
    /// success leaves `nresults` values; on failure leaves nothing and fills *failure (with the
    /// message for a memory error already naming `chunkname`).
    bool call(int nargs, int nresults, const std::string& chunkname, LuaFailure* failure);
    /// Calls host function `name` with the file's source and chunk name under a budget of `kind`.
    bool callHost(const char* name, const ScriptFile& file, int nresults, BudgetKind kind,
                  LuaFailure* failure);

    /// Runs a chunk's top level under the scripts' environment and the chunk limits (scriptcheck
    /// --exec). True and a description of its first result, or false and the error message.
    /// *text gets the result itself when it is a string, *type its type, *note why the chunk ran
    /// uninstrumented (empty normally).
    bool runChunk(const ScriptFile& file, std::string* result, std::string* text = nullptr,
                  std::string* type = nullptr, std::string* note = nullptr);

    /// The message for a memory error in `chunkname`'s call.
    std::string memoryMessage(const std::string& chunkname) const;
    size_t collectGarbage();
    size_t memoryUsed() const { return m_lua->memoryUsed(); }
    size_t memoryCap() const { return m_lua->memoryCap(); }
    uint64_t bytesAllocated() const { return m_lua->bytesAllocated(); }

    /// Chunks that run uninstrumented (see sandbox/lua/compile.lua) are charged by a count hook.
    void setHooked(const std::string& chunkname, bool hooked);
    bool hooked(const char* source) const { return m_hooked.count(source) != 0; }

private:
    SandboxedVm() = default;
    std::unique_ptr<LuaVm> m_lua;
    SandboxedVmDef m_def;
    BudgetCell m_budget{};
    int m_hostRef = -1;
    bool m_hookInstalled = false;
    std::unordered_set<std::string> m_hooked; // "@chunkname"
};

} // namespace scripting
