#include "game/debug/source_view.h"

#include "game/debug/editor_theme.h"

#include <algorithm>
#include <cfloat>
#include <cstdio>

namespace game {

namespace {
constexpr ImU32 kStepBand = IM_COL32(240, 200, 60, 40);
constexpr ImU32 kStepArrow = IM_COL32(245, 205, 70, 255);
constexpr ImU32 kNoteText = IM_COL32(150, 200, 240, 255);
constexpr ImU32 kNoteBackground = IM_COL32(30, 48, 66, 255);

void relayout(SourceViewState& st, const std::string& source) {
    st.text = source;
    st.lines.clear();
    size_t start = 0;
    for (size_t i = 0; i <= source.size(); ++i)
        if (i == source.size() || source[i] == '\n') {
            std::string line = source.substr(start, i - start);
            std::replace(line.begin(), line.end(), '\t', ' ');
            st.lines.push_back(line);
            start = i + 1;
        }
    st.spans = tokenizeLua(source);
    st.scrolledTo = 0;
}
} // namespace

int sourceView(const char* id, SourceViewState& st, const std::string& source, int current,
               const std::string& note, std::set<int>* breakpoints, const ImVec2& size) {
    if (st.text != source || st.lines.empty())
        relayout(st, source);
    int clicked = 0;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, kBackground);
    ImGui::BeginChild(id, size, false, ImGuiWindowFlags_HorizontalScrollbar);
    ImFont* font = ImGui::GetFont();
    const float fontSize = ImGui::GetFontSize();
    const float lineHeight = ImGui::GetTextLineHeightWithSpacing();
    const float charWidth = font->CalcTextSizeA(fontSize, FLT_MAX, 0, "0").x;
    const int digits = int(std::to_string(st.lines.size()).size());
    const float gutter = charWidth * float(std::max(digits, 3) + 4);
    float widest = 0;
    for (const std::string& l : st.lines)
        widest = std::max(widest, font->CalcTextSizeA(fontSize, FLT_MAX, 0, l.c_str()).x);
    ImGui::Dummy(ImVec2(gutter + widest + charWidth * 60, lineHeight * float(st.lines.size())));
    const ImVec2 origin = ImGui::GetItemRectMin();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float scrollY = ImGui::GetScrollY(), viewH = ImGui::GetWindowHeight();
    if (current > 0 && current != st.scrolledTo) { // keep the stepped line in view
        const float y = lineHeight * float(current - 1);
        if (y < scrollY + lineHeight || y > scrollY + viewH - 2 * lineHeight)
            ImGui::SetScrollY(std::max(0.0f, y - viewH * 0.4f));
        st.scrolledTo = current;
    }
    const int first = std::max(0, int(scrollY / lineHeight) - 1);
    const int last = std::min(int(st.lines.size()), int((scrollY + viewH) / lineHeight) + 2);
    const float left = origin.x + ImGui::GetScrollX(); // the gutter stays put sideways
    for (int l = first; l < last; ++l) {
        const float y = origin.y + lineHeight * float(l);
        const bool here = l + 1 == current;
        if (here)
            draw->AddRectFilled(ImVec2(left, y),
                                ImVec2(left + ImGui::GetWindowWidth() + 4000, y + lineHeight),
                                kStepBand);
        // The text, coloured; spaces between tokens take no colour.
        const std::string& text = st.lines[size_t(l)];
        const float x0 = origin.x + gutter;
        if (size_t(l) < st.spans.size()) {
            // Measured as it goes (each span from the last one's end): one pass over the line,
            // however long it is.
            float x = x0;
            uint32_t at = 0;
            for (const LuaSpan& span : st.spans[size_t(l)]) {
                if (span.begin < at || span.end > text.size())
                    break;
                x += font->CalcTextSizeA(fontSize, FLT_MAX, 0, text.c_str() + at,
                                         text.c_str() + span.begin)
                         .x;
                draw->AddText(font, fontSize, ImVec2(x, y), colorOf(span.kind),
                              text.c_str() + span.begin, text.c_str() + span.end);
                x += font->CalcTextSizeA(fontSize, FLT_MAX, 0, text.c_str() + span.begin,
                                         text.c_str() + span.end)
                         .x;
                at = span.end;
            }
        }
        if (here && !note.empty()) {
            const float x =
                x0 + font->CalcTextSizeA(fontSize, FLT_MAX, 0, text.c_str()).x + charWidth * 3;
            const ImVec2 w = font->CalcTextSizeA(fontSize, FLT_MAX, 0, note.c_str());
            draw->AddRectFilled(ImVec2(x - 4, y), ImVec2(x + w.x + 4, y + lineHeight),
                                kNoteBackground, 3.0f);
            draw->AddText(font, fontSize, ImVec2(x, y), kNoteText, note.c_str());
        }
        // The gutter, over the text when it scrolls sideways.
        draw->AddRectFilled(ImVec2(left, y), ImVec2(left + gutter - charWidth, y + lineHeight),
                            kGutterBackground);
        const bool isBreak = breakpoints && breakpoints->count(l + 1);
        if (isBreak)
            draw->AddCircleFilled(ImVec2(left + charWidth * 1.0f, y + lineHeight * 0.5f),
                                  lineHeight * 0.3f, kMarkDot);
        if (here)
            draw->AddTriangleFilled(ImVec2(left + charWidth * 1.8f, y + lineHeight * 0.2f),
                                    ImVec2(left + charWidth * 1.8f, y + lineHeight * 0.8f),
                                    ImVec2(left + charWidth * 2.7f, y + lineHeight * 0.5f),
                                    kStepArrow);
        char number[16];
        std::snprintf(number, sizeof number, "%d", l + 1);
        const float nw = font->CalcTextSizeA(fontSize, FLT_MAX, 0, number).x;
        draw->AddText(font, fontSize, ImVec2(left + gutter - charWidth * 1.8f - nw, y),
                      here ? kLineNumberCurrent : kLineNumber, number);
        // A click on the number (or the dot) sets or clears a breakpoint there.
        if (breakpoints && ImGui::IsWindowHovered() &&
            ImGui::IsMouseHoveringRect(ImVec2(left, y),
                                       ImVec2(left + gutter - charWidth, y + lineHeight)) &&
            ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            if (!breakpoints->erase(l + 1))
                breakpoints->insert(l + 1);
            clicked = l + 1;
        }
    }
    draw->AddLine(ImVec2(left + gutter - charWidth, origin.y + scrollY),
                  ImVec2(left + gutter - charWidth, origin.y + scrollY + viewH), kGutterEdge);
    ImGui::EndChild();
    ImGui::PopStyleColor();
    return clicked;
}

} // namespace game
