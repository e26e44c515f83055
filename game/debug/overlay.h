#pragma once
// Overlay: the ImGui debug overlay (F1). A menu bar shows or hides its windows: VM pool,
// Scripts, Inspector, Frame, Controls, Error console, Script editor. Each window reads the
// OverlayModel; what the user asks for goes through OverlayActions. The error badge is drawn
// even while the overlay is closed.
#include "game/debug/code_editor.h"
#include "game/debug/overlay_model.h"

#include <deque>
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
};

struct OverlayWindows {
    bool pool = true, scripts = true, inspector = true, frame = true, controls = true,
         console = true, editor = false;
};

class Overlay {
public:
    bool visible() const { return m_visible; }
    void setVisible(bool v) { m_visible = v; }
    void toggle() { m_visible = !m_visible; }

    /// Draws the overlay (if visible) and the error badge. Call between ImGui::NewFrame and Render.
    void draw(const OverlayModel& model, OverlayActions& actions);

    /// Opens a script in the editor (relative path under the scripts folder), at `line` (1-based)
    /// if it is not 0. The file already open keeps its buffer, unsaved edits included.
    void openInEditor(const std::string& relativePath, OverlayActions& actions, int line = 0);
    /// What the editor's text area showed in the last frame (tests).
    const CodeEditorView& editorView() const { return m_editor.code.view; }
    /// Lays every window out in a grid at fixed places (screenshots, first open).
    void arrangeAll() { m_arrange = true; }

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
    void place(const char* name, float x, float y, float w, float h);

    bool m_visible = false;
    bool m_arrange = true;
    OverlayWindows m_windows;
    engine::ObjectId m_selected;

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
    } m_editor;
    void editorLoad(OverlayActions& actions);
    bool editorSave(OverlayActions& actions, bool overwriteConflict);
};

/// Writes text to path atomically (a temporary file, then rename): an editor save is never seen
/// half-written. Returns false with *error on failure (a read-only disk, say).
bool writeFileAtomically(const std::string& path, const std::string& text, std::string* error);

} // namespace game
