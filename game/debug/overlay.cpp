// The overlay's frame: menu bar, layout, the error badge, and the small Frame and Controls panels.
#include "game/debug/overlay.h"

#include "game/debug/overlay_text.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace game {

namespace {
void push(std::deque<float>& history, float value, size_t cap) {
    history.push_back(value);
    while (history.size() > cap)
        history.pop_front();
}
std::vector<float> values(const std::deque<float>& d) {
    return std::vector<float>(d.begin(), d.end());
}
} // namespace

bool writeFileAtomically(const std::string& path, const std::string& text, std::string* error) {
    const std::string tmp = path + ".arena-save.tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << text;
        out.flush();
        if (!out) {
            std::error_code ignored;
            std::filesystem::remove(tmp, ignored);
            *error = "cannot write " + tmp + " (read-only disk or folder?): nothing was changed";
            return false;
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        *error = "cannot replace " + path + ": " + ec.message() + " (nothing was changed)";
        return false;
    }
    return true;
}

void Overlay::place(const char* name, float x, float y, float w, float h) {
    (void)name;
    ImGui::SetNextWindowPos(ImVec2(x, y), m_arrange ? ImGuiCond_Always : ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(w, h), m_arrange ? ImGuiCond_Always : ImGuiCond_FirstUseEver);
}

void Overlay::draw(const OverlayModel& model, OverlayActions& actions) {
    push(m_tickMs, float(model.tickMs), kHistory);
    push(m_thinkMs, float(model.thinkWallMs), kHistory);
    push(m_luaKb, float(model.totalLuaKb), kHistory);
    m_vmBusy.resize(model.vms.size());
    for (size_t v = 0; v < model.vms.size(); ++v)
        push(m_vmBusy[v],
             model.thinkWallMs > 0 ? float(model.vms[v].busyMs / model.thinkWallMs) : 0.0f,
             kHistory);

    drawBadge(model);
    if (!m_visible)
        return;
    drawMenu(model);
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    const float top = 22, colW = size.x / 3;
    if (m_windows.pool) {
        place("VM pool", 0, top, colW, size.y * 0.45f);
        drawPool(model, actions);
    }
    if (m_windows.scripts) {
        place("Scripts", colW, top, colW * 2, size.y * 0.3f);
        drawScripts(model, actions);
    }
    if (m_windows.inspector) {
        place("Inspector", colW * 2, top + size.y * 0.3f, colW, size.y * 0.7f - top);
        drawInspector(model, actions);
    }
    if (m_windows.frame) {
        place("Frame", 0, top + size.y * 0.45f, colW, size.y * 0.3f);
        drawFrame(model);
    }
    if (m_windows.controls) {
        place("Controls", 0, top + size.y * 0.75f, colW, size.y * 0.25f - top);
        drawControls(model, actions);
    }
    if (m_windows.console) {
        place("Error console", colW, top + size.y * 0.3f, colW, size.y * 0.7f - top);
        drawConsole(model, actions);
    }
    if (m_windows.editor) {
        place("Script editor", colW * 0.5f, top + 20, colW * 1.6f, size.y * 0.8f);
        drawEditor(model, actions);
    }
    m_arrange = false;
}

void Overlay::drawMenu(const OverlayModel& model) {
    if (!ImGui::BeginMainMenuBar())
        return;
    if (ImGui::BeginMenu("Windows")) {
        ImGui::MenuItem("VM pool", nullptr, &m_windows.pool);
        ImGui::MenuItem("Scripts", nullptr, &m_windows.scripts);
        ImGui::MenuItem("Inspector", nullptr, &m_windows.inspector);
        ImGui::MenuItem("Frame", nullptr, &m_windows.frame);
        ImGui::MenuItem("Controls", nullptr, &m_windows.controls);
        ImGui::MenuItem("Error console", nullptr, &m_windows.console);
        ImGui::MenuItem("Script editor", nullptr, &m_windows.editor);
        ImGui::Separator();
        if (ImGui::MenuItem("Arrange"))
            m_arrange = true;
        ImGui::EndMenu();
    }
    overlay_text::say("   F1 hides the overlay   |   tick %llu   %.0f FPS   %zu enemies   %d VMs%s",
                      static_cast<unsigned long long>(model.tick), double(model.fps), model.enemies,
                      model.poolSize, model.paused ? "   PAUSED" : "");
    ImGui::EndMainMenuBar();
}

