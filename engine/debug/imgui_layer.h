#pragma once
// ImGuiLayer: Dear ImGui wired to SDL2 and OpenGL3 (the backends inside Debian's libimgui).
// Knows nothing of the game: it starts and ends frames and forwards events.
//
// Contract: init() after the window's GL context exists; beginFrame()/endFrame() once per rendered
// frame; no imgui.ini is written (the layout is the game's choice, not the user's disk's).
union SDL_Event;

namespace engine {

class Window;

class ImGuiLayer {
public:
    ImGuiLayer() = default;
    ~ImGuiLayer();
    ImGuiLayer(const ImGuiLayer&) = delete;
    ImGuiLayer& operator=(const ImGuiLayer&) = delete;

    bool init(Window& window);
    void processEvent(const SDL_Event& event);
    void beginFrame();
    void endFrame(); // renders the draw data into the current framebuffer
    bool wantsKeyboard() const;
    bool wantsMouse() const;

private:
    bool m_initialised = false;
};

} // namespace engine
