// arena: the demo. See README "Modes" for the command line.
#include "game/app/frontend.h"
#include "game/app/headless.h"
#include "game/app/options.h"
#include "game/app/replay_mode.h"
#include "game/app/soak.h"
#include "game/app/think_trace_mode.h"

int main(int argc, char** argv) {
    int exitCode = 0;
    const auto options = game::parseOptions(argc, argv, &exitCode);
    if (!options)
        return exitCode;
    if (!options->traceEntity.empty() && options->mode == game::AppMode::Headless)
        return game::runTraceThink(*options);
    if (!options->replayPath.empty() && options->mode == game::AppMode::Headless)
        return game::runReplay(*options);
    switch (options->mode) {
    case game::AppMode::Headless:
        return options->soak ? game::runSoak(*options) : game::runHeadless(*options);
    case game::AppMode::Screenshot: return game::runScreenshot(*options);
    case game::AppMode::Window: return game::runWindow(*options);
    }
    return 1;
}
