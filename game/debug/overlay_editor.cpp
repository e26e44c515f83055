// The in-game script editor: pick a script, edit it, save with Ctrl+S (atomically: a temporary
// file, then rename) through the same reload path as a change on disk; shows the error of the last
// failed reload with its line; reverts to the file on disk; and never silently overwrites an edit
// made outside the game while the file is open here.
#include "game/debug/overlay.h"
#include "game/debug/overlay_text.h"
#include "scripting/script_files.h"
#include "scripting/script_source.h"

#include <SDL_scancode.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <filesystem>
#include <sstream>

namespace game {

namespace {
std::string readDisk(const std::string& path) {
    std::string text, error;
    scripting::readScriptFile(path, &text, &error);
    return text;
}
} // namespace

void Overlay::openInEditor(const std::string& relativePath, OverlayActions& actions) {
    m_editor = Editor{};
    m_editor.path = relativePath;
    isOpen(Panel::Editor) = true;
    m_visible = true;
    editorLoad(actions);
}

void Overlay::editorLoad(OverlayActions& actions) {
    const std::string full = actions.scriptsRoot() + "/" + m_editor.path;
    m_editor.text = m_editor.onDisk = readDisk(full);
    m_editor.conflict = false;
}

bool Overlay::editorSave(OverlayActions& actions, bool overwriteConflict) {
    const std::string full = actions.scriptsRoot() + "/" + m_editor.path;
    const std::string disk = readDisk(full);
    if (disk != m_editor.onDisk && !overwriteConflict) {
        m_editor.conflict = true; // someone else changed it: ask, never overwrite silently
        m_editor.diskNow = disk;
        return false;
    }
    std::string error;
    if (!writeFileAtomically(full, m_editor.text, &error)) {
        m_editor.saveMessage = error;
        return false;
    }
    m_editor.onDisk = m_editor.text;
    m_editor.conflict = false;
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
    const bool dirty = m_editor.text != m_editor.onDisk;
    ImGui::SameLine();
    if (ImGui::Button("Save (Ctrl+S)"))
        editorSave(actions, false);
    ImGui::SameLine();
    if (ImGui::Button("Revert"))
        editorLoad(actions);
    ImGui::SameLine();
    overlay_text::disabled(dirty ? "modified" : "saved");

    // Edits made outside the game: follow them when the buffer is clean, ask when it is not.
    if (++m_editor.pollFrames % 30 == 0 && !m_editor.conflict) {
        const std::string disk = readDisk(actions.scriptsRoot() + "/" + m_editor.path);
        if (disk != m_editor.onDisk) {
            if (!dirty) {
                m_editor.text = m_editor.onDisk = disk;
            } else {
                m_editor.conflict = true;
                m_editor.diskNow = disk;
            }
        }
    }
    if (m_editor.conflict) {
        overlay_text::colored(ImVec4(1, 0.75f, 0.2f, 1),
                              "The file changed on disk while you were editing it here.");
        if (ImGui::Button("Load the disk version"))
            editorLoad(actions);
        ImGui::SameLine();
        if (ImGui::Button("Keep mine and overwrite"))
            editorSave(actions, true);
    }

    // The last failed reload of this script, with its line.
    for (const ScriptRow& s : model.scripts) {
        if (s.file != m_editor.path || s.reloadError.empty())
            continue;
        ImGui::PushTextWrapPos(0);
        overlay_text::colored(ImVec4(1, 0.45f, 0.35f, 1), "%s", s.reloadError.c_str());
        ImGui::PopTextWrapPos();
        std::string file;
        int line = 0;
        if (scripting::parseLuaErrorPosition(s.reloadError, &file, &line) && line > 0)
            overlay_text::colored(ImVec4(1, 0.7f, 0.6f, 1), "line %d: %s", line,
                                  scripting::sourceLine(m_editor.text, line).c_str());
        overlay_text::disabled("the last good version (v%d) keeps running", s.version);
    }
    if (!m_editor.saveMessage.empty() && m_editor.saveMessage != "saved")
        overlay_text::colored(ImVec4(1, 0.45f, 0.35f, 1), "%s", m_editor.saveMessage.c_str());

    // ImGui 1.86's SDL backend indexes keys by SDL scancode (and has no ImGuiKey for S).
    const bool ctrlS = ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(SDL_SCANCODE_S, false);
    ImGui::InputTextMultiline("##text", &m_editor.text, ImVec2(-1, -1),
                              ImGuiInputTextFlags_AllowTabInput);
    if (ctrlS && ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows))
        editorSave(actions, false);
    ImGui::End();
}

} // namespace game
