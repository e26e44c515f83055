#pragma once
// LuaThinkPhase: the think step run by pure Lua behaviours on a pool of LuaJIT VMs, one per
// worker thread (docs/design.md "The VM pool"). Every VM holds every enemy script; entities are
// grouped by script into batches that any VM may take.
//
// Contract:
// - Deterministic: intents depend only on the world and the scripts, never on the pool size or
//   which VM ran which batch. Errors are merged in entity order.
// - An entity whose think raises is faulted (Intent::faulted): it idles from then on; the error is
//   logged with script, file:line, message, entity, VM and tick.
// - create() fails only if a VM cannot start: scripts that fail to load are reported in
//   loadErrors() and left out of types() (there may be none; a later reload adds them).
#include "engine/core/worker_pool.h"
#include "engine/world/think_phase.h"
#include "scripting/enemy_script.h"
#include "scripting/pool_stats.h"
#include "scripting/sandbox_limits.h"
#include "scripting/script_errors.h"
#include "scripting/script_files.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace scripting {

class PoolVm;
class ThinkBatches;
struct ThinkBatch;
struct ThinkFault;
struct ThinkFrame;
struct ThinkFrameStorage;
struct BatchResult;
struct LuaFailure;

struct LuaThinkDef {
    std::string scriptsDir;
    int poolSize = 0; // 0 = one VM per hardware thread
    SandboxLimits limits = defaultSandboxLimits();
    ScriptErrorLog* errors =
        nullptr; // where errors go (the ScriptLibrary's); null: a log of its own
};

inline LuaThinkDef defaultLuaThinkDef() {
    return LuaThinkDef{};
}

/// New versions of some enemy scripts (and perhaps of the lib modules) for every VM: one step of
/// a reload (see ScriptLibrary). A slot at scripts().size() and after adds scripts, in order.
struct ScriptInstall {
    std::vector<std::pair<size_t, ScriptFile>> enemies;
    const std::vector<ScriptFile>* libs = nullptr; // the whole module set, when it changes
};

class LuaThinkPhase final : public engine::ThinkPhase {
public:
    static std::unique_ptr<LuaThinkPhase> create(const LuaThinkDef& def, std::string* error);
    /// The same from files already read (def.scriptsDir is then only informative).
    static std::unique_ptr<LuaThinkPhase> create(const LuaThinkDef& def, const ScriptFiles& files,
                                                 std::string* error);
    ~LuaThinkPhase() override;

    void think(const engine::ThinkContext& context, std::span<engine::Intent> intents) override;
    engine::WorkerPool* workers() override { return m_pool.get(); }

    std::vector<engine::EnemyType> types() const;
    const std::vector<EnemyScriptInfo>& scripts() const { return m_scripts; }
    const std::vector<ScriptError>& loadErrors() const { return m_loadErrors; }
    const PoolStats& stats() const { return m_stats; }
    ScriptErrorLog& errors() { return *m_errors; }
    const ScriptErrorLog& errors() const { return *m_errors; }
    int poolSize() const { return int(m_vms.size()); }
    /// The sources the pool runs (loaded scripts in slot order, libs, the director): the main VM
    /// loads exactly these.
    ScriptFiles loadedFiles() const;

    // Live editing (call between ticks, from the thread that runs think).
    /// Loads a change into every VM, or into none: if any VM refuses any of it (or a VM reads a
    /// script differently from the first), every VM is put back as it was. *infos gets what each
    /// script established, in the change's order. A VM that has declared many FFI types (LuaJIT's
    /// table of them is finite) is replaced afterwards.
    bool install(const ScriptInstall& change, std::vector<EnemyScriptInfo>* infos,
                 LuaFailure* failure);
    /// Puts every VM back as it was before the last successful install() (the main VM refused
    /// what the pool took: a reload is all or nothing).
    void undoLastInstall();
    /// What each VM runs: chunk name -> a hash of the source, for every script and module loaded
    /// (a reload's all-or-nothing is tested on this).
    std::vector<std::map<std::string, uint64_t>> loadedSources() const;
    void setDirectorSource(const ScriptFile& director) { m_director = director; }
    /// Changes the number of VMs (1..64) between ticks: new VMs load every script; the results do
    /// not change (nothing lives in a VM).
    bool resize(int size, std::string* error);
    /// Turns LuaJIT's compiler on or off in every VM of the pool.
    void setJit(bool enabled);
    bool jitEnabled() const { return m_jit; }

