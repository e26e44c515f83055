#pragma once
// arena --replay FILE --headless: plays a recording from the file alone and checks its
// checkpoints (README "Record, replay and debug"). With --trace-think ID --at-tick T it traces
// that enemy's think at that tick instead (think_trace_mode.h).
#include "game/app/options.h"
#include "game/replay/recording.h"

#include <string>

namespace game {

/// Exit codes: 0 every checkpoint matched; 2 the file cannot be read (bad, truncated, newer);
/// 3 the replay diverged (the report names the tick and the part); 1 anything else.
int runReplay(const AppOptions& options);

/// What both replay modes do first: read the recording and start SDL's timer and events (no
/// video). Returns 0, or the exit code to give (said on stderr): 2 unreadable file, 1 no SDL.
int openRecordingRun(const std::string& path, Recording* recording);

} // namespace game
