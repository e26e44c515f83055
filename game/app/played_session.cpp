#include "game/app/played_session.h"

#include "game/replay/recording_codec.h"

namespace game {

bool PlayedSession::open(const AppOptions& options, bool autoRestart, bool watch,
                         std::string* error) {
    if (!options.replayPath.empty()) {
        ReplayDef def;
        def.pool = options.pool;
        if (readRecordingFile(options.replayPath, &replayed, error))
            replay = ReplayRun::start(replayed, def, error);
        return replay != nullptr;
    }
    replaceWith(makeGame(options, autoRestart, error), options, watch);
    return owned.game != nullptr;
}

void PlayedSession::replaceWith(GameSession fresh, const AppOptions& options, bool watch) {
    recorder.reset(); // before the session and the live scripts it observes
    ownedLive.reset();
    owned = std::move(fresh);
    if (!owned.game)
        return;
    ownedLive = std::make_unique<LiveScripts>(owned, options.scriptsDir, watch);
    recorder = std::make_unique<Recorder>(owned, *ownedLive);
}

} // namespace game
