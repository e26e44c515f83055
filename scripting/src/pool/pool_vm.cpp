#include "pool/pool_vm.h"

#include "library/contract.h"
#include "vm/stack_guard.h"

#include <lua.hpp>

#include <functional>

namespace scripting {

uint64_t sourceHash(const std::string& source) {
    return std::hash<std::string>{}(source);
}

void PoolVm::setModules(const std::vector<ScriptFile>& libs) {
    m_vm->setModules(libs);
    std::erase_if(m_sources, [](const auto& entry) { return entry.first.rfind("lib/", 0) == 0; });
    for (const ScriptFile& lib : libs)
        m_sources[lib.chunkname] = sourceHash(lib.source);
}

std::unique_ptr<PoolVm> PoolVm::create(const ThinkFrame* frame, const SandboxLimits& limits,
                                       std::string* error) {
    std::unique_ptr<PoolVm> vm(new PoolVm());
    vm->m_frame = frame;
    SandboxedVmDef def;
    def.kind = VmKind::Pool;
    def.limits = limits;
    def.frame = frame;
    def.cursor = &vm->m_cursor;
    vm->m_vm = SandboxedVm::create(def, error);
    if (!vm->m_vm)
        return nullptr;
    return vm;
}

bool readDescription(lua_State* L, int index, const ScriptFile& file, EnemyScriptInfo* info,
                     LuaFailure* failure) {
    // The description is a plain table the trusted Lua built from checked values: reading it runs
    // no script code.
    EnemyScriptInfo loaded;
    loaded.key = file.name;
    loaded.chunkname = file.chunkname;
    std::string error;
    if (!readEnemyDescription(L, index, &loaded, &error)) {
        failure->message = file.chunkname + ": " + error;
        failure->file = file.chunkname;
        return false;
    }
    lua_getfield(L, index, "modules");
    for (int i = 1; lua_type(L, -1) == LUA_TTABLE; ++i) {
        lua_rawgeti(L, -1, i);
        const bool more = lua_type(L, -1) == LUA_TSTRING;
        if (more)
            loaded.modules.push_back(lua_tostring(L, -1));
        lua_pop(L, 1);
        if (!more)
            break;
    }
    lua_pop(L, 1);
    lua_getfield(L, index, "note");
    if (lua_type(L, -1) == LUA_TSTRING)
        loaded.note = lua_tostring(L, -1);
    lua_pop(L, 1);
    *info = std::move(loaded);
    return true;
}

bool PoolVm::loadEnemy(size_t slot, const ScriptFile& file, EnemyScriptInfo* info,
                       LuaFailure* failure) {
    lua_State* L = m_vm->state();
    STACK_GUARD(L, 0);
    if (!m_vm->callHost("load_enemy", file, 2, BudgetKind::Chunk, failure))
        return false;
    EnemyScriptInfo loaded;
    if (!readDescription(L, -1, file, &loaded, failure)) {
        lua_pop(L, 2);
        return false;
    }
    lua_pop(L, 1); // description
    if (slot >= m_drivers.size()) {
        m_drivers.resize(slot + 1, LUA_NOREF);
        m_chunknames.resize(slot + 1);
    }
    if (!m_chunknames[slot].empty())
        m_sources.erase(m_chunknames[slot]);
    m_chunknames[slot] = file.chunkname;
    m_sources[file.chunkname] = sourceHash(file.source);
    luaL_unref(L, LUA_REGISTRYINDEX, m_drivers[slot]);
    m_drivers[slot] = luaL_ref(L, LUA_REGISTRYINDEX); // pops the driver
    if (info)
        *info = std::move(loaded);
    return true;
}

void PoolVm::dropEnemy(size_t slot) {
    if (slot < m_drivers.size()) {
        luaL_unref(m_vm->state(), LUA_REGISTRYINDEX, m_drivers[slot]);
        m_drivers[slot] = LUA_NOREF;
        m_sources.erase(m_chunknames[slot]);
        m_chunknames[slot].clear();
    }
}

BatchResult PoolVm::runBatch(size_t slot, uint32_t first, uint32_t last,
                             std::vector<ThinkFault>& faults, engine::Intent* intents) {
    lua_State* L = m_vm->state();
    STACK_GUARD(L, 0);
    BatchResult result;
    result.entities = last - first;
    m_vm->begin(BudgetKind::Think); // the driver resets the units per entity; the deadline holds
    beginBatch(first, last, intents);
    prefetchRecords(first, last);
    uint32_t from = first;
    uint32_t retried = last; // the entity whose think runs again after a memory error
    while (from < last) {
        ThinkFault fault;
        if (runOnce(slot, from, last, &fault.failure))
            break;
        // The cursor names the entity that raised; if the driver failed before reaching one,
        // blame the first, so every retry makes progress.
        const uint32_t at = m_cursor.position >= int32_t(from) ? uint32_t(m_cursor.position) : from;
        if (fault.failure.outOfMemory) {
            const size_t held = m_vm->collectGarbage();
            if (retried != at) {
                retried = at;
                from = at;
                continue;
            }
            fault.ownMemory = held <= m_vm->memoryCap() / 4 * 3;
        }
        fault.position = at;
        fault.entity = m_frame->order[at];
        fault.slot = int(slot);
        fault.budget = m_vm->budget().exhausted;
        faults.push_back(std::move(fault));
        ++result.faults;
        from = at + 1;
    }
    return result;
}

// A line drawn between the two sizes measured on this machine class: at 100,000 enemies (6 MiB
// of records, which the caches served) the prefetch cost a chaser 1-2 ns per enemy; at a million
// (61 MiB, from memory) it saved the splitter 10-15 and the splitling 7-12.
constexpr size_t kPrefetchRecordsAboveBytes = size_t(32) << 20;

void PoolVm::prefetchRecords(uint32_t first, uint32_t last) const {
    // A short think (a splitter's is a dozen lines) keeps only a few enemies' record loads in
    // flight, so records that must come from memory arrive one latency at a time: at a million
    // enemies, the splitter thought in 30-35 ns per enemy, 19-20 with this.
    // (Scripts with memory had it already: the driver's slot check reads every record first.)
    // Hints only: no record is read. Records in cache gain nothing, and the loop still costs.
    if (size_t(m_frame->enemyCount) * sizeof(engine::Enemy) <= kPrefetchRecordsAboveBytes)
        return;
    const engine::Enemy* enemies = m_frame->enemies;
    const uint32_t* order = m_frame->order;
    for (uint32_t k = first; k < last; ++k) {
        __builtin_prefetch(&enemies[order[k]]);
        // Without this, GCC 12 inlines the function and then deletes the loop as one that does
        // nothing (checked in the disassembly): the empty volatile asm keeps it.
        asm volatile("");
    }
}

void PoolVm::beginBatch(uint32_t first, uint32_t last, engine::Intent* intents) {
    if (!intents && m_batchIntents.size() < last - first)
        m_batchIntents.resize(last - first);
    m_cursor.intents = intents ? intents : m_batchIntents.data();
    m_cursor.batchFirst = int32_t(first);
}

bool PoolVm::runOnce(size_t slot, uint32_t first, uint32_t last, LuaFailure* failure) {
    lua_State* L = m_vm->state();
    STACK_GUARD(L, 0);
    m_cursor.position = -1;
    lua_rawgeti(L, LUA_REGISTRYINDEX, m_drivers[slot]);
    lua_pushinteger(L, lua_Integer(first));
    lua_pushinteger(L, lua_Integer(last));
    return m_vm->call(2, 0, m_chunknames[slot], failure);
}

void PoolVm::pushDriver(size_t slot) {
    lua_State* L = m_vm->state();
    STACK_GUARD(L, 1);
    lua_rawgeti(L, LUA_REGISTRYINDEX, slot < m_drivers.size() ? m_drivers[slot] : LUA_NOREF);
}

int PoolVm::ctypeCount() {
    lua_State* L = m_vm->state();
    STACK_GUARD(L, 0);
    m_vm->pushHost("ctype_count");
    lua_call(L, 0, 1);
    const int n = int(lua_tointeger(L, -1));
    lua_pop(L, 1);
    return n;
}

std::vector<std::pair<std::string, long>> PoolVm::ffiLayout() {
    lua_State* L = m_vm->state();
    STACK_GUARD(L, 0);
    std::vector<std::pair<std::string, long>> out;
    m_vm->pushHost("layout");
    lua_call(L, 0, 1);
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        out.emplace_back(lua_tostring(L, -2), long(lua_tointeger(L, -1)));
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return out;
}

} // namespace scripting
