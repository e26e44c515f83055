// MainVm::stateHash: the scripted part of a replay checkpoint. Tables are hashed by content, not
// by the order `next` visits them (that order follows addresses and insertion history), so each
// entry's hash is mixed on its own and the entries are summed. Object identities hash by their
// handle; functions, threads and foreign userdata by their type only (no address ever enters).
#include "identity/object_api.h"
#include "scripting/main_vm.h"
#include "vm/stack_guard.h"

#include <lua.hpp>

#include <cstring>
#include <vector>

namespace scripting {

namespace {
constexpr int kMaxDepth = 16; // deeper nesting hashes as "a table" (bounds the walk)
// Table entries visited at most per object table and per hash. A table shared many times over
// (a tree of references to the same subtables) is walked once per path, so a script could make
// the walk exponential; past a budget the object (or the whole state) hashes as "too large".
// Whether a budget is exceeded does not depend on the order `next` visits entries in (it is the
// size of the walk), so the hash stays the same in every run.
constexpr size_t kObjectBudget = 100000;
constexpr size_t kTotalBudget = 4000000;

uint64_t mix(uint64_t x) { // splitmix64's finaliser: a small change moves every bit
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

uint64_t hashBytes(const void* data, size_t size, uint64_t h) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (size_t i = 0; i < size; ++i)
        h = (h ^ p[i]) * 0x100000001b3ull;
    return h;
}

struct Walker {
    lua_State* L;
    std::vector<const void*> path; // tables being hashed: a cycle hashes as a marker
    size_t visits = 0;             // entries visited for the current object
    size_t total = 0;              // ... for the whole hash
    bool over = false;             // a budget ran out: unwind

    uint64_t value(int index, int depth) {
        switch (lua_type(L, index)) {
        case LUA_TNIL: return mix(1);
        case LUA_TBOOLEAN: return mix(2 + uint64_t(lua_toboolean(L, index)));
        case LUA_TNUMBER: {
            const double d = lua_tonumber(L, index);
            uint64_t bits;
            std::memcpy(&bits, &d, sizeof bits);
            return mix(bits ^ 0x3000);
        }
        case LUA_TSTRING: {
            size_t size = 0;
            const char* s = lua_tolstring(L, index, &size);
            return mix(hashBytes(s, size, 0xcbf29ce484222325ull));
        }
        case LUA_TTABLE: return table(index, depth);
        case LUA_TUSERDATA:
            if (isObjectUserdata(L, index)) {
                const auto* ud = static_cast<const ObjectUserdata*>(lua_touserdata(L, index));
                uint64_t bits;
                std::memcpy(&bits, &ud->packed, sizeof bits);
                return mix(bits ^ (uint64_t(ud->kind) << 60) ^ 0x5000);
            }
            return mix(6);
        default: return mix(7 + uint64_t(lua_type(L, index)));
        }
    }

    uint64_t table(int index, int depth) {
        const void* self = lua_topointer(L, index);
        for (const void* p : path)
            if (p == self)
                return mix(0x7001);
        if (depth >= kMaxDepth || !lua_checkstack(L, 4))
            return mix(0x7002);
        index = index < 0 ? lua_gettop(L) + index + 1 : index;
        path.push_back(self);
        uint64_t sum = 0x7003;
        lua_pushnil(L);
        while (lua_next(L, index)) {
            if (++visits > kObjectBudget || ++total > kTotalBudget) {
                over = true;
                lua_pop(L, 2);
                break;
            }
            const uint64_t k = value(-2, depth + 1);
            const uint64_t v = value(-1, depth + 1);
            sum += mix(k * 31 + v);
            lua_pop(L, 1);
            if (over) {
                lua_pop(L, 1);
                break;
            }
        }
        path.pop_back();
        return mix(sum);
    }

    // The object's own table: its userdata's environment.
    uint64_t object(int32_t ref) {
        if (ref == engine::kNoScriptRef)
            return mix(0x9000);
        lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
        lua_getfenv(L, -1);
        const uint64_t h = root(-1);
        lua_pop(L, 2);
        return h;
    }
    // One object's (or the director's) table, within the budgets.
    uint64_t root(int index) {
        visits = 0;
        const uint64_t h = value(index, 0);
        if (!over)
            return h;
        if (total <= kTotalBudget) // only this object was too large: the others still count
            over = false;
        return mix(0x9001);
    }
};
struct Job {
    const engine::World* world;
    int directorState;
    uint64_t hash = 0;
};

// Protected (lua_cpcall): growing the stack may need memory, and the VM may be at its cap.
int hashAll(lua_State* L) {
    Job& job = *static_cast<Job*>(lua_touserdata(L, 1));
    Walker w{L, {}};
    uint64_t h = 0xcbf29ce484222325ull;
    lua_rawgeti(L, LUA_REGISTRYINDEX, job.directorState);
    const uint64_t director = w.root(-1);
    lua_pop(L, 1);
    h = hashBytes(&director, sizeof director, h);
    for (const engine::Enemy& e : job.world->enemies.dense()) {
        const uint64_t o = w.object(e.scriptRef);
        h = hashBytes(&o, sizeof o, h);
        if (w.over)
            break;
    }
    const uint64_t p = w.object(job.world->player.scriptRef);
    job.hash = w.over ? mix(0x9002) : hashBytes(&p, sizeof p, h); // all of it too large
    return 0;
}
} // namespace

uint64_t MainVm::stateHash(const engine::World& world) const {
    lua_State* L = state();
    STACK_GUARD(L, 0);
    Job job{&world, m_directorState};
    if (lua_cpcall(L, hashAll, &job) != 0) {
        lua_pop(L, 1); // out of memory: a hash no state has, so a checkpoint reports it
        return 0;
    }
    return job.hash;
}

} // namespace scripting
