#pragma once
// Reads back the current framebuffer and writes it as a PNG (stb_image_write from Debian's libstb).
// Call after rendering and before swapping buffers.
#include <string>

namespace engine {

bool writeFramebufferPng(const std::string& path, int width, int height, std::string* error);

} // namespace engine
