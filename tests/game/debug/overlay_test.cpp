// The overlay built headless (Dear ImGui without a backend): every window exists and shows the
// values of the model it was given; its buttons reach the actions.
#include "engine/core/tick.h"
#include "game/debug/overlay.h"
#include "game/debug/overlay_text.h"

#include <SDL_scancode.h>
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
    void seekTo(uint64_t tick) override { calls.push_back("seek " + std::to_string(tick)); }
    void debugThink(engine::ObjectId id, uint64_t tick, const std::string* whatIf) override {
        calls.push_back("debug " + std::to_string(id.index) + " at " + std::to_string(tick) +
                        (whatIf ? " what if" : ""));
    }
    std::string scriptsRoot() const override { return root; }
    std::string root = "/nonexistent";
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
        m.selected.memory = {{"charging", "1717"}};
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
          "the unique error text", "ticks 77..77", "5:2", "registry ref 31", "charging", "mood",
          "<enemy 3:1>", "tick 4242", "2.500 ms"})
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

namespace {
// A scripts folder holding enemies/orbiterx.lua (five lines).
std::string scriptsFolder(const char* name) {
    const std::string dir = testing::TempDir() + name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir + "/enemies");
    std::ofstream(dir + "/enemies/orbiterx.lua") << "local a = 1\nlocal b = 2\nlocal c = +\n"
                                                    "local d = 4\nreturn {}\n";
    return dir;
}
} // namespace

TEST_F(OverlayTest, TheEditorShowsTheLastFailedReloadAndMarksItsLine) {
    game::Overlay overlay;
    overlay.setVisible(true);
    RecordingActions actions;
    actions.root = scriptsFolder("arena_editor_error");
    game::OverlayModel m = model();
    overlay.openInEditor("enemies/orbiterx.lua", actions);
    frame(overlay, m, actions);
    const std::string text = frame(overlay, m, actions);
    ASSERT_NE(ImGui::FindWindowByName("Script editor"), nullptr);
    EXPECT_NE(text.find("enemies/orbiterx.lua:3: bad thing"), std::string::npos) << text;
    EXPECT_NE(text.find("the last good version (v7) keeps running"), std::string::npos) << text;
    EXPECT_EQ(overlay.editorView().lineCount, 6);
    EXPECT_EQ(overlay.editorView().markedLine, 3);
    std::filesystem::remove_all(actions.root);
}

TEST_F(OverlayTest, TheEditorOpensAtALine) {
    game::Overlay overlay;
    RecordingActions actions;
    actions.root = scriptsFolder("arena_editor_line");
    game::OverlayModel m = model();
    overlay.openInEditor("enemies/orbiterx.lua", actions, 4);
    EXPECT_TRUE(overlay.visible());
    for (int i = 0; i < 4; ++i)
        frame(overlay, m, actions);
    EXPECT_EQ(overlay.editorView().cursorLine, 4);
    EXPECT_EQ(overlay.editorView().cursor, 36u); // three lines of 12 bytes before it
    EXPECT_TRUE(overlay.editorView().focused);
    std::filesystem::remove_all(actions.root);
}

TEST_F(OverlayTest, ARemovedScriptIsSaidToBeRemovedNotShownEmpty) {
    game::Overlay overlay;
    overlay.setVisible(true);
    RecordingActions actions;
    actions.root = scriptsFolder("arena_editor_removed");
    game::OverlayModel m = model();
    m.scripts[0].removed = true;
    m.scripts[0].reloadError.clear();
    std::filesystem::remove(actions.root + "/enemies/orbiterx.lua");
    overlay.openInEditor("enemies/orbiterx.lua", actions);
    frame(overlay, m, actions);
    const std::string text = frame(overlay, m, actions);
    EXPECT_NE(text.find("enemies/orbiterx.lua was removed: no more of them spawn, and the live "
                        "ones go on running v7"),
              std::string::npos)
        << text;
    EXPECT_EQ(text.find("saved"), std::string::npos) << text;
    EXPECT_EQ(overlay.editorView().lineCount, 0) << "an editor was shown";
    // Ctrl+S on it writes nothing.
    ImGui::GetIO().KeyCtrl = true;
    ImGui::GetIO().KeysDown[SDL_SCANCODE_S] = true;
    frame(overlay, m, actions);
    ImGui::GetIO().KeyCtrl = false;
    ImGui::GetIO().KeysDown[SDL_SCANCODE_S] = false;
    EXPECT_FALSE(std::filesystem::exists(actions.root + "/enemies/orbiterx.lua"));
    EXPECT_TRUE(actions.calls.empty() || actions.calls.back().rfind("saved", 0) != 0);
    std::filesystem::remove_all(actions.root);
}