    /// Each batch thinks its enemies back to front (a purity check: the results must not change).
    void setReversedOrder(bool reversed);
    /// A fixed script's quarantine ends.
    void clearQuarantine(size_t slot);
    /// Plays `slot` for up to `ticks` ticks (and about kTrialMs) over a synthetic crowd; returns
    /// the errors it raised (a trial before a version goes live). A slot with no script (a
    /// folder whose every script was refused) has nothing to try: no errors.
    std::vector<ScriptError> trial(size_t slot, int ticks);
    PoolVm& vm(int index) { return *m_vms[size_t(index)]; }
    /// Collects garbage in every VM; Lua memory in use afterwards, per VM.
    std::vector<size_t> collectGarbage();
    static constexpr double kTrialMs = 100;
    static constexpr int kMaxMemoryTypes = 512; // FFI types a VM may declare before it is replaced

private:
    LuaThinkPhase() = default;
    std::unique_ptr<PoolVm> makeVm(std::string* error);
    BatchResult runHealthy(int worker, PoolVm& vm, const ThinkBatch& b,
                           std::vector<ThinkFault>& faults) const;
    /// After a tick: a VM whose memory stays above 3/4 of its cap after a full collection cannot
    /// recover (a script hoards data in file-level variables). Replace it; returns the slot of the
    /// script that held most of that memory (found by dropping the scripts of the retired VM one
    /// by one and collecting), or -1.
    int retireIfFull(size_t vm, uint64_t tick);

    void restore(PoolVm& vm, const ScriptInstall& change);
    struct Undo {
        bool valid = false;
        bool libsChanged = false;
        std::vector<ScriptFile> libs;
        std::vector<std::pair<size_t, ScriptFile>>
            files; // slots the install replaced, their old version
        std::vector<EnemyScriptInfo> infos;
        size_t count = 0; // scripts before it
    };
    Undo m_undo;

    LuaThinkDef m_def;
    std::unique_ptr<ThinkFrame> m_frame; // stable: every VM's views point into it
    std::unique_ptr<ThinkFrameStorage> m_frameStorage;
    bool m_noneFaulted = false; // this tick's snapshot counted no faulted enemy
    // This tick's ThinkContext::applyRange, when batches are dense ranges (a grouped world).
    const std::function<void(int, uint32_t, uint32_t, const engine::Intent*)>* m_applyRange =
        nullptr;
    std::span<engine::Intent> m_intents; // this tick's, dense order
    std::unique_ptr<engine::WorkerPool> m_pool;
    std::vector<std::unique_ptr<PoolVm>> m_vms;
    std::vector<EnemyScriptInfo> m_scripts;
    std::vector<ScriptFile> m_files; // the loaded version of each script, by slot
    std::vector<ScriptFile> m_libs;
    bool m_jit = true;
    ScriptFile m_director;
    std::string m_root;
    std::vector<int> m_retirements; // per script: VMs retired with it as the likely hoarder
    std::vector<int> m_timeouts;    // per script: ticks in which one of its batches ran out of time
    std::vector<bool> m_quarantined; // per script: its enemies idle (it filled VMs, or ran out of
                                     // time, again and again)
    static constexpr int kRetirementsBeforeQuarantine = 3;
    static constexpr int kTimeoutsBeforeQuarantine = 3;
    std::vector<ScriptError> m_loadErrors;
    std::unique_ptr<ThinkBatches> m_batches;
    std::vector<std::vector<ThinkFault>> m_faults;   // per VM
    std::vector<std::vector<BatchTiming>> m_timings; // per VM, this tick
    ScriptErrorLog m_ownErrors;
    ScriptErrorLog* m_errors = &m_ownErrors;
    PoolStats m_stats;
};

/// Makes a think error readable: LuaJIT says "attempt to write to constant location" without the
/// field; this names it from the script's source line ("self.x") and says what to do instead.
std::string explainThinkError(const std::string& message, int line, const std::string& source);

} // namespace scripting
