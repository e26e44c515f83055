// The in-game script editor: pick a script, edit it in the code editor (game/debug/code_editor.h),
// save with Ctrl+S (atomically: a temporary file, then rename) through the same reload path as a
// change on disk; shows the error of the last failed reload and marks its line; reverts to the file
// on disk; never silently overwrites an edit made outside the game while the file is open here; and
// says what became of a script whose file is gone instead of showing it empty.
#include "game/app/user_files.h"
#include "game/debug/overlay.h"
#include "game/debug/overlay_text.h"
#include "scripting/script_files.h"

#include <SDL_scancode.h>
#include <imgui.h>

#include <filesystem>

namespace game {

namespace {
std::string readDisk(const std::string& path) {
    std::string text, error;
    scripting::readScriptFile(path, &text, &error);
    return text;
}

bool onDisk(const std::string& path) {
    std::error_code ignored;
    return std::filesystem::is_regular_file(path, ignored);
}

// What the game does with a script whose file is gone (scripting's ScriptLibrary::remove): said
// instead of showing an empty buffer as if it were the file.
std::string removedNote(const std::string& path, const ScriptRow* row) {
    if (!row || !row->removed)
        return path + " is not on disk (removed or renamed?). The game runs what it last loaded "
                      "from it until it notices.";
    if (path == "director.lua")
        return path + " was removed: the built-in waves took over.";
    if (path.rfind("enemies/", 0) == 0)
        return row->version > 0
                   ? path +
                         " was removed: no more of them spawn, and the live ones "
                         "go on running v" +
                         std::to_string(row->version) + " (the last version that loaded)."
                   : path + " was removed (no version of it had loaded).";
    return path + " was removed (no script requires it any more).";
}

// "enemies/x.lua:14: unexpected symbol" -> "unexpected symbol": the editor marks the line itself.
std::string withoutPosition(const std::string& message) {
    for (size_t colon = message.find(':'); colon != std::string::npos;
         colon = message.find(':', colon + 1)) {
        size_t end = colon + 1;
        while (end < message.size() && message[end] >= '0' && message[end] <= '9')
            ++end;
        if (end > colon + 1 && end + 1 < message.size() && message[end] == ':')
            return message.substr(end + 2);
    }
    return message;
}
} // namespace

void Overlay::openInEditor(const std::string& relativePath, OverlayActions& actions, int line) {
    if (m_editor.path != relativePath) {
        m_editor = Editor{};
        m_editor.path = relativePath;
        editorLoad(actions);
    }
    if (line > 0) {
        m_editor.code.goToLine(line);
        m_editor.showErrorLine = false;
    }
    isOpen(Panel::Editor) = true;
    m_visible = true;
}

void Overlay::editorLoad(OverlayActions& actions) {
    const std::string full = actions.scriptsRoot() + "/" + m_editor.path;
    m_editor.missing = !onDisk(full);
    m_editor.text = m_editor.onDisk = m_editor.missing ? std::string() : readDisk(full);
    m_editor.conflict = false;
}

bool Overlay::editorSave(OverlayActions& actions, bool overwriteConflict) {
    if (m_editor.missing && m_editor.text.empty())
        return false; // never create an empty script where there was none
    const std::string full = actions.scriptsRoot() + "/" + m_editor.path;
    const bool exists = onDisk(full);
    const std::string disk = exists ? readDisk(full) : std::string();
    if ((disk != m_editor.onDisk || exists == m_editor.missing) && !overwriteConflict) {
        m_editor.conflict = true; // someone else changed it: ask, never overwrite silently
        m_editor.diskNow = disk;
        m_editor.missing = !exists;
        return false;
    }
    std::string error;
    if (!writeFileAtomically(full, m_editor.text, &error)) {
        m_editor.saveMessage = error;
        return false;
    }
    m_editor.onDisk = m_editor.text;
    m_editor.conflict = false;
    m_editor.missing = false;
    m_editor.saveMessage = "saved";
    actions.scriptSaved(m_editor.path);
    return true;
}

void Overlay::drawEditor(const OverlayModel& model, OverlayActions& actions) {
    if (!beginPanel(Panel::Editor)) {
        ImGui::End();
        return;
    }
    // The list of scripts.
    ImGui::SetNextItemWidth(220);
    if (ImGui::BeginCombo("##script",
                          m_editor.path.empty() ? "open a script..." : m_editor.path.c_str())) {
        for (const ScriptRow& s : model.scripts)
            if (!s.file.empty() && ImGui::Selectable(s.file.c_str(), s.file == m_editor.path))
                openInEditor(s.file, actions);
        ImGui::EndCombo();
    }
    if (m_editor.path.empty()) {
        ImGui::End();
        return;
    }
    const ScriptRow* row = nullptr;
    for (const ScriptRow& s : model.scripts)
        if (s.file == m_editor.path)
            row = &s;
    const std::string full = actions.scriptsRoot() + "/" + m_editor.path;

    // Edits made outside the game: follow them when the buffer is clean, ask when it is not.
    const bool dirty = m_editor.text != m_editor.onDisk;
    if (++m_editor.pollFrames % 30 == 0 && !m_editor.conflict) {
        const bool exists = onDisk(full);
        const std::string disk = exists ? readDisk(full) : std::string();
        if (disk != m_editor.onDisk || exists == m_editor.missing) {
            if (!dirty) {
                m_editor.text = m_editor.onDisk = disk;
                m_editor.missing = !exists;
            } else {
                m_editor.conflict = true;
                m_editor.diskNow = disk;
                m_editor.missing = !exists;
            }
        }
    }
    if (m_editor.missing && m_editor.text.empty() && !m_editor.conflict) {
        // Nothing to edit: say what became of the script rather than show an empty "saved" file.
        ImGui::PushTextWrapPos(0);
        overlay_text::colored(ImVec4(1, 0.75f, 0.2f, 1), "%s",
                              removedNote(m_editor.path, row).c_str());
        ImGui::PopTextWrapPos();
        ImGui::End();
        return;
    }

    ImGui::SameLine();
    if (ImGui::Button("Save (Ctrl+S)"))
        editorSave(actions, false);
    ImGui::SameLine();
    if (ImGui::Button("Revert"))
        editorLoad(actions);
    ImGui::SameLine();
    overlay_text::disabled(m_editor.text != m_editor.onDisk ? "modified" : "saved");
    ImGui::SameLine();
    overlay_text::disabled("(keys)");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Ctrl+S save   Ctrl+F find (Enter/F3 next, Shift+Enter previous)   "
                          "Ctrl+G go to line");

