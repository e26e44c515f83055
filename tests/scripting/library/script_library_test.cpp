// ScriptLibrary: reloads are transactions (every VM or none), dependencies are the require calls
// scripts really made, deleted files stay gone, and every outcome is said once in one line.
#include "engine/core/tick.h"
#include "pool/pool_vm.h"
#include "scripting/script_library.h"
#include "scripting/test_world.h"

#include <gtest/gtest.h>

#include <filesystem>

using namespace scripting;
using testing_support::TempScripts;

namespace {
std::string enemy(const std::string& name, const std::string& body, const std::string& extra = "") {
    return "return { name = '" + name +
           "', hp = 3, speed = 100, radius = 10, color = '#ffffff', score = 1, " + extra +
           "think = function(self, world, mem) " + body + " end }\n";
}

struct Library {
    TempScripts dir;
    std::unique_ptr<ScriptLibrary> lib;
    std::unique_ptr<LuaThinkPhase> pool; // as the game would own them
    std::unique_ptr<MainVm> main;

    explicit Library(const std::map<std::string, std::string>& files, int poolSize = 2)
        : dir(files) {
        ScriptLibraryDef def;
        def.root = dir.root();
        def.think.poolSize = poolSize;
        std::string error;
        lib = ScriptLibrary::open(def, &error);
        EXPECT_TRUE(lib) << error;
        if (lib) {
            pool = lib->takePool();
            main = lib->takeMainVm();
        }
    }
    ReloadResult write(const std::string& path, const std::string& text) {
        dir.write(path, text);
        return lib->reload(path, 1);
    }
    ReloadResult remove(const std::string& path) {
        std::filesystem::remove(std::filesystem::path(dir.root()) / path);
        return lib->reload(path, 1);
    }
    // Every VM (the pool's and the main one) runs exactly the library's last good versions.
    void expectEveryVmRunsTheLastGoodVersions() const {
        std::map<std::string, uint64_t> expected;
        for (const ScriptRecord& r : lib->records())
            if (r.version > 0 && !r.removed && r.kind != ScriptKind::Director)
                expected[r.chunkname] = sourceHash(r.source);
        for (const auto& vm : pool->loadedSources())
            EXPECT_EQ(vm, expected) << "a pool VM";
        std::map<std::string, uint64_t> inMain = main->loadedSources();
        inMain.erase("director.lua");
        EXPECT_EQ(inMain, expected) << "the main VM";
    }
    // vx of one enemy of each script after a think.
    float vx(const std::string& key) {
        testing_support::TestWorld w;
        for (size_t slot = 0; slot < pool->scripts().size(); ++slot)
            w.add(uint16_t(slot), {100.0f + float(slot) * 50.0f, 100.0f});
        w.snapshot();
        const auto types = pool->types();
        pool->think(engine::ThinkContext{w.world, w.world.enemyMemory, types, 1, engine::kTickDt},
                    w.intents);
        for (size_t slot = 0; slot < pool->scripts().size(); ++slot)
            if (pool->scripts()[slot].key == key)
                return w.intents[slot].velocity.x;
        ADD_FAILURE() << "no script " << key;
        return -1;
    }
};
} // namespace

TEST(ScriptLibrary, AVersionTheMainVmRefusesIsRolledBackInEveryVm) {
    // The pool's VMs and the scratch VM load it; the main VM (the only one with `arena`) refuses
    // it. Every VM must end up on version 1, not the pool on 2 and the main VM on 1.
    Library l({{"enemies/a.lua", enemy("A", "return 1, 0")}});
    ASSERT_TRUE(l.lib);
    const ReloadResult r = l.write(
        "enemies/a.lua",
        "if pcall(function() return arena.spawn end) then error('the main VM refuses') end\n" +
            enemy("A", "return 2, 0"));
    EXPECT_TRUE(r.refused) << r.message;
    EXPECT_NE(r.message.find("the main VM refuses"), std::string::npos) << r.message;
    EXPECT_EQ(l.lib->find(ScriptKind::Enemy, "a")->version, 1);
    EXPECT_EQ(l.vx("a"), 1.0f);
    l.expectEveryVmRunsTheLastGoodVersions();
}

