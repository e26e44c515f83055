#include "game/view/particles.h"

#include <gtest/gtest.h>

namespace {
game::Particle spark(uint32_t color, uint16_t life = 10) {
    game::Particle p;
    p.color = color;
    p.life = life;
    return p;
}
} // namespace

TEST(ParticlePool, AParticleLivesItsLifeInFramesThenGoes) {
    game::ParticlePool pool(8);
    pool.emit(spark(1, 3));
    pool.update();
    pool.update();
    ASSERT_EQ(pool.size(), 1u);
    EXPECT_EQ(pool.at(0).age, 2);
    pool.update();
    EXPECT_EQ(pool.size(), 0u);
}

TEST(ParticlePool, MovesByItsVelocityAndSlowsByItsDrag) {
    game::ParticlePool pool(8);
    game::Particle p = spark(1);
    p.position = {10.0f, 20.0f};
    p.velocity = {4.0f, -2.0f};
    p.drag = 0.5f;
    pool.emit(p);
    pool.update(); // moves by (4, -2), then the velocity halves
    pool.update(); // moves by (2, -1)
    ASSERT_EQ(pool.size(), 1u);
    EXPECT_FLOAT_EQ(pool.at(0).position.x, 16.0f);
    EXPECT_FLOAT_EQ(pool.at(0).position.y, 17.0f);
    EXPECT_FLOAT_EQ(pool.at(0).velocity.x, 1.0f);
}

TEST(ParticlePool, AParticleWithoutLifeIsNotKept) {
    game::ParticlePool pool(8);
    pool.emit(spark(1, 0));
    EXPECT_EQ(pool.size(), 0u);
}

TEST(ParticlePool, WhenFullTheNewestReplaceTheOldest) {
    game::ParticlePool pool(4);
    for (uint32_t c = 1; c <= 6; ++c)
        pool.emit(spark(c));
    ASSERT_EQ(pool.size(), 4u);
    EXPECT_EQ(pool.replaced(), 2u);
    for (size_t i = 0; i < 4; ++i)
        EXPECT_EQ(pool.at(i).color, uint32_t(3 + i)) << "oldest first, 1 and 2 replaced";
}

TEST(ParticlePool, ExpiringKeepsTheOrderAcrossTheWrap) {
    game::ParticlePool pool(4);
    // After the wrap the ring starts mid-array; colours 3..6 live, the even ones die first.
    for (uint32_t c = 1; c <= 6; ++c)
        pool.emit(spark(c, c % 2 == 0 ? 1 : 5));
    pool.update();
    ASSERT_EQ(pool.size(), 2u);
    EXPECT_EQ(pool.at(0).color, 3u);
    EXPECT_EQ(pool.at(1).color, 5u);
    pool.emit(spark(7));
    ASSERT_EQ(pool.size(), 3u);
    EXPECT_EQ(pool.at(2).color, 7u);
}

TEST(ParticlePool, ThousandsOfBurstsNeverGrowIt) {
    game::ParticlePool pool; // the view's default capacity
    const game::Particle* storage = pool.storage();
    const size_t capacity = pool.capacity();
    for (int death = 0; death < 2000; ++death) // a 2,000-death tick, 17 sparks each
        for (int s = 0; s < 17; ++s)
            pool.emit(spark(uint32_t(death), 30));
    EXPECT_EQ(pool.size(), capacity);
    EXPECT_EQ(pool.replaced(), 2000u * 17u - capacity);
    EXPECT_EQ(pool.at(pool.size() - 1).color, 1999u) << "the latest burst is the one shown";
    for (int f = 0; f < 40; ++f)
        pool.update();
    EXPECT_EQ(pool.size(), 0u);
    EXPECT_EQ(pool.storage(), storage);
    EXPECT_EQ(pool.capacity(), capacity);
}
