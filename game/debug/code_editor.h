#pragma once
// CodeEditor: the script editor's text area, a Dear ImGui 1.86 widget (which has no code editor):
// line numbers in a gutter, Lua colours, the current line, a marked line (the last failed reload)
// with its message after the line's end, find (Ctrl+F; Enter/F3 next, Shift+Enter/Shift+F3
// previous, wrapping, "3 of 7"), go to line (Ctrl+G), and scrolling both ways (long lines are
// never cut). Editing itself is ImGui's InputTextMultiline, sized to the whole text so it never
// scrolls on its own, drawn with invisible text; the colours, gutter and marks are drawn over it at
// the same places, and the editor's own child window does the scrolling.
#include <imgui.h>

#include <cstddef>
#include <string>
#include <vector>

namespace game {

/// A line the editor marks: a tinted band across it, a marker in the gutter, the message after
/// the line's end.
struct CodeEditorMark {
    int line = 0; // 1-based; 0 marks nothing
    std::string message;
};

/// What the editor showed in its last frame, for its caller and tests. Offsets are bytes of the
/// UTF-8 text (the input's UTF-16 positions are converted).
struct CodeEditorView {
    int lineCount = 0;
    int firstVisibleLine = 0, lastVisibleLine = 0; // 1-based, inclusive: the gutter's numbers
    bool focused = false;                          // the text has the keyboard
    size_t cursor = 0;
    int cursorLine = 1;
    /// The selection, or the one it will have when it gets the keyboard (a find match chosen
    /// while the find bar has it); start == end when nothing is selected.
    size_t selectionStart = 0, selectionEnd = 0;
    int markedLine = 0; // the mark's line, when its band and gutter marker were drawn
    int matchIndex = -1, matchCount = 0; // the find bar's current match (0-based) and count
};

/// One editor's state across frames. The caller owns it (one per open file) and may ask for a
/// line or a search; the widget does it on its next frame.
struct CodeEditorState {
    /// Puts the cursor at the start of `line` (1-based, clamped to the text), scrolls it into
    /// view and gives the editor the keyboard.
    void goToLine(int line);
    /// Opens the find bar with the keyboard in it (what Ctrl+F does).
    void openFind();
    /// Selects the next (or previous) match of the find bar's text after (before) the selection.
    void findNext() { findStep = 1; }
    void findPrevious() { findStep = -1; }

    // The bars' fields (plain ImGui buffers).
    bool findOpen = false;
    char findText[128] = {};
    bool findCaseSensitive = false;
    bool gotoOpen = false;
    char gotoText[16] = {};

    CodeEditorView view;

    // The widget's own bookkeeping between frames.
    int findStep = 0;         // a find asked for: +1 next, -1 previous
    bool findRestart = false; // the find text changed: select the first match after findFrom
    size_t findFrom = 0;      // where the search started (the cursor when the bar opened)
    bool focusFind = false;   // give the find field the keyboard on the next frame
    bool focusGoto = false;   // the same for the go-to-line field
    bool findFieldActive = false, gotoFieldActive = false; // they had the keyboard last frame
    int pendingLine = 0;                                   // goToLine's line, until it is applied
    bool pendingSelect = false;                            // a selection to give the input...
    bool pendingFocus = false;  // ...with the keyboard (else when the user comes back to it)
    int pendingFocusFrames = 0; // how long it has been waiting for the keyboard
    size_t pendingStart = 0, pendingEnd = 0;
    int scrollFrames = 0; // frames left to bring scrollLine into view (layout may lag)
    int scrollLine = 0;
    size_t scrollOffset = 0; // the byte to bring into view (its column)
    size_t lastCursor = size_t(-1);
    std::string tokenizedText; // the text the layout below was made for
    float layoutFontSize = 0;
    std::vector<size_t> lineStarts;
    std::vector<float> lineWidths;
    float longestLine = 0;
    std::string matchesFor; // the needle (and case) the matches were found for
    std::vector<size_t> matches;
    struct Span {
        unsigned begin, end;
        unsigned color;
    };
    std::vector<std::vector<Span>> spans; // per line, coloured
};

/// Draws the editor at the cursor, `size` big (0 on an axis: the rest of the window), editing
/// `text`. `mark` (or null) marks a line. Keyboard shortcuts act while the window holding the
/// editor is focused. Returns true when the text was edited in this frame.
bool codeEditor(const char* id, CodeEditorState& state, std::string& text,
                const CodeEditorMark* mark, const ImVec2& size = ImVec2(0, 0));

} // namespace game
