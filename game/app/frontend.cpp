#include "game/app/frontend.h"

#include "engine/core/fixed_step.h"
#include "engine/core/tick.h"
#include "engine/debug/imgui_layer.h"
#include "engine/platform/event_pump.h"
#include "engine/platform/frame_limiter.h"
#include "engine/platform/input.h"
#include "engine/platform/window.h"
#include "engine/render/camera2d.h"
#include "engine/render/gl.h"
#include "engine/render/screenshot.h"
#include "engine/render/shape_batch.h"
#include "game/app/best_score.h"
#include "game/app/game_audio.h"
#include "game/app/game_setup.h"
#include "game/app/jit_checker.h"
#include "game/app/live_scripts.h"
#include "game/app/played_session.h"
#include "game/app/round_flow.h"
#include "game/app/think_trace_mode.h"
#include "game/app/time_travel_controls.h"
#include "game/debug/layout_store.h"
#include "game/debug/overlay.h"
#include "game/debug/overlay_builder.h"
#include "game/replay/recorder.h"
#include "game/replay/recording_codec.h"
#include "game/view/arena_view.h"
#include "game/view/hud.h"

#include <SDL.h>
#include <glm/geometric.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>

namespace game {

namespace {
constexpr uint64_t kNoticeTicks =
    4 * engine::kTicksPerSecond; // a reload's outcome stays on screen for 4 s of game time

// Everything a rendered run owns. Members are destroyed in reverse order, so the window (and its
// GL context) outlives the ImGui layer and the batch, which free GL objects.
struct Frontend {
    std::unique_ptr<engine::Window> window;
    engine::ImGuiLayer imgui;
    engine::ShapeBatch batch;
    engine::Camera2D camera;
    ArenaView view;
    Overlay overlay;
    bool screenShake = true; // --no-shake, the overlay's checkbox

    bool init(const AppOptions& options, bool hidden) {
        engine::WindowDef def = engine::defaultWindowDef();
        def.width = options.width;
        def.height = options.height;
        def.hidden = hidden;
        def.vsync = !hidden;
        std::string error;
        window = engine::Window::create(def, &error);
        if (!window) {
            std::fprintf(stderr, "arena: cannot open a window: %s\n", error.c_str());
            return false;
        }
        if (!batch.init(&error)) {
            std::fprintf(stderr, "arena: renderer: %s\n", error.c_str());
            return false;
        }
        if (!imgui.init(*window)) {
            std::fprintf(stderr, "arena: cannot start Dear ImGui\n");
            return false;
        }
        return true;
    }

    glm::vec2 windowSize() const {
        int w = 0, h = 0;
        SDL_GetWindowSize(window->sdlWindow(), &w, &h);
        return glm::vec2(float(w), float(h));
    }

    // Draws the arena into the rectangle the overlay leaves (all of the window while it is
    // closed): the HUD's bar across its top, the world below it; then the overlay around it.
    void render(const Game& game, HudState hud, uint64_t frame, const OverlayModel* model,
                OverlayActions* actions) {
        const glm::ivec2 drawable = window->drawableSize();
        const glm::vec2 size = windowSize();
        const LayoutRect arena = overlay.arenaRect(size.x, size.y);
        hud.arenaMin = {arena.x, arena.y};
        hud.arenaSize = {arena.w, arena.h};
        // The world goes under the HUD's bar, never beneath it; a hit shakes only the world.
        const float bar = std::min(hudBarHeight(), arena.h * 0.5f);
        const LayoutRect world{arena.x, arena.y + bar, arena.w, arena.h - bar};
        const glm::vec2 shake = screenShake ? view.shakeOffset() : glm::vec2(0.0f);
        camera.fitInto(game.world().size, glm::vec2(world.x, world.y) + shake, {world.w, world.h},
                       size);
        glViewport(0, 0, drawable.x, drawable.y);
        glClearColor(0.035f, 0.043f, 0.063f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        // Nothing of the world spills under the panels (bullets leaving the arena, say).
        const glm::vec2 scale = glm::vec2(drawable) / glm::max(size, glm::vec2(1.0f));
        glEnable(GL_SCISSOR_TEST);
        glScissor(int(world.x * scale.x), int((size.y - world.bottom()) * scale.y),
                  int(world.w * scale.x), int(world.h * scale.y));
        batch.begin(camera.viewProjection());
        view.draw(batch, game, frame, overlay.selected());
        batch.end();
        glDisable(GL_SCISSOR_TEST);
        imgui.frame([&] { // more than once when this frame's input needs it (imgui_layer.h)
            drawHud(game, hud);
            if (model && actions)
                overlay.draw(*model, *actions);
        });
    }
};

PlayerCommand commandFromInput(const engine::InputState& in, const Game& game,
                               const engine::Camera2D& camera) {
    PlayerCommand cmd;
    cmd.move = in.move;
    cmd.fire = in.fire;
    if (in.usingController)
        cmd.aim = in.aimStick; // zero keeps the last aim
    else
        cmd.aim = camera.screenToWorld(in.mousePixel) - game.world().player.position;
    return cmd;
}

// What the overlay's buttons do, on the game of this frontend.
struct Actions final : OverlayActions {
    GameSession* session = nullptr;
    LiveScripts* live = nullptr;
    Overlay* overlay = nullptr;
    std::string root;
    RoundFlow* flow = nullptr; // the window's; none in screenshots (they never pause)
    Frontend* frontend = nullptr;
    bool stepRequested = false;
    float timeScale = 1.0f;

