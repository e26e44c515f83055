#include "pool/pool_vm.h"
#include "pool/think_abi.h"
#include "pool/think_frame.h"
#include "scripting/memory_layout.h"
#include "scripting/think_phase.h"
#include "scripting/think_trace.h"
#include "vm/stack_guard.h"

#include <lua.hpp>

#include <cstring>
#include <map>

#include "debug/function_names.h"
#include "debug/trace_values.h"

namespace scripting {

namespace {

// The driver's chunk names start so (pool/lua/pool_host.lua): the frame below think.
constexpr const char kDriverSource[] = "=[arena] driver(";

// What the line hook records into; lives on trace()'s stack while the think runs.
struct Recorder {
    lua_State* L = nullptr;
    ThinkTrace* out = nullptr;
    size_t maxSteps = 0, maxBytes = 0, bytes = 0;
    const MemoryLayout* layout = nullptr;
    const uint8_t* mem = nullptr; // the driver's MEM scratch, where think's `mem` lives
    int refs[3] = {LUA_NOREF, LUA_NOREF, LUA_NOREF}; // SELF, WORLD, MEM
    lua_Hook savedHook = nullptr;                    // the sandbox's count hook, if any
    int savedMask = 0;
    FunctionNames* names = nullptr;
    int thinkFrames = -1; // frames on the stack in think itself (found at the first line)
};

// The hook has no user pointer: the recorder of the trace running on this thread.
thread_local Recorder* t_recorder = nullptr;

size_t sizeOf(const std::vector<TraceValue>& values) {
    size_t n = 0;
    for (const TraceValue& v : values)
        n += v.name.size() + v.value.size() + sizeof(TraceValue);
    return n;
}

// Frames on the stack, found by doubling then bisecting: lua_getstack walks from the top, so
// one call per level would cost the square of the depth at every line of a deep recursion.
int frameCount(lua_State* L) {
    lua_Debug frame;
    int present = 0, absent = 1;
    while (lua_getstack(L, absent, &frame)) {
        present = absent;
        absent *= 2;
    }
    while (absent - present > 1) {
        const int mid = present + (absent - present) / 2;
        (lua_getstack(L, mid, &frame) ? present : absent) = mid;
    }
    return present + 1;
}

// Calls between the running function and the driver: 0 in think. The stack below the driver
// does not change during the call, so the first line finds it and later ones only count frames.
int depthOf(Recorder& r, lua_State* L) {
    const int frames = frameCount(L);
    if (r.thinkFrames < 0) {
        lua_Debug frame;
        int level = 1;
        for (; lua_getstack(L, level, &frame); ++level) {
            lua_getinfo(L, "S", &frame);
            if (frame.source &&
                std::strncmp(frame.source, kDriverSource, sizeof kDriverSource - 1) == 0)
                break;
        }
        r.thinkFrames = frames - (level - 1);
    }
    return frames - r.thinkFrames;
}

void recordStep(Recorder& r, lua_State* L, lua_Debug* ar) {
    TraceStep step;
    step.chunk = ar->source + 1;
    step.line = ar->currentline;
    step.depth = depthOf(r, L);
    step.function = step.depth == 0 ? "think" : r.names->name(L, ar);
    // The views, to name them among the locals by identity.
    const int base = lua_gettop(L);
    for (int ref : r.refs)
        lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
    const KnownViews views{base + 1, base + 2, base + 3};
    for (int n = 1;; ++n) {
        const char* name = lua_getlocal(L, ar, n);
        if (!name)
            break;
        if (name[0] != '(') // "(for index)" and other internal slots
            step.locals.push_back({name, formatLuaValue(L, -1, views)});
        lua_pop(L, 1);
    }
    lua_getinfo(L, "f", ar);
    const int function = lua_gettop(L);
    for (int n = 1;; ++n) {
        const char* name = lua_getupvalue(L, function, n);
        if (!name)
            break;
        // "__sb_" names the instrumenter's budget check (sandbox/instrumenter.h).
        if (name[0] != '(' && std::strncmp(name, "__sb_", 5) != 0)
            step.upvalues.push_back({name, formatLuaValue(L, -1, views)});
        lua_pop(L, 1);
    }
    lua_settop(L, base);
    if (r.mem && r.layout)
        for (const MemoryField& field : r.layout->fields) {
            const double v = readMemoryField(r.mem, field);
            step.mem.push_back({field.name, field.type == MemoryType::Bool
                                                ? (v != 0 ? "true" : "false")
                                                : formatNumber(v)});
        }
    const size_t bytes = sizeof(TraceStep) + step.chunk.size() + step.function.size() +
                         sizeOf(step.locals) + sizeOf(step.upvalues) + sizeOf(step.mem);
    if (r.bytes + bytes > r.maxBytes) {
        r.out->truncated = true;
        return;
    }
    r.bytes += bytes;
    r.out->steps.push_back(std::move(step));
}

void traceHook(lua_State* L, lua_Debug* ar) {
    Recorder* r = t_recorder;
    if (!r)
        return;
    if (ar->event == LUA_HOOKCOUNT) { // the sandbox's charge for uninstrumented chunks
        if (r->savedHook && (r->savedMask & LUA_MASKCOUNT))
            r->savedHook(L, ar);
        return;
    }
    // Lines a coroutine runs are not recorded (their stack does not lead to the driver).
    if (r->L != L || ar->event != LUA_HOOKLINE || r->out->truncated)
        return;
    // Only the script's own code: scripts' chunk names start with '@', the trusted ones with '='.
    if (!lua_getinfo(L, "Sl", ar) || !ar->source || ar->source[0] != '@')
        return;
    if (r->out->steps.size() >= r->maxSteps) {
        r->out->truncated = true; // the think runs on (to its result or its error), unrecorded
        return;
    }
    // Host work inside the capped call: reading the stack must not fail for the script's memory.
    LuaVm::Uncapped uncapped(SandboxedVm::of(L).lua());
    STACK_GUARD(L, 0);
    if (!lua_checkstack(L, 16)) // the views, a value, a function, a table's key and value
        return;
    recordStep(*r, L, ar);
}

// The driver's upvalue `name` (trusted), pushed; nil if it has none.
void pushDriverUpvalue(lua_State* L, int driver, const char* name) {
    for (int n = 1;; ++n) {
        const char* upvalue = lua_getupvalue(L, driver, n);
        if (!upvalue)
            break;
        if (std::strcmp(upvalue, name) == 0)
            return;
        lua_pop(L, 1);
    }
    lua_pushnil(L);
}

// A view's fields (all doubles, in struct order) with their names.
template <size_t N>
std::vector<TraceValue> viewValues(const void* view, const char* const (&names)[N]) {
    double fields[N];
    std::memcpy(fields, view, sizeof fields);
    std::vector<TraceValue> out;
    for (size_t i = 0; i < N; ++i)
        out.push_back({names[i], formatNumber(fields[i])});
    return out;
}

} // namespace

ThinkTracer::~ThinkTracer() = default;

std::unique_ptr<ThinkTracer> ThinkTracer::create(const SandboxLimits& limits, std::string* error) {
    std::unique_ptr<ThinkTracer> tracer(new ThinkTracer());
    tracer->m_limits = limits;
    tracer->m_frame = std::make_unique<ThinkFrame>();
    tracer->m_storage = std::make_unique<ThinkFrameStorage>();
    if (!tracer->ensureVm(error))
        return nullptr;
    return tracer;
}

bool ThinkTracer::ensureVm(std::string* error) {
    // Each memory layout declares an FFI type, and LuaJIT's table of them is finite: the pool's
    // rule for replacing a VM.
    if (m_vm && m_vm->ctypeCount() <= LuaThinkPhase::kMaxMemoryTypes)
        return true;
    m_vm.reset();
    m_vm = PoolVm::create(m_frame.get(), m_limits, error);
    if (!m_vm)
        return false;
    m_vm->setJit(false); // hooks never run inside compiled traces
    return true;
}

ThinkTrace ThinkTracer::trace(const ThinkTraceRequest& request) {
    ThinkTrace out;
    const auto enemies = request.world.enemies.dense();
    if (request.enemy >= enemies.size()) {
        out.error = "no enemy at dense index " + std::to_string(request.enemy);
        return out;
    }
    std::string error;
    if (!ensureVm(&error)) {
        out.error = "the tracer's VM did not start: " + error;
        return out;
    }
    lua_State* L = m_vm->sandbox().state();
    STACK_GUARD(L, 0);

    // A fresh copy of the script (and its modules) per trace: nothing a previous think left in
    // its upvalues, and nothing a failed trace left behind, reaches this one.
    m_vm->setModules(request.libs);
    EnemyScriptInfo info;
    LuaFailure failure;
    if (!m_vm->loadEnemy(0, request.script, &info, &failure)) {
        out.error = failure.message;
        return out;
    }
    m_vm->collectGarbage(); // as the pool's retry after a memory error: the think alone

    m_order[0] = request.enemy;
    // The think writes its memory in place: into a copy of the world's, laid out as the version
    // traced lays it (a "what if" may declare another layout: carried over as a reload would,
    // from the layout the world's memory is in; without that layout, zeros). An enemy without a
    // slot raises in the driver, as it does in the pool.
    const engine::Enemy& traced = enemies[request.enemy];
    m_memory = request.world.enemyMemory;
    const MemoryLayout* from = request.memoryLayout;
    if (from && !(*from == info.memory) && m_memory.bytes(traced.type) == from->size)
        m_memory.setBytes(traced.type, info.memory.size,
                          [&](const uint8_t* old, uint32_t, uint8_t* fresh) {
                              migrateMemory(*from, info.memory, old, fresh);
                          });
    else if (m_memory.bytes(traced.type) != info.memory.size)
        m_memory.setBytes(traced.type, info.memory.size,
                          [&](const uint8_t*, uint32_t, uint8_t* fresh) {
                              std::memset(fresh, 0, info.memory.size);
                          });
    out.layout = info.memory;
    fillThinkFrame(
        *m_frame,
        engine::ThinkContext{request.world, m_memory, request.types, request.seed, request.dt},
        m_order, *m_storage);

    // The views the driver passes to think, from its upvalues (trusted, read raw).
    Recorder r;
    r.L = L;
    r.out = &out;
    r.maxSteps = request.maxSteps;
    r.maxBytes = request.maxBytes;
    r.layout = &info.memory;
    FunctionNames names(&request.script, &request.libs);
    r.names = &names;
    m_vm->pushDriver(0);
    const int driver = lua_gettop(L);
    const char* const viewNames[3] = {"SELF", "WORLD", "MEM"};
    for (int i = 0; i < 3; ++i) {
        pushDriverUpvalue(L, driver, viewNames[i]);
        if (i == 2 && lua_type(L, -1) != LUA_TNIL && info.memory.size > 0)
            r.mem = static_cast<const uint8_t*>(lua_topointer(L, -1));
        r.refs[i] = luaL_ref(L, LUA_REGISTRYINDEX);
    }
    pushDriverUpvalue(L, driver, "SS");
    const auto* scratch = static_cast<const ThinkSelfScratch*>(lua_topointer(L, -1));
    lua_pop(L, 2); // SS, driver

    r.savedHook = lua_gethook(L);
    r.savedMask = lua_gethookmask(L);
    const int savedCount = lua_gethookcount(L);
    lua_sethook(L, traceHook, LUA_MASKLINE | (r.savedMask & LUA_MASKCOUNT), savedCount);
    t_recorder = &r;
    m_vm->sandbox().begin(BudgetKind::Think);
    m_vm->beginBatch(0, 1);
    out.ok = m_vm->runOnce(0, 0, 1, &failure);
    t_recorder = nullptr;
    lua_sethook(L, r.savedHook, r.savedMask, savedCount);
    for (int ref : r.refs)
        luaL_unref(L, LUA_REGISTRYINDEX, ref);

    if (scratch) {
        out.self = viewValues(scratch, kSelfViewFields);
        // rand and rand2 are computed when read, as the think would have read them.
        for (size_t i = 0; i < std::size(kSelfRandomFields); ++i)
            out.self.push_back(
                {kSelfRandomFields[i],
                 formatNumber(arenaEnemyRandom(m_frame.get(), int32_t(m_order[0]), int32_t(i)))});
    }
    out.world = viewValues(&m_frame->world, kWorldViewFields);
    if (out.ok) {
        out.intent = m_vm->batchIntents()[0];
        if (const uint8_t* written = m_memory.at(traced.type, traced.memorySlot))
            out.memory.assign(written, written + info.memory.size);
    } else {
        // As LuaThinkPhase leaves a think that raised: idle, faulted.
        out.intent = engine::Intent{};
        out.intent.faulted = 1;
        out.error = failure.file == request.script.chunkname
                        ? explainThinkError(failure.message, failure.line, request.script.source)
                        : failure.message;
    }
    m_vm->collectGarbage(); // a memory bomb's garbage goes now, not in the next trace's budget
    return out;
}

} // namespace scripting
