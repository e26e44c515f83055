#include "engine/debug/imgui_layer.h"

#include "engine/platform/window.h"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

namespace engine {

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
        ImGui_ImplSDL2_ProcessEvent(&event);
}

void ImGuiLayer::beginFrame() {
    if (!m_initialised)
        return;
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
}

void ImGuiLayer::endFrame() {
    if (!m_initialised)
        return;
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

bool ImGuiLayer::wantsKeyboard() const {
    return m_initialised && ImGui::GetIO().WantCaptureKeyboard;
}

bool ImGuiLayer::wantsMouse() const {
    return m_initialised && ImGui::GetIO().WantCaptureMouse;
}

} // namespace engine