TEST_F(OverlayTest, AnErrorsPlaceInTheConsoleOpensTheEditorThere) {
    game::Overlay overlay;
    overlay.setVisible(true);
    RecordingActions actions;
    actions.root = scriptsFolder("arena_console_link");
    game::OverlayModel m = model(); // one error, at enemies/orbiterx.lua:9 (entry 0)
    frame(overlay, m, actions);
    frame(overlay, m, actions);
    // The link's id, as the console makes it: window "entries", PushID(entry), the label.
    ImGuiWindow* console = ImGui::FindWindowByName("Error console");
    ASSERT_NE(console, nullptr);
    ImGuiWindow* entries = nullptr;
    for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
        if (w->ParentWindow == console)
            entries = w;
    ASSERT_NE(entries, nullptr);
    const int entry = 0;
    const ImGuiID link =
        ImHashStr("enemies/orbiterx.lua:9", 0, ImHashData(&entry, sizeof entry, entries->ID));
    // Find it with the mouse (Dear ImGui keeps no item rectangles after a frame).
    ImGuiIO& io = ImGui::GetIO();
    bool found = false;
    for (float y = entries->InnerRect.Min.y + 2; !found && y < entries->InnerRect.Max.y; y += 5)
        for (float x = entries->InnerRect.Min.x + 2; !found && x < entries->InnerRect.Max.x;
             x += 20) {
            io.MousePos = ImVec2(x, y);
            frame(overlay, m, actions);
            found = ImGui::GetCurrentContext()->HoveredId == link;
        }
    ASSERT_TRUE(found) << "no enemies/orbiterx.lua:9 link in the console";
    io.MouseDown[0] = true;
    frame(overlay, m, actions);
    io.MouseDown[0] = false;
    for (int i = 0; i < 5; ++i)
        frame(overlay, m, actions);
    ASSERT_NE(ImGui::FindWindowByName("Script editor"), nullptr);
    EXPECT_TRUE(ImGui::FindWindowByName("Script editor")->WasActive);
    EXPECT_EQ(overlay.editorView().lineCount, 6);
    EXPECT_EQ(overlay.editorView().cursorLine, 6); // line 9 of a 6-line file: its last line
    // Opened in the middle of a frame, the editor takes its place in the bottom strip and moves
    // no other split (it once met a zero-sized place, and ImGui's minimum read as a resize).
    const game::WorkbenchLayout after = overlay.layout(), before = game::defaultWorkbenchLayout();
    EXPECT_FLOAT_EQ(after.leftFraction, before.leftFraction);
    EXPECT_FLOAT_EQ(after.rightFraction, before.rightFraction);
    EXPECT_FLOAT_EQ(after.bottomFraction, before.bottomFraction);
    for (size_t i = 0; i < game::kPanelCount; ++i)
        EXPECT_FLOAT_EQ(after.panels[i].weight, before.panels[i].weight)
            << game::panelTitle(game::Panel(i));
    const game::LayoutRect arena = overlay.arenaRect(1280, 720);
    const game::LayoutRect editor = overlay.panelRect(game::Panel::Editor);
    EXPECT_EQ(editor.x, arena.x);
    EXPECT_GT(editor.y, arena.bottom());
    std::filesystem::remove_all(actions.root);
}

// The debugger shows the trace it is given at the step it is on: who, when, the verdict, the
// line and function, the locals there; a difference is called a determinism bug.
TEST_F(OverlayTest, TheDebuggerShowsTheStepItIsOnAndTheVerdict) {
    game::Overlay overlay;
    overlay.setVisible(true);
    RecordingActions actions;
    game::OverlayModel m = model();
    game::ThinkDebugResult r;
    r.entity = engine::packObjectId({7, 3});
    r.script = "walker";
    r.file = "enemies/walker.lua";
    r.source = "return {\n  think = function(self, world)\n    local a = 1\n    local b = a + 41\n"
               "    return b, 0\n  end,\n}\n";
    r.tick = 321;
    for (int line = 3; line <= 5; ++line) {
        scripting::TraceStep step;
        step.chunk = r.file;
        step.line = line;
        step.function = "think";
        if (line >= 4)
            step.locals.push_back({"a", "1"});
        if (line >= 5)
            step.locals.push_back({"b", "42"});
        r.trace.steps.push_back(step);
    }
    r.trace.ok = true;
    r.trace.intent.velocity = {42, 0};
    r.applied = r.trace.intent;
    r.identical = true;
    m.debug = &r;
    m.travel.available = true;
    m.travel.liveTick = 400;
    m.travel.shownTick = 321;
    overlay.debugThink(actions, {7, 3}, 321);
    EXPECT_EQ(actions.calls.back(), "debug 7 at 321");
    overlay.setDebuggerStep(2);
    frame(overlay, m, actions);
    std::string text = frame(overlay, m, actions);
    for (const char* expected :
         {"enemy 7:3 (walker), think at tick 321: 3 lines traced", "identical",
          "enemies/walker.lua:5 in think", "b", "42", "the past: tick 321 of 400"})
        EXPECT_NE(text.find(expected), std::string::npos) << "'" << expected << "' not in:\n"
                                                          << text;
    r.applied.velocity.x = 41;
    r.identical = false;
    r.difference = "velocity";
    text = frame(overlay, m, actions);
    EXPECT_NE(text.find("DIFFERENT (velocity): a determinism bug"), std::string::npos) << text;
    EXPECT_EQ(overlay.debuggerStep(), 2u); // the same think: the place is kept
}
