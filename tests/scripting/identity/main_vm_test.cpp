// MainVm: one Lua identity per object, per-object tables, stale access, collection, hooks in a
// fixed order, validated commands, and churn that leaves nothing behind.
#include "identity/object_api.h"
#include "scripting/main_vm.h"
#include "scripting/test_world.h"
#include "scripting/think_phase.h"

#include <gtest/gtest.h>
#include <lua.hpp>

#include <cstring>

using namespace scripting;
using testing_support::fixture;
using testing_support::TempScripts;

namespace {
struct Fixture {
    TempScripts dir;
    std::unique_ptr<LuaThinkPhase> pool; // loads and checks the scripts, as the game does
    std::unique_ptr<MainVm> vm;
    testing_support::TestWorld w;
    CommandBuffer out;

    explicit Fixture(const std::map<std::string, std::string>& files) : dir(files) {
        LuaThinkDef def = defaultLuaThinkDef();
        def.scriptsDir = dir.root();
        def.poolSize = 1;
        std::string error;
        pool = LuaThinkPhase::create(def, &error);
        EXPECT_TRUE(pool) << error;
        if (!pool)
            return;
        vm = MainVm::create(defaultMainVmDef(), pool->loadedFiles(), pool->scripts(),
                            pool->errors(), &error);
        EXPECT_TRUE(vm) << error;
        for (size_t t = 0; t < pool->scripts().size(); ++t) // as Game lays out the memory
            w.world.enemyMemory.setBytes(uint16_t(t), pool->scripts()[t].memory.size);
    }
    uint16_t slot(const std::string& key) const {
        for (size_t i = 0; i < pool->scripts().size(); ++i)
            if (pool->scripts()[i].key == key)
                return uint16_t(i);
        ADD_FAILURE() << "no script " << key;
        return 0;
    }
    engine::Enemy& enemy(engine::ObjectId id) { return *w.world.enemies.get(id); }
    const uint8_t* memory(engine::ObjectId id) { return w.world.memoryOf(enemy(id)); }
    std::vector<std::string> errors() const {
        std::vector<std::string> messages;
        for (const auto& e : pool->errors().entries())
            messages.push_back(e.first.message);
        return messages;
    }
    // Runs Lua (trusted test code, not sandboxed) with the object at stack top as its argument.
    std::string callWith(const char* code) {
        lua_State* L = vm->state();
        luaL_loadstring(L, code); // object, fn
        lua_insert(L, -2);
        if (lua_pcall(L, 1, 1, 0) != 0) {
            std::string e = lua_tostring(L, -1);
            lua_pop(L, 1);
            return "error: " + e;
        }
        std::string r = lua_isstring(L, -1) ? lua_tostring(L, -1) : luaL_typename(L, -1);
        lua_pop(L, 1);
        return r;
    }
};

const std::map<std::string, std::string> kRecorder{
    {"enemies/recorder.lua", fixture("hooks/recorder.lua")}};
} // namespace

TEST(MainVm, PushingAnObjectTwicePushesTheSameUserdata) {
    Fixture f(kRecorder);
    ASSERT_TRUE(f.vm);
    lua_State* L = f.vm->state();
    const engine::ObjectId id = f.w.add(0, {10, 10});
    f.vm->begin(f.w.world, 1, f.out);
    f.vm->pushEnemy(f.enemy(id));
    EXPECT_NE(f.enemy(id).scriptRef, engine::kNoScriptRef) << "the ref lives on the engine record";
    f.w.snapshot(); // another tick, the record moved nowhere but time passed
    f.vm->pushEnemy(f.enemy(id));
    EXPECT_TRUE(lua_rawequal(L, -1, -2));
    const engine::ObjectId other = f.w.add(0, {20, 20});
    f.vm->pushEnemy(f.enemy(other));
    EXPECT_FALSE(lua_rawequal(L, -1, -2));
    lua_pop(L, 3);
    f.vm->end();
}

