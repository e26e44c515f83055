// The overlay's frame: menu bar, layout, the error badge, and the small Frame and Controls panels.
#include "game/debug/overlay.h"

#include "game/debug/overlay_text.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

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

LayoutRect Overlay::arenaRect(float width, float height) const {
    if (!m_visible)
        return {0, 0, width, height};
    return layOut(m_layout, width, height, m_menuHeight).arena;
}

bool Overlay::takeLayoutChanged() {
    const bool changed = m_layoutChanged;
    m_layoutChanged = false;
    return changed;
}

bool Overlay::beginPanel(Panel panel) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    if (m_rects.panels[size_t(panel)].w <= 0) // opened during this frame, after the layout
        m_rects = layOut(m_layout, display.x, display.y, m_menuHeight);
    const LayoutRect& r = m_rects.panels[size_t(panel)];
    ImGui::SetNextWindowPos(ImVec2(r.x, r.y), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(r.w, r.h), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(1.0f); // the workbench is opaque: the arena has its own space
    const bool shown = ImGui::Begin(panelTitle(panel), &isOpen(panel),
                                    ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                        ImGuiWindowFlags_NoSavedSettings);
    // A drag on a border moved this window within the frame: that is the user's new split.
    const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    const LayoutRect actual{pos.x, pos.y, size.x, size.y};
    if (!m_resizedThisFrame &&
        (std::fabs(actual.x - r.x) > 0.5f || std::fabs(actual.y - r.y) > 0.5f ||
         std::fabs(actual.w - r.w) > 0.5f || std::fabs(actual.h - r.h) > 0.5f)) {
        m_layout = resizedBy(m_layout, panel, r, actual, display.x, display.y, m_menuHeight);
        m_resizedThisFrame = true;
        m_layoutChanged = true;
    }
    return shown;
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
    if (model.selected.valid && !model.selected.destroyed) {
        m_seenId = model.selected.id;
        m_seenType = model.selected.type;
    }

    drawBadge(model);
    if (!m_visible)
        return;
    std::vector<ScriptTickSample> samples;
    for (const ScriptRow& s : model.scripts)
        if (s.slot >= 0) {
            samples.resize(std::max(samples.size(), size_t(s.slot) + 1));
            samples[size_t(s.slot)] = s.lastTick;
        }
    m_costs.addTick(model.tick, samples);

    const WorkbenchLayout before = m_layout;
    m_menuHeight = ImGui::GetFrameHeight();
    drawMenu(model);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    m_rects = layOut(m_layout, display.x, display.y, m_menuHeight);
    m_resizedThisFrame = false;
    if (isOpen(Panel::Pool))
        drawPool(model, actions);
    if (isOpen(Panel::Scripts))
        drawScripts(model, actions);
    if (isOpen(Panel::Inspector))
        drawInspector(model, actions);
    if (isOpen(Panel::Frame))
        drawFrame(model);
    if (isOpen(Panel::Controls))
        drawControls(model, actions);
    if (isOpen(Panel::Console))
        drawConsole(model, actions);
    if (isOpen(Panel::Editor))
        drawEditor(model, actions);
    if (isOpen(Panel::TimeTravel))
        drawTimeTravel(model, actions);
    if (isOpen(Panel::Debugger))
        drawDebugger(model, actions);
    for (size_t i = 0; i < kPanelCount; ++i) // closed with a window's x, or from the menu
        m_layoutChanged = m_layoutChanged || before.panels[i].open != m_layout.panels[i].open;
    m_layoutChanged = m_layoutChanged || before.pauseWhenOpen != m_layout.pauseWhenOpen;
}

