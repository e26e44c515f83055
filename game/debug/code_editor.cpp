#include "game/debug/code_editor.h"

#include "game/debug/editor_theme.h"
#include "game/debug/lua_tokenizer.h"
#include "game/debug/overlay_text.h"
#include "game/debug/text_find.h"

#include <SDL_scancode.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace game {

namespace {
// stb_textedit's key codes as Dear ImGui 1.86's imgui_widgets.cpp defines them (its headers do
// not): the editor pages with them. tests/game/debug/code_editor_test.cpp checks a page moves.
constexpr int kStbKeyUp = 0x200002;
constexpr int kStbKeyDown = 0x200003;
constexpr int kStbKeyShift = 0x400000;

constexpr float kPadY = 2;      // the input's frame padding above the first line
constexpr int kMarginChars = 1; // characters of margin between the gutter and the text

float widthOf(ImFont* font, float size, const char* begin, const char* end) {
    return font->CalcTextSizeA(size, FLT_MAX, 0, begin, end).x;
}

// Lines, their widths and colours, remade when the text (or the font size) changes.
void layOut(CodeEditorState& st, const std::string& text, ImFont* font, float fontSize) {
    if (text == st.tokenizedText && !st.lineStarts.empty() && st.layoutFontSize == fontSize)
        return;
    st.layoutFontSize = fontSize;
    st.tokenizedText = text;
    st.matchesFor.clear(); // the matches were for another text (a key is never empty)
    const std::vector<std::vector<LuaSpan>> lines = tokenizeLua(text);
    st.lineStarts.assign(lines.size(), 0);
    st.lineWidths.assign(lines.size(), 0);
    st.spans.assign(lines.size(), {});
    st.longestLine = 0;
    size_t start = 0;
    for (size_t l = 0; l < lines.size(); ++l) {
        const size_t newline = text.find('\n', start);
        const size_t end = newline == std::string::npos ? text.size() : newline;
        st.lineStarts[l] = start;
        st.lineWidths[l] = widthOf(font, fontSize, text.data() + start, text.data() + end);
        st.longestLine = std::max(st.longestLine, st.lineWidths[l]);
        for (const LuaSpan& s : lines[l])
            st.spans[l].push_back({s.begin, s.end, colorOf(s.kind)});
        start = end + 1;
    }
}

size_t lineEndOf(const CodeEditorState& st, const std::string& text, size_t line0) {
    return line0 + 1 < st.lineStarts.size() ? st.lineStarts[line0 + 1] - 1 : text.size();
}

// The input edits UTF-16 (ImWchar); the text is UTF-8. After the input ran, the text is its
// buffer re-encoded, so these are exact (ImGui's own conversions, invalid bytes included).
size_t bytesAt(const ImGuiInputTextState& input, int chars) {
    chars = std::clamp(chars, 0, input.CurLenW);
    return size_t(ImTextCountUtf8BytesFromStr(input.TextW.Data, input.TextW.Data + chars));
}
int charsAt(const std::string& text, size_t bytes) {
    bytes = std::min(bytes, text.size());
    return ImTextCountCharsFromUtf8(text.data(), text.data() + bytes);
}

void select(ImGuiInputTextState& input, const std::string& text, size_t start, size_t end) {
    input.Stb.select_start = charsAt(text, start);
    input.Stb.select_end = input.Stb.cursor = charsAt(text, end);
    input.Stb.has_preferred_x = 0;
    input.CursorClamp();
    input.CursorAnimReset();
}

// Hides a key's press from the widgets drawn while it lives: ImGui's multiline input reverts
// every edit since it got the keyboard on Escape, and pages by its own height (the whole text
// here), so the editor takes those keys from it.
class HiddenKeyPress {
public:
    explicit HiddenKeyPress(int keyIndex) : m_index(keyIndex) {
        ImGuiIO& io = ImGui::GetIO();
        if (m_index >= 0 && m_index < IM_ARRAYSIZE(io.KeysDownDuration)) {
            m_saved = io.KeysDownDuration[m_index];
            io.KeysDownDuration[m_index] = -1.0f;
        } else {
            m_index = -1;
        }
    }
    ~HiddenKeyPress() {
        if (m_index >= 0)
            ImGui::GetIO().KeysDownDuration[m_index] = m_saved;
    }
    HiddenKeyPress(const HiddenKeyPress&) = delete;
    HiddenKeyPress& operator=(const HiddenKeyPress&) = delete;

private:
    int m_index;
    float m_saved = -1.0f;
};

bool keyPressed(ImGuiKey key, bool repeat = true) {
    const int index = ImGui::GetKeyIndex(key);
    return index >= 0 && ImGui::IsKeyPressed(index, repeat);
}

// Asks for a selection (find) or a cursor (start == end) in the input, and a scroll to it.
void request(CodeEditorState& st, const std::string& text, size_t start, size_t end,
             bool withKeyboard) {
    st.pendingSelect = true;
    st.pendingStart = std::min(start, text.size());
    st.pendingEnd = std::min(end, text.size());
    st.pendingFocus = st.pendingFocus || withKeyboard;
    st.pendingFocusFrames = 0;
    st.scrollLine = text_find::lineColumnOf(text, st.pendingEnd).line;
    st.scrollOffset = st.pendingEnd;
    st.scrollFrames = 3; // the first frames of a new text have no layout to scroll in yet
}

void drawFindBar(CodeEditorState& st) {
    ImGuiIO& io = ImGui::GetIO();
    if (st.findFieldActive && keyPressed(ImGuiKey_Escape, false)) {
        st.findOpen = false; // hand the keyboard to the text, the match selected
        st.pendingFocus = true;
        st.pendingFocusFrames = 0;
        st.findFieldActive = false;
        return;
    }
    if (st.focusFind) {
        ImGui::SetKeyboardFocusHere();
        st.focusFind = false;
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    const bool enter = ImGui::InputTextWithHint("##find", "find", st.findText, sizeof st.findText,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    if (ImGui::IsItemEdited())
        st.findRestart = true;
    if (enter) {
        st.findStep = io.KeyShift ? -1 : 1;
        ImGui::SetKeyboardFocusHere(-1); // Enter again finds again
    }
    st.findFieldActive = ImGui::IsItemActive() || enter;
    ImGui::SameLine();
    if (ImGui::Checkbox("Aa", &st.findCaseSensitive))
        st.findRestart = true;
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("match case");
    ImGui::SameLine();
    if (ImGui::ArrowButton("##previous", ImGuiDir_Up))
        st.findStep = -1;
    ImGui::SameLine();
    if (ImGui::ArrowButton("##next", ImGuiDir_Down))
        st.findStep = 1;
    ImGui::SameLine();
    if (st.findText[0] == 0)
        overlay_text::disabled("Enter/F3 next, Shift+Enter/Shift+F3 previous, Esc closes");
    else if (st.view.matchCount == 0)
        overlay_text::colored(ImVec4(1, 0.55f, 0.45f, 1), "no matches");
    else if (st.view.matchIndex >= 0)
        overlay_text::say("%d of %d", st.view.matchIndex + 1, st.view.matchCount);
    else
        overlay_text::say("%d matches", st.view.matchCount);
    ImGui::SameLine();
    if (ImGui::SmallButton("x"))
        st.findOpen = false;
}

void drawGotoBar(CodeEditorState& st, const std::string& text) {
    if (st.gotoFieldActive && keyPressed(ImGuiKey_Escape, false)) {
        st.gotoOpen = false;
        st.gotoFieldActive = false;
        st.pendingFocus = true;
        st.pendingFocusFrames = 0;
        return;
    }
    if (st.focusGoto) {
        ImGui::SetKeyboardFocusHere();
        st.focusGoto = false;
    }
    overlay_text::say("go to line");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
    const bool enter =
        ImGui::InputText("##line", st.gotoText, sizeof st.gotoText,
                         ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_EnterReturnsTrue);
    st.gotoFieldActive = ImGui::IsItemActive();
    ImGui::SameLine();
    overlay_text::disabled("of %d (Enter jumps, Esc closes)", text_find::lineCount(text));
    if (enter && st.gotoText[0]) {
        st.goToLine(std::atoi(st.gotoText));
        st.gotoOpen = false;
        st.gotoFieldActive = false;
    }
}
} // namespace

void CodeEditorState::goToLine(int line) {
    pendingLine = std::max(line, 1);
}

void CodeEditorState::openFind() {
    findOpen = true;
    focusFind = true;
    findFrom = view.selectionStart;
}

bool codeEditor(const char* id, CodeEditorState& st, std::string& text, const CodeEditorMark* mark,
                const ImVec2& size) {
    ImGui::PushID(id);
    ImGuiIO& io = ImGui::GetIO();
    ImFont* font = ImGui::GetFont();
    const float fontSize = ImGui::GetFontSize();
    const float lineHeight = fontSize; // the input's line height
    const float charWidth = widthOf(font, fontSize, "0", nullptr);

    // Shortcuts, while the window the editor is in has the focus.
    if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) {
        if (io.KeyCtrl && ImGui::IsKeyPressed(SDL_SCANCODE_F, false))
            st.openFind();
        if (io.KeyCtrl && ImGui::IsKeyPressed(SDL_SCANCODE_G, false)) {
            st.gotoOpen = true;
            st.focusGoto = true;
            std::snprintf(st.gotoText, sizeof st.gotoText, "%d", st.view.cursorLine);
        }
        if (ImGui::IsKeyPressed(SDL_SCANCODE_F3)) {
            st.findOpen = true;
            st.findStep = io.KeyShift ? -1 : 1;
        }
    }
    if (st.findOpen)
        drawFindBar(st);
    if (st.gotoOpen)
        drawGotoBar(st, text);

    // A text its caller replaced (a revert, a reload from disk) while the input had the keyboard:
    // the input would write its own buffer back over it (handled below).
    const bool textReplaced = text != st.tokenizedText && !st.lineStarts.empty();
    layOut(st, text, font, fontSize);

    // Find: the matches of the bar's text, and the match asked for.
    const std::string needle = st.findOpen ? std::string(st.findText) : std::string();
    const std::string matchKey = (st.findCaseSensitive ? "1" : "0") + needle;
    if (matchKey != st.matchesFor) {
        st.matches = text_find::findAll(text, needle, st.findCaseSensitive);
        st.matchesFor = matchKey;
    }
    if (st.pendingLine > 0) {
        const size_t at = text_find::lineStart(text, st.pendingLine);
        request(st, text, at, at, true);
        st.pendingLine = 0;
    }
    if ((st.findStep != 0 || st.findRestart) && !st.matches.empty()) {
        const int index = st.findRestart ? text_find::nextMatch(st.matches, st.findFrom)
                          : st.findStep > 0
                              ? text_find::nextMatch(st.matches, st.view.selectionEnd)
                              : text_find::previousMatch(st.matches, st.view.selectionStart);
        request(st, text, st.matches[size_t(index)], st.matches[size_t(index)] + needle.size(),
                false);
    }
    st.findStep = 0;
    st.findRestart = false;

    // The area: the gutter on the left, then a child window that scrolls both ways.
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 area(size.x > 0 ? size.x : avail.x, size.y > 0 ? size.y : avail.y);
    int digits = 1;
    for (size_t n = st.lineStarts.size(); n >= 10; n /= 10)
        ++digits;
    const float gutterWidth = charWidth * float(std::max(digits, 3) + 3);
    ImGui::SetCursorScreenPos(ImVec2(origin.x + gutterWidth, origin.y));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, kBackground);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild("##scroll", ImVec2(std::max(area.x - gutterWidth, 1.0f), area.y), false,
                      ImGuiWindowFlags_HorizontalScrollbar);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    ImGuiWindow* scroller = ImGui::GetCurrentWindow();
    const ImGuiID inputId = ImGui::GetID("##text");
    ImGuiInputTextState* input = ImGui::GetInputTextState(inputId);
    bool wasActive = input && ImGui::GetActiveID() == inputId;
    if (wasActive && textReplaced) { // let the input go, and take it back at the same place
        ImGui::ClearActiveID();
        wasActive = false;
        request(st, text, st.view.cursor, st.view.cursor, true);
    }

