#pragma once
// The one place a change made between ticks reaches the game, live and in a replay: a debug
// spawn or clear, a restart, an inspector edit, a script file state a reload read. The recorder
// records what it hands here; the replay hands back what was recorded.
#include "game/app/game_setup.h"
#include "game/app/live_scripts.h"
#include "game/replay/recording.h"

#include <string>

namespace game {

/// Applies `action` between ticks. False with *error when it changed nothing (a stale object, a
/// value of the wrong type): the same in the replay as it was live.
bool applyAction(GameSession& session, LiveScripts& live, const RecordedAction& action,
                 std::string* error);

} // namespace game
