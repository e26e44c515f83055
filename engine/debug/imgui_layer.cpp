#include "engine/debug/imgui_layer.h"

#include "engine/platform/window.h"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <algorithm>

namespace engine {

namespace {

// ImGui's MouseDown index for an SDL button (the backend knows these three), or -1.
int imguiButton(Uint8 sdlButton) {
    switch (sdlButton) {
    case SDL_BUTTON_LEFT: return 0;
    case SDL_BUTTON_RIGHT: return 1;
    case SDL_BUTTON_MIDDLE: return 2;
    default: return -1;
    }
}

bool isModifier(int scancode) {
    return scancode >= SDL_SCANCODE_LCTRL && scancode <= SDL_SCANCODE_RGUI;
}

// Never reached: a held key repeats only when the OS sends another KEYDOWN.
constexpr float kNoKeyRepeat = 1e30f;

} // namespace

ImGuiLayer::~ImGuiLayer() {
    if (!m_initialised)
        return;
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
}

bool ImGuiLayer::init(Window& window) {
    if (m_initialised)
        return true;
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // the layout is the game's choice, not a file on the user's disk
    io.LogFilename = nullptr;
    m_repeatDelay = io.KeyRepeatDelay;
    ImGui::StyleColorsDark();

    if (!ImGui_ImplSDL2_InitForOpenGL(window.sdlWindow(), window.glContext())) {
        ImGui::DestroyContext();
        return false;
    }
    if (!ImGui_ImplOpenGL3_Init("#version 330 core")) {
        ImGui_ImplSDL2_Shutdown();
        ImGui::DestroyContext();
        return false;
    }
    m_initialised = true;
    return true;
}

void ImGuiLayer::processEvent(const SDL_Event& event) {
    if (m_initialised)
        m_queued.push_back(event);
}

void ImGuiLayer::feed(std::span<const SDL_Event> batch) {
    ImGuiIO& io = ImGui::GetIO();
    for (const SDL_Event& e : batch) {
        ImGui_ImplSDL2_ProcessEvent(&e);
        switch (e.type) {
        case SDL_KEYDOWN:
        case SDL_KEYUP: {
            // The backend reads the modifiers SDL holds now, after the whole frame's events; the
            // event's own say what they were when it happened (Ctrl+Z typed within one frame).
            const Uint16 mod = e.key.keysym.mod;
            io.KeyShift = (mod & KMOD_SHIFT) != 0;
            io.KeyCtrl = (mod & KMOD_CTRL) != 0;
            io.KeyAlt = (mod & KMOD_ALT) != 0;
            io.KeySuper = (mod & KMOD_GUI) != 0;
            break;
        }
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            if (const int b = imguiButton(e.button.button); b >= 0)
                m_mouseHeld[b] = e.type == SDL_MOUSEBUTTONDOWN;
            m_mouseMoved = m_mouseSeen = true;
            m_mouseX = float(e.button.x);
            m_mouseY = float(e.button.y);
            break;
        case SDL_MOUSEMOTION:
            m_mouseMoved = m_mouseSeen = true;
            m_mouseX = float(e.motion.x);
            m_mouseY = float(e.motion.y);
            break;
        case SDL_WINDOWEVENT:
            if (e.window.event == SDL_WINDOWEVENT_LEAVE)
                m_mouseSeen = false; // gone: no hover where it left
            break;
        default: break;
        }
    }
}

void ImGuiLayer::newFrame(bool catchingUp) {
    ImGuiIO& io = ImGui::GetIO();
    bool keyHeld = false;
    for (int k = 0; k < IM_ARRAYSIZE(io.KeysDown) && !keyHeld; ++k)
        keyHeld = io.KeysDown[k] && !isModifier(k);
    io.KeyRepeatDelay = keyHeld ? kNoKeyRepeat : m_repeatDelay;
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    // Back-to-back frames: the clock may not have moved, and ImGui needs time to pass.
    io.DeltaTime = std::max(io.DeltaTime, 1e-6f);
    if (catchingUp) {
        // The backend reads the pointer and its buttons as SDL holds them now, after the whole
        // frame's events; a batch before the last must see them as its own events left them.
        for (int b = 0; b < 3; ++b)
            io.MouseDown[b] = m_mouseHeld[b];
    }
    // The pointer where SDL's events left it, in the last batch too. The backend reads it from
    // the system instead, and only while the window has the keyboard's focus: without focus (no
    // window manager) it said "nowhere", and with it, during a drag (the mouse captured, under
    // Xvfb) it kept returning where the press was, so a slider jumped back every other frame.
    if (m_mouseSeen)
        io.MousePos = ImVec2(m_mouseX, m_mouseY);
    ImGui::NewFrame();
}

void ImGuiLayer::frame(const std::function<void()>& draw) {
    if (!m_initialised)
        return;
    splitInputBatches(m_queued, m_batches);
    m_queued.clear();
    // Each button as it was before this frame's first event for it (SDL's state now, undone).
    const Uint32 sdlButtons = SDL_GetMouseState(nullptr, nullptr);
    for (Uint8 b : {Uint8(SDL_BUTTON_LEFT), Uint8(SDL_BUTTON_RIGHT), Uint8(SDL_BUTTON_MIDDLE)})
        m_mouseHeld[imguiButton(b)] = (sdlButtons & SDL_BUTTON(b)) != 0;
    for (auto it = m_batches.events.rbegin(); it != m_batches.events.rend(); ++it)
        if (it->type == SDL_MOUSEBUTTONDOWN || it->type == SDL_MOUSEBUTTONUP)
            if (const int b = imguiButton(it->button.button); b >= 0)
                m_mouseHeld[b] = it->type == SDL_MOUSEBUTTONUP;
    m_mouseMoved = false;

    const size_t batches = m_batches.count();
    for (size_t i = 0; i + 1 < batches; ++i) {
        feed(m_batches.batch(i));
        newFrame(/*catchingUp=*/true);
        draw();
        ImGui::EndFrame(); // seen by the widgets, never drawn
    }
    if (batches > 0)
        feed(m_batches.batch(batches - 1));
    newFrame(/*catchingUp=*/false);
    draw();
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    m_lastBatches = int(std::max<size_t>(batches, 1));
}

bool ImGuiLayer::wantsKeyboard() const {
    return m_initialised && ImGui::GetIO().WantCaptureKeyboard;
}

bool ImGuiLayer::wantsMouse() const {
    return m_initialised && ImGui::GetIO().WantCaptureMouse;
}

bool ImGuiLayer::mouseHeld() const {
    return m_initialised && ImGui::IsAnyMouseDown();
}

} // namespace engine