    // The input: as big as the whole text, so it never scrolls; its text invisible (drawn
    // coloured below) and its frame transparent (the colours are under it).
    const float margin = charWidth * kMarginChars;
    const size_t markLine0 = mark && mark->line >= 1 && size_t(mark->line) <= st.lineStarts.size()
                                 ? size_t(mark->line - 1)
                                 : size_t(-1);
    const std::string markMessage =
        markLine0 != size_t(-1) ? mark->message.substr(0, mark->message.find('\n')) : "";
    float contentWidth = st.longestLine + charWidth * 4;
    if (markLine0 != size_t(-1))
        contentWidth =
            std::max(contentWidth, st.lineWidths[markLine0] + charWidth * 8 +
                                       widthOf(font, fontSize, markMessage.c_str(),
                                               markMessage.c_str() + markMessage.size()));
    const ImVec2 room = ImGui::GetContentRegionAvail();
    const ImVec2 inputSize(
        std::max(room.x - margin, contentWidth),
        std::max(room.y, float(st.lineStarts.size() + 1) * lineHeight + kPadY * 2));

    if (wasActive) {
        if (st.pendingSelect) {
            select(*input, text, st.pendingStart, st.pendingEnd);
            st.pendingSelect = st.pendingFocus = false;
        }
        input->ScrollX = 0;
        // Page up/down by the visible height, with stb's own line moves (Shift extends).
        const int page = std::max(int(scroller->InnerRect.GetHeight() / lineHeight) - 1, 1);
        const int key = keyPressed(ImGuiKey_PageDown) ? kStbKeyDown
                        : keyPressed(ImGuiKey_PageUp) ? kStbKeyUp
                                                      : 0;
        for (int i = 0; key && i < page; ++i)
            input->OnKeyPressed(key | (io.KeyShift ? kStbKeyShift : 0));
    } else if (st.pendingFocus) {
        ImGui::SetKeyboardFocusHere();
        if (++st.pendingFocusFrames > 10) // never came: the window is hidden or collapsed
            st.pendingFocus = false;
    }

