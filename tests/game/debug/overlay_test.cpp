// The overlay built headless (Dear ImGui without a backend): every window exists and shows the
// values of the model it was given; its buttons reach the actions.
#include "engine/core/tick.h"
#include "game/debug/overlay.h"
#include "game/debug/overlay_text.h"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <filesystem>
#include <fstream>

namespace {
struct RecordingActions final : game::OverlayActions {
    std::vector<std::string> calls;
    void select(engine::ObjectId id) override {
        calls.push_back("select " + std::to_string(id.index));
    }
    void setPaused(bool p) override { calls.push_back(p ? "pause" : "resume"); }
    void stepOnce() override { calls.push_back("step"); }
    void setTimeScale(float) override { calls.push_back("scale"); }
    void spawn(const std::string& type, int count) override {
        calls.push_back("spawn " + type + " " + std::to_string(count));
    }
    void clearEnemies() override { calls.push_back("clear"); }
    void setJit(bool on) override { calls.push_back(on ? "jit on" : "jit off"); }
    void setPoolSize(int n) override { calls.push_back("pool " + std::to_string(n)); }
    void editTableValue(const std::vector<std::string>&, const std::string& v) override {
        calls.push_back("edit " + v);
    }
    void scriptSaved(const std::string& p) override { calls.push_back("saved " + p); }
    std::string scriptsRoot() const override { return "/nonexistent"; }
};

class OverlayTest : public testing::Test {
protected:
    void SetUp() override {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 720);
        io.DeltaTime = engine::kTickDt;
        unsigned char* pixels;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h); // asserts in NewFrame without a built atlas
    }
    void TearDown() override { ImGui::DestroyContext(); }

    // Draws one frame and returns every piece of text ImGui rendered in it.
    std::string frame(game::Overlay& overlay, const game::OverlayModel& model,
                      game::OverlayActions& actions) {
        std::string text;
        game::overlay_text::setCapture(&text);
        ImGui::NewFrame();
        overlay.draw(model, actions);
        ImGui::Render();
        game::overlay_text::setCapture(nullptr);
        return text;
    }

    game::OverlayModel model() {
        game::OverlayModel m;
        m.fps = 59.5f;
        m.tick = 4242;
        m.enemies = 1234;
        m.poolSize = 2;
        m.maxPoolSize = 4;
        m.thinkWallMs = 2.0;
        m.tickMs = 4.0;
        scripting::VmStats a, b;
        a.busyMs = 1.5, a.batches = 11, a.entities = 617, a.luaBytes = 300 * 1024;
        b.busyMs = 1.0, b.batches = 7, b.entities = 98765, b.errors = 3, b.luaBytes = 200 * 1024;
        m.vms = {a, b};
        m.vmRetired = {0, 2};
        m.timeline = {{0, 0.0, 1.5, "chaser"}, {1, 0.1, 1.1, "swarm"}};
        m.lastTick.ms[size_t(game::Phase::Think)] = 2.5;
        game::ScriptRow row;
        row.key = "orbiterx";
        row.file = "enemies/orbiterx.lua";
        row.version = 7;
        row.live = 321;
        row.slot = 0;
        row.lastTick = {0.0136, 321}; // 13.6 us for 321 entities: too few to quote ns/entity
        row.reloadError = "enemies/orbiterx.lua:3: bad thing";
        m.scripts = {row};
        m.enemyTypes = {"orbiterx"};
        log.add(scripting::ScriptError{
            scripting::ScriptErrorKind::Runtime, "orbiterx", "enemies/orbiterx.lua", 9,
            "enemies/orbiterx.lua:9: the unique error text", engine::packObjectId({5, 2}), 1, 77,
            "stack traceback:\n\tenemies/orbiterx.lua:9: in function"});
        m.errors = &log;
        m.selected.valid = true;
        m.selected.id = {5, 2};
        m.selected.kind = "enemy";
        m.selected.type = "orbiterx";
        m.selected.registryRef = 31;
        m.selected.memory = {{"charging", "17"}};
        m.selected.table = {{0, "mood", "furious", true, false},
                            {0, "friends", "{", false, true},
                            {1, "best", "<enemy 3:1>", false, false}};
        m.objects = {{{5, 2}, "orbiterx"}};
        return m;
    }
    scripting::ScriptErrorLog log;
};
} // namespace

TEST_F(OverlayTest, EveryWindowExistsAndShowsTheStatsItWasGiven) {
    game::Overlay overlay;
    overlay.setVisible(true);
    overlay.setSelected({5, 2});
    RecordingActions actions;
    const game::OverlayModel m = model();
    frame(overlay, m, actions);
    const std::string text = frame(overlay, m, actions); // auto-sized windows appear on frame 2
    for (const char* name :
         {"VM pool", "Scripts", "Inspector", "Frame", "Controls", "Error console"}) {
        ImGuiWindow* w = ImGui::FindWindowByName(name);
        ASSERT_NE(w, nullptr) << name;
        EXPECT_TRUE(w->WasActive) << name;
    }
    for (const char* expected :
         {"98765", "617", "2 retired", "orbiterx", "v7", "321", "13.6", "failed",
          "the unique error text", "ticks 77..77", "5:2", "registry ref 31", "charging = 17",
          "mood", "<enemy 3:1>", "tick 4242", "2.500 ms"})
        EXPECT_NE(text.find(expected), std::string::npos) << "'" << expected << "' not shown in:\n"
                                                          << text;
}

TEST_F(OverlayTest, TheErrorBadgeShowsEvenWithTheOverlayClosed) {
    game::Overlay overlay;
    RecordingActions actions;
    const game::OverlayModel m = model();
    frame(overlay, m, actions);
    const std::string text = frame(overlay, m, actions);
    EXPECT_NE(text.find("1 script error"), std::string::npos) << text;
    EXPECT_EQ(ImGui::FindWindowByName("VM pool"), nullptr);
}

TEST_F(OverlayTest, TheEditorShowsTheLastFailedReloadAndItsLine) {
    game::Overlay overlay;
    overlay.setVisible(true);
    RecordingActions actions;
    game::OverlayModel m = model();
    overlay.openInEditor("enemies/orbiterx.lua", actions);
    frame(overlay, m, actions);
    const std::string text = frame(overlay, m, actions);
    ASSERT_NE(ImGui::FindWindowByName("Script editor"), nullptr);
    EXPECT_NE(text.find("enemies/orbiterx.lua:3: bad thing"), std::string::npos) << text;
    EXPECT_NE(text.find("the last good version (v7) keeps running"), std::string::npos) << text;
}

TEST(OverlayFiles, AtomicWritesReplaceAFileAndFailCleanlyOnAReadOnlyFolder) {
    const std::string dir = testing::TempDir() + "arena_atomic";
    std::filesystem::create_directories(dir);
    std::string error;
    ASSERT_TRUE(game::writeFileAtomically(dir + "/a.lua", "return 1", &error)) << error;
    ASSERT_TRUE(game::writeFileAtomically(dir + "/a.lua", "return 2", &error)) << error;
    std::ifstream in(dir + "/a.lua");
    std::string content((std::istreambuf_iterator<char>(in)), {});
    EXPECT_EQ(content, "return 2");
    EXPECT_FALSE(game::writeFileAtomically("/proc/arena-cannot-write/a.lua", "x", &error));
    EXPECT_NE(error.find("nothing was changed"), std::string::npos) << error;
    std::filesystem::remove_all(dir);
}
