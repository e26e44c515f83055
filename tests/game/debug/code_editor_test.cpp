// The code editor driven headless (Dear ImGui without a backend), the way a user drives it: keys
// and characters into io, one frame at a time. Expected offsets are counted by hand.
#include "engine/core/tick.h"
#include "game/debug/code_editor.h"
#include "game/debug/overlay_text.h"

#include <SDL_scancode.h>
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cstring>
#include <string>

namespace {
class CodeEditorTest : public testing::Test {
protected:
    void SetUp() override {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(800, 600);
        io.DeltaTime = engine::kTickDt;
        io.KeyMap[ImGuiKey_Enter] = SDL_SCANCODE_RETURN;
        io.KeyMap[ImGuiKey_Escape] = SDL_SCANCODE_ESCAPE;
        io.KeyMap[ImGuiKey_PageDown] = SDL_SCANCODE_PAGEDOWN;
        io.KeyMap[ImGuiKey_PageUp] = SDL_SCANCODE_PAGEUP;
        io.KeyMap[ImGuiKey_End] = SDL_SCANCODE_END;
        unsigned char* pixels;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    void TearDown() override { ImGui::DestroyContext(); }

    // One frame of a 600x400 window holding only the editor; returns the text it wrote.
    std::string frame(const game::CodeEditorMark* mark = nullptr) {
        std::string captured;
        game::overlay_text::setCapture(&captured);
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(10, 10));
        ImGui::SetNextWindowSize(ImVec2(600, 400));
        ImGui::Begin("editor window");
        edited = game::codeEditor("code", state, text, mark) || edited;
        ImGui::End();
        ImGui::Render();
        game::overlay_text::setCapture(nullptr);
        return captured;
    }
    std::string frames(int n, const game::CodeEditorMark* mark = nullptr) {
        std::string last;
        for (int i = 0; i < n; ++i)
            last = frame(mark);
        return last;
    }
    // A key held for one frame, then released.
    std::string press(int scancode, bool shift = false, bool ctrl = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeysDown[scancode] = true;
        io.KeyShift = shift;
        io.KeyCtrl = ctrl;
        const std::string out = frame();
        io.KeysDown[scancode] = false;
        io.KeyShift = io.KeyCtrl = false;
        frame();
        return out;
    }
    ImGuiInputTextState* input() { return &ImGui::GetCurrentContext()->InputTextState; }

    static std::string numberedLines(int n) {
        std::string t;
        for (int i = 1; i <= n; ++i)
            t += "x = " + std::to_string(i) + "\n";
        return t;
    }

    game::CodeEditorState state;
    std::string text;
    bool edited = false;
};
} // namespace

TEST_F(CodeEditorTest, GoToLinePutsTheCursorAtItsStartAndTypingEditsThere) {
    text = "local a = 1\nlocal b = 2\nreturn a + b\n";
    frame();
    state.goToLine(2);
    frames(4);
    ASSERT_TRUE(state.view.focused) << "the editor never got the keyboard";
    EXPECT_EQ(state.view.cursorLine, 2);
    EXPECT_EQ(state.view.cursor, 12u); // "local a = 1\n" is 12 bytes
    EXPECT_EQ(input()->Stb.cursor, 12);
    ImGui::GetIO().AddInputCharacter('-');
    ImGui::GetIO().AddInputCharacter('-');
    frame();
    EXPECT_TRUE(edited);
    EXPECT_EQ(text, "local a = 1\n--local b = 2\nreturn a + b\n");
    EXPECT_EQ(state.view.cursor, 14u);
}

TEST_F(CodeEditorTest, GoToLineScrollsAFarLineIntoView) {
    text = numberedLines(300);
    frames(2);
    EXPECT_EQ(state.view.firstVisibleLine, 1);
    EXPECT_LT(state.view.lastVisibleLine, 100);
    state.goToLine(250);
    frames(5);
    EXPECT_EQ(state.view.cursorLine, 250);
    EXPECT_LE(state.view.firstVisibleLine, 250);
    EXPECT_GE(state.view.lastVisibleLine, 250);
    EXPECT_GT(state.view.firstVisibleLine, 100);
}