    void select(engine::ObjectId id) override { overlay->setSelected(id); }
    void setPaused(bool p) override {
        if (flow)
            flow->setPaused(p);
    }
    void stepOnce() override {
        setPaused(true);
        stepRequested = true;
    }
    void setTimeScale(float s) override { timeScale = s; }
    void setScreenShake(bool on) override { frontend->screenShake = on; }
    void spawn(const std::string& type, int count) override {
        const auto& scripts = session->think->scripts();
        for (size_t i = 0; i < scripts.size(); ++i)
            if (scripts[i].key == type)
                act(spawnAction(uint16_t(i), count));
    }
    void clearEnemies() override { act(clearAction()); }
    void setJit(bool enabled) override { session->think->setJit(enabled); }
    void setPoolSize(int size) override {
        std::string error;
        if (!session->think->resize(size, &error))
            std::fprintf(stderr, "arena: pool resize: %s\n", error.c_str());
    }
    void editTableValue(const std::vector<std::string>& path, const std::string& value) override {
        act(tableEditAction(engine::packObjectId(overlay->selected()), path, value));
    }
    void editMemoryValue(const std::string& field, const std::string& value) override {
        act(memoryEditAction(engine::packObjectId(overlay->selected()), field, value));
    }
    // Every change to the simulation goes through the recorder, so the session replays.
    void act(const RecordedAction& action) {
        std::string error;
        if (travel.inThePast())
            std::fprintf(stderr, "arena: the past is only shown: go Live to change the game\n");
        else if (!recorder)
            std::fprintf(stderr, "arena: a replay plays its recording: it takes no changes\n");
        else if (!recorder->act(action, &error))
            std::fprintf(stderr, "arena: %s\n", error.c_str());
    }
    std::string reproduce(uint64_t tick) override { return travel.reproduce(tick); }
    void seekTo(uint64_t tick) override { travel.seekTo(tick); }
    void debugThink(engine::ObjectId enemy, uint64_t tick, const std::string* whatIf) override {
        travel.debugThink(enemy, tick, whatIf);
    }
    Recorder* recorder = nullptr;
    const Recording* replayed = nullptr; // a replay's recording (the window plays it back)
    TimeTravelControls travel;
    void scriptSaved(const std::string& relativePath) override {
        if (replayed) // the replay runs the recording's versions; the file is saved, not applied
            std::fprintf(stderr,
                         "arena: saved %s; a replay runs its recording's scripts, not the "
                         "folder's\n",
                         relativePath.c_str());
        else
            live->reloadNow(relativePath);
    }
    void checkJit() override {
        if (jit)
            jit->start();
    }
    JitChecker* jit = nullptr;
    std::string scriptsRoot() const override { return root; }
    GameAudio* audio = nullptr; // the window's; none in screenshots
    void setVolume(float v) override {
        if (audio)
            audio->setVolume(v);
    }
    void setMuted(bool m) override {
        if (audio)
            audio->setMuted(m);
    }
};

// The enemy under a screen point (for selecting with the mouse), if any.
engine::ObjectId enemyAt(const Game& game, const engine::Camera2D& camera, glm::vec2 pixel) {
    const glm::vec2 p = camera.screenToWorld(pixel);
    engine::ObjectId best;
    float bestD = 40.0f * 40.0f;
    for (const engine::Enemy& e : game.world().enemies.dense()) {
        const glm::vec2 d = e.position - p;
        const float d2 = glm::dot(d, d);
        if (d2 < bestD) {
            bestD = d2;
            best = e.id;
        }
    }
    return best;
}

// Points the overlay's actions (and their time travel) at the session played now.
void bindActions(PlayedSession& played, Actions& actions) {
    actions.recorder = played.recorder.get();
    actions.replayed = played.replay ? &played.replayed : nullptr;
    actions.session = &played.session();
    actions.live = played.live();
    actions.travel.bind(actions.session, actions.live, actions.recorder, actions.replayed);
}

} // namespace

int runWindow(const AppOptions& options) {
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_GAMECONTROLLER | SDL_INIT_TIMER | SDL_INIT_EVENTS) !=
        0) {
        std::fprintf(stderr, "arena: SDL_Init failed: %s\n", SDL_GetError());
        return 1;
    }
    int code = 0;
    {
        Frontend fe;
        if (!fe.init(options, /*hidden=*/false)) {
            code = 1;
        } else {
            std::string error;
            PlayedSession played;
            if (!played.open(options, /*autoRestart=*/options.autopilot, /*watch=*/true, &error)) {
                std::fprintf(stderr, "arena: %s\n", error.c_str());
                code = 1;
            }
            const std::unique_ptr<ReplayRun>& replay = played.replay;
            const std::unique_ptr<Recorder>& recorder = played.recorder;
            const Recording& replayed = played.replayed;
            GameSession* session = &played.session();
            LiveScripts* live = played.live();
            Actions actions;
            bindActions(played, actions);
            actions.overlay = &fe.overlay;
            actions.frontend = &fe;
            fe.screenShake = options.screenShake;
            actions.root = options.scriptsDir;
            JitChecker jitChecker(options.scriptsDir);
            actions.jit = &jitChecker;
            RoundFlow flow(options.autopilot && !replay); // a replay has no attract round
            // The player's best between sessions (the window's alone; see best_score.h).
            BestScoreFile best;
            if (session->game && !replay)
                session->game->setBestScore(best.stored());
            actions.flow = &flow;
            actions.travel.setFlow(&flow);
            OverlayLayoutFile layoutFile(fe.overlay); // the window only
            GameAudio audio(options.mute); // the window only: one warning if there is no device
            actions.audio = &audio;
            engine::InputSystem input;
            engine::FixedStepClock clock;
            engine::EventPump pump; // paused: waits for events (event_pump.h)
            engine::FrameLimiter limiter(engine::framePeriod(fe.window->refreshRate()));
            uint64_t frame = 0, goneAt = 0;
            uint64_t last = SDL_GetPerformanceCounter();
            const uint64_t started = last;
            float fps = 60.0f;
            double renderMs = 0;
            for (bool running = session->game != nullptr; running; ++frame) {
                input.beginFrame();
                for (const SDL_Event& e :
                     pump.poll(/*idle=*/!flow.simulating() && !fe.imgui.mouseHeld())) {
                    fe.imgui.processEvent(e);
                    input.handleEvent(e, fe.imgui.wantsKeyboard(), fe.imgui.wantsMouse());
                    // Right click picks the enemy under the mouse for the inspector.
                    if (e.type == SDL_MOUSEBUTTONDOWN && e.button.button == SDL_BUTTON_RIGHT &&
                        !fe.imgui.wantsMouse()) {
                        fe.overlay.setSelected(enemyAt(*actions.travel.shownSession().game,
                                                       fe.camera,
                                                       {float(e.button.x), float(e.button.y)}));
                        fe.overlay.setVisible(true);
                    }
                }
                input.sample(fe.imgui.wantsKeyboard());
                const engine::InputState& in = input.state();
                if (in.quitRequested)
                    running = false;
                if (in.overlayPressed)
                    fe.overlay.toggle();
                if (in.mutePressed)
                    audio.setMuted(!audio.muted());
                const RoundDecision round = flow.update(
                    {in.pausePressed, in.restartPressed, in.cancelPressed, in.anyPressed,
                     fe.overlay.visible(), fe.overlay.layout().pauseWhenOpen,
                     !replay && session->game->roundOver()});
                if (round.startPlayerRound) { // the demo round ends: the player's round begins
                    GameSession playing = makeGame(options, /*autoRestart=*/false, &error);
                    if (playing.game) {
                        playing.game->setBestScore(best.stored());
                        actions.travel.seekNow(0);
                        actions.travel.reset(); // the past of the demo round is gone with it
                        played.replaceWith(std::move(playing), options, /*watch=*/true);
                        session = &played.session();
                        live = played.live();
                        bindActions(played, actions);
                    }
                    fe.view = ArenaView{};
                    clock.reset();
                }
                Game* game = session->game.get();
                if (round.restart && !replay) {
                    best.offer(game->counters().bestScore); // R before dying: a best still counts
                    actions.act(restartAction());
                }
                const bool attract = flow.attract(), paused = !flow.simulating();

                const uint64_t now = SDL_GetPerformanceCounter();
                const double seconds = double(now - last) / double(SDL_GetPerformanceFrequency());
                last = now;
                if (options.quitAfterSeconds > 0 &&
                    double(now - started) >=
                        options.quitAfterSeconds * double(SDL_GetPerformanceFrequency()))
                    running = false;
                if (seconds > 0)
                    fps = fps * 0.95f + float(1.0 / seconds) * 0.05f;
                const int steps =
                    clock.advance((seconds - pump.idleSeconds()) * double(actions.timeScale));
                // The player's round over, the world stops under its summary until R.
                const bool over = !attract && !replay && game->roundOver();
                if (!paused &&
                    actions.travel.inThePast()) // the round goes on: back to the live game
                    actions.travel.seekNow(0);
                const int toRun = paused || over ? (actions.stepRequested ? 1 : 0) : steps;
                actions.stepRequested = false;
                if (toRun == 0 && !replay) // paused (the overlay open, say): edits still go live
                    live->update();
                for (int s = 0; s < toRun; ++s) {
                    if (replay) { // the recording's commands and changes, not the player's
                        if (!replay->step())
                            break;
                    } else {
                        live->update();
                        const PlayerCommand cmd = commandFromInput(in, *game, fe.camera);
                        recorder->step(attract ? nullptr : &cmd);
                    }
                    fe.view.onStep(*game);
                    audio.onStep(game->events());
                    if (!attract && game->events().playerDied)
                        best.offer(game->counters().bestScore);
                }
                if (!paused)
                    fe.view.advanceFrame();
                if (!fe.overlay.selected().isNull() &&
                    !game->world().enemies.get(fe.overlay.selected())) {
                    if (!goneAt)
                        goneAt = game->world().tick;
                } else {
                    goneAt = 0;
                }
                const auto renderStart = SDL_GetPerformanceCounter();
                OverlayModel model = buildOverlayModel(
                    actions.travel.shownSession(), actions.travel.shownLive(),
                    FrameInfo{fps, renderMs, paused, actions.timeScale, fe.overlay.selected(),
                              goneAt, fe.overlay.visible()},
                    &jitChecker);
                if (actions.travel.inThePast())
                    TimeTravelControls::keepLivePool(
                        model, buildOverlayModel(*session, live, FrameInfo{}));
                model.screenShake = fe.screenShake;
                model.volume = audio.volume();
                model.muted = audio.muted();
                actions.travel.fillModel(model);
                HudState hud;
                hud.fps = fps;
                hud.paused = flow.paused();
                hud.attract = attract;
                hud.pausedByOverlay = flow.pausedByOverlay();
                hud.confirmRestart = flow.confirmingRestart();
                hud.past = actions.travel.pastText();
                if (replay && hud.past.empty())
                    hud.past = replay->divergence()
                                   ? "REPLAY " + replay->divergence()->text()
                                   : "REPLAY of " + options.replayPath + ": tick " +
                                         std::to_string(game->world().tick) + " of " +
                                         std::to_string(replayed.ticks());
                if (!live->notices().empty() &&
                    game->world().tick < live->notices().back().tick + kNoticeTicks) {
                    hud.notice = live->notices().back().message;
                    hud.noticeRefused = live->notices().back().refused;
                }
                fe.render(*actions.travel.shownSession().game, hud, frame, &model, &actions);
                actions.travel.runPending(); // after the frame: a seek replaces what it drew
                fe.window->swap();
                renderMs = double(SDL_GetPerformanceCounter() - renderStart) * 1000.0 /
                           double(SDL_GetPerformanceFrequency());
                layoutFile.update(frame);
                limiter.wait(); // a no-op when vsync or the frame itself took the period
            }
            if (session->game && !flow.attract() && !replay) // closing mid-round keeps its best
                best.offer(session->game->counters().bestScore);
            if (recorder && !options.recordPath.empty()) {
                if (writeRecordingFile(options.recordPath, recorder->recording(), &error))
                    std::printf("arena: recorded %llu ticks to %s\n",
                                static_cast<unsigned long long>(recorder->recording().ticks()),
                                options.recordPath.c_str());
                else
                    std::fprintf(stderr, "arena: %s\n", error.c_str());
            }
        }
    }
    SDL_Quit();
    return code;
}

