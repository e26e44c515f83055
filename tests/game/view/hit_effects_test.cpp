#include "game/view/hit_effects.h"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

#include <vector>

namespace {
struct Fixture {
    engine::World world;
    std::vector<engine::EnemyType> types;
    game::ParticlePool particles;
    game::TickEvents events;
    game::HitEffects effects;

    Fixture() {
        engine::EnemyType small, big;
        small.radius = 7.0f;
        small.color = 0x11223344u;
        big.radius = 22.0f;
        big.color = 0x55667788u;
        types = {small, big};
    }
    engine::ObjectId add(uint16_t type, glm::vec2 at) {
        engine::Enemy e;
        e.type = type;
        e.position = at;
        e.radius = types[type].radius;
        return world.addEnemy(e);
    }
    void step() {
        effects.onStep(events, world, types, particles);
        events.clear();
    }
};
} // namespace

TEST(HitEffects, AHitFlashesThatEnemyAloneAndFades) {
    Fixture f;
    const engine::ObjectId a = f.add(0, {100, 100}), b = f.add(0, {200, 100});
    f.events.hits.push_back({a, 1.0f, game::HitSource::PlayerBullet});
    f.step();
    EXPECT_FLOAT_EQ(f.effects.flash(a), 1.0f);
    EXPECT_FLOAT_EQ(f.effects.flash(b), 0.0f);
    const int frames = game::defaultHitEffectsDef().flashFrames;
    for (int i = 0; i < frames - 1; ++i)
        f.effects.advanceFrame();
    EXPECT_GT(f.effects.flash(a), 0.0f) << "still flashing on its last frame";
    f.effects.advanceFrame();
    EXPECT_FLOAT_EQ(f.effects.flash(a), 0.0f);
}

TEST(HitEffects, AFlashDoesNotPassToTheNextEnemyInTheSameSlot) {
    Fixture f;
    const engine::ObjectId a = f.add(0, {100, 100});
    f.events.hits.push_back({a, 1.0f, game::HitSource::PlayerBullet});
    f.step();
    f.world.removeEnemy(a);
    const engine::ObjectId next = f.add(0, {100, 100});
    ASSERT_EQ(next.index, a.index);
    EXPECT_FLOAT_EQ(f.effects.flash(next), 0.0f);
}

TEST(HitEffects, AHitThrowsAFewSparksFromTheEnemy) {
    Fixture f;
    const engine::ObjectId a = f.add(1, {300, 50});
    f.events.hits.push_back({a, 1.0f, game::HitSource::PlayerBullet});
    f.step();
    ASSERT_EQ(f.particles.size(), size_t(game::defaultHitEffectsDef().hitSparks));
    for (size_t i = 0; i < f.particles.size(); ++i) {
        EXPECT_EQ(f.particles.at(i).position, glm::vec2(300, 50));
        EXPECT_GT(glm::length(f.particles.at(i).velocity), 0.0f);
    }
}

TEST(HitEffects, ADeathBurstsInTheEnemysColourMoreForBiggerOnes) {
    Fixture f;
    f.events.deaths.push_back({engine::ObjectId{}, 0, {10, 10}, true});
    f.step();
    const size_t smallBurst = f.particles.size();
    for (size_t i = 0; i < smallBurst; ++i)
        EXPECT_EQ(f.particles.at(i).color, 0x11223344u);
    f.particles.clear();
    f.events.deaths.push_back({engine::ObjectId{}, 1, {10, 10}, true});
    f.step();
    EXPECT_GT(f.particles.size(), smallBurst);
    size_t rings = 0;
    for (size_t i = 0; i < f.particles.size(); ++i) {
        EXPECT_EQ(f.particles.at(i).color, 0x55667788u);
        rings += f.particles.at(i).kind == game::ParticleKind::Ring;
    }
    EXPECT_EQ(rings, 1u) << "the ring the deaths always had";
}

TEST(HitEffects, TwoThousandDeathsInATickFillThePoolWithTheLatest) {
    Fixture f;
    for (int i = 0; i < 2000; ++i)
        f.events.deaths.push_back({engine::ObjectId{}, uint16_t(i % 2), {float(i), 0.0f}, true});
    f.step();
    EXPECT_EQ(f.particles.size(), f.particles.capacity());
    EXPECT_GT(f.particles.replaced(), 0u);
    EXPECT_EQ(f.particles.at(f.particles.size() - 1).position, glm::vec2(1999.0f, 0.0f));
}

TEST(HitEffects, APlayerHitShakesTheViewBrieflyAndNothingElseDoes) {
    Fixture f;
    const engine::ObjectId a = f.add(0, {100, 100});
    f.events.hits.push_back({a, 1.0f, game::HitSource::PlayerBullet});
    f.events.deaths.push_back({engine::ObjectId{}, 1, {10, 10}, true});
    f.step();
    EXPECT_EQ(f.effects.shakeOffset(), glm::vec2(0.0f)) << "enemies' hits and deaths do not shake";

    const game::HitEffectsDef def = game::defaultHitEffectsDef();
    f.events.playerHits.push_back({8.0f, {100, 100}});
    f.step();
    bool moved = false;
    for (int i = 0; i < def.shakeFrames; ++i) {
        const glm::vec2 o = f.effects.shakeOffset();
        EXPECT_LE(std::abs(o.x), def.shakePixels);
        EXPECT_LE(std::abs(o.y), def.shakePixels);
        moved = moved || o != glm::vec2(0.0f);
        f.effects.advanceFrame();
    }
    EXPECT_TRUE(moved);
    EXPECT_EQ(f.effects.shakeOffset(), glm::vec2(0.0f)) << "over after shakeFrames frames";
}

TEST(HitEffects, ANewRoundClearsFlashesShakeAndParticles) {
    Fixture f;
    const engine::ObjectId a = f.add(0, {100, 100});
    f.events.hits.push_back({a, 1.0f, game::HitSource::PlayerBullet});
    f.events.playerHits.push_back({8.0f, {100, 100}});
    f.step();
    f.events.roundStarted = true;
    f.step();
    EXPECT_FLOAT_EQ(f.effects.flash(a), 0.0f);
    EXPECT_EQ(f.effects.shakeFramesLeft(), 0);
    EXPECT_EQ(f.particles.size(), 0u);
}

TEST(HitEffects, AScriptBurstIsARingAndSparksInItsColour) {
    Fixture f;
    f.events.bursts.push_back({{50, 60}, 0xabcdefffu, 5});
    f.step();
    ASSERT_EQ(f.particles.size(), 6u) << "one ring and the 5 sparks asked for";
    for (size_t i = 0; i < f.particles.size(); ++i)
        EXPECT_EQ(f.particles.at(i).color, 0xabcdefffu);
}
