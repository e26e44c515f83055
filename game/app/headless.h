#pragma once
#include "game/app/options.h"

namespace game {

/// arena --headless: simulates options.ticks ticks with no video subsystem, prints the summary,
/// writes --stats-json if asked. Returns the process exit code.
int runHeadless(const AppOptions& options);

} // namespace game