TEST(MainVm, EngineFieldsFirstThenTheObjectsOwnTable) {
    Fixture f(kRecorder);
    ASSERT_TRUE(f.vm);
    const engine::ObjectId id = f.w.add(0, {10, 20});
    f.vm->begin(f.w.world, 5, f.out);
    f.vm->pushEnemy(f.enemy(id));
    EXPECT_EQ(f.callWith("local o = ... o.mood = 'angry' return o.mood .. ':' .. o.x .. ',' .. o.y "
                         ".. ':' .. o.type"),
              "angry:10,20:recorder");
    f.vm->pushEnemy(f.enemy(id));
    EXPECT_EQ(f.callWith("local o = ... return o.mood"), "angry")
        << "the table persists across pushes";
    f.vm->pushEnemy(f.enemy(id));
    EXPECT_EQ(f.callWith("local o = ... o.x = 5"),
              "error: [string \"local o = ... o.x = 5\"]:1: field 'x' of enemy 0:1 (recorder) is "
              "read-only");
    f.vm->pushEnemy(f.enemy(id));
    EXPECT_EQ(f.callWith("local o = ... o.counter = 12 return tostring(o.counter)"), "12");
    int32_t counter;
    std::memcpy(&counter, f.memory(id) + f.pool->scripts()[0].memory.fields[0].offset,
                sizeof counter);
    EXPECT_EQ(counter, 12) << "memory fields write the engine's memory";
    f.vm->pushEnemy(f.enemy(id));
    EXPECT_EQ(f.callWith("return tostring(...)"), "enemy 0:1 (recorder)");
    f.vm->pushEnemy(f.enemy(id));
    EXPECT_EQ(f.callWith("return tostring(getmetatable(...))"), "arena object");
    f.vm->end();
}

TEST(MainVm, AStaleObjectSaysWhichObjectDiedWhenAndKeepsItsTable) {
    Fixture f(kRecorder);
    ASSERT_TRUE(f.vm);
    lua_State* L = f.vm->state();
    engine::ObjectId id = f.w.add(0, {10, 20});
    f.vm->begin(f.w.world, 800, f.out);
    f.vm->pushEnemy(f.enemy(id));
    EXPECT_EQ(f.callWith("local o = ... o.note = 'remember me'"), "nil");
    f.vm->pushEnemy(f.enemy(id));
    const int kept = luaL_ref(L, LUA_REGISTRYINDEX); // a script that kept it
    f.vm->release(f.enemy(id), 812);
    f.w.world.enemies.destroy(id);
    const engine::ObjectId reused = f.w.add(0, {99, 99}); // same slot, next generation
    ASSERT_EQ(reused.index, id.index);
    lua_rawgeti(L, LUA_REGISTRYINDEX, kept);
    EXPECT_EQ(
        f.callWith("return (...).x"),
        "error: [string \"return (...).x\"]:1: enemy 0:1 (recorder) was destroyed at tick 812");
    lua_rawgeti(L, LUA_REGISTRYINDEX, kept);
    EXPECT_EQ(f.callWith("return tostring((...):alive())"), "false");
    lua_rawgeti(L, LUA_REGISTRYINDEX, kept);
    EXPECT_EQ(f.callWith("return (...).note"), "remember me");
    lua_rawgeti(L, LUA_REGISTRYINDEX, kept);
    EXPECT_EQ(f.callWith("local o = ... o.counter = 1"),
              "error: [string \"local o = ... o.counter = 1\"]:1: enemy 0:1 (recorder) was "
              "destroyed at tick 812");
    f.vm->pushEnemy(f.enemy(reused));
    EXPECT_EQ(f.callWith("return (...).x .. ',' .. tostring((...).note)"), "99,nil")
        << "never another object's data";
    luaL_unref(L, LUA_REGISTRYINDEX, kept);
    f.vm->end();
}