TEST_F(CodeEditorTest, CtrlGOpensTheLineFieldAndEnterJumps) {
    text = numberedLines(50);
    frame();
    ImGui::FocusWindow(ImGui::FindWindowByName("editor window"));
    press(SDL_SCANCODE_G, false, true);
    EXPECT_TRUE(state.gotoOpen);
    frames(2);
    // The field holds the current line, selected by nothing: clear it by typing over a fresh one.
    state.gotoText[0] = 0;
    ImGui::ClearActiveID();
    state.focusGoto = true;
    frames(3);
    for (char c : std::string("42"))
        ImGui::GetIO().AddInputCharacter(c);
    frame();
    press(SDL_SCANCODE_RETURN);
    frames(4);
    EXPECT_FALSE(state.gotoOpen);
    EXPECT_EQ(state.view.cursorLine, 42);
    EXPECT_TRUE(state.view.focused);
}

TEST_F(CodeEditorTest, FindSelectsMatchesInTurnAndWrapsAround) {
    // Multi-byte characters before the matches: the input's UTF-16 positions differ from bytes.
    text = "-- \xC3\xA9t\xC3\xA9 \xE2\x80\x94 x\nlocal x = 1\nx = X + 1\n";
    // byte offsets of "x": 12 (after "-- " 3 + "été" 5 + " " 1 + "—" 3... counted below)
    //   "-- " = 0..2, "\xC3\xA9" 3-4, "t" 5, "\xC3\xA9" 6-7, " " 8, "\xE2\x80\x94" 9-11, " " 12,
    //   "x" 13, "\n" 14; "local x" -> x at 15 + 6 = 21; line 3 starts at 27: "x" 27, "X" 31.
    frame();
    ImGui::FocusWindow(ImGui::FindWindowByName("editor window"));
    press(SDL_SCANCODE_F, false, true);
    ASSERT_TRUE(state.findOpen);
    frames(2);
    ImGui::GetIO().AddInputCharacter('x');
    std::string shown = frames(2);
    EXPECT_EQ(state.view.matchCount, 4); // case-insensitive by default: x, x, x, X
    EXPECT_EQ(state.view.selectionStart, 13u);
    EXPECT_EQ(state.view.selectionEnd, 14u);
    EXPECT_NE(shown.find("1 of 4"), std::string::npos) << shown;
    press(SDL_SCANCODE_RETURN); // Enter in the field: next
    shown = frame();
    EXPECT_EQ(state.view.selectionStart, 21u);
    EXPECT_NE(shown.find("2 of 4"), std::string::npos) << shown;
    press(SDL_SCANCODE_F3);
    press(SDL_SCANCODE_F3);
    shown = frame();
    EXPECT_EQ(state.view.selectionStart, 31u);
    EXPECT_NE(shown.find("4 of 4"), std::string::npos) << shown;
    press(SDL_SCANCODE_F3); // wraps to the first
    EXPECT_EQ(state.view.selectionStart, 13u);
    press(SDL_SCANCODE_RETURN, true); // Shift+Enter: previous, wrapping to the last
    EXPECT_EQ(state.view.selectionStart, 31u);
    // Escape hands the keyboard to the text with the match selected, in UTF-16 positions:
    // "-- été — x\n" is 11 characters, "local x = 1\n" 12, so "X" is at 11 + 12 + 4 = 27.
    press(SDL_SCANCODE_ESCAPE);
    frames(3);
    EXPECT_FALSE(state.findOpen);
    ASSERT_TRUE(state.view.focused);
    EXPECT_EQ(input()->Stb.select_start, 27);
    EXPECT_EQ(input()->Stb.select_end, 28);
    EXPECT_EQ(state.view.selectionStart, 31u);
    EXPECT_EQ(state.view.selectionEnd, 32u);
}

