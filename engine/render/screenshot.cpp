#include "engine/render/screenshot.h"

#include "engine/render/gl.h"

#include <stb_image_write.h>

#include <cstdint>
#include <vector>

namespace engine {

bool writeFramebufferPng(const std::string& path, int width, int height, std::string* error) {
    if (width <= 0 || height <= 0) {
        if (error)
            *error = "screenshot: empty framebuffer size";
        return false;
    }
    const size_t rowBytes = static_cast<size_t>(width) * 4;
    std::vector<uint8_t> pixels(rowBytes * static_cast<size_t>(height));

    GLint previousAlignment = 4;
    glGetIntegerv(GL_PACK_ALIGNMENT, &previousAlignment);
    glPixelStorei(GL_PACK_ALIGNMENT, 1); // rows tightly packed, whatever the width
    // Drop stale errors so the check below is about the read (bounded: without a context some
    // drivers report an error forever).
    for (int i = 0; i < 32 && glGetError() != GL_NO_ERROR; ++i) {
    }
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    GLenum glError = glGetError();
    glPixelStorei(GL_PACK_ALIGNMENT, previousAlignment);
    if (glError != GL_NO_ERROR) {
        if (error)
            *error = "screenshot: glReadPixels failed with GL error " + std::to_string(glError);
        return false;
    }

    // The screen ignores destination alpha but an image viewer does not: anything that wrote
    // alpha < 1 into the framebuffer would show up as holes in the PNG.
    for (size_t i = 3; i < pixels.size(); i += 4)
        pixels[i] = 255;

    // GL rows run bottom-up, PNG rows top-down. The flag is global in stb, so put it back.
    stbi_flip_vertically_on_write(1);
    int ok =
        stbi_write_png(path.c_str(), width, height, 4, pixels.data(), static_cast<int>(rowBytes));
    stbi_flip_vertically_on_write(0);
    if (!ok) {
        if (error)
            *error = "screenshot: cannot write " + path;
        return false;
    }
    return true;
}

} // namespace engine
