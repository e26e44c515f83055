#pragma once
// Text output of the overlay's panels: ImGui text that tests can also read. Dear ImGui 1.86
// cannot log across windows (End() stops logging), so the panels write through these, which
// also append to a capture buffer when one is set (tests only).
#include <imgui.h>

#include <string>

namespace game::overlay_text {

void setCapture(std::string* sink);
void say(const char* fmt, ...) IM_FMTARGS(1);
void colored(const ImVec4& color, const char* fmt, ...) IM_FMTARGS(2);
void disabled(const char* fmt, ...) IM_FMTARGS(1);
void wrapped(const char* fmt, ...) IM_FMTARGS(1);
void bullet(const char* fmt, ...) IM_FMTARGS(1);
void raw(const char* text);

} // namespace game::overlay_text
