#include "game/app/sound_cues.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace {
game::SoundBank bank() {
    game::SoundBank b; // distinct ids, so every request says which sound it is
    b.shot = 1;
    b.enemyHit = 2;
    b.enemyDeaths = {3, 4, 5};
    b.playerHit = 6;
    b.waveStart = 7;
    b.gameOver = 8;
    return b;
}
std::vector<engine::PlayRequest> cues(const game::TickEvents& e) {
    std::vector<engine::PlayRequest> out;
    game::soundCues(e, bank(), out);
    return out;
}
std::multiset<engine::SoundId> sounds(const std::vector<engine::PlayRequest>& requests) {
    std::multiset<engine::SoundId> s;
    for (const engine::PlayRequest& r : requests)
        s.insert(r.sound);
    return s;
}
game::DeathEvent death(uint16_t type) {
    game::DeathEvent d;
    d.type = type;
    return d;
}
} // namespace

TEST(SoundCues, AQuietTickIsSilent) {
    EXPECT_TRUE(cues(game::TickEvents{}).empty());
}

TEST(SoundCues, EachKindOfEventPlaysItsSoundOnce) {
    game::TickEvents e;
    e.playerShots = 3;
    e.hits.resize(50);
    e.playerHits.resize(2);
    e.waveStarted = true;
    EXPECT_EQ(sounds(cues(e)), (std::multiset<engine::SoundId>{1, 2, 6, 7}));
}

TEST(SoundCues, AGameOverReplacesThePlayersHit) {
    game::TickEvents e;
    e.playerHits.resize(1);
    e.playerDied = true;
    EXPECT_EQ(sounds(cues(e)), (std::multiset<engine::SoundId>{8}));
}

TEST(SoundCues, TwoThousandDeathsAreOneSoundPerTypeForAFewTypes) {
    game::TickEvents e;
    for (int i = 0; i < 2000; ++i)
        e.deaths.push_back(death(uint16_t(i % 5)));
    const std::vector<engine::PlayRequest> out = cues(e);
    ASSERT_EQ(out.size(), game::kMaxDeathCuesPerTick);
    for (const engine::PlayRequest& r : out) {
        EXPECT_LE(r.gain, 1.0f); // a crowd is not louder than a sound at full gain
        EXPECT_GT(r.gain, 0.0f);
    }
}

TEST(SoundCues, EnemyTypesDieDifferently) {
    // The first dozen types: no two share both timbre and pitch.
    std::set<std::pair<engine::SoundId, float>> heard;
    for (uint16_t type = 0; type < 12; ++type) {
        const engine::PlayRequest r = game::deathCue(bank(), type, 1);
        EXPECT_TRUE(r.sound >= 3 && r.sound <= 5);
        heard.insert({r.sound, r.pitch});
    }
    EXPECT_EQ(heard.size(), 12u);
}

TEST(SoundCues, MoreDeathsOfATypeAreSomewhatLouder) {
    EXPECT_LT(game::deathCue(bank(), 0, 1).gain, game::deathCue(bank(), 0, 20).gain);
}
