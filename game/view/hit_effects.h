#pragma once
// HitEffects: what a tick's events look like. Reads TickEvents after the step and turns them into
// render-only feedback: a flash on every enemy hit, sparks on hits, a burst of particles in the
// enemy's colour on deaths (more for bigger enemies), a ring and sparks for scripts' arena.burst,
// and a short screen shake when the player is hit. Nothing here feeds back into the simulation or
// its world_hash; the sparks' scatter comes from the view's own Rng.
//
// Contract:
// - onStep() once after every simulated step; advanceFrame() once per rendered, unpaused frame
//   (flashes and the shake fade by frames, like the particles).
// - flash(id) is 1 on the frame after the hit and falls to 0 over def.flashFrames frames. Its
//   storage is indexed by the id's slot, so it grows only when the world holds more enemies.
// - shakeOffset() is in window pixels, zero when calm; deterministic (a hash of the frames left),
//   so a screenshot with --seed is still reproducible. Whether it is applied is the caller's
//   choice (--no-shake, the overlay's checkbox).
#include "engine/core/handle.h"
#include "engine/core/random.h"
#include "engine/world/enemy_type.h"
#include "engine/world/world.h"
#include "game/sim/events.h"
#include "game/view/particles.h"

#include <glm/vec2.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace game {

struct HitEffectsDef {
    int flashFrames = 6;
    int shakeFrames = 14;
    float shakePixels = 7.0f;
    int hitSparks = 3;
    int deathSparksMin = 6;  // the smallest enemies (radius 7)
    int deathSparksMax = 24; // radius-22 brutes get about 17
    int burstSparksMax = 16; // per arena.burst
};
HitEffectsDef defaultHitEffectsDef();

class HitEffects {
public:
    explicit HitEffects(const HitEffectsDef& def = defaultHitEffectsDef()) : m_def(def) {}

    /// Reads one step's events. `world` and `types` are the game's after that step.
    void onStep(const TickEvents& events, const engine::World& world,
                std::span<const engine::EnemyType> types, ParticlePool& particles);
    void advanceFrame();
    void clear();

    float flash(engine::ObjectId id) const;
    glm::vec2 shakeOffset() const;
    int shakeFramesLeft() const { return m_shakeFrames; }
    /// How many death sparks an enemy of this radius bursts into.
    int deathSparks(float radius) const;

private:
    struct Flash {
        uint32_t generation = 0; // the id it belongs to (0: none)
        int frames = 0;          // left
    };
    void sparks(glm::vec2 at, uint32_t color, int count, float speed, float size, int life,
                ParticlePool& particles);

    HitEffectsDef m_def;
    std::vector<Flash> m_flashes; // by ObjectId::index
    int m_shakeFrames = 0;
    engine::Rng m_rng{0x5eedf1a5u};
};

} // namespace game