void Overlay::drawMenu(const OverlayModel& model) {
    if (!ImGui::BeginMainMenuBar())
        return;
    if (ImGui::BeginMenu("Windows")) {
        for (size_t i = 0; i < kPanelCount; ++i)
            ImGui::MenuItem(panelTitle(Panel(i)), nullptr, &m_layout.panels[i].open);
        ImGui::Separator();
        ImGui::MenuItem("Pause the round while the overlay is open", nullptr,
                        &m_layout.pauseWhenOpen);
        if (ImGui::MenuItem("Reset the layout")) {
            m_layout = defaultWorkbenchLayout();
            m_layoutChanged = true;
        }
        ImGui::EndMenu();
    }
    overlay_text::say("  F1 hides   tick %llu   %.0f FPS   %zu enemies   %d VMs%s",
                      static_cast<unsigned long long>(model.tick), double(model.fps), model.enemies,
                      model.poolSize, model.paused ? "   PAUSED" : "");
    const uint64_t errors = model.errors ? model.errors->errorCount() : 0;
    if (errors > 0) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.45f, 0.35f, 1));
        char label[48];
        std::snprintf(label, sizeof label, "%llu script error%s",
                      static_cast<unsigned long long>(errors), errors == 1 ? "" : "s");
        if (ImGui::MenuItem(label))
            isOpen(Panel::Console) = true;
        ImGui::PopStyleColor();
    }
    ImGui::EndMainMenuBar();
}

void Overlay::drawBadge(const OverlayModel& model) {
    const uint64_t count = model.errors ? model.errors->errorCount() : 0;
    if (count == 0 || m_visible) // open, the menu bar carries the count
        return;
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(size.x - 10, 10.0f), ImGuiCond_Always, ImVec2(1, 0));
    ImGui::SetNextWindowBgAlpha(0.8f);
    ImGui::Begin("##errorbadge", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                     ImGuiWindowFlags_NoNav);
    overlay_text::colored(ImVec4(1.0f, 0.45f, 0.35f, 1), "%llu script error%s",
                          static_cast<unsigned long long>(count), count == 1 ? "" : "s");
    if (ImGui::IsItemClicked()) {
        m_visible = true;
        isOpen(Panel::Console) = true;
    }
    ImGui::End();
}

void Overlay::drawFrame(const OverlayModel& model) {
    if (!beginPanel(Panel::Frame)) {
        ImGui::End();
        return;
    }
    overlay_text::say("FPS %.1f   tick %.3f ms", double(model.fps), model.tickMs);
    overlay_text::say("enemies %zu   bullets %zu", model.enemies, model.bullets);
    overlay_text::say("Lua memory %.0f KiB (every VM)", model.totalLuaKb);
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
    if (!beginPanel(Panel::Controls)) {
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
        ImGui::BeginDisabled(model.travel.shownTick != 0); // the past is only shown
        if (ImGui::Button("Spawn"))
            actions.spawn(model.enemyTypes[size_t(m_spawnType)], m_spawnCount);
        ImGui::EndDisabled();
    }
    ImGui::BeginDisabled(model.travel.shownTick != 0);
    if (ImGui::Button("Clear enemies"))
        actions.clearEnemies();
    ImGui::EndDisabled();
    ImGui::SameLine();
    bool jit = model.jitEnabled;
    if (ImGui::Checkbox("JIT in the pool", &jit))
        actions.setJit(jit);
    bool shake = model.screenShake; // its own line: a narrow column must not cut it off
    if (ImGui::Checkbox("screen shake", &shake))
        actions.setScreenShake(shake);
    ImGui::SetNextItemWidth(150);
    if (!ImGui::IsItemActive() && m_poolDraft == 0)
        m_poolDraft = model.poolSize;
    ImGui::SliderInt("pool size", &m_poolDraft, 1, std::max(1, model.maxPoolSize));
    if (ImGui::IsItemDeactivatedAfterEdit() && m_poolDraft != model.poolSize)
        actions.setPoolSize(m_poolDraft); // once, on release: a resize rebuilds VMs
    if (!ImGui::IsItemActive())
        m_poolDraft = 0;
    bool muted = model.muted;
    if (ImGui::Checkbox("mute (M)", &muted))
        actions.setMuted(muted);
    ImGui::SameLine();
    float volume = model.volume;
    ImGui::SetNextItemWidth(150);
    if (ImGui::SliderFloat("volume", &volume, 0.0f, 1.0f, "%.2f"))
        actions.setVolume(volume);
    ImGui::End();
}

} // namespace game
