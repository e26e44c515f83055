// ImGuiLayer end to end: a real (hidden) SDL window with a GL context (offscreen: EGL + llvmpipe,
// no X server or GPU), the real SDL2 and OpenGL3 backends, events through SDL's own queue, and an
// ImGui InputText reading them. Each test delivers all its input within one frame, as a game
// running at a few frames per second would.
#include "engine/debug/imgui_layer.h"
#include "engine/platform/window.h"

#include <SDL.h>
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "sdl_events.h"

namespace {

using testing_support::key;
using testing_support::text;

std::vector<SDL_Event> taps(SDL_Scancode code, int n) {
    std::vector<SDL_Event> events;
    for (int i = 0; i < n; ++i) {
        events.push_back(key(SDL_KEYDOWN, code));
        events.push_back(key(SDL_KEYUP, code));
    }
    return events;
}

class ImGuiLayerTest : public testing::Test {
protected:
    void SetUp() override {
        setenv("SDL_VIDEODRIVER", "offscreen", /*overwrite=*/0); // CTest sets it too
        if (!std::getenv("XDG_RUNTIME_DIR"))
            setenv("XDG_RUNTIME_DIR", "/tmp", 0);
        ASSERT_EQ(SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS), 0) << SDL_GetError();
        engine::WindowDef def = engine::defaultWindowDef();
        def.hidden = true;
        def.vsync = false;
        def.width = 640;
        def.height = 360;
        std::string error;
        window = engine::Window::create(def, &error);
        ASSERT_NE(window, nullptr) << error;
        layer = std::make_unique<engine::ImGuiLayer>();
        ASSERT_TRUE(layer->init(*window));
        // Give the field the keyboard, then put the cursor at the end of its text.
        for (int i = 0; i < 3; ++i)
            frame(/*focus=*/true);
        deliver(taps(SDL_SCANCODE_END, 1));
        frame();
        ASSERT_TRUE(layer->wantsKeyboard()) << "the field never became active";
    }
    void TearDown() override {
        layer.reset();
        window.reset();
        SDL_Quit();
    }

    // Through SDL's queue, as the frontend's loop receives them.
    void deliver(const std::vector<SDL_Event>& events) {
        for (SDL_Event e : events)
            ASSERT_EQ(SDL_PushEvent(&e), 1) << SDL_GetError();
        for (SDL_Event e; SDL_PollEvent(&e);)
            layer->processEvent(e);
    }

    // One rendered frame of a UI holding one text field.
    void frame(bool focus = false) {
        layer->frame([&] {
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::Begin("test", nullptr, ImGuiWindowFlags_AlwaysAutoResize);
            if (focus)
                ImGui::SetKeyboardFocusHere();
            ImGui::InputText("##field", buffer, sizeof buffer);
            ImGui::End();
        });
    }

    std::unique_ptr<engine::Window> window;
    std::unique_ptr<engine::ImGuiLayer> layer;
    char buffer[64] = "hello world";
};

} // namespace

TEST_F(ImGuiLayerTest, FiveBackspaceTapsInOneFrameDeleteFiveCharacters) {
    deliver(taps(SDL_SCANCODE_BACKSPACE, 5));
    frame();
    EXPECT_STREQ(buffer, "hello ");
    EXPECT_EQ(layer->lastFrameBatches(), 10);
}

// Why the layer batches: handed to the backend within one ImGui frame, the same taps leave the key
// up at NewFrame, as it was before, so none of them is seen.
TEST_F(ImGuiLayerTest, TheBackendAloneSeesNoneOfFiveTapsInOneFrame) {
    for (const SDL_Event& e : taps(SDL_SCANCODE_BACKSPACE, 5))
        ImGui_ImplSDL2_ProcessEvent(&e);
    frame();
    EXPECT_STREQ(buffer, "hello world");
}

TEST_F(ImGuiLayerTest, EveryAutoRepeatInOneFrameDeletesOneCharacter) {
    std::vector<SDL_Event> events{key(SDL_KEYDOWN, SDL_SCANCODE_BACKSPACE)};
    for (int i = 0; i < 3; ++i)
        events.push_back(key(SDL_KEYDOWN, SDL_SCANCODE_BACKSPACE, KMOD_NONE, /*repeat=*/1));
    deliver(events);
    frame();
    EXPECT_STREQ(buffer, "hello w");
    // Still held: ImGui's own repeat stays off however long this frame was; the OS repeats.
    for (int i = 0; i < 3; ++i) {
        SDL_Delay(100);
        frame();
    }
    EXPECT_STREQ(buffer, "hello w");
    deliver({key(SDL_KEYUP, SDL_SCANCODE_BACKSPACE)});
    frame();
    EXPECT_STREQ(buffer, "hello w");
}

TEST_F(ImGuiLayerTest, TextAndKeysInOneFrameKeepTheirOrder) {
    // " ab", Backspace, "c" typed within one frame: "hello world ac".
    deliver({text(" "), text("a"), text("b"), key(SDL_KEYDOWN, SDL_SCANCODE_BACKSPACE),
             key(SDL_KEYUP, SDL_SCANCODE_BACKSPACE), text("c")});
    frame();
    EXPECT_STREQ(buffer, "hello world ac");
}

TEST_F(ImGuiLayerTest, ModifiersAreReadFromTheirEventsNotFromTheEndOfTheFrame) {
    // Ctrl+A, then Backspace with Ctrl released, within one frame: select all, delete it all.
    // (SDL's own modifier state never sees pushed events: only the events' mods say Ctrl.)
    deliver({key(SDL_KEYDOWN, SDL_SCANCODE_LCTRL, KMOD_LCTRL),
             key(SDL_KEYDOWN, SDL_SCANCODE_A, KMOD_LCTRL),
             key(SDL_KEYUP, SDL_SCANCODE_A, KMOD_LCTRL), key(SDL_KEYUP, SDL_SCANCODE_LCTRL),
             key(SDL_KEYDOWN, SDL_SCANCODE_BACKSPACE), key(SDL_KEYUP, SDL_SCANCODE_BACKSPACE)});
    frame();
    EXPECT_STREQ(buffer, "");
}
