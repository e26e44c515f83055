// ArenaView drawn into a ShapeBatch without GL: the batch builds and counts the vertices, which is
// enough to see whether something was drawn.
#include "game/sim/native_enemies.h"
#include "game/view/arena_view.h"

#include <gtest/gtest.h>

#include <memory>
#include <set>

namespace {
std::unique_ptr<game::Game> makeGame() {
    return std::make_unique<game::Game>(game::defaultGameDef(), game::nativeEnemyTypes(),
                                        std::make_unique<game::NativeSeekThink>());
}

// Vertices of each of the first 16 frames (the blink's period is 8).
std::set<size_t> verticesPerFrame(const game::ArenaView& view, const game::Game& game) {
    engine::ShapeBatch batch;
    std::set<size_t> counts;
    for (uint64_t frame = 0; frame < 16; ++frame) {
        batch.begin(glm::mat4(1.0f));
        view.draw(batch, game, frame);
        batch.end();
        counts.insert(batch.verticesLastFrame());
    }
    return counts;
}
} // namespace

TEST(ArenaView, TheInvulnerableShipBlinksWithoutEverLeavingTheScreen) {
    auto game = makeGame();
    game->mutableWorld().player.invulnerableTicks = 120;
    game::ArenaView view;
    EXPECT_EQ(verticesPerFrame(view, *game).size(), 1u) << "the ship is drawn on every frame";

    game::ArenaView plain; // the drawing before: the ship was gone every other phase
    plain.setPlain(true);
    EXPECT_EQ(verticesPerFrame(plain, *game).size(), 2u);
}

TEST(ArenaView, AGameWatchedAndDrawnEveryTickEndsWithTheSameWorldHash) {
    auto watched = makeGame(), alone = makeGame();
    game::ArenaView view;
    engine::ShapeBatch batch;
    for (int t = 0; t < 600; ++t) {
        watched->step(nullptr);
        alone->step(nullptr);
        view.onStep(*watched);
        view.advanceFrame();
        batch.begin(glm::mat4(1.0f));
        view.draw(batch, *watched, uint64_t(t));
        batch.end();
    }
    ASSERT_GT(watched->counters().killed, 0u) << "the effects had deaths to show";
    EXPECT_EQ(watched->worldHash(), alone->worldHash());
}
