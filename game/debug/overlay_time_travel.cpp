// Time travel: the session's ticks on a slider. Letting go of it (or a step button) shows that
// tick's world, re-simulated from the recording in a world of its own while the live round waits;
// "Live" comes back. "Debug think" traces the selected enemy's think at the tick shown.
#include "game/debug/overlay.h"
#include "game/debug/overlay_text.h"

#include <imgui.h>

#include <algorithm>

namespace game {

void Overlay::drawTimeTravel(const OverlayModel& model, OverlayActions& actions) {
    if (!beginPanel(Panel::TimeTravel)) {
        ImGui::End();
        return;
    }
    const OverlayModel::TimeTravelInfo& t = model.travel;
    if (!t.available || t.liveTick == 0) {
        overlay_text::disabled(t.available ? "nothing recorded yet: the first tick comes soon"
                                           : "this run is not recorded (nothing to travel to)");
        ImGui::End();
        return;
    }
    const bool past = t.shownTick != 0;
    const uint64_t shown = past ? t.shownTick : t.liveTick;
    if (!m_travelDragging)
        m_travelDraft = int(shown);
    const auto seek = [&](int64_t tick) {
        actions.seekTo(uint64_t(std::clamp<int64_t>(tick, 1, int64_t(t.liveTick))));
    };
    ImGui::BeginDisabled(!past);
    if (ImGui::Button("Live"))
        actions.seekTo(0);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("back to the live game (it waited, paused, while you looked back)");
    for (const auto& [label, delta] :
         {std::pair{"-1 s", -60}, {"-1", -1}, {"+1", 1}, {"+1 s", 60}}) {
        ImGui::SameLine();
        if (ImGui::Button(label))
            seek(int64_t(shown) + delta);
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(m_selected.isNull());
    if (ImGui::Button("Debug think"))
        debugThink(actions, m_selected, shown);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip(m_selected.isNull()
                              ? "select an enemy first (right click it, or pick it in the "
                                "inspector or an error's object button)"
                              : "trace the selected enemy's think at this tick, line by line");
    if (past)
        overlay_text::colored(ImVec4(1.0f, 0.8f, 0.35f, 1), "the past: tick %llu of %llu",
                              static_cast<unsigned long long>(shown),
                              static_cast<unsigned long long>(t.liveTick));
    else
        overlay_text::say("live: tick %llu", static_cast<unsigned long long>(t.liveTick));
    ImGui::SetNextItemWidth(-1);
    const bool moved = ImGui::SliderInt("##tick", &m_travelDraft, 1, int(t.liveTick), "tick %d");
    m_travelDragging = ImGui::IsItemActive();
    // Dragged forwards, the past plays on as the slider moves (a few ticks a frame is cheap);
    // backwards means starting again from tick 0, so that waits until the slider is let go.
    if (moved && m_travelDragging && past && uint64_t(m_travelDraft) > shown)
        seek(m_travelDraft);
    if (ImGui::IsItemDeactivatedAfterEdit())
        seek(m_travelDraft);
    if (!t.error.empty())
        overlay_text::colored(ImVec4(1, 0.5f, 0.4f, 1), "%s", t.error.c_str());
    else if (t.lastSeekTicks > 0 || t.lastSeekMs > 0)
        overlay_text::disabled("last seek: %llu ticks re-simulated in %.0f ms; %zu changes "
                               "recorded",
                               static_cast<unsigned long long>(t.lastSeekTicks), t.lastSeekMs,
                               t.changes);
    else
        overlay_text::disabled("let go of the slider to see that tick (dragged forwards, the past "
                               "plays along); the live round waits");
    ImGui::End();
}

void Overlay::debugThink(OverlayActions& actions, engine::ObjectId enemy, uint64_t tick) {
    m_selected = enemy;
    actions.select(enemy);
    actions.debugThink(enemy, tick, nullptr);
    isOpen(Panel::Debugger) = true;
    isOpen(Panel::TimeTravel) = true;
}

} // namespace game