TEST(MainVm, ReleasedUserdataIsCollected) {
    Fixture f(kRecorder);
    ASSERT_TRUE(f.vm);
    lua_State* L = f.vm->state();
    luaL_dostring(L, "WEAK = setmetatable({}, { __mode = 'k' })");
    std::vector<engine::ObjectId> ids;
    for (int i = 0; i < 50; ++i)
        ids.push_back(f.w.add(0, {float(i), 0}));
    f.vm->begin(f.w.world, 1, f.out);
    for (engine::ObjectId id : ids) {
        f.vm->pushEnemy(f.enemy(id));
        f.callWith("WEAK[...] = true");
    }
    for (size_t i = 0; i < 40; ++i) // release 40, keep 10
        f.vm->release(f.enemy(ids[i]), 2);
    f.vm->end();
    lua_gc(L, LUA_GCCOLLECT, 0);
    lua_gc(L, LUA_GCCOLLECT, 0); // weak keys of finalized userdata go on the second cycle
    luaL_dostring(L, "local n = 0 for _ in pairs(WEAK) do n = n + 1 end return n");
    EXPECT_EQ(lua_tointeger(L, -1), 10);
    lua_pop(L, 1);
}

TEST(MainVm, HooksRunInEventOrderAndTheirTablesPersist) {
    Fixture f(kRecorder);
    ASSERT_TRUE(f.vm);
    const engine::ObjectId a = f.w.add(0, {0, 0}), b = f.w.add(0, {5, 5});
    f.vm->begin(f.w.world, 1, f.out);
    f.vm->onSpawn(a);       // 1 * 1
    f.vm->onSpawn(b);       // 2 * 1
    f.vm->onHit(b, 1);      // 3 * 10
    f.vm->onHit(a, 1);      // 4 * 10
    f.vm->onHit(a, 1);      // 5 * 10
    f.vm->onDeath(a, true); // 6 * 100
    f.vm->end();
    EXPECT_TRUE(f.errors().empty()) << f.errors()[0];
    EXPECT_EQ(f.out.score, 1 + 2 + 30 + 40 + 50 + 600);
    f.vm->begin(f.w.world, 2, f.out);
    f.vm->pushEnemy(f.enemy(a));
    EXPECT_EQ(f.callWith("local o = ... return o.note .. o.hits .. tostring(o.attacker)"),
              "spawned2player 0:1 (player)");
    f.vm->end();
    int32_t counter;
    std::memcpy(&counter, f.memory(b) + f.pool->scripts()[0].memory.fields[0].offset,
                sizeof counter);
    EXPECT_EQ(counter, 7) << "on_spawn wrote the enemy's memory";
}

TEST(MainVm, BadCommandsAreScriptErrorsWithFileAndLine) {
    Fixture f({{"enemies/bad.lua", fixture("hooks/bad_commands.lua")}});
    ASSERT_TRUE(f.vm);
    const engine::ObjectId id = f.w.add(0, {0, 0});
    f.vm->begin(f.w.world, 1, f.out);
    for (int kind = 1; kind <= 9; ++kind)
        f.vm->onHit(id, float(kind));
    f.vm->end();
    const auto e = f.errors();
    ASSERT_EQ(e.size(), 9u);
    EXPECT_EQ(e[0], "enemies/bad.lua:6: arena.spawn: unknown enemy type 'nope' (known: bad)");
    EXPECT_NE(e[1].find("enemies/bad.lua:7: arena.spawn: x must be a number from -1000000 to "
                        "1000000 (got nan)"),
              std::string::npos)
        << e[1];
    EXPECT_EQ(e[2],
              "enemies/bad.lua:8: field 'hp' of enemy 0:1 (bad) is read-only (use self:damage(n))");
    EXPECT_NE(e[3].find("enemies/bad.lua:9: damage: amount must be"), std::string::npos) << e[3];
    EXPECT_NE(e[4].find("enemies/bad.lua:10: arena.add_score: n must be"), std::string::npos)
        << e[4];
    EXPECT_NE(e[5].find("enemies/bad.lua:11: arena.spawn: unknown option 'speed'"),
              std::string::npos)
        << e[5];
    EXPECT_NE(e[6].find("enemies/bad.lua:12: field 'x' of player"), std::string::npos) << e[6];
    EXPECT_NE(e[7].find("enemies/bad.lua:13: attempt to create global variable \"WEAK\""),
              std::string::npos)
        << e[7];
    // A hook's endless loop is stopped by the hook's own budget, and the message says which.
    EXPECT_NE(e[8].find("enemies/bad.lua:14: script exceeded its CPU budget (200000 units of loop "
                        "iterations, calls and library work in one hook call)"),
              std::string::npos)
        << e[8];
    EXPECT_TRUE(f.out.spawns.empty());
    EXPECT_EQ(f.out.score, 0);
    EXPECT_EQ(f.w.world.enemies.get(id)->hp, 3.0f) << "the object is intact";
}

