#include "game/app/frontend.h"

#include "engine/core/fixed_step.h"
#include "engine/debug/imgui_layer.h"
#include "engine/platform/input.h"
#include "engine/platform/window.h"
#include "engine/render/camera2d.h"
#include "engine/render/gl.h"
#include "engine/render/screenshot.h"
#include "engine/render/shape_batch.h"
#include "game/app/game_setup.h"
#include "game/app/live_scripts.h"
#include "game/view/arena_view.h"
#include "game/view/hud.h"

#include <SDL.h>
#include <glm/geometric.hpp>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

namespace game {

namespace {

// Everything a rendered run owns. Members are destroyed in reverse order, so the window (and its
// GL context) outlives the ImGui layer and the batch, which free GL objects.
struct Frontend {
    std::unique_ptr<engine::Window> window;
    engine::ImGuiLayer imgui;
    engine::ShapeBatch batch;
    engine::Camera2D camera;
    ArenaView view;

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

    void render(const Game& game, const HudState& hud, uint64_t frame) {
        const glm::ivec2 size = window->drawableSize();
        camera.fit(game.world().size, glm::vec2(size));
        glViewport(0, 0, size.x, size.y);
        glClearColor(0.035f, 0.043f, 0.063f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        batch.begin(camera.viewProjection());
        view.draw(batch, game, frame);
        batch.end();
        imgui.beginFrame();
        drawHud(game, hud);
        imgui.endFrame();
    }
};

PlayerCommand commandFromInput(const engine::InputState& in, const Game& game, const engine::Camera2D& camera) {
    PlayerCommand cmd;
    cmd.move = in.move;
    cmd.fire = in.fire;
    if (in.usingController)
        cmd.aim = in.aimStick; // zero keeps the last aim
    else
        cmd.aim = camera.screenToWorld(in.mousePixel) - game.world().player.position;
    return cmd;
}

} // namespace

int runWindow(const AppOptions& options) {
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_GAMECONTROLLER | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
        std::fprintf(stderr, "arena: SDL_Init failed: %s\n", SDL_GetError());
        return 1;
    }
    int code = 0;
    {
        Frontend fe;
        if (!fe.init(options, /*hidden=*/false)) {
            code = 1;
        } else {
            bool attract = options.autopilot;
            std::string error;
            GameSession session = makeGame(options, /*autoRestart=*/attract, &error);
            if (!session.game) {
                std::fprintf(stderr, "arena: %s\n", error.c_str());
                code = 1;
            }
            auto live = std::make_unique<LiveScripts>(session, options.scriptsDir, /*watch=*/true);
            engine::InputSystem input;
            engine::FixedStepClock clock;
            bool paused = false;
            uint64_t frame = 0;
            uint64_t last = SDL_GetPerformanceCounter();
            float fps = 60.0f;
            for (bool running = session.game != nullptr; running; ++frame) {
                input.beginFrame();
                for (SDL_Event e; SDL_PollEvent(&e);) {
                    fe.imgui.processEvent(e);
                    input.handleEvent(e, fe.imgui.wantsKeyboard(), fe.imgui.wantsMouse());
                }
                input.sample(fe.imgui.wantsKeyboard());
                const engine::InputState& in = input.state();
                if (in.quitRequested)
                    running = false;
                if (attract && in.anyPressed) { // the demo round ends: the player's round begins
                    attract = false;
                    GameSession playing = makeGame(options, /*autoRestart=*/false, &error);
                    if (playing.game) {
                        live.reset();
                        session = std::move(playing);
                        live = std::make_unique<LiveScripts>(session, options.scriptsDir, true);
                    }
                    fe.view = ArenaView{};
                    clock.reset();
                }
                if (in.pausePressed && !attract)
                    paused = !paused;
                Game* game = session.game.get();
                if (in.restartPressed && !attract) {
                    game->restart();
                    paused = false;
                }

                const uint64_t now = SDL_GetPerformanceCounter();
                const double seconds = double(now - last) / double(SDL_GetPerformanceFrequency());
                last = now;
                if (seconds > 0)
                    fps = fps * 0.95f + float(1.0 / seconds) * 0.05f;
                const int steps = clock.advance(seconds);
                if (!paused) {
                    for (int s = 0; s < steps; ++s) {
                        live->update();
                        const PlayerCommand cmd = commandFromInput(in, *game, fe.camera);
                        game->step(attract ? nullptr : &cmd);
                        fe.view.onStep(*game);
                    }
                    fe.view.advanceFrame();
                }
                fe.render(*game, HudState{fps, paused, attract}, frame);
                fe.window->swap();
            }
        }
    }
    SDL_Quit();
    return code;
}

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
            GameSession session = makeGame(options, /*autoRestart=*/true, &error);
            if (!session.game) {
                std::fprintf(stderr, "arena: %s\n", error.c_str());
                code = 1;
            }
            Game* game = session.game.get();
            const PlayerCommand idle{};
            for (int frame = 0; game && frame < options.frames; ++frame) {
                for (SDL_Event e; SDL_PollEvent(&e);)
                    fe.imgui.processEvent(e);
                // One tick per frame: the picture depends on --frames and --seed, not on speed.
                game->step(options.autopilot ? nullptr : &idle);
                fe.view.onStep(*game);
                fe.view.advanceFrame();
                fe.render(*game, HudState{60.0f, false, false}, uint64_t(frame));
                if (frame + 1 == options.frames) {
                    const glm::ivec2 size = fe.window->drawableSize();
                    std::string pngError;
                    if (!engine::writeFramebufferPng(options.screenshotPath, size.x, size.y, &pngError)) {
                        std::fprintf(stderr, "arena: screenshot: %s\n", pngError.c_str());
                        code = 1;
                    } else {
                        std::printf("arena: wrote %s (%dx%d, %d frames, %zu enemies)\n",
                                    options.screenshotPath.c_str(), size.x, size.y, options.frames,
                                    game->world().enemies.size());
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
