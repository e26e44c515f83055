#pragma once
#include "game/app/options.h"

namespace game {

/// arena --headless --soak: a long run that tries to break things — constant spawn/kill churn,
/// periodic script reloads (good, broken and hostile versions), pool-size changes, player input —
/// then checks that nothing leaked or went missing. Returns non-zero if a check failed.
int runSoak(const AppOptions& options);

} // namespace game
