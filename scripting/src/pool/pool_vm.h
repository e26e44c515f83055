#pragma once
// PoolVm: one VM of the think pool. A SandboxedVm holding every enemy script, each with its own
// trusted batch driver (pool/lua/driver.lua), which runs batches of enemies against the shared
// ThinkFrame. This is where a think is called (runBatch -> the driver -> think).
//
// Contract:
// - Owned and used by one thread at a time (a pool worker owns its VM for life).
// - runBatch runs order[first, last) in one protected call; an error stops only the entity that
//   raised it: it is reported as a ThinkFault and the batch resumes after it. The batch's
//   deadline is set once, so resuming never gives a slow batch more time.
// - LuaJIT collects nothing before it refuses memory, so a think may hit the cap with other
//   thinks' garbage. After a memory error the VM collects and that think runs once more (thinks
//   are pure: running one again changes nothing else). Only a second failure is a fault, and
//   then ownMemory says whether the think needed more than the VM had free on its own.
#include "pool/think_abi.h"
#include "scripting/enemy_script.h"
#include "scripting/sandbox_limits.h"
#include "scripting/script_files.h"
#include "vm/sandboxed_vm.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace scripting {

struct ThinkFault {
    uint32_t position = 0;  // index into ThinkFrame::order
    uint32_t entity = 0;    // dense enemy index
    int slot = 0;           // script slot
    int vm = -1;            // filled in by the pool when it merges faults
    int budget = 0;         // BudgetExhausted: it ran out of units or time
    bool ownMemory = false; // out of memory again after a collection, in a VM under 3/4 full
    LuaFailure failure;
};

struct BatchResult {
    uint32_t entities = 0;
    uint32_t faults = 0;
};

class PoolVm {
public:
    static std::unique_ptr<PoolVm> create(const ThinkFrame* frame, const SandboxLimits& limits,
                                          std::string* error);

    void setModules(const std::vector<ScriptFile>& libs);
    /// Loads (or replaces) the script in `slot`. On failure the slot is unchanged.
    bool loadEnemy(size_t slot, const ScriptFile& file, EnemyScriptInfo* info, LuaFailure* failure);
    /// Forgets the script in `slot` (its driver and all it holds become garbage).
    void dropEnemy(size_t slot);
    /// Runs order[first, last) (beginBatch, then runOnce until done). batchIntents()[k - first]
    /// is then order[k]'s intent, for each entity that did not fault (a faulted one's is stale).
    BatchResult runBatch(size_t slot, uint32_t first, uint32_t last,
                         std::vector<ThinkFault>& faults, engine::Intent* intents = nullptr);
    /// Where the driver writes the intents of order[first, last): `intents` (room for last -
    /// first), or by default this VM's own buffer (grown to the largest batch seen: no allocation
    /// per tick once warm).
    void beginBatch(uint32_t first, uint32_t last, engine::Intent* intents = nullptr);
    /// One protected call of slot's driver over order[first, last), a part of the batch last
    /// begun, under the budget last begun (sandbox().begin): no resume, no retry. False and
    /// *failure on an error; cursor() says which entity raised. runBatch is a loop of these.
    bool runOnce(size_t slot, uint32_t first, uint32_t last, LuaFailure* failure);
    /// The intents of the batch last begun, its first entity's first. Valid until the next one.
    const engine::Intent* batchIntents() const { return m_cursor.intents; }
    /// Pushes slot's batch driver (trusted; the tracer reads its upvalues: the views it passes).
    void pushDriver(size_t slot);
    const DriverCursor& cursor() const { return m_cursor; }

    SandboxedVm& sandbox() { return *m_vm; }
    void setJit(bool enabled) { m_vm->setJit(enabled); }
    size_t luaMemory() const { return m_vm->memoryUsed(); }
    size_t memoryCap() const { return m_vm->memoryCap(); }
    uint64_t luaBytesAllocated() const { return m_vm->bytesAllocated(); }
    size_t collectGarbage() { return m_vm->collectGarbage(); }
    /// FFI types declared for memory layouts so far (LuaJIT's table of them is finite).
    int ctypeCount();

    /// What this VM runs: chunk name -> hash of the source, for its scripts and modules.
    const std::map<std::string, uint64_t>& loadedSources() const { return m_sources; }

    /// For tests: the struct offsets the FFI computed (name -> value).
    std::vector<std::pair<std::string, long>> ffiLayout();

private:
    PoolVm() = default;
    /// Asks the CPU to load the batch's enemy records (see why in the definition).
    void prefetchRecords(uint32_t first, uint32_t last) const;
    std::unique_ptr<SandboxedVm> m_vm;
    DriverCursor m_cursor{};
    std::vector<engine::Intent> m_batchIntents;
    const ThinkFrame* m_frame = nullptr;
    std::vector<int> m_drivers; // registry refs, per slot
    std::vector<std::string> m_chunknames;
    std::map<std::string, uint64_t> m_sources;
};

/// The hash loadedSources() records for a source text.
uint64_t sourceHash(const std::string& source);

/// Reads what a load function left on the stack (the description at `index`) into *info.
bool readDescription(lua_State* L, int index, const ScriptFile& file, EnemyScriptInfo* info,
                     LuaFailure* failure);

} // namespace scripting
