#include "game/view/hud.h"

#include "engine/core/tick.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

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

void gameOverSummary(const Area& area, const Game& game) {
    const RoundStats& r = game.round();
    ImGui::SetNextWindowPos(
        ImVec2(area.min.x + area.size.x * 0.5f, area.min.y + area.size.y * 0.45f), ImGuiCond_Always,
        ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowBgAlpha(0.85f);
    ImGui::Begin("##gameover", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                     ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs);
    ImGui::SetWindowFontScale(2.0f);
    ImGui::TextUnformatted("GAME OVER");
    ImGui::SetWindowFontScale(1.0f);
    const long long score = static_cast<long long>(r.score);
    const long long best = static_cast<long long>(game.counters().bestScore);
    if (score > 0 && score >= best)
        ImGui::TextColored(ImVec4(1.0f, 0.85f, 0.3f, 1), "Score %lld: a new best!", score);
    else
        ImGui::Text("Score %lld   Best %lld", score, best);
    const uint64_t seconds = r.ticks / engine::kTicksPerSecond;
    ImGui::Text("Wave %d reached   %llu:%02llu survived", r.wave,
                static_cast<unsigned long long>(seconds / 60),
                static_cast<unsigned long long>(seconds % 60));
    ImGui::Separator();
    uint32_t total = 0;
    for (size_t t = 0; t < r.killsByType.size() && t < game.types().size(); ++t) {
        if (!r.killsByType[t])
            continue;
        total += r.killsByType[t];
        const uint32_t c = game.types()[t].color;
        ImGui::TextColored(ImVec4(float(c >> 24) / 255.0f, float((c >> 16) & 0xff) / 255.0f,
                                  float((c >> 8) & 0xff) / 255.0f, 1.0f),
                           "%-10s %5u", game.types()[t].name.c_str(), r.killsByType[t]);
    }
    if (total == 0)
        ImGui::TextDisabled("no kills this round");
    ImGui::Separator();
    ImGui::TextUnformatted("Press R to play again");
    ImGui::End();
}
} // namespace

float hudBarHeight() {
    return ImGui::GetFrameHeightWithSpacing() + 6.0f;
}

void drawHud(const Game& game, const HudState& state) {
    const engine::Player& p = game.world().player;
    const Area area = arenaArea(state);
    // A bar across the top of the arena's rectangle, above the world: nothing passes under it.
    ImGui::SetNextWindowPos(area.min, ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(area.size.x, hudBarHeight()), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(1.0f);
    ImGui::Begin("HUD", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav |
                     ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoBringToFrontOnFocus);
    const float health = p.maxHp > 0 ? p.hp / p.maxHp : 0.0f;
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, health > 0.5f    ? ImVec4(0.3f, 0.85f, 0.45f, 1)
                                                  : health > 0.25f ? ImVec4(0.95f, 0.75f, 0.2f, 1)
                                                                   : ImVec4(0.95f, 0.3f, 0.25f, 1));
    char hp[32];
    std::snprintf(hp, sizeof hp, "HP %.0f / %.0f", double(p.hp), double(p.maxHp));
    ImGui::ProgressBar(health, ImVec2(180, 0), hp);
    ImGui::PopStyleColor();
    ImGui::SameLine(0, 18);
    ImGui::AlignTextToFramePadding();
    ImGui::Text("Score %lld   Best %lld   Wave %d   Enemies %zu",
                static_cast<long long>(game.counters().score),
                static_cast<long long>(game.counters().bestScore), game.wave(),
                game.world().enemies.size());
    char fps[24];
    std::snprintf(fps, sizeof fps, "FPS %.0f", double(state.fps));
    const float fpsWidth = ImGui::CalcTextSize(fps).x;
    // Right-aligned when there is room; a narrow arena (the overlay open, whose menu bar has the
    // FPS too) leaves it out rather than cut it.
    ImGui::SameLine(0, 0);
    const float right = ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetCursorPosX() + 18 + fpsWidth <= right) {
        ImGui::SameLine(right - fpsWidth);
        ImGui::TextDisabled("%s", fps);
    }
    ImGui::End();
    const float bar = hudBarHeight();
    const Area world{ImVec2(area.min.x, area.min.y + bar), ImVec2(area.size.x, area.size.y - bar)};

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
    if (!state.past.empty()) { // the past: a label, not a banner (the world is what matters)
        ImGui::SetNextWindowPos(ImVec2(world.min.x + world.size.x * 0.5f, world.min.y + 8.0f),
                                ImGuiCond_Always, ImVec2(0.5f, 0.0f));
        ImGui::SetNextWindowBgAlpha(0.8f);
        ImGui::Begin("##past", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                         ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs);
        ImGui::TextColored(ImVec4(1.0f, 0.8f, 0.35f, 1), "%s", state.past.c_str());
        ImGui::End();
        return;
    }
    if (state.attract)
        banner(world, "##attract", "ARENA",
               "Press any key or button to play\n\n"
               "WASD move   mouse aim   click or Space fire   P pause   F1 the overlay");
    else if (game.roundOver())
        gameOverSummary(world, game);
    else if (state.confirmRestart)
        banner(world, "##restart", "RESTART?",
               "Press R again to throw this round away, Esc to keep it");
    else if (state.paused)
        banner(world, "##paused", "PAUSED",
               state.pausedByOverlay ? "while the overlay is open: F1 closes it, P resumes"
                                     : "Press P to resume");
}

} // namespace game
