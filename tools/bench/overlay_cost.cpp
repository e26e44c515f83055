// Scenario 11: what the debug overlay costs the CPU per frame: building its model from the game
// (buildOverlayModel) and running its ImGui frame (NewFrame, Overlay::draw, Render), with the
// overlay closed (the error badge only) and open (every window it opens by default, an enemy with
// a Lua table selected). ImGui runs headless, without a backend or GL: the draw data is built and
// never rendered, so the GPU's share is not in these figures. Closed and open each have their own
// ImGui context and take turns frame by frame over the same game, so both see the same noise.
#include "engine/core/tick.h"
#include "game/app/game_setup.h"
#include "game/app/live_scripts.h"
#include "game/debug/overlay.h"
#include "game/debug/overlay_builder.h"

#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "bench_common.h"

namespace bench {

namespace {
using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

// The overlay's buttons are never pressed here.
struct NoActions final : game::OverlayActions {
    void select(engine::ObjectId) override {}
    void setPaused(bool) override {}
    void stepOnce() override {}
    void setTimeScale(float) override {}
    void spawn(const std::string&, int) override {}
    void clearEnemies() override {}
    void setJit(bool) override {}
    void setPoolSize(int) override {}
    void editTableValue(const std::vector<std::string>&, const std::string&) override {}
    void scriptSaved(const std::string&) override {}
    std::string scriptsRoot() const override { return root; }
    std::string root;
};

// One overlay in its own headless ImGui context, and its timings.
struct Side {
    bool visible;
    std::string scriptsDir;
    game::Overlay overlay;
    ImGuiContext* context = nullptr;
    std::vector<double> modelMs, imguiMs, totalMs;
    int vertices = 0, windows = 0; // of the last frame: what was drawn

    Side(bool open, const std::string& scripts) : visible(open), scriptsDir(scripts) {
        context = ImGui::CreateContext();
        ImGui::SetCurrentContext(context);
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 720);
        io.DeltaTime = float(engine::kTickSeconds);
        unsigned char* pixels;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h); // NewFrame needs a built atlas
        overlay.setVisible(open);
        if (open) { // every panel, the editor too (with a script in it)
            NoActions actions;
            actions.root = scripts;
            overlay.openInEditor("enemies/chaser.lua", actions);
        }
    }
    ~Side() { ImGui::DestroyContext(context); }
    Side(const Side&) = delete;
    Side& operator=(const Side&) = delete;

    // One frame, as the window's loop runs it (without the GL). Adds its timings if `record`.
    void frame(const game::GameSession& session, const game::LiveScripts& live,
               engine::ObjectId selected, bool record) {
        ImGui::SetCurrentContext(context);
        NoActions actions;
        actions.root = scriptsDir;
        const auto start = Clock::now();
        const game::OverlayModel model = game::buildOverlayModel(
            session, &live, game::FrameInfo{60.0f, 1.0, false, 1.0f, selected, 0, visible});
        const double modelTime = msSince(start);
        const auto uiStart = Clock::now();
        ImGui::NewFrame();
        overlay.draw(model, actions);
        ImGui::Render();
        const double uiTime = msSince(uiStart);
        vertices = ImGui::GetDrawData()->TotalVtxCount;
        windows = ImGui::GetDrawData()->CmdListsCount;
        if (record) {
            modelMs.push_back(modelTime);
            imguiMs.push_back(uiTime);
            totalMs.push_back(modelTime + uiTime);
        }
    }
};

// An enemy with a Lua identity if there is one (its table is what the inspector walks).
engine::ObjectId pickEnemy(const game::Game& game) {
    engine::ObjectId pick;
    for (const engine::Enemy& e : game.world().enemies.dense())
        if (pick.isNull() || e.scriptRef != engine::kNoScriptRef)
            pick = e.id;
    return pick;
}

void print(size_t enemies, const char* name, const Stat& m, const Stat& u, const Stat& t) {
    std::printf("   %8zu %-7s %7.3f [%5.3f-%6.3f] %7.3f [%5.3f-%6.3f] %7.3f [%5.3f-%6.3f]", enemies,
                name, m.median, m.min, m.max, u.median, u.min, u.max, t.median, t.min, t.max);
}

} // namespace

nlohmann::json overlayCost(const Settings& s) {
    std::printf("\n11. Overlay cost: CPU ms per frame, its model and its ImGui frame (headless "
                "ImGui, no GL; open: every panel, the editor on a script), 2 VMs (median [min-max] "
                "of %d frames)\n",
                s.reps * s.ticksPerRep);
    std::printf("   %8s %-7s %22s %22s %22s %11s  %s\n", "enemies", "overlay", "model",
                "ImGui frame", "total", "open/closed", "drawn");
    nlohmann::json out = nlohmann::json::array();
    for (int n : {2000, 10000}) {
        game::GameSession session = warmGame(s, n);
        if (!session.game)
            return out;
        game::LiveScripts live(session, s.scriptsDir, /*watch=*/false);
        Side closed(false, s.scriptsDir), open(true, s.scriptsDir);
        for (int f = 0; f < 5; ++f) { // windows appear and size themselves over the first frames
            const engine::ObjectId selected = pickEnemy(*session.game);
            closed.frame(session, live, selected, false);
            open.frame(session, live, selected, false);
        }
        // The game moves on between frames (untimed), so the plots and tables see real ticks.
        std::vector<double> ratios;
        for (int r = 0; r < s.reps; ++r) {
            double closedSum = 0, openSum = 0;
            for (int f = 0; f < s.ticksPerRep; ++f) {
                session.game->step(nullptr);
                const engine::ObjectId selected = pickEnemy(*session.game);
                closed.frame(session, live, selected, true);
                open.frame(session, live, selected, true);
                closedSum += closed.totalMs.back();
                openSum += open.totalMs.back();
            }
            ratios.push_back(openSum / closedSum);
        }
        const size_t enemies = session.game->world().enemies.size();
        const Stat cm = summarize(closed.modelMs), cu = summarize(closed.imguiMs),
                   ct = summarize(closed.totalMs), om = summarize(open.modelMs),
                   ou = summarize(open.imguiMs), ot = summarize(open.totalMs),
                   q = summarize(ratios);
        print(enemies, "closed", cm, cu, ct);
        std::printf(" %11s  %d windows, %d vertices\n", "", closed.windows, closed.vertices);
        print(enemies, "open", om, ou, ot);
        std::printf(" %10.1fx  %d windows, %d vertices\n", q.median, open.windows, open.vertices);
        out.push_back({{"enemies", enemies},
                       {"closed_model_ms", toJson(cm)},
                       {"closed_imgui_ms", toJson(cu)},
                       {"closed_ms", toJson(ct)},
                       {"open_model_ms", toJson(om)},
                       {"open_imgui_ms", toJson(ou)},
                       {"open_ms", toJson(ot)},
                       {"ratio", toJson(q)},
                       {"closed_vertices", closed.vertices},
                       {"open_vertices", open.vertices}});
    }
    return out;
}

} // namespace bench
