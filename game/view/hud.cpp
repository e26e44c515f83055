#include "game/view/hud.h"

#include <imgui.h>

namespace game {

namespace {
struct Area {
    ImVec2 min, size;
};
Area arenaArea(const HudState& state) {
    if (state.arenaSize.x <= 0 || state.arenaSize.y <= 0)
        return {ImVec2(0, 0), ImGui::GetIO().DisplaySize};
    return {ImVec2(state.arenaMin.x, state.arenaMin.y),
            ImVec2(state.arenaSize.x, state.arenaSize.y)};
}

void banner(const Area& area, const char* id, const char* title, const char* subtitle) {
    ImGui::SetNextWindowPos(
        ImVec2(area.min.x + area.size.x * 0.5f, area.min.y + area.size.y * 0.42f), ImGuiCond_Always,
        ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowBgAlpha(0.75f);
    ImGui::Begin(id, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                     ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs);
    ImGui::SetWindowFontScale(2.0f);
    ImGui::TextUnformatted(title);
    ImGui::SetWindowFontScale(1.0f);
    ImGui::TextUnformatted(subtitle);
    ImGui::End();
}
} // namespace

void drawHud(const Game& game, const HudState& state) {
    const engine::Player& p = game.world().player;
    const Area area = arenaArea(state);
    ImGui::SetNextWindowPos(ImVec2(area.min.x + 8, area.min.y + 8), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.55f);
    ImGui::Begin("HUD", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                     ImGuiWindowFlags_NoNav);
    const float health = p.maxHp > 0 ? p.hp / p.maxHp : 0.0f;
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, health > 0.5f    ? ImVec4(0.3f, 0.85f, 0.45f, 1)
                                                  : health > 0.25f ? ImVec4(0.95f, 0.75f, 0.2f, 1)
                                                                   : ImVec4(0.95f, 0.3f, 0.25f, 1));
    char hp[32];
    std::snprintf(hp, sizeof hp, "HP %.0f / %.0f", double(p.hp), double(p.maxHp));
    ImGui::ProgressBar(health, ImVec2(200, 0), hp);
    ImGui::PopStyleColor();
    ImGui::Text("Score %lld   Best %lld", static_cast<long long>(game.counters().score),
                static_cast<long long>(game.counters().bestScore));
    ImGui::Text("Wave %d   Enemies %zu", game.wave(), game.world().enemies.size());
    ImGui::Text("FPS %.0f", double(state.fps));
    ImGui::End();

    if (!state.notice.empty()) { // a reload's outcome, at the bottom: refused in red
        ImGui::SetNextWindowPos(
            ImVec2(area.min.x + area.size.x * 0.5f, area.min.y + area.size.y - 8.0f),
            ImGuiCond_Always, ImVec2(0.5f, 1.0f));
        ImGui::SetNextWindowBgAlpha(0.7f);
        ImGui::Begin("##reload", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                         ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs);
        ImGui::TextColored(state.noticeRefused ? ImVec4(1.0f, 0.45f, 0.4f, 1)
                                               : ImVec4(0.55f, 0.95f, 0.6f, 1),
                           "%s", state.notice.c_str());
        ImGui::End();
    }
    if (state.attract)
        banner(area, "##attract", "ARENA",
               "Demo: press any key to play.   WASD move, mouse aim, click/space fire");
    else if (game.roundOver())
        banner(area, "##gameover", "GAME OVER", "Press R to restart");
    else if (state.confirmRestart)
        banner(area, "##restart", "RESTART?",
               "Press R again to throw this round away, Esc to keep it");
    else if (state.paused)
        banner(area, "##paused", "PAUSED",
               state.pausedByOverlay ? "while the overlay is open: F1 closes it, P resumes"
                                     : "Press P to resume");
}

} // namespace game
