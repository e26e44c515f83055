#pragma once
// fillThinkFrame: the one place a ThinkFrame is filled from an engine::World, so the pool
// (LuaThinkPhase) and the think tracer (debug/think_tracer.cpp) give a think the same views.
#include "engine/world/intent.h"
#include "engine/world/think_phase.h"
#include "pool/think_abi.h"

#include <glm/vec2.hpp>

#include <cstdint>
#include <vector>

namespace scripting {

/// What a frame points to besides the world: kept by its owner (the phase, the tracer).
struct ThinkFrameStorage {
    std::vector<ThinkMemoryPool> pools; // context.memory's pools, by type
};

/// Everything the driver reads, from the world after Game's snapshot; `order` lists the enemies to
/// think (the driver writes their intents to its VM's batch buffer, see DriverCursor).
/// Each script's type pool in context.memory must hold its script's bytes per enemy (the callers
/// set it). The frame keeps pointers into the world, the memory, `order` and `storage`: they
/// must outlive its use.
void fillThinkFrame(ThinkFrame& frame, const engine::ThinkContext& context, const uint32_t* order,
                    ThinkFrameStorage& storage);

} // namespace scripting
