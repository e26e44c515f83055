#include "game/debug/overlay_text.h"

#include <cstdarg>
#include <cstdio>

namespace game::overlay_text {

namespace {
std::string* g_capture = nullptr;

void record(const char* text) {
    if (g_capture) {
        *g_capture += text;
        *g_capture += '\n';
    }
}

#define OVERLAY_FORMAT(buffer)                                                                     \
    char buffer[1024];                                                                             \
    va_list args;                                                                                  \
    va_start(args, fmt);                                                                           \
    std::vsnprintf(buffer, sizeof buffer, fmt, args);                                              \
    va_end(args);                                                                                  \
    record(buffer)
} // namespace

void setCapture(std::string* sink) {
    g_capture = sink;
}

void say(const char* fmt, ...) {
    OVERLAY_FORMAT(text);
    ImGui::TextUnformatted(text);
}

void colored(const ImVec4& color, const char* fmt, ...) {
    OVERLAY_FORMAT(text);
    ImGui::TextColored(color, "%s", text);
}

void disabled(const char* fmt, ...) {
    OVERLAY_FORMAT(text);
    ImGui::TextDisabled("%s", text);
}

void wrapped(const char* fmt, ...) {
    OVERLAY_FORMAT(text);
    ImGui::TextWrapped("%s", text);
}

void bullet(const char* fmt, ...) {
    OVERLAY_FORMAT(text);
    ImGui::BulletText("%s", text);
}

void raw(const char* text) {
    record(text);
    ImGui::TextUnformatted(text);
}

} // namespace game::overlay_text