namespace {
// Where things are in the picture, for tests and scripts that look at it:
// "arena: rect NAME x y w h", NAME being `arena` (what the overlay leaves: the HUD's bar and the
// world), `world` (where the world itself is drawn) or a panel's quoted title.
void printRects(const Frontend& fe, glm::vec2 worldSize) {
    const glm::vec2 window = fe.windowSize();
    const LayoutRect arena = fe.overlay.arenaRect(window.x, window.y);
    std::printf("arena: rect arena %.0f %.0f %.0f %.0f\n", double(arena.x), double(arena.y),
                double(arena.w), double(arena.h));
    const glm::vec2 topLeft = fe.camera.worldToScreen({0, 0});
    const glm::vec2 bottomRight = fe.camera.worldToScreen(worldSize);
    std::printf("arena: rect world %.0f %.0f %.0f %.0f\n", double(topLeft.x), double(topLeft.y),
                double(bottomRight.x - topLeft.x), double(bottomRight.y - topLeft.y));
    for (size_t p = 0; p < kPanelCount; ++p) {
        const LayoutRect r = fe.overlay.panelRect(Panel(p));
        if (r.w > 0)
            std::printf("arena: rect \"%s\" %.0f %.0f %.0f %.0f\n", panelTitle(Panel(p)),
                        double(r.x), double(r.y), double(r.w), double(r.h));
    }
}
} // namespace

