#include "scripting/think_phase.h"

#include "engine/core/tick.h"
#include "pool/pool_vm.h"
#include "pool/think_abi.h"
#include "pool/think_batches.h"
#include "pool/think_frame.h"
#include "scripting/script_source.h"
#include "scripting/synthetic_world.h"

#include <algorithm>
#include <cassert>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <regex>
#include <sstream>

namespace scripting {

namespace {
using Clock = std::chrono::steady_clock;

double msBetween(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}
} // namespace

std::string explainThinkError(const std::string& message, int line, const std::string& source) {
    if (message.find("attempt to write to constant location") == std::string::npos || line <= 0)
        return message;
    std::string file;
    int messageLine = 0;
    if (!parseLuaErrorPosition(message, &file, &messageLine) || messageLine != line)
        return message;
    const std::string text = sourceLine(source, line);
    static const std::regex assignment(
        R"(([A-Za-z_][A-Za-z0-9_]*)\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)\s*=[^=])");
    std::smatch m;
    const std::string prefix = file + ":" + std::to_string(line) + ": ";
    if (std::regex_search(text, m, assignment))
        return prefix + "attempt to write to read-only input '" + m[1].str() + "." + m[2].str() +
               "' (self and world are read-only: return the intent, keep state in mem)";
    return prefix + "attempt to write to a read-only input (self and world are read-only: return "
                    "the intent, keep state in mem)";
}

std::unique_ptr<LuaThinkPhase> LuaThinkPhase::create(const LuaThinkDef& def, std::string* error) {
    return create(def, readScriptFiles(def.scriptsDir), error);
}

std::unique_ptr<LuaThinkPhase> LuaThinkPhase::create(const LuaThinkDef& def,
                                                     const ScriptFiles& files, std::string* error) {
    std::unique_ptr<LuaThinkPhase> phase(new LuaThinkPhase());
    phase->m_def = def;
    phase->m_frame = std::make_unique<ThinkFrame>();
    phase->m_frameStorage = std::make_unique<ThinkFrameStorage>();
    phase->m_batches = std::make_unique<ThinkBatches>();
    if (def.errors)
        phase->m_errors = def.errors;
    const int size = def.poolSize > 0 ? def.poolSize : engine::WorkerPool::hardwareThreads();
    for (int i = 0; i < size; ++i) {
        auto vm = PoolVm::create(phase->m_frame.get(), def.limits, error);
        if (!vm)
            return nullptr;
        phase->m_vms.push_back(std::move(vm));
    }
    phase->m_pool = std::make_unique<engine::WorkerPool>(size);
    phase->m_faults.resize(size_t(size));
    phase->m_timings.resize(size_t(size));
    phase->m_stats.lastTick.resize(size_t(size));
    phase->m_stats.total.resize(size_t(size));

    for (const std::string& problem : files.problems)
        phase->m_loadErrors.push_back(
            ScriptError{ScriptErrorKind::Load, problem, "", 0, problem, 0, -1, 0, {}});
    phase->m_director = files.director;
    phase->m_root = files.root;
    ScriptInstall libs;
    libs.libs = &files.libs;
    std::vector<EnemyScriptInfo> infos;
    LuaFailure failure;
    phase->install(libs, &infos, &failure); // modules only: nothing to refuse
    for (const ScriptFile& file : files.enemies) {
        // Each script on its own: one that does not load is reported and left out.
        ScriptInstall one;
        one.enemies.emplace_back(phase->m_scripts.size(), file);
        if (!phase->install(one, &infos, &failure))
            phase->m_loadErrors.push_back(ScriptError{ScriptErrorKind::Load,
                                                      file.name,
                                                      file.chunkname,
                                                      failure.line,
                                                      failure.message,
                                                      0,
                                                      -1,
                                                      0,
                                                      {}});
    }
    return phase;
}

std::unique_ptr<PoolVm> LuaThinkPhase::makeVm(std::string* error) {
    auto vm = PoolVm::create(m_frame.get(), m_def.limits, error);
    if (!vm)
        return nullptr;
    vm->setModules(m_libs);
    for (size_t slot = 0; slot < m_files.size(); ++slot) {
        LuaFailure failure;
        if (!vm->loadEnemy(slot, m_files[slot], nullptr, &failure)) {
            *error = failure.message;
            return nullptr;
        }
    }
    if (!m_jit)
        vm->setJit(false); // a new VM follows the pool's JIT switch
    return vm;
}

int LuaThinkPhase::retireIfFull(size_t v, uint64_t tick) {
    PoolVm& old = *m_vms[v];
    const size_t threshold = old.memoryCap() / 4 * 3;
    if (old.luaMemory() <= threshold || old.collectGarbage() <= threshold)
        return -1;
    const size_t cap = old.memoryCap();
    std::string error;
    std::unique_ptr<PoolVm> fresh = makeVm(&error);
    if (!fresh)
        return -1; // keep the old one: a VM that errors is better than none
    // Who holds the memory: the old VM is done for, so drop its scripts one at a time and see how
    // much each frees (what a script holds is reachable only from its driver: its think's
    // upvalues, its environment, its modules). The one that frees most is the hoarder; a script
    // that only makes garbage frees nothing here.
    int culprit = -1;
    size_t mostFreed = 0;
    for (size_t slot = 0; slot < m_scripts.size(); ++slot) {
        const size_t before = old.luaMemory();
        old.dropEnemy(slot);
        const size_t after = old.collectGarbage();
        if (before > after && before - after > mostFreed) {
            mostFreed = before - after;
            culprit = int(slot);
        }
    }
    m_vms[v] = std::move(fresh); // workers are idle between ticks: no one is using the old VM
    ++m_stats.total[v].retired;
    ++m_stats.lastTick[v].retired;
    ScriptError e;
    e.kind = ScriptErrorKind::VmRetired;
    e.vm = int(v);
    e.tick = tick;
    char text[400];
    if (culprit < 0) {
        std::snprintf(text, sizeof text,
                      "a VM was retired and replaced: over 3/4 of its %.0f MiB still held after a "
                      "full collection, "
                      "and dropping each script in turn freed none of it",
                      double(cap) / 1048576.0);
        e.script = "pool";
        e.message = text;
        m_errors->add(e);
        return -1;
    }
    e.script = m_scripts[size_t(culprit)].key;
    e.file = m_scripts[size_t(culprit)].chunkname;
    const bool quarantine = ++m_retirements[size_t(culprit)] >= kRetirementsBeforeQuarantine;
    std::snprintf(text, sizeof text,
                  ": a VM was retired and replaced: over 3/4 of its %.0f MiB still held after a "
                  "full collection, "
                  "%.1f MiB of it by this script (does it keep data in file-level variables?)%s",
                  double(cap) / 1048576.0, double(mostFreed) / 1048576.0,
                  quarantine ? "; it did so 3 times: its enemies now idle until the script changes"
                             : "");
    if (quarantine)
        m_quarantined[size_t(culprit)] = true;
    e.message = e.file + text;
    m_errors->add(e);
    return culprit;
}

LuaThinkPhase::~LuaThinkPhase() {
    m_pool.reset(); // workers stop before their VMs go
}

namespace {
// Two VMs read a script the same way (a contract built from addresses would not).
bool sameDescription(const EnemyScriptInfo& a, const EnemyScriptInfo& b) {
    const engine::EnemyType &x = a.type, &y = b.type;
    return a.memory == b.memory && x.name == y.name && x.hp == y.hp && x.speed == y.speed &&
           x.radius == y.radius && x.color == y.color && x.score == y.score &&
           x.contactDamage == y.contactDamage && x.fireInterval == y.fireInterval &&
           x.bulletSpeed == y.bulletSpeed && x.bulletDamage == y.bulletDamage;
}
} // namespace

bool LuaThinkPhase::install(const ScriptInstall& change, std::vector<EnemyScriptInfo>* infos,
                            LuaFailure* failure) {
    std::vector<EnemyScriptInfo> loaded(change.enemies.size());
    size_t touched = 0;
    bool ok = true;
    for (; touched < m_vms.size() && ok; ++touched) {
        PoolVm& vm = *m_vms[touched];
        if (change.libs)
            vm.setModules(*change.libs);
        for (size_t i = 0; i < change.enemies.size() && ok; ++i) {
            const auto& [slot, file] = change.enemies[i];
            EnemyScriptInfo info;
            ok = vm.loadEnemy(slot, file, &info, failure);
            if (ok && touched == 0) {
                loaded[i] = std::move(info);
            } else if (ok && !sameDescription(info, loaded[i])) {
                ok = false;
                *failure = LuaFailure{};
                failure->file = file.chunkname;
                failure->message = file.chunkname +
                                   ": the table the script returns differs from VM to VM (its " +
                                   "contract must not depend on addresses or other per-VM state)";
            }
        }
    }
    if (!ok) {
        for (size_t v = 0; v < touched; ++v)
            restore(*m_vms[v], change);
        return false;
    }
    m_undo = Undo{};
    m_undo.valid = true;
    m_undo.libsChanged = change.libs != nullptr;
    m_undo.libs = m_libs;
    m_undo.count = m_scripts.size();
    if (change.libs)
        m_libs = *change.libs;
    for (size_t i = 0; i < change.enemies.size(); ++i) {
        const auto& [slot, file] = change.enemies[i];
        if (slot < m_scripts.size()) {
            m_undo.files.emplace_back(slot, m_files[slot]);
            m_undo.infos.push_back(m_scripts[slot]);
        }
        if (slot >= m_scripts.size()) {
            m_scripts.push_back(loaded[i]);
            m_files.push_back(file);
            m_retirements.push_back(0);
            m_timeouts.push_back(0);
            m_quarantined.push_back(false);
        } else {
            m_scripts[slot] = loaded[i];
            m_files[slot] = file;
            clearQuarantine(slot);
        }
    }
    // Replace VMs that declared too many FFI types: they grow with each new memory layout.
    for (auto& vm : m_vms) {
        if (change.enemies.empty() || vm->ctypeCount() <= kMaxMemoryTypes)
            continue;
        std::string error;
        if (auto fresh = makeVm(&error))
            vm = std::move(fresh);
    }
    if (infos)
        *infos = std::move(loaded);
    return true;
}

void LuaThinkPhase::undoLastInstall() {
    if (!m_undo.valid)
        return;
    for (auto& vm : m_vms) {
        if (m_undo.libsChanged)
            vm->setModules(m_undo.libs);
        LuaFailure ignored;
        for (const auto& [slot, file] : m_undo.files)
            vm->loadEnemy(slot, file, nullptr, &ignored);
        for (size_t slot = m_undo.count; slot < m_scripts.size(); ++slot)
            vm->dropEnemy(slot);
    }
    m_libs = m_undo.libs;
    for (size_t i = 0; i < m_undo.files.size(); ++i) {
        m_files[m_undo.files[i].first] = m_undo.files[i].second;
        m_scripts[m_undo.files[i].first] = m_undo.infos[i];
    }
    m_scripts.resize(m_undo.count);
    m_files.resize(m_undo.count);
    m_retirements.resize(m_undo.count);
    m_timeouts.resize(m_undo.count);
    m_quarantined.resize(m_undo.count);
    m_undo = Undo{};
}

void LuaThinkPhase::restore(PoolVm& vm, const ScriptInstall& change) {
    // Put the VM back as it was: the previous modules, then the previous version of each script
    // the change touched (a new slot is dropped). Nothing else in the VM was touched.
    if (change.libs)
        vm.setModules(m_libs);
    for (const auto& [slot, file] : change.enemies) {
        LuaFailure ignored;
        if (slot < m_files.size())
            vm.loadEnemy(slot, m_files[slot], nullptr, &ignored);
        else
            vm.dropEnemy(slot);
    }
}

std::vector<std::map<std::string, uint64_t>> LuaThinkPhase::loadedSources() const {
    std::vector<std::map<std::string, uint64_t>> out;
    for (const auto& vm : m_vms)
        out.push_back(vm->loadedSources());
    return out;
}

void LuaThinkPhase::setReversedOrder(bool reversed) {
    m_batches->setReversed(reversed);
}

std::vector<size_t> LuaThinkPhase::collectGarbage() {
    std::vector<size_t> used;
    for (auto& vm : m_vms)
        used.push_back(vm->collectGarbage());
    return used;
}

bool LuaThinkPhase::resize(int size, std::string* error) {
    size = std::clamp(size, 1, 64);
    if (size == int(m_vms.size()))
        return true;
    m_pool.reset(); // workers stop before VMs go or come
    while (int(m_vms.size()) > size)
        m_vms.pop_back();
    bool ok = true;
    while (int(m_vms.size()) < size) {
        auto vm = makeVm(error);
        if (!vm) {
            ok = false;
            break;
        }
        m_vms.push_back(std::move(vm));
    }
    const size_t n = m_vms.size();
    m_pool = std::make_unique<engine::WorkerPool>(int(n));
    m_faults.resize(n);
    m_timings.resize(n);
    m_stats.lastTick.resize(n);
    m_stats.total.resize(n);
    setJit(m_jit);
    return ok;
}

void LuaThinkPhase::setJit(bool enabled) {
    m_jit = enabled;
    for (auto& vm : m_vms)
        vm->setJit(enabled);
}

void LuaThinkPhase::clearQuarantine(size_t slot) {
    if (slot < m_quarantined.size()) {
        m_quarantined[slot] = false;
        m_retirements[slot] = 0;
        m_timeouts[slot] = 0;
    }
}

std::vector<ScriptError> LuaThinkPhase::trial(size_t slot, int ticks) {
    if (slot >= m_scripts.size())
        return {};
    SyntheticWorld w(64, uint16_t(slot), m_scripts[slot].type.speed);
    const auto types = this->types();
    ScriptErrorLog trialLog;
    ScriptErrorLog* log = m_errors;
    m_errors = &trialLog;
    // One error refuses the version; and a slow script is tried for a moment only (the reload
    // waits for the trial on the game's thread).
    const Clock::time_point start = Clock::now();
    for (int t = 0;
         t < ticks && trialLog.entries().empty() && msBetween(start, Clock::now()) < kTrialMs;
         ++t) {
        w.snapshot();
        think(engine::ThinkContext{w.world, w.world.enemyMemory, types, 1, engine::kTickDt},
              w.intents);
    }
    m_errors = log;
    std::vector<ScriptError> problems;
    for (const ScriptErrorEntry& e : trialLog.entries())
        problems.push_back(e.first);
    return problems;
}

ScriptFiles LuaThinkPhase::loadedFiles() const {
    ScriptFiles files;
    files.root = m_root;
    files.enemies = m_files;
    files.libs = m_libs;
    files.director = m_director;
    return files;
}

std::vector<engine::EnemyType> LuaThinkPhase::types() const {
    std::vector<engine::EnemyType> types;
    for (const EnemyScriptInfo& s : m_scripts)
        types.push_back(s.type);
    return types;
}

BatchResult LuaThinkPhase::runHealthy(int worker, PoolVm& vm, const ThinkBatch& b,
                                      std::vector<ThinkFault>& faults) const {
    // A grouped world's batches still hold its faulted enemies (ThinkBatches does not scan for
    // them): run the healthy stretches between them, which keeps the driver's loop free of a
    // branch that made a trace abort now and then. Looking costs a read of every record of the
    // batch, so it is skipped when the snapshot counted no faulted enemy.
    BatchResult total;
    // Where the intents go: applied in the phase, the VM's buffer (in cache, and a million
    // enemies' intents never stream through memory); a dense run, straight to the tick's array;
    // otherwise the buffer, copied over (a faulted enemy's is set after the phase).
    const bool identity = m_batches->orderIsIdentity();
    const auto run = [&](uint32_t first, uint32_t last) {
        const size_t before = faults.size();
        engine::Intent* target = identity && !m_applyRange ? m_intents.data() + first : nullptr;
        const BatchResult r = vm.runBatch(b.slot, first, last, faults, target);
        total.entities += r.entities;
        total.faults += r.faults;
        const engine::Intent* batch = vm.batchIntents();
        if (!m_applyRange) {
            if (!identity)
                for (uint32_t k = first; k < last; ++k)
                    m_intents[m_frame->order[k]] = batch[k - first];
            return;
        }
        // The stretches between this run's faults (in order) are done: applied now, with their
        // intents still in the VM's buffer and their records in cache. Positions are dense
        // indices here (the order is the identity).
        uint32_t from = first;
        for (size_t f = before; f < faults.size(); ++f) {
            if (from < faults[f].position)
                (*m_applyRange)(worker, from, faults[f].position, batch + (from - first));
            from = faults[f].position + 1;
        }
        if (from < last)
            (*m_applyRange)(worker, from, last, batch + (from - first));
    };
    if (m_noneFaulted) {
        run(b.first, b.last);
        return total;
    }
    const engine::Enemy* enemies = m_frame->enemies;
    const uint32_t* order = m_frame->order;
    uint32_t from = b.first;
    for (uint32_t k = b.first; k < b.last; ++k) {
        if (enemies[order[k]].flags & engine::kEnemyFaulted) {
            if (from < k)
                run(from, k);
            from = k + 1;
        }
    }
    if (from < b.last)
        run(from, b.last);
    return total;
}

void LuaThinkPhase::think(const engine::ThinkContext& ctx, std::span<engine::Intent> intents) {
    const engine::World& world = ctx.world;
    m_batches->plan(world, intents, m_quarantined, m_vms.size());
    // Each script's pool holds its layout's bytes per enemy (Game keeps them so; a world made
    // elsewhere, like a trial's, gets them here, before any pointer into the pools is taken).
    for (size_t slot = 0; slot < m_scripts.size(); ++slot)
        if (m_scripts[slot].memory.size != ctx.memory.bytes(uint16_t(slot)))
            ctx.memory.setBytes(uint16_t(slot), m_scripts[slot].memory.size);

    fillThinkFrame(*m_frame, ctx, m_batches->order(), *m_frameStorage);
    m_intents = intents;
    m_noneFaulted = world.snapshotCurrent() && world.faultedEnemies == 0;
    m_applyRange = m_batches->orderIsIdentity() ? ctx.applyRange : nullptr;

    for (size_t v = 0; v < m_vms.size(); ++v) {
        m_stats.lastTick[v] = VmStats{};
        m_stats.lastTick[v].allocatedBytes = m_vms[v]->luaBytesAllocated(); // start mark
        m_faults[v].clear();
        m_timings[v].clear();
    }
    const Clock::time_point start = Clock::now();
    m_pool->run(uint32_t(m_batches->batches().size()), [this, start](int worker, uint32_t job) {
        const ThinkBatch& b = m_batches->batches()[job];
        const Clock::time_point t0 = Clock::now();
        PoolVm& vm = *m_vms[size_t(worker)];
        const BatchResult r = runHealthy(worker, vm, b, m_faults[size_t(worker)]);
        VmStats& s = m_stats.lastTick[size_t(worker)];
        const Clock::time_point t1 = Clock::now();
        s.busyMs += msBetween(t0, t1);
        m_timings[size_t(worker)].push_back(
            {worker, b.slot, r.entities, msBetween(start, t0), msBetween(start, t1)});
        ++s.batches;
        s.entities += r.entities;
        s.errors += r.faults;
    });
    m_stats.lastThinkWallMs = msBetween(start, Clock::now());
    m_stats.lastBatches.clear();
    for (const auto& perVm : m_timings)
        m_stats.lastBatches.insert(m_stats.lastBatches.end(), perVm.begin(), perVm.end());
    m_stats.totalThinkWallMs += m_stats.lastThinkWallMs;
    m_batches->measure(m_timings);

    // Faults in entity order, whatever VM found them: the log and the world stay deterministic.
    thread_local std::vector<ThinkFault*> faults;
    faults.clear();
    for (size_t v = 0; v < m_vms.size(); ++v) {
        VmStats& last = m_stats.lastTick[v];
        last.luaBytes = m_vms[v]->luaMemory();
        last.allocatedBytes = m_vms[v]->luaBytesAllocated() - last.allocatedBytes;
        VmStats& total = m_stats.total[v];
        total.busyMs += last.busyMs;
        total.batches += last.batches;
        total.entities += last.entities;
        total.errors += last.errors;
        total.allocatedBytes += last.allocatedBytes;
        total.luaBytes = last.luaBytes;
        for (ThinkFault& fault : m_faults[v]) {
            fault.vm = int(v);
            faults.push_back(&fault);
        }
    }
    std::sort(faults.begin(), faults.end(),
              [](const ThinkFault* a, const ThinkFault* b) { return a->position < b->position; });

    // A memory error faults an entity for good if its think ran out again after a collection in
    // a VM under 3/4 full (it needs over a quarter of the cap by itself), or if its script is the
    // one that filled the VM (which is then replaced). Otherwise it was some other script's doing.
    std::vector<int> culprit(m_vms.size(), -1);
    for (size_t v = 0; v < m_vms.size(); ++v)
        culprit[v] = retireIfFull(v, world.tick);
    // A script whose batches run out of time tick after tick costs each tick the time limit: after
    // kTimeoutsBeforeQuarantine such ticks its enemies idle until it changes.
    std::vector<bool> timedOut(m_scripts.size(), false);
    for (const ThinkFault* fault : faults)
        if (fault->budget == int(BudgetExhausted::Time))
            timedOut[size_t(fault->slot)] = true;
    for (size_t slot = 0; slot < timedOut.size(); ++slot) {
        if (!timedOut[slot] || m_quarantined[slot] ||
            ++m_timeouts[slot] < kTimeoutsBeforeQuarantine)
            continue;
        m_quarantined[slot] = true;
        ScriptError e;
        e.kind = ScriptErrorKind::Budget;
        e.script = m_scripts[slot].key;
        e.file = m_scripts[slot].chunkname;
        e.message = e.file + ": its thinks ran out of time in " +
                    std::to_string(kTimeoutsBeforeQuarantine) +
                    " ticks: its enemies now idle until the script changes";
        e.tick = world.tick;
        m_errors->add(e);
    }
    for (const ThinkFault* fault : faults) {
        engine::Intent& idle = intents[fault->entity];
        idle.velocity = idle.aim = glm::vec2(0.0f);
        idle.fire = 0;
        const LuaFailure& failure = fault->failure;
        idle.faulted =
            failure.outOfMemory && !fault->ownMemory && culprit[size_t(fault->vm)] != fault->slot
                ? 0
                : 1;
        const EnemyScriptInfo& script = m_scripts[size_t(fault->slot)];
        ScriptError e;
        e.script = script.key;
        e.file = failure.file;
        e.line = failure.line;
        e.message = failure.file == script.chunkname
                        ? explainThinkError(failure.message, failure.line,
                                            m_files[size_t(fault->slot)].source)
                        : failure.message;
        e.kind = failure.outOfMemory  ? ScriptErrorKind::Memory
                 : fault->budget != 0 ? ScriptErrorKind::Budget
                                      : ScriptErrorKind::Runtime;
        e.entity = engine::packObjectId(world.enemies.dense()[fault->entity].id);
        e.vm = fault->vm;
        e.traceback = failure.traceback;
        e.tick = world.tick;
        m_errors->add(e);
    }
}

} // namespace scripting
