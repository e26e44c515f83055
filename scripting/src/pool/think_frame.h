#pragma once
// fillThinkFrame: the one place a ThinkFrame is filled from an engine::World, so the pool
// (LuaThinkPhase) and the think tracer (debug/think_tracer.cpp) give a think the same views.
#include "engine/world/intent.h"
#include "engine/world/think_phase.h"
#include "pool/think_abi.h"

#include <cstdint>

namespace scripting {

/// Everything the driver reads, from the world after Game's snapshot. `intents` is indexed by
/// dense enemy index (the driver writes intents[order[k]]); `order` lists the enemies to think.
/// The frame keeps pointers into the world and both arrays: they must outlive its use.
void fillThinkFrame(ThinkFrame& frame, const engine::ThinkContext& context, engine::Intent* intents,
                    const uint32_t* order);

} // namespace scripting