TEST_F(CodeEditorTest, CaseSensitiveFindAndNoMatches) {
    text = "Self self SELF";
    state.openFind();
    frames(2);
    for (char c : std::string("self"))
        ImGui::GetIO().AddInputCharacter(c);
    frames(2);
    EXPECT_EQ(state.view.matchCount, 3);
    state.findCaseSensitive = true; // what the "Aa" box sets
    state.findRestart = true;
    frames(2);
    EXPECT_EQ(state.view.matchCount, 1);
    EXPECT_EQ(state.view.selectionStart, 5u);
    ImGui::GetIO().AddInputCharacter('!');
    const std::string shown = frames(2);
    EXPECT_EQ(state.view.matchCount, 0);
    EXPECT_NE(shown.find("no matches"), std::string::npos) << shown;
}

TEST_F(CodeEditorTest, TheMarkedLineIsDrawnWhenItIsOnScreen) {
    text = numberedLines(300);
    const game::CodeEditorMark near{3, "unexpected symbol near 'x'"};
    frames(2, &near);
    EXPECT_EQ(state.view.markedLine, 3);
    const game::CodeEditorMark far{280, "far away"};
    frames(2, &far);
    EXPECT_EQ(state.view.markedLine, 0); // off screen: nothing drawn for it
    state.goToLine(280);
    frames(5, &far);
    EXPECT_EQ(state.view.markedLine, 280);
    const game::CodeEditorMark outside{301 + 5, "past the end"};
    frames(2, &outside);
    EXPECT_EQ(state.view.markedLine, 0);
}

TEST_F(CodeEditorTest, EscapeInTheTextKeepsTheEdits) {
    // ImGui's own multiline input reverts every edit since it got the keyboard on Escape.
    text = "a\nb\n";
    state.goToLine(2);
    frames(4);
    ASSERT_TRUE(state.view.focused);
    ImGui::GetIO().AddInputCharacter('z');
    frame();
    press(SDL_SCANCODE_ESCAPE);
    frames(2);
    EXPECT_EQ(text, "a\nzb\n");
}

TEST_F(CodeEditorTest, PageDownMovesByAPageNotToTheEnd) {
    text = numberedLines(300);
    state.goToLine(1);
    frames(4);
    ASSERT_TRUE(state.view.focused);
    const int visible = state.view.lastVisibleLine - state.view.firstVisibleLine;
    press(SDL_SCANCODE_PAGEDOWN);
    EXPECT_GT(state.view.cursorLine, visible / 2);
    EXPECT_LE(state.view.cursorLine, visible + 1);
    EXPECT_GT(state.view.firstVisibleLine, 1) << "the view did not follow the cursor";
    press(SDL_SCANCODE_PAGEUP);
    EXPECT_EQ(state.view.cursorLine, 1);
}

TEST_F(CodeEditorTest, ALongLineScrollsSidewaysToTheCursor) {
    text = "local s = \"" + std::string(400, 'a') + "\"\nreturn s\n";
    state.goToLine(1);
    frames(4);
    ASSERT_TRUE(state.view.focused);
    press(SDL_SCANCODE_END);
    frames(3);
    EXPECT_EQ(state.view.cursor, 412u);
    ImGuiWindow* scroller = nullptr; // the editor's child window that scrolls (not the input's)
    for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
        const std::string name = w->Name;
        if (name.find("/##scroll_") != std::string::npos && name.find("/##text_") == name.npos)
            scroller = w;
    }
    ASSERT_NE(scroller, nullptr);
    EXPECT_GT(scroller->ScrollMax.x, 0.0f) << "the long line is cut instead of scrollable";
    EXPECT_GT(scroller->Scroll.x, 0.0f) << "the view did not follow the cursor to the right";
}

TEST_F(CodeEditorTest, ATextReplacedByItsOwnerIsNotOverwrittenByTheInput) {
    // A revert while the text has the keyboard: the input used to write its buffer back.
    text = "one\ntwo\n";
    state.goToLine(2);
    frames(4);
    ASSERT_TRUE(state.view.focused);
    ImGui::GetIO().AddInputCharacter('X');
    frame();
    ASSERT_EQ(text, "one\nXtwo\n");
    text = "one\ntwo\n"; // the owner reverts
    frames(4);
    EXPECT_EQ(text, "one\ntwo\n");
    EXPECT_TRUE(state.view.focused);
}