TEST(ScriptLibrary, AVersionRefusedByTheDirectorStepIsRolledBackToo) {
    // A module both an enemy and the director use: the pool and the main VM take the enemy's new
    // version, the director refuses it (it needs a field the new module lacks). Nothing may change.
    Library l(
        {{"lib/shared.lua", "return { speed = 1, for_director = true }"},
         {"enemies/a.lua", "local s = require('shared')\n" + enemy("A", "return s.speed, 0")},
         {"director.lua",
          "local s = require('shared')\nassert(s.for_director, 'the director needs for_director')\n"
          "return { update = function() return 1 end }"}});
    ASSERT_TRUE(l.lib);
    ASSERT_TRUE(l.main->hasDirector());
    const ReloadResult r = l.write("lib/shared.lua", "return { speed = 5 }");
    EXPECT_TRUE(r.refused) << r.message;
    EXPECT_NE(r.message.find("the director needs for_director"), std::string::npos) << r.message;
    EXPECT_EQ(l.vx("a"), 1.0f);
    EXPECT_EQ(l.lib->find(ScriptKind::Module, "shared")->version, 1);
    l.expectEveryVmRunsTheLastGoodVersions();
}

TEST(ScriptLibrary, EditingAModuleReloadsEveryScriptThatRequiresIt_Transitively) {
    // enemies/a requires lib/a, which requires lib/b. Editing b must reach a.
    Library l({{"lib/b.lua", "return { vx = 1 }"},
               {"lib/a.lua", "local b = require('b')\nreturn { vx = function() return b.vx end }"},
               {"enemies/user.lua", "local a = require('a')\n" + enemy("U", "return a.vx(), 0")},
               {"enemies/other.lua", enemy("O", "return 7, 0")}});
    ASSERT_TRUE(l.lib);
    EXPECT_EQ(l.lib->find(ScriptKind::Enemy, "user")->modules,
              (std::vector<std::string>{"a", "b"}));
    const ReloadResult r = l.write("lib/b.lua", "return { vx = 42 }");
    EXPECT_TRUE(r.applied) << r.message;
    EXPECT_EQ(l.vx("user"), 42.0f);
    EXPECT_EQ(l.lib->find(ScriptKind::Enemy, "user")->version, 2);
    EXPECT_EQ(l.lib->find(ScriptKind::Enemy, "other")->version, 1) << "it does not use b";
    EXPECT_NE(r.message.find("reloaded lib/b.lua v2 and its users user v2"), std::string::npos)
        << r.message;
    l.expectEveryVmRunsTheLastGoodVersions();
}

TEST(ScriptLibrary, ADeletedScriptDoesNotHauntLaterReloads) {
    Library l(
        {{"lib/steer.lua", "return { vx = 1 }"},
         {"enemies/a.lua", "local s = require('steer')\n" + enemy("A", "return s.vx, 0")},
         {"enemies/sniper.lua", "local s = require('steer')\n" + enemy("S", "return s.vx, 0")}});
    ASSERT_TRUE(l.lib);
    const ReloadResult removed = l.remove("enemies/sniper.lua");
    EXPECT_TRUE(removed.applied);
    EXPECT_EQ(removed.message,
              "removed enemies/sniper.lua: it spawns no more; its live enemies go on with v1");
    const ReloadResult r = l.write("lib/steer.lua", "return { vx = 3 }");
    EXPECT_TRUE(r.applied) << r.message;
    EXPECT_EQ(r.message.find("cannot be read"), std::string::npos) << r.message;
    EXPECT_EQ(l.vx("a"), 3.0f);
    EXPECT_TRUE(l.lib->find(ScriptKind::Enemy, "sniper")->error.empty());
    for (const ScriptErrorEntry& e : l.lib->errors().entries())
        EXPECT_EQ(e.first.message.find("cannot be read"), std::string::npos) << e.first.message;
}

TEST(ScriptLibrary, EveryOutcomeIsOneLineNamingTheUsersWithRelativePaths) {
    Library l(
        {{"lib/steer.lua", "return { vx = 1 }"},
         {"enemies/chaser.lua", "local s = require('steer')\n" + enemy("C", "return s.vx, 0")},
         {"enemies/orbiter.lua", "local s = require('steer')\n" + enemy("O", "return s.vx, 0")}});
    ASSERT_TRUE(l.lib);
    const std::string broken = "local x = 1\nlocal = 2\nreturn {}";
    ReloadResult r = l.write("lib/steer.lua", broken);
    EXPECT_TRUE(r.refused);
    EXPECT_EQ(r.message, "refused lib/steer.lua:2: '<name>' expected near '=' (used by chaser, "
                         "orbiter; v1 keeps running)");
    EXPECT_EQ(r.message.find(l.dir.root()), std::string::npos) << "relative paths only";
    r = l.write("lib/steer.lua", "return { vx = 2 }");
    EXPECT_TRUE(r.applied);
    EXPECT_EQ(
        r.message.rfind("reloaded lib/steer.lua v2 and its users chaser v2, orbiter v2 in ", 0), 0u)
        << r.message;
    EXPECT_NE(r.message.find(" ms (2 VMs + main)"), std::string::npos) << r.message;
    // The same mistake again after a fix: said again.
    r = l.write("lib/steer.lua", broken);
    EXPECT_EQ(r.message, "refused lib/steer.lua:2: '<name>' expected near '=' (used by chaser, "
                         "orbiter; v2 keeps running)");
    EXPECT_EQ(l.lib->reloadsRefused(), 2u);
}

