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

TEST(Camera2D, FitsIntoARectangleOfTheWindow) {
    engine::Camera2D cam;
    // The overlay's arena rectangle: 563 wide from x = 320, 340 tall under a 19-pixel menu bar.
    cam.fitInto({1600, 900}, {320, 19}, {563, 340}, {1280, 720});
    const glm::vec2 topLeft = cam.worldToScreen({0, 0});
    const glm::vec2 bottomRight = cam.worldToScreen({1600, 900});
    EXPECT_NEAR(topLeft.x, 320.0f, 1e-3f);
    EXPECT_NEAR(bottomRight.x, 883.0f, 1e-3f);
    EXPECT_GE(topLeft.y, 19.0f);
    EXPECT_LE(bottomRight.y, 359.0f);
    EXPECT_NEAR(topLeft.y - 19.0f, 359.0f - bottomRight.y, 1e-3f); // centred vertically
    const glm::vec2 back = cam.screenToWorld({600, 200});
    EXPECT_NEAR(cam.worldToScreen(back).x, 600.0f, 1e-3f);
    // The projection maps the window's corners to clip space's: pixels stay 1:1.
    const glm::vec4 clip = cam.viewProjection() * glm::vec4(cam.screenToWorld({1280, 0}), 0, 1);
    EXPECT_NEAR(clip.x, 1.0f, 1e-4f);
    EXPECT_NEAR(clip.y, 1.0f, 1e-4f);
}
