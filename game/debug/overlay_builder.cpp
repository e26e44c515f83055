#include "game/debug/overlay_builder.h"

#include "engine/core/worker_pool.h"
#include "game/app/jit_checker.h"

#include <cstdio>

namespace game {

namespace {
std::string memoryValue(const engine::World& world, const engine::Enemy& e,
                        const scripting::MemoryField& f) {
    const uint8_t* memory = scripting::enemyMemoryHolding(world, e, f);
    if (!memory)
        return "-";
    const double v = scripting::readMemoryField(memory, f);
    if (f.type == scripting::MemoryType::Bool)
        return v != 0.0 ? "true" : "false";
    char text[32];
    std::snprintf(text, sizeof text, f.type == scripting::MemoryType::Float ? "%.4g" : "%.6g", v);
    return text;
}
} // namespace

OverlayModel buildOverlayModel(const GameSession& session, const LiveScripts* live,
                               const FrameInfo& frame, const JitChecker* jit) {
    OverlayModel m;
    const Game& game = *session.game;
    const engine::World& world = game.world();
    m.fps = frame.fps;
    m.renderMs = frame.renderMs;
    m.paused = frame.paused;
    m.timeScale = frame.timeScale;
    m.lastTick = game.lastTickTimes();
    m.tickMs = m.lastTick.total();
    m.enemies = world.enemies.size();
    m.bullets = world.bullets.size();
    m.tick = world.tick;

    const scripting::LuaThinkPhase& think = *session.think;
    m.errors = &think.errors();
    if (!frame.overlayVisible)
        return m; // the badge reads only the error log; the rest walks enemies and the registry
    const scripting::PoolStats& pool = think.stats();
    m.vms = pool.lastTick;
    for (const scripting::VmStats& t : pool.total)
        m.vmRetired.push_back(t.retired);
    m.thinkWallMs = pool.lastThinkWallMs;
    m.poolSize = think.poolSize();
    m.maxPoolSize = 2 * engine::WorkerPool::hardwareThreads();
    m.jitEnabled = think.jitEnabled();
    for (const scripting::BatchTiming& b : pool.lastBatches)
        m.timeline.push_back(
            {b.vm, b.startMs, b.endMs,
             b.slot < think.scripts().size() ? think.scripts()[b.slot].key : std::string()});
    for (const scripting::VmStats& v : pool.lastTick)
        m.totalLuaKb += double(v.luaBytes) / 1024.0;
    if (session.mainVm) {
        m.mainVm = session.mainVm->stats(world);
        m.totalLuaKb += double(m.mainVm.luaBytes) / 1024.0;
    }
    m.errors = &think.errors();

    // Scripts: cost per entity from the last tick's batches.
    std::vector<double> busy(think.scripts().size(), 0);
    std::vector<uint64_t> entities(think.scripts().size(), 0);
    double totalBusy = 0;
    for (const scripting::BatchTiming& b : pool.lastBatches)
        if (b.slot < busy.size()) {
            busy[b.slot] += b.endMs - b.startMs;
            entities[b.slot] += b.entities;
            totalBusy += b.endMs - b.startMs;
        }
    std::vector<uint64_t> errorsPerScript(think.scripts().size(), 0);
    for (size_t i = 0; i < think.scripts().size(); ++i) {
        const scripting::EnemyScriptInfo& s = think.scripts()[i];
        ScriptRow row;
        row.key = s.key;
        row.file = s.chunkname;
        row.slot = int(i);
        row.lastTick = {busy[i], entities[i]};
        row.thinkShare = totalBusy > 0 ? busy[i] / totalBusy : 0;
        for (const auto& e : think.errors().entries())
            if (e.first.script == s.key && e.first.kind != scripting::ScriptErrorKind::Notice &&
                e.first.kind != scripting::ScriptErrorKind::Reloaded)
                row.errors += e.count;
        if (live)
            for (const ScriptStatus& st : live->statuses())
                if (st.key == s.key) {
                    row.version = st.version;
                    row.reloads = st.reloads;
                    row.reloadError = st.error;
                    row.removed = st.removed;
                }
        m.enemyTypes.push_back(s.key);
        m.scripts.push_back(row);
    }
    if (jit) {
        m.jitCheckRunning = jit->running();
        const auto verdicts = jit->results();
        for (ScriptRow& row : m.scripts) {
            const auto v = verdicts.find(row.key);
            if (v == verdicts.end())
                continue;
            row.jit = v->second.compiled ? "compiled" : "interpreter";
            row.traceAborts = v->second.aborts;
            row.abortReasons = v->second.reasons;
        }
    }
    for (const engine::Enemy& e : world.enemies.dense()) {
        if (e.type < think.scripts().size())
            ++m.scripts[e.type].live;
        if (m.objects.size() < 2000)
            m.objects.push_back(
                {e.id, e.type < think.scripts().size() ? think.scripts()[e.type].key : "?"});
    }
    if (live) // the director and scripts that never loaded have rows too
        for (const ScriptStatus& st : live->statuses()) {
            bool listed = false;
            for (const ScriptRow& r : m.scripts)
                listed = listed || r.key == st.key;
            if (!listed) {
                ScriptRow row;
                row.key = st.key;
                row.file = st.file;
                row.version = st.version;
                row.reloads = st.reloads;
                row.reloadError = st.error;
                row.removed = st.removed;
                m.scripts.push_back(row);
            }
        }

    // The selected object.
    InspectedObject& o = m.selected;
    if (!frame.selected.isNull()) {
        o.id = frame.selected;
        if (const engine::Enemy* e = world.enemies.get(frame.selected)) {
            o.valid = true;
            o.kind = "enemy";
            o.type = e->type < think.scripts().size() ? think.scripts()[e->type].key : "?";
            o.registryRef = e->scriptRef;
            o.position = e->position;
            o.velocity = e->velocity;
            o.hp = e->hp;
            o.maxHp = e->maxHp;
            o.radius = e->radius;
            o.speed = e->speed;
            o.faulted = (e->flags & engine::kEnemyFaulted) != 0;
            if (e->type < think.scripts().size())
                for (const scripting::MemoryField& f : think.scripts()[e->type].memory.fields)
                    o.memory.emplace_back(f.name, memoryValue(world, *e, f));
            if (session.mainVm)
                o.table = session.mainVm->tableView(e->scriptRef);
        } else {
            o.valid = true;
            o.destroyed = true;
            o.destroyedTick = frame.selectedGoneAtTick;
            o.kind = "enemy";
            o.type = "?";
        }
    }
    return m;
}

} // namespace game
