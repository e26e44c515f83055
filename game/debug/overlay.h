#pragma once
// Overlay: the ImGui debug overlay (F1), a workbench around the arena. Its panels (VM pool,
// Scripts, Inspector, Frame, Controls, Error console, Script editor) sit in docks around the
// rectangle the arena is drawn into (WorkbenchLayout); a menu bar shows or hides them and resets
// the layout. Each panel reads the OverlayModel; what the user asks for goes through
// OverlayActions. The error badge is drawn even while the overlay is closed.
#include "game/debug/code_editor.h"
#include "game/debug/overlay_model.h"
#include "game/debug/script_cost.h"
#include "game/debug/source_view.h"
#include "game/debug/workbench_layout.h"

#include <deque>
#include <map>
#include <set>
#include <string>

namespace game {

/// What the overlay can ask of the game (implemented by the frontend).
class OverlayActions {
public:
    virtual ~OverlayActions() = default;
    virtual void select(engine::ObjectId id) = 0;
    virtual void setPaused(bool paused) = 0;
    virtual void stepOnce() = 0;
    virtual void setTimeScale(float scale) = 0;
    virtual void spawn(const std::string& type, int count) = 0;
    virtual void clearEnemies() = 0;
    virtual void setJit(bool enabled) = 0;
    virtual void setPoolSize(int size) = 0;
    /// Sets a scalar in the selected object's Lua table (`path` is the keys from the root).
    virtual void editTableValue(const std::vector<std::string>& path, const std::string& value) = 0;
    /// The editor saved a script (already written to disk): check it and make it live.
    virtual void scriptSaved(const std::string& relativePath) = 0;
    virtual std::string scriptsRoot() const = 0;
    /// Runs `scriptcheck --jit` in the background; results arrive in later models.
    virtual void checkJit() {}
    /// Turns the screen shake on a player hit on or off (--no-shake starts it off).
    virtual void setScreenShake(bool /*on*/) {}
    virtual void setVolume(float /*volume*/) {} // master, 0..1
    virtual void setMuted(bool /*muted*/) {}
    /// Sets a memory field of the selected enemy (the text is a number).
    virtual void editMemoryValue(const std::string& /*field*/, const std::string& /*value*/) {}
    /// Writes a recording of this session that ends at `tick` (an error's); returns what to
    /// show: the file and the command that replays it, or why it could not be written.
    virtual std::string reproduce(uint64_t /*tick*/) { return "recording is off in this mode"; }
    /// Shows the world at `tick` of this session, re-simulated apart (pauses the round); 0 goes
    /// back to the live game.
    virtual void seekTo(uint64_t /*tick*/) {}
    /// Traces `enemy`'s think at `tick` (seeking there first) in the debug VM; with
    /// `whatIfSource`, that source too, on the same tick and enemy. The result is the model's
    /// `debug`.
    virtual void debugThink(engine::ObjectId /*enemy*/, uint64_t /*tick*/,
                            const std::string* /*whatIfSource*/) {}
};

class Overlay {
public:
    bool visible() const { return m_visible; }
    void setVisible(bool v) { m_visible = v; }
    void toggle() { m_visible = !m_visible; }

    /// Where the arena is drawn in a window of width × height: all of it while the overlay is
    /// closed, else what the panels leave.
    LayoutRect arenaRect(float width, float height) const;
    const WorkbenchLayout& layout() const { return m_layout; }
    /// Where a panel was drawn in the last frame (zero-sized when closed or the overlay hidden).
    LayoutRect panelRect(Panel panel) const {
        return m_visible && m_layout[panel].open ? m_rects.panels[size_t(panel)] : LayoutRect{};
    }
    void setLayout(const WorkbenchLayout& layout) { m_layout = layout; }
    /// True once after the user changed the layout (resized, opened, closed, reset): time to save.
    bool takeLayoutChanged();

    /// Draws the overlay (if visible) and the error badge. Call between ImGui::NewFrame and Render.
    void draw(const OverlayModel& model, OverlayActions& actions);