TEST(ScriptLibrary, NoEnemyLoadingIsNotAFailureAndAFixAddsTheType) {
    Library l(std::map<std::string, std::string>{{"enemies/only.lua", "return {"}});
    ASSERT_TRUE(l.lib) << "a broken only script must not stop the game";
    EXPECT_TRUE(l.pool->scripts().empty());
    EXPECT_EQ(l.lib->find(ScriptKind::Enemy, "only")->version, 0);
    EXPECT_FALSE(l.lib->find(ScriptKind::Enemy, "only")->error.empty());
    const ReloadResult r = l.write("enemies/only.lua", enemy("Only", "return 4, 0"));
    EXPECT_TRUE(r.applied) << r.message;
    ASSERT_EQ(r.types.size(), 1u);
    EXPECT_TRUE(r.types[0].added);
    EXPECT_EQ(l.vx("only"), 4.0f);
    l.expectEveryVmRunsTheLastGoodVersions();
}

TEST(ScriptLibrary, ReloadingTheSameLayoutDeclaresNoNewFfiType) {
    Library l({{"enemies/m.lua",
                enemy("M", "mem.t = mem.t + 1 return 0, 0", "memory = { t = 'float' }, ")}},
              1);
    ASSERT_TRUE(l.lib);
    const int before = l.pool->vm(0).ctypeCount();
    for (int i = 0; i < 20; ++i)
        EXPECT_TRUE(l.write("enemies/m.lua",
                            enemy("M", "mem.t = mem.t + " + std::to_string(i + 2) + " return 0, 0",
                                  "memory = { t = 'float' }, "))
                        .applied);
    EXPECT_EQ(l.pool->vm(0).ctypeCount(), before);
}

TEST(ScriptLibrary, AVmThatDeclaredTooManyFfiTypesIsReplaced) {
    Library l({{"enemies/m.lua", enemy("M", "return 0, 0", "memory = { f0 = 'float' }, ")}}, 1);
    ASSERT_TRUE(l.lib);
    for (int i = 1; i <= LuaThinkPhase::kMaxMemoryTypes + 20; ++i) {
        const std::string memory = "memory = { f" + std::to_string(i) + " = 'float' }, ";
        ASSERT_TRUE(l.write("enemies/m.lua", enemy("M", "return 0, 0", memory)).applied) << i;
        ASSERT_LE(l.pool->vm(0).ctypeCount(), LuaThinkPhase::kMaxMemoryTypes) << i;
    }
    EXPECT_EQ(l.vx("m"), 0.0f) << "the replacement VM runs the script";
}

TEST(ScriptLibrary, TheDirectorIsReloadedRefusedAndRemovedLikeAnyScript) {
    Library l({{"enemies/a.lua", enemy("A", "return 1, 0")},
               {"director.lua", "return { update = function(state, info) return 1 end }"}});
    ASSERT_TRUE(l.lib);
    ASSERT_TRUE(l.main->hasDirector());
    ReloadResult r =
        l.write("director.lua", "return { update = function(state, info) return 2 end }");
    EXPECT_TRUE(r.applied) << r.message;
    EXPECT_EQ(r.message.rfind("reloaded director.lua v2 in ", 0), 0u) << r.message;
    r = l.write("director.lua", "return { updat = 1 }");
    EXPECT_TRUE(r.refused);
    EXPECT_EQ(
        r.message,
        "refused director.lua:1: the director must return a table with an update(state, info) "
        "function (v2 keeps running)");
    EXPECT_TRUE(l.main->hasDirector()) << "the last good director keeps running";
    r = l.remove("director.lua");
    EXPECT_EQ(r.message, "removed director.lua: the built-in waves take over");
    EXPECT_FALSE(l.main->hasDirector());
    r = l.write("director.lua", "return { update = function() return 3 end }");
    EXPECT_TRUE(r.applied) << r.message;
    EXPECT_TRUE(l.main->hasDirector());
}