int runScreenshot(const AppOptions& options) {
    // No X server needed: EGL offscreen. A caller that picked a driver (xvfb-run + x11) keeps it.
    setenv("SDL_VIDEODRIVER", "offscreen", /*overwrite=*/0);
    if (!std::getenv("XDG_RUNTIME_DIR"))
        setenv("XDG_RUNTIME_DIR", "/tmp", 0);
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
        std::fprintf(stderr, "arena: SDL_Init failed: %s\n", SDL_GetError());
        return 1;
    }
    int code = 0;
    {
        Frontend fe;
        if (!fe.init(options, /*hidden=*/true)) {
            code = 1;
        } else {
            std::string error;
            // The autopilot plays round after round; a player who stands still (--no-autopilot)
            // ends on the game-over summary, as in the window.
            // --replay: the recording plays instead (and --trace-think opens the debugger on it).
            PlayedSession played;
            if (!played.open(options, /*autoRestart=*/options.autopilot, options.watch, &error)) {
                std::fprintf(stderr, "arena: %s\n", error.c_str());
                code = 1;
            }
            const std::unique_ptr<ReplayRun>& replay = played.replay;
            const std::unique_ptr<Recorder>& recorder = played.recorder;
            GameSession& session = played.session();
            LiveScripts* live = played.live();
            Actions actions;
            bindActions(played, actions);
            actions.overlay = &fe.overlay;
            actions.frontend = &fe;
            fe.screenShake = options.screenShake;
            actions.root = options.scriptsDir;
            fe.overlay.setVisible(options.overlay); // the default layout: never the user's file
            JitChecker jitChecker(options.scriptsDir);
            actions.jit = &jitChecker;
            if (options.overlay)
                jitChecker
                    .start(); // done long before the last frame: the picture shows the verdicts
            Game* game = session.game.get();
            const PlayerCommand idle{};
            double renderMs = 0;
            for (int frame = 0; game && frame < options.frames; ++frame) {
                for (SDL_Event e; SDL_PollEvent(&e);)
                    fe.imgui.processEvent(e);
                // One tick per frame: the picture depends on --frames and --seed, not on speed.
                if (replay) {
                    replay->step();
                } else {
                    live->update();
                    if (options.autopilot ||
                        !game->roundOver()) // a round over stops, as in the window
                        recorder->step(options.autopilot ? nullptr : &idle);
                }
                fe.view.onStep(*game);
                fe.view.advanceFrame();
                // --trace-think: the debugger on that enemy's think at --at-tick, at --trace-step.
                if (!options.traceEntity.empty() && !actions.travel.hasDebug() &&
                    actions.travel.error().empty() && game->world().tick >= options.traceTick) {
                    engine::ObjectId id;
                    if (parseEntity(options.traceEntity, &id)) {
                        fe.overlay.debugThink(actions, id, options.traceTick);
                        fe.overlay.setDebuggerStep(size_t(std::max(0, options.traceStep - 1)));
                        actions.travel.runPending(); // outside the frame: the seek can run at once
                    }
                    if (!actions.travel.error().empty())
                        std::fprintf(stderr, "arena: %s\n", actions.travel.error().c_str());
                }
                if (options.overlay && options.traceEntity.empty() &&
                    (fe.overlay.selected().isNull() ||
                     !game->world().enemies.get(fe.overlay.selected()))) {
                    // Inspect someone with a Lua identity if there is one (its table is the
                    // interesting part).
                    engine::ObjectId pick;
                    for (const engine::Enemy& e : game->world().enemies.dense())
                        if (pick.isNull() || e.scriptRef != engine::kNoScriptRef)
                            pick = e.id;
                    fe.overlay.setSelected(pick);
                }
                // Opened near the end, the editor shows the file as it is then, at its error's line
                // if a reload failed during the run.
                if (!options.editorFile.empty() && frame + 10 == std::max(options.frames, 10))
                    fe.overlay.openInEditor(options.editorFile, actions);
                const auto renderStart = SDL_GetPerformanceCounter();
                if (frame + 3 >= options.frames) // tables fit new content a frame later
                    while (jitChecker.running()) // the screenshot waits for the JIT verdicts
                        std::this_thread::sleep_for(std::chrono::milliseconds(10));
                OverlayModel model =
                    buildOverlayModel(actions.travel.shownSession(), actions.travel.shownLive(),
                                      FrameInfo{60.0f, renderMs, false, 1.0f, fe.overlay.selected(),
                                                0, fe.overlay.visible()},
                                      &jitChecker);
                model.screenShake = fe.screenShake;
                actions.travel.fillModel(model);
                HudState hud;
                hud.fps = 60.0f;
                hud.past = actions.travel.pastText();
                fe.render(*actions.travel.shownSession().game, hud, uint64_t(frame), &model,
                          &actions);
                actions.travel.runPending();
                renderMs = double(SDL_GetPerformanceCounter() - renderStart) * 1000.0 /
                           double(SDL_GetPerformanceFrequency());
                if (frame + 1 == options.frames) {
                    const glm::ivec2 size = fe.window->drawableSize();
                    std::string pngError;
                    if (!engine::writeFramebufferPng(options.screenshotPath, size.x, size.y,
                                                     &pngError)) {
                        std::fprintf(stderr, "arena: screenshot: %s\n", pngError.c_str());
                        code = 1;
                    } else {
                        std::printf("arena: wrote %s (%dx%d, %d frames, %zu enemies)\n",
                                    options.screenshotPath.c_str(), size.x, size.y, options.frames,
                                    game->world().enemies.size());
                        printRects(fe, game->world().size);
                    }
                }
                fe.window->swap();
            }
        }
    }
    SDL_Quit();
    return code;
}

} // namespace game
