#pragma once
// arena --replay FILE --trace-think ID --at-tick T [--trace-json]: replays the recording to tick
// T in a world of its own, traces enemy ID's think of that tick line by line in the debug VM
// (think_debugger.h) and prints the trace with its locals, upvalues, memory, self and world,
// then what it returned beside what the game applied (README "Record, replay and debug").
#include "game/app/options.h"
#include "game/replay/think_debugger.h"

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace game {

/// Exit codes: 0 traced, and the intent equals the applied one; 2 bad file or arguments (an
/// enemy not alive at that tick, a tick outside the recording); 3 the intents differ (a
/// determinism bug) or the replay diverged; 1 anything else.
int runTraceThink(const AppOptions& options);

/// "12:3" (index:generation, as errors name enemies) or a packed id; false if neither.
bool parseEntity(const std::string& text, engine::ObjectId* id);

/// The trace as text (one line per step) and as JSON (the same content).
std::string traceText(const ThinkDebugResult& result);
nlohmann::json traceJson(const ThinkDebugResult& result);

} // namespace game