    /// Opens a script in the editor (relative path under the scripts folder), at `line` (1-based)
    /// if it is not 0. The file already open keeps its buffer, unsaved edits included.
    void openInEditor(const std::string& relativePath, OverlayActions& actions, int line = 0);
    /// What the editor's text area showed in the last frame (tests).
    const CodeEditorView& editorView() const { return m_editor.code.view; }

    /// Traces `enemy`'s think at `tick` and shows the debugger (what its buttons do).
    void debugThink(OverlayActions& actions, engine::ObjectId enemy, uint64_t tick);
    /// Moves the debugger to a step of its trace (screenshots, tests).
    void setDebuggerStep(size_t step) {
        m_debugger.step = step;
        m_debugger.keepStep = true;
    }
    size_t debuggerStep() const { return m_debugger.step; }

    engine::ObjectId selected() const { return m_selected; }
    void setSelected(engine::ObjectId id) { m_selected = id; }

private:
    void drawMenu(const OverlayModel& model);
    void drawBadge(const OverlayModel& model);
    void drawPool(const OverlayModel& model, OverlayActions& actions);
    void drawScripts(const OverlayModel& model, OverlayActions& actions);
    void drawInspector(const OverlayModel& model, OverlayActions& actions);
    void drawFrame(const OverlayModel& model);
    void drawControls(const OverlayModel& model, OverlayActions& actions);
    void drawConsole(const OverlayModel& model, OverlayActions& actions);
    void drawEditor(const OverlayModel& model, OverlayActions& actions);
    void drawTimeTravel(const OverlayModel& model, OverlayActions& actions);
    void drawDebugger(const OverlayModel& model, OverlayActions& actions);
    /// Begins a panel's window at its place in the layout (its own Begin; End as usual).
    bool beginPanel(Panel panel);
    bool& isOpen(Panel panel) { return m_layout[panel].open; }

    bool m_visible = false;
    WorkbenchLayout m_layout = defaultWorkbenchLayout();
    WorkbenchRects m_rects;
    float m_menuHeight = 19.0f; // ImGui's frame height with the default font
    bool m_layoutChanged = false;
    bool m_resizedThisFrame = false; // one resize a frame: the others were laid out before it
    engine::ObjectId m_selected;
    engine::ObjectId m_seenId; // the selection as last seen alive, and its type: a destroyed
    std::string m_seenType;    // object keeps its name
    ScriptCosts m_costs;

    // History for the plots (last few seconds of frames).
    static constexpr size_t kHistory = 240;
    std::deque<float> m_tickMs, m_thinkMs, m_luaKb;
    std::vector<std::deque<float>> m_vmBusy;

    // Inspector
    char m_objectFilter[64] = {};
    // Controls
    int m_spawnType = 0, m_spawnCount = 100;
    int m_poolDraft = 0; // the pool size slider's value while it is dragged
    // Console
    char m_consoleFilter[128] = {};
    std::string m_reproduced; // what the last "Reproduce" wrote (the file and how to replay it)
    uint64_t m_clearedAtTick = 0;
    bool m_cleared = false;

    // Editor
    struct Editor {
        std::string path;      // relative to the scripts folder
        std::string text;      // the buffer
        std::string onDisk;    // what the buffer was loaded from / last saved
        bool conflict = false; // the file changed on disk while the buffer had edits
        std::string diskNow;   // the on-disk text when the conflict was noticed
        std::string saveMessage;
        int pollFrames = 0;
        bool missing = false; // the file was not on disk when last looked at
        CodeEditorState code;
        bool showErrorLine = true; // opened without a line: go to its error's, if it has one
        std::string seenError;     // the reload error shown last frame (a new one is news)
    } m_editor;
    // Think debugger: where the user is in the trace, and their breakpoints (per file).
    struct Debugger {
        const ThinkDebugResult* shown = nullptr; // the trace `step` belongs to
        uint64_t shownEntity = 0, shownTick = 0;
        size_t step = 0;
        std::map<std::string, std::set<int>> breakpoints;
        SourceViewState source;
        bool keepStep = false; // setDebuggerStep came before the trace it is for
    } m_debugger;

    int m_travelDraft = 0; // the slider's value while it is dragged
    bool m_travelDragging = false;

    void editorLoad(OverlayActions& actions);
    bool editorSave(OverlayActions& actions, bool overwriteConflict);
};

} // namespace game