TEST(MainVm, TheBruteEnragesAfterThreeHits) {
    Fixture f({{"enemies/brute.lua", testing_support::fixtureFromRepo("scripts/enemies/brute.lua")},
               {"lib/steer.lua", testing_support::fixtureFromRepo("scripts/lib/steer.lua")}});
    ASSERT_TRUE(f.vm);
    const engine::ObjectId id = f.w.add(0, {0, 0});
    const MemoryField& enraged = f.pool->scripts()[0].memory.fields.at(0);
    ASSERT_EQ(enraged.name, "enraged");
    for (int hit = 1; hit <= 3; ++hit) {
        EXPECT_EQ(f.memory(id)[enraged.offset], 0) << "hit " << hit;
        f.vm->begin(f.w.world, uint64_t(hit), f.out);
        f.vm->onHit(id, 1);
        f.vm->end();
    }
    EXPECT_EQ(f.memory(id)[enraged.offset], 1);
    EXPECT_EQ(f.out.bursts.size(), 1u);
    EXPECT_TRUE(f.errors().empty()) << f.errors()[0];
}

TEST(MainVm, AMillionSpawnDestroyCyclesLeaveMemoryFlatAndNoRefBehind) {
    Fixture f(kRecorder);
    ASSERT_TRUE(f.vm);
    lua_State* L = f.vm->state();
    // A steady population of 1000, churned through 1,000,000 identities.
    std::vector<engine::ObjectId> live;
    for (int i = 0; i < 1000; ++i)
        live.push_back(f.w.add(0, {float(i), 0}));
    f.vm->begin(f.w.world, 1, f.out);
    for (engine::ObjectId id : live) {
        f.vm->pushEnemy(f.enemy(id));
        lua_pop(L, 1);
    }
    lua_gc(L, LUA_GCCOLLECT, 0);
    const size_t baseline = f.vm->luaMemory();
    for (int cycle = 0; cycle < 1000000; ++cycle) {
        const size_t k = size_t(cycle) % live.size();
        engine::Enemy& e = f.enemy(live[k]);
        f.vm->release(e, uint64_t(cycle));
        f.w.world.enemies.destroy(live[k]);
        live[k] = f.w.add(0, {1, 1});
        f.vm->pushEnemy(f.enemy(live[k])); // identity + table + ref
        lua_getfenv(L, -1);
        lua_pushnumber(L, cycle);
        lua_setfield(L, -2, "n"); // something in its table
        lua_pop(L, 2);
    }
    f.vm->end();
    lua_gc(L, LUA_GCCOLLECT, 0);
    lua_gc(L, LUA_GCCOLLECT, 0);
    const size_t after = f.vm->luaMemory();
    EXPECT_LE(double(after), double(baseline) * 1.10)
        << "baseline " << baseline << ", after " << after;
    const MainVmStats s = f.vm->stats(f.w.world);
    EXPECT_EQ(s.registryObjectRefs, 1000u);
    EXPECT_EQ(s.identities, 1000u);
    EXPECT_EQ(s.created - s.released, 1000u);
}

