#include "engine/render/camera2d.h"

#include <gtest/gtest.h>

TEST(Camera2D, ScreenAndWorldAreInverse) {
    engine::Camera2D cam;
    cam.fit({1600, 900}, {1280, 720});
    for (glm::vec2 p : {glm::vec2(0, 0), glm::vec2(1600, 900), glm::vec2(123.5f, 777.25f)}) {
        const glm::vec2 back = cam.screenToWorld(cam.worldToScreen(p));
        EXPECT_NEAR(back.x, p.x, 1e-3f);
        EXPECT_NEAR(back.y, p.y, 1e-3f);
    }
}

TEST(Camera2D, LetterboxesToKeepTheAspect) {
    engine::Camera2D cam;
    cam.fit({1600, 900}, {1000, 720}); // taller than 16:9: bars above and below
    const glm::vec2 topLeft = cam.worldToScreen({0, 0});
    const glm::vec2 bottomRight = cam.worldToScreen({1600, 900});
    EXPECT_NEAR(topLeft.x, 0.0f, 1e-3f);
    EXPECT_NEAR(bottomRight.x, 1000.0f, 1e-3f);
    EXPECT_GT(topLeft.y, 0.0f);
    EXPECT_NEAR(topLeft.y, 720.0f - bottomRight.y, 1e-3f); // centred
    EXPECT_NEAR((bottomRight.x - topLeft.x) / (bottomRight.y - topLeft.y), 16.0f / 9.0f, 1e-3f);
}
