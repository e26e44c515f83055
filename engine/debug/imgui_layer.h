#pragma once
// ImGuiLayer: Dear ImGui wired to SDL2 and OpenGL3 (the backends inside Debian's libimgui).
// Knows nothing of the game: it queues events and runs frames of a UI it is handed.
//
// Contract: init() after the window's GL context exists; processEvent() for every SDL event, then
// frame() once per rendered frame; no imgui.ini is written (the layout is the game's choice, not
// the user's disk's).
//
// ImGui 1.86 sees keys and mouse buttons as one state per frame, so at a low frame rate taps and
// auto-repeats within one frame would be lost. frame() cuts the queued events into batches
// (input_batches.h) and runs the UI once per batch: every batch but the last in an ImGui frame
// that is ended and never rendered, the last in the rendered one. Every transition reaches the
// widgets in the same wall-clock frame.
//
// Key repeat follows the OS (each auto-repeat is a fresh press), so ImGui's own typematic repeat
// is off while a non-modifier key is held; it still repeats held mouse buttons (InputInt's +/-).
#include "engine/debug/input_batches.h"

#include <functional>
#include <span>
#include <vector>

namespace engine {

class Window;

class ImGuiLayer {
public:
    ImGuiLayer() = default;
    ~ImGuiLayer();
    ImGuiLayer(const ImGuiLayer&) = delete;
    ImGuiLayer& operator=(const ImGuiLayer&) = delete;

    bool init(Window& window);
    void processEvent(const SDL_Event& event); // queued for the next frame()
    /// Runs `draw` (the UI, between NewFrame and EndFrame) once per batch of the queued events and
    /// renders the last run into the current framebuffer.
    void frame(const std::function<void()>& draw);
    bool wantsKeyboard() const;
    bool wantsMouse() const;
    /// A mouse button is held on the UI (a drag, a +/- button repeating): frames must keep coming.
    bool mouseHeld() const;
    /// ImGui frames the last frame() ran (1 + the unrendered ones), for tests and diagnostics.
    int lastFrameBatches() const { return m_lastBatches; }

private:
    void feed(std::span<const SDL_Event> batch);
    void newFrame(bool catchingUp);

    bool m_initialised = false;
    std::vector<SDL_Event> m_queued;
    InputBatches m_batches;
    float m_repeatDelay = 0;   // ImGui's own, for mouse buttons
    bool m_mouseHeld[3] = {};  // left, right, middle as the batches fed so far leave them
    bool m_mouseMoved = false; // a batch fed this frame gave a pointer position
    bool m_mouseSeen = false;  // the pointer is over the window, at m_mouseX, m_mouseY
    float m_mouseX = 0, m_mouseY = 0;
    int m_lastBatches = 0;
};

} // namespace engine
