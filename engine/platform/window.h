#pragma once
// Window: an SDL2 window with an OpenGL 3.3 core context.
//
// Contract:
// - create() initialises SDL's video subsystem if needed and sets the GL attributes before the
//   window exists (otherwise SDL silently hands out a compatibility context).
// - Works with SDL_VIDEODRIVER=offscreen (EGL, no X server) and under Xvfb.
// - On failure returns nullptr and fills *error with SDL's message.
#include <glm/vec2.hpp>

#include <memory>
#include <string>

struct SDL_Window;

namespace engine {

struct WindowDef {
    std::string title = "Arena";
    int width = 1280;
    int height = 720;
    bool resizable = true;
    bool hidden = false; // screenshots render without showing the window
    bool vsync = true;
};

inline WindowDef defaultWindowDef() {
    return WindowDef{};
}

class Window {
public:
    static std::unique_ptr<Window> create(const WindowDef& def, std::string* error);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    SDL_Window* sdlWindow() const { return m_window; }
    void* glContext() const { return m_context; }
    glm::ivec2 drawableSize() const; // in pixels
    int refreshRate() const;         // of the display the window is on, in Hz; 0: unknown
    void swap();

private:
    Window() = default;
    SDL_Window* m_window = nullptr;
    void* m_context = nullptr;
    bool m_ownsVideo = false; // create() took a reference on SDL's video subsystem
};

} // namespace engine
