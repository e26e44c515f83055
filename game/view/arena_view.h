#pragma once
// ArenaView: draws the game into a ShapeBatch (arena, enemies, bullets, player, effects).
// Reads the Game; owns only cosmetic state (death bursts), which never feeds back into the sim.
#include "engine/render/shape_batch.h"
#include "game/sim/game.h"

#include <vector>

namespace game {

class ArenaView {
public:
    /// Call once after every simulated step, to pick up the step's events for effects.
    void onStep(const Game& game);
    /// Ages cosmetic effects by one rendered frame.
    void advanceFrame();
    void draw(engine::ShapeBatch& batch, const Game& game, uint64_t frame,
              engine::ObjectId selected = engine::kNullObjectId) const;

private:
    struct Burst {
        glm::vec2 position;
        uint32_t color;
        float radius;
        int age;
    };
    std::vector<Burst> m_bursts;
};

} // namespace game
