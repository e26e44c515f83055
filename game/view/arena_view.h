#pragma once
// ArenaView: draws the game into a ShapeBatch (arena, enemies, bullets, player, effects).
// Reads the Game; owns only cosmetic state (particles, hit flashes, the screen shake), which never
// feeds back into the sim.
#include "engine/render/shape_batch.h"
#include "game/sim/game.h"
#include "game/view/hit_effects.h"
#include "game/view/particles.h"

#include <glm/vec2.hpp>

namespace game {

class ArenaView {
public:
    /// Call once after every simulated step, to pick up the step's events for effects.
    void onStep(const Game& game) { onEvents(game.events(), game); }
    /// The same for events that did not come from the game's last step (arena-bench feeds a
    /// 2,000-death tick every frame to measure a full particle pool).
    void onEvents(const TickEvents& events, const Game& game);
    /// Ages cosmetic effects by one rendered frame.
    void advanceFrame();
    void draw(engine::ShapeBatch& batch, const Game& game, uint64_t frame,
              engine::ObjectId selected = engine::kNullObjectId) const;

    /// Where the camera should be nudged this frame (window pixels): the shake after a player hit.
    glm::vec2 shakeOffset() const { return m_effects.shakeOffset(); }
    /// Plain: the drawing before the hit effects (every enemy a circle, death rings only, no
    /// flashes or sparks). arena-bench draws both to measure what the effects cost.
    void setPlain(bool plain) { m_plain = plain; }
    const ParticlePool& particles() const { return m_particles; }

private:
    ParticlePool m_particles;
    HitEffects m_effects;
    bool m_plain = false;
};

} // namespace game