TEST(MainVm, TheInspectorSeesAndEditsAnObjectsTable) {
    Fixture f(kRecorder);
    ASSERT_TRUE(f.vm);
    const engine::ObjectId id = f.w.add(0, {10, 20});
    f.vm->begin(f.w.world, 1, f.out);
    f.vm->pushEnemy(f.enemy(id));
    f.callWith("local o = ... o.mood = 'calm' o.hits = 3 o.nested = { depth = { deeper = { deepest "
               "= { 1 } } } } "
               "o.nested.self = o.nested o.friend = o");
    f.vm->end();
    const int32_t ref = f.enemy(id).scriptRef;
    auto view = f.vm->tableView(ref);
    const auto find = [&](const std::string& key) {
        for (const auto& line : view)
            if (line.key == key)
                return line;
        return scripting::TableLine{-1, key, "(absent)", false, false};
    };
    EXPECT_EQ(find("mood").value, "calm");
    EXPECT_TRUE(find("mood").editable);
    EXPECT_EQ(find("hits").value, "3");
    EXPECT_EQ(find("self").value, "(cycle)");
    EXPECT_EQ(find("friend").value, "<enemy 0:1>");
    EXPECT_EQ(find("deepest").value, "{...} (depth limit)");
    std::string error;
    EXPECT_TRUE(f.vm->setTableValue(ref, {"hits"}, "12", &error)) << error;
    EXPECT_TRUE(f.vm->setTableValue(ref, {"mood"}, "furious", &error)) << error;
    EXPECT_FALSE(f.vm->setTableValue(ref, {"hits"}, "lots", &error));
    EXPECT_FALSE(f.vm->setTableValue(ref, {"nested"}, "1", &error)) << "tables are not scalars";
    f.vm->pushEnemy(f.enemy(id));
    EXPECT_EQ(f.callWith("local o = ... return o.mood .. o.hits"), "furious12");
}