    if (m_editor.conflict) {
        if (m_editor.missing) {
            overlay_text::colored(ImVec4(1, 0.75f, 0.2f, 1),
                                  "The file was removed on disk while you were editing it here.");
            if (ImGui::Button("Close it"))
                editorLoad(actions);
            ImGui::SameLine();
            if (ImGui::Button("Keep mine and write it back"))
                editorSave(actions, true);
        } else {
            overlay_text::colored(ImVec4(1, 0.75f, 0.2f, 1),
                                  "The file changed on disk while you were editing it here.");
            if (ImGui::Button("Load the disk version"))
                editorLoad(actions);
            ImGui::SameLine();
            if (ImGui::Button("Keep mine and overwrite"))
                editorSave(actions, true);
        }
    }

    // The last failed reload of this script: its message here, its line marked in the text (or,
    // when the error is in a module it requires, a way there).
    CodeEditorMark mark;
    if (row && !row->reloadError.empty()) {
        ImGui::PushTextWrapPos(0);
        overlay_text::colored(ImVec4(1, 0.45f, 0.35f, 1), "%s", row->reloadError.c_str());
        ImGui::PopTextWrapPos();
        std::string file;
        int line = 0;
        if (scripting::parseLuaErrorPosition(row->reloadError, &file, &line) && line > 0) {
            const std::string where = file + ":" + std::to_string(line);
            if (file == m_editor.path) {
                mark = {line, withoutPosition(row->reloadError)};
                // Just opened, or a save here was refused: show what is wrong. (An error that
                // comes from an edit elsewhere never takes the keyboard from the game.)
                const bool fresh = row->reloadError != m_editor.seenError;
                if (m_editor.showErrorLine || (fresh && m_editor.code.view.focused))
                    m_editor.code.goToLine(line);
                if (ImGui::SmallButton(("go to line " + std::to_string(line)).c_str()))
                    m_editor.code.goToLine(line);
            } else if (ImGui::SmallButton(("open " + where).c_str())) {
                openInEditor(file, actions, line);
            }
            ImGui::SameLine();
        }
        if (row->version > 0)
            overlay_text::disabled("the last good version (v%d) keeps running", row->version);
        else // a load error at start: there is no older version to fall back on
            overlay_text::disabled("it never loaded: the game runs without it until it does");
    }
    if (!m_editor.saveMessage.empty() && m_editor.saveMessage != "saved")
        overlay_text::colored(ImVec4(1, 0.45f, 0.35f, 1), "%s", m_editor.saveMessage.c_str());

    // ImGui 1.86's SDL backend indexes keys by SDL scancode (and has no ImGuiKey for S).
    const bool ctrlS = ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(SDL_SCANCODE_S, false);
    m_editor.showErrorLine = false;
    m_editor.seenError = row ? row->reloadError : std::string();
    codeEditor("##code", m_editor.code, m_editor.text, mark.line > 0 ? &mark : nullptr);
    if (ctrlS && ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows))
        editorSave(actions, false);
    ImGui::End();
}

} // namespace game
