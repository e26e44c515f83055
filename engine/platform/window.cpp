#include "engine/platform/window.h"

#include "engine/render/gl.h"

#include <SDL.h>

namespace engine {

namespace {

void setError(std::string* error, const std::string& message) {
    if (error)
        *error = message;
}

} // namespace

std::unique_ptr<Window> Window::create(const WindowDef& def, std::string* error) {
    // The private constructor rules out make_unique.
    std::unique_ptr<Window> window(new Window());

    // SDL reference-counts subsystems, so this pairs with the QuitSubSystem in the destructor
    // without tearing down a video subsystem the caller initialised for itself.
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
        setError(error, std::string("SDL_InitSubSystem(VIDEO) failed: ") + SDL_GetError());
        return nullptr;
    }
    window->m_ownsVideo = true;

    // Must happen between SDL_Init and SDL_CreateWindow: set later, SDL ignores them and the
    // driver hands out a compatibility context without any error.
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, SDL_GL_CONTEXT_FORWARD_COMPATIBLE_FLAG);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_RED_SIZE, 8);
    SDL_GL_SetAttribute(SDL_GL_GREEN_SIZE, 8);
    SDL_GL_SetAttribute(SDL_GL_BLUE_SIZE, 8);
    // 2D only: no depth or stencil buffer to clear every frame.
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);

    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
    if (def.resizable)
        flags |= SDL_WINDOW_RESIZABLE;
    flags |= def.hidden ? SDL_WINDOW_HIDDEN : SDL_WINDOW_SHOWN;

    window->m_window = SDL_CreateWindow(def.title.c_str(), SDL_WINDOWPOS_CENTERED,
                                        SDL_WINDOWPOS_CENTERED, def.width, def.height, flags);
    if (!window->m_window) {
        setError(error, std::string("SDL_CreateWindow failed: ") + SDL_GetError());
        return nullptr;
    }

    window->m_context = SDL_GL_CreateContext(window->m_window);
    if (!window->m_context) {
        setError(error, std::string("SDL_GL_CreateContext failed: ") + SDL_GetError());
        return nullptr;
    }
    if (SDL_GL_MakeCurrent(window->m_window, window->m_context) != 0) {
        setError(error, std::string("SDL_GL_MakeCurrent failed: ") + SDL_GetError());
        return nullptr;
    }

    // Drivers may return a different context than requested; the renderer relies on 3.3 core
    // (VAOs, GLSL 330), so a silent downgrade is reported here rather than as a black screen.
    GLint major = 0, minor = 0, profile = 0;
    glGetIntegerv(GL_MAJOR_VERSION, &major);
    glGetIntegerv(GL_MINOR_VERSION, &minor);
    glGetIntegerv(GL_CONTEXT_PROFILE_MASK, &profile);
    if (major < 3 || (major == 3 && minor < 3)) {
        setError(error,
                 "OpenGL 3.3 required, got " + std::to_string(major) + "." + std::to_string(minor));
        return nullptr;
    }
    if ((profile & GL_CONTEXT_CORE_PROFILE_BIT) == 0) {
        setError(error, "OpenGL core profile requested, got a compatibility context");
        return nullptr;
    }

    // Vsync is a preference: the offscreen driver and some compositors refuse it, and running
    // unsynchronised beats not running.
    SDL_GL_SetSwapInterval(def.vsync ? 1 : 0);
    return window;
}

Window::~Window() {
    if (m_context)
        SDL_GL_DeleteContext(m_context);
    if (m_window)
        SDL_DestroyWindow(m_window);
    if (m_ownsVideo)
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
}

glm::ivec2 Window::drawableSize() const {
    int width = 0, height = 0;
    SDL_GL_GetDrawableSize(m_window, &width, &height);
    return {width, height};
}

int Window::refreshRate() const {
    SDL_DisplayMode mode{};
    const int display = SDL_GetWindowDisplayIndex(m_window);
    if (display < 0 || SDL_GetCurrentDisplayMode(display, &mode) != 0)
        return 0;
    return mode.refresh_rate;
}

void Window::swap() {
    SDL_GL_SwapWindow(m_window);
}

} // namespace engine