namespace {
const char* kCapFiller = R"(
-- Fills the main VM to its cap and keeps it, catching its own memory errors.
local hoard = {}
return { name = "Filler", hp = 3, speed = 1, radius = 5, color = "#ffffff", score = 1,
  think = function() return 0, 0 end,
  on_hit = function(self, damage)
    pcall(function() while true do hoard[#hoard + 1] = { damage } end end)
    self.note = "still here"
  end }
)";
} // namespace

TEST(MainVm, AHookThatFillsTheVmToItsCapLeavesTheHostWorking) {
    // The host then creates identities, pushes arguments and runs more hooks: none of that may
    // raise outside a protected call (LuaJIT would end the process).
    Fixture f(std::map<std::string, std::string>{{"enemies/filler.lua", kCapFiller}});
    ASSERT_TRUE(f.vm);
    std::vector<engine::ObjectId> ids;
    for (int i = 0; i < 200; ++i)
        ids.push_back(f.w.add(0, {float(i), 0}));
    f.vm->begin(f.w.world, 1, f.out);
    for (int round = 0; round < 3; ++round)
        for (engine::ObjectId id : ids)
            f.vm->onHit(id, 1.0f);
    f.vm->end();
    EXPECT_GT(f.vm->luaMemory(), defaultSandboxLimits().memoryBytes / 2) << "the hoard stays";
    f.vm->begin(f.w.world, 2, f.out);
    for (engine::ObjectId id : ids)
        f.vm->pushEnemy(f.enemy(id)); // identities exist: pushing is a registry read
    lua_pop(f.vm->state(), int(ids.size()));
    f.vm->end();
    EXPECT_EQ(f.vm->stats(f.w.world).identities, ids.size() + 1)
        << "and the player, the hooks' source";
}

TEST(MainVm, ScoresSaturateAndCommandsCheckTheirRanges) {
    Fixture f(std::map<std::string, std::string>{{"enemies/s.lua", R"(
return { name = "S", hp = 3, speed = 1, radius = 5, color = "#ffffff", score = 1,
  memory = { f = "float", i = "int" },
  think = function() return 0, 0 end,
  on_hit = function(self, damage)
    if damage == 1 then for k = 1, 100 do arena.add_score(100000) end end
    if damage == 2 then self.f = 1e39 end
    if damage == 3 then self.i = 1e20 end
    if damage == 4 then self.i = 0 / 0 end
    if damage == 5 then arena.add_score(2.5) end
    if damage == 6 then arena.burst(0, 0, "#ffffff", 1e300) end
  end }
)"}});
    ASSERT_TRUE(f.vm);
    const engine::ObjectId id = f.w.add(0, {0, 0});
    f.out.score = kMaxScore - 5;
    f.vm->begin(f.w.world, 1, f.out);
    for (int kind = 1; kind <= 6; ++kind)
        f.vm->onHit(id, float(kind));
    f.vm->end();
    EXPECT_EQ(f.out.score, kMaxScore) << "saturates, never wraps";
    const auto e = f.errors();
    ASSERT_EQ(e.size(), 5u);
    EXPECT_NE(e[0].find("memory field 'f' is a float"), std::string::npos) << e[0];
    EXPECT_NE(e[1].find("memory field 'i' is an int"), std::string::npos) << e[1];
    EXPECT_NE(e[2].find("memory field 'i' is an int"), std::string::npos) << e[2];
    EXPECT_NE(e[3].find("arena.add_score: n must be a whole number"), std::string::npos) << e[3];
    EXPECT_NE(e[4].find("arena.burst: count must be a number from 1 to 64"), std::string::npos)
        << e[4];
}

TEST(MainVm, SpawnsAreCappedPerTickAndByTheLivePopulation) {
    MainVmDef def = defaultMainVmDef();
    def.maxLiveEnemies = 10;
    def.maxSpawnsPerTick = 50;
    TempScripts dir(std::map<std::string, std::string>{{"enemies/sp.lua", R"(
return { name = "Sp", hp = 3, speed = 1, radius = 5, color = "#ffffff", score = 1,
  think = function() return 0, 0 end,
  on_hit = function(self, damage)
    local accepted = 0
    for k = 1, damage do if arena.spawn("sp", 0, 0) then accepted = accepted + 1 end end
    self.accepted = accepted
  end }
)"}});
    LuaThinkDef thinkDef = defaultLuaThinkDef();
    thinkDef.scriptsDir = dir.root();
    thinkDef.poolSize = 1;
    std::string error;
    auto pool = LuaThinkPhase::create(thinkDef, &error);
    ASSERT_TRUE(pool) << error;
    auto vm = MainVm::create(def, pool->loadedFiles(), pool->scripts(), pool->errors(), &error);
    ASSERT_TRUE(vm) << error;
    testing_support::TestWorld w;
    CommandBuffer out;
    const engine::ObjectId id = w.add(0, {0, 0});
    vm->begin(w.world, 1, out);
    vm->onHit(id, 20); // the arena holds 1: 9 more fit
    EXPECT_EQ(out.spawns.size(), 9u);
    vm->onHit(id, 40); // 9 + 40 = 49 calls this tick, all refused by the population cap
    EXPECT_EQ(out.spawns.size(), 9u);
    vm->onHit(id, 5); // past 50 calls in one tick: an error
    vm->end();
    bool notice = false, perTick = false;
    for (const auto& entry : pool->errors().entries()) {
        notice =
            notice || (entry.first.kind == ScriptErrorKind::Notice &&
                       entry.first.message.find("holds at most 10 enemies") != std::string::npos);
        perTick = perTick ||
                  entry.first.message.find("more than 50 spawns in one tick") != std::string::npos;
    }
    EXPECT_TRUE(notice);
    EXPECT_TRUE(perTick);
}