void Overlay::drawBadge(const OverlayModel& model) {
    const uint64_t count = model.errors ? model.errors->errorCount() : 0;
    if (count == 0)
        return;
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(size.x - 10, m_visible ? 30.0f : 10.0f), ImGuiCond_Always,
                            ImVec2(1, 0));
    ImGui::SetNextWindowBgAlpha(0.8f);
    ImGui::Begin("##errorbadge", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                     ImGuiWindowFlags_NoNav);
    overlay_text::colored(ImVec4(1.0f, 0.45f, 0.35f, 1), "%llu script error%s",
                          static_cast<unsigned long long>(count), count == 1 ? "" : "s");
    if (ImGui::IsItemClicked()) {
        m_visible = true;
        m_windows.console = true;
    }
    ImGui::End();
}

void Overlay::drawFrame(const OverlayModel& model) {
    if (!ImGui::Begin("Frame", &m_windows.frame)) {
        ImGui::End();
        return;
    }
    overlay_text::say("FPS %.1f   tick %.3f ms   render %.3f ms", double(model.fps), model.tickMs,
                      model.renderMs);
    overlay_text::say("enemies %zu   bullets %zu   Lua memory %.0f KiB", model.enemies,
                      model.bullets, model.totalLuaKb);
    if (ImGui::BeginTable("phases", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        for (size_t i = 0; i < kPhaseNames.size(); ++i) {
            ImGui::TableNextColumn();
            overlay_text::raw(kPhaseNames[i]);
            ImGui::TableNextColumn();
            overlay_text::say("%.3f ms", model.lastTick.ms[i]);
        }
        ImGui::TableNextColumn();
        overlay_text::raw("render");
        ImGui::TableNextColumn();
        overlay_text::say("%.3f ms", model.renderMs);
        ImGui::EndTable();
    }
    const auto tick = values(m_tickMs);
    ImGui::PlotLines("tick ms", tick.data(), int(tick.size()), 0, nullptr, 0.0f, FLT_MAX,
                     ImVec2(0, 50));
    const auto lua = values(m_luaKb);
    ImGui::PlotLines("Lua KiB", lua.data(), int(lua.size()), 0, nullptr, FLT_MAX, FLT_MAX,
                     ImVec2(0, 40));
    ImGui::End();
}

void Overlay::drawControls(const OverlayModel& model, OverlayActions& actions) {
    if (!ImGui::Begin("Controls", &m_windows.controls)) {
        ImGui::End();
        return;
    }
    if (ImGui::Button(model.paused ? "Resume" : "Pause"))
        actions.setPaused(!model.paused);
    ImGui::SameLine();
    if (ImGui::Button("Step"))
        actions.stepOnce();
    ImGui::SameLine();
    float scale = model.timeScale;
    ImGui::SetNextItemWidth(120);
    if (ImGui::SliderFloat("time scale", &scale, 0.1f, 4.0f, "%.2fx"))
        actions.setTimeScale(scale);
    if (!model.enemyTypes.empty()) {
        m_spawnType = std::clamp(m_spawnType, 0, int(model.enemyTypes.size()) - 1);
        ImGui::SetNextItemWidth(110);
        if (ImGui::BeginCombo("##type", model.enemyTypes[size_t(m_spawnType)].c_str())) {
            for (size_t i = 0; i < model.enemyTypes.size(); ++i)
                if (ImGui::Selectable(model.enemyTypes[i].c_str(), int(i) == m_spawnType))
                    m_spawnType = int(i);
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        ImGui::SetNextItemWidth(90);
        ImGui::InputInt("##count", &m_spawnCount, 100, 10000);
        m_spawnCount = std::clamp(m_spawnCount, 1, 100000);
        ImGui::SameLine();
        if (ImGui::Button("Spawn"))
            actions.spawn(model.enemyTypes[size_t(m_spawnType)], m_spawnCount);
    }
    if (ImGui::Button("Clear enemies"))
        actions.clearEnemies();
    ImGui::SameLine();
    bool jit = model.jitEnabled;
    if (ImGui::Checkbox("JIT in the pool", &jit))
        actions.setJit(jit);
    ImGui::SetNextItemWidth(150);
    if (!ImGui::IsItemActive() && m_poolDraft == 0)
        m_poolDraft = model.poolSize;
    ImGui::SliderInt("pool size", &m_poolDraft, 1, std::max(1, model.maxPoolSize));
    if (ImGui::IsItemDeactivatedAfterEdit() && m_poolDraft != model.poolSize)
        actions.setPoolSize(m_poolDraft); // once, on release: a resize rebuilds VMs
    if (!ImGui::IsItemActive())
        m_poolDraft = 0;
    ImGui::End();
}

} // namespace game