    ImGui::SetCursorPos(ImVec2(margin, 0));
    const ImVec2 textOrigin(ImGui::GetCursorScreenPos().x, ImGui::GetCursorScreenPos().y + kPadY);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0, kPadY));
    ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0, 0, 0, 0));
    bool edited;
    {
        const HiddenKeyPress escape(ImGui::GetKeyIndex(ImGuiKey_Escape));
        const HiddenKeyPress pageUp(ImGui::GetKeyIndex(ImGuiKey_PageUp));
        const HiddenKeyPress pageDown(ImGui::GetKeyIndex(ImGuiKey_PageDown));
        edited = ImGui::InputTextMultiline("##text", &text, inputSize,
                                           ImGuiInputTextFlags_AllowTabInput |
                                               ImGuiInputTextFlags_NoHorizontalScroll);
    }
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar();
    input = ImGui::GetInputTextState(inputId);
    const bool active = input && ImGui::GetActiveID() == inputId;
    if (active && !wasActive) {
        if (st.pendingFocus && st.pendingSelect) // we gave it the keyboard: our selection
            select(*input, text, st.pendingStart, st.pendingEnd);
        st.pendingSelect = st.pendingFocus = false; // (or a click did: the click's cursor)
    }
    if (edited)
        layOut(st, text, font, fontSize);

    // What it shows now.
    CodeEditorView& view = st.view;
    view.focused = active;
    view.lineCount = int(st.lineStarts.size());
    if (active) {
        view.cursor = bytesAt(*input, input->Stb.cursor);
        view.selectionStart =
            bytesAt(*input, std::min(input->Stb.select_start, input->Stb.select_end));
        view.selectionEnd =
            bytesAt(*input, std::max(input->Stb.select_start, input->Stb.select_end));
        if (view.cursor != st.lastCursor || edited) { // follow the cursor
            st.scrollLine = text_find::lineColumnOf(text, view.cursor).line;
            st.scrollOffset = view.cursor;
            st.scrollFrames = std::max(st.scrollFrames, 1);
        }
        st.lastCursor = view.cursor;
    } else if (st.pendingSelect) {
        view.selectionStart = st.pendingStart;
        view.selectionEnd = view.cursor = st.pendingEnd;
    }
    view.cursor = std::min(view.cursor, text.size());
    view.cursorLine = text_find::lineColumnOf(text, view.cursor).line;
    view.matchCount = int(st.matches.size());
    view.matchIndex = -1;
    for (size_t i = 0; i < st.matches.size(); ++i)
        if (st.matches[i] == view.selectionStart &&
            st.matches[i] + needle.size() == view.selectionEnd)
            view.matchIndex = int(i);

    // Scroll what was asked for (a jump, a match, the moving cursor) into view.
    const ImRect visible = scroller->InnerRect;
    if (st.scrollFrames > 0 && st.scrollLine >= 1) {
        --st.scrollFrames;
        const size_t line0 = size_t(st.scrollLine - 1);
        const float top = kPadY + float(line0) * lineHeight;
        const float height = visible.GetHeight(), width = visible.GetWidth();
        const float scrollY = ImGui::GetScrollY();
        if (top < scrollY || top + lineHeight > scrollY + height)
            ImGui::SetScrollY(top - (height - lineHeight) * 0.5f);
        if (line0 < st.lineStarts.size()) {
            const size_t from = st.lineStarts[line0];
            const size_t at = std::clamp(st.scrollOffset, from, lineEndOf(st, text, line0));
            const float x = margin + widthOf(font, fontSize, text.data() + from, text.data() + at);
            const float scrollX = ImGui::GetScrollX();
            if (x < scrollX + charWidth * 2)
                ImGui::SetScrollX(std::max(0.0f, x - width * 0.25f));
            else if (x > scrollX + width - charWidth * 3)
                ImGui::SetScrollX(x - width * 0.75f);
        }
    }

    // Under the (transparent) input: the current line, the mark, the matches, the coloured text
    // and the caret, for the lines on screen.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const int first0 = std::max(0, int(std::floor((visible.Min.y - textOrigin.y) / lineHeight)));
    const int last0 = std::min(int(st.lineStarts.size()) - 1,
                               int(std::floor((visible.Max.y - textOrigin.y) / lineHeight)));
    view.firstVisibleLine = first0 + 1;
    view.lastVisibleLine = last0 + 1;
    const auto lineTop = [&](size_t line0) { return textOrigin.y + float(line0) * lineHeight; };
    const auto xAt = [&](size_t line0, size_t offset) {
        const size_t from = st.lineStarts[line0];
        return textOrigin.x + widthOf(font, fontSize, text.data() + from, text.data() + offset);
    };
    const size_t cursorLine0 = size_t(view.cursorLine - 1);
    draw->AddRectFilled(ImVec2(visible.Min.x, lineTop(cursorLine0)),
                        ImVec2(visible.Max.x, lineTop(cursorLine0) + lineHeight), kCurrentLine);
    view.markedLine = 0;
    if (markLine0 != size_t(-1) && int(markLine0) >= first0 && int(markLine0) <= last0) {
        const float y = lineTop(markLine0);
        draw->AddRectFilled(ImVec2(visible.Min.x, y), ImVec2(visible.Max.x, y + lineHeight),
                            kMarkBand);
        view.markedLine = int(markLine0) + 1;
    }
    for (size_t i = 0; i < st.matches.size() && !needle.empty(); ++i) {
        const text_find::LineColumn at = text_find::lineColumnOf(text, st.matches[i]);
        if (at.line - 1 < first0 || at.line - 1 > last0)
            continue;
        const size_t line0 = size_t(at.line - 1);
        const float y = lineTop(line0);
        const size_t end = std::min(st.matches[i] + needle.size(), lineEndOf(st, text, line0));
        draw->AddRectFilled(ImVec2(xAt(line0, st.matches[i]), y),
                            ImVec2(xAt(line0, end) + 1, y + lineHeight),
                            int(i) == view.matchIndex ? kMatchCurrent : kMatch, 2.0f);
    }
    for (int l = first0; l <= last0; ++l) {
        const size_t line0 = size_t(l);
        const char* base = text.data() + st.lineStarts[line0];
        float x = textOrigin.x;
        unsigned at = 0;
        for (const CodeEditorState::Span& s : st.spans[line0]) {
            x += widthOf(font, fontSize, base + at, base + s.begin);
            draw->AddText(font, fontSize, ImVec2(x, lineTop(line0)), s.color, base + s.begin,
                          base + s.end);
            x += widthOf(font, fontSize, base + s.begin, base + s.end);
            at = s.end;
        }
    }
    if (view.markedLine) { // the message after the line's end, on its own dark label
        const float x = textOrigin.x + st.lineWidths[markLine0] + charWidth * 3;
        const float y = lineTop(markLine0);
        const float w =
            widthOf(font, fontSize, markMessage.c_str(), markMessage.c_str() + markMessage.size());
        draw->AddRectFilled(ImVec2(x - charWidth * 0.5f, y),
                            ImVec2(x + w + charWidth * 0.5f, y + lineHeight), kMarkTextBackground,
                            3.0f);
        draw->AddText(font, fontSize, ImVec2(x, y), kMarkText, markMessage.c_str(),
                      markMessage.c_str() + markMessage.size());
    }
    if (active) {
        const bool blinkOn = !io.ConfigInputTextCursorBlink || input->CursorAnim <= 0.0f ||
                             std::fmod(input->CursorAnim, 1.20f) <= 0.80f;
        const float x = std::floor(xAt(cursorLine0, view.cursor));
        const float y = lineTop(cursorLine0);
        if (blinkOn)
            draw->AddRectFilled(ImVec2(x, y), ImVec2(x + 2, y + lineHeight), kCaret);
    }
    ImGui::EndChild();

    // The gutter: fixed while the text scrolls sideways, following it up and down.
    ImDrawList* outer = ImGui::GetWindowDrawList();
    const ImVec2 gutterMin(origin.x, origin.y);
    const ImVec2 gutterMax(origin.x + gutterWidth, origin.y + area.y);
    outer->AddRectFilled(gutterMin, gutterMax, kGutterBackground);
    outer->AddLine(ImVec2(gutterMax.x - 1, gutterMin.y), ImVec2(gutterMax.x - 1, gutterMax.y),
                   kGutterEdge);
    outer->PushClipRect(ImVec2(gutterMin.x, visible.Min.y), ImVec2(gutterMax.x, visible.Max.y),
                        true);
    char number[16];
    for (int l = first0; l <= last0; ++l) {
        const size_t line0 = size_t(l);
        const float y = lineTop(line0);
        if (view.markedLine == l + 1) {
            outer->AddRectFilled(ImVec2(gutterMin.x, y), ImVec2(gutterMax.x - 1, y + lineHeight),
                                 kMarkGutter);
            outer->AddCircleFilled(ImVec2(gutterMin.x + charWidth, y + lineHeight * 0.5f),
                                   lineHeight * 0.3f, kMarkDot);
        }
        const int n = std::snprintf(number, sizeof number, "%d", l + 1);
        const float w = widthOf(font, fontSize, number, number + n);
        outer->AddText(font, fontSize, ImVec2(gutterMax.x - charWidth * 1.5f - w, y),
                       line0 == cursorLine0 ? kLineNumberCurrent : kLineNumber, number, number + n);
    }
    outer->PopClipRect();
    // A click on a line number puts the cursor at that line's start.
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows) && ImGui::IsMouseClicked(0) &&
        ImGui::IsMouseHoveringRect(ImVec2(gutterMin.x, visible.Min.y),
                                   ImVec2(gutterMax.x, visible.Max.y))) {
        const int line = int(std::floor((io.MousePos.y - textOrigin.y) / lineHeight)) + 1;
        if (line >= 1 && line <= view.lineCount)
            st.goToLine(line);
    }
    ImGui::PopID();
    return edited;
}

} // namespace game
