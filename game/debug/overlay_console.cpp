// The error console (after Dear ImGui's demo log window): every script error, deduplicated by
// (script, line, message) with a count, first and last tick, the VM, the objects it happened to
// (click one to select it), where it happened (click to open the script editor at that line), the
// traceback on demand, a text filter and clear.
#include "game/debug/overlay.h"
#include "game/debug/overlay_text.h"

#include <imgui.h>

#include <cstdio>
#include <cstring>

namespace game {

namespace {
// A chunk name the editor can open: a .lua file under the scripts folder, not one of the
// host's own chunks ("=...", "[string ...]") or a path leaving the folder.
bool isScriptPath(const std::string& file) {
    const auto endsWith = [&](const char* tail) {
        const size_t n = std::strlen(tail);
        return file.size() > n && file.compare(file.size() - n, n, tail) == 0;
    };
    return endsWith(".lua") && file[0] != '=' && file[0] != '@' && file[0] != '[' &&
           file[0] != '/' && file.find("..") == std::string::npos;
}
} // namespace

void Overlay::drawConsole(const OverlayModel& model, OverlayActions& actions) {
    if (!beginPanel(Panel::Console)) {
        ImGui::End();
        return;
    }
    ImGui::SetNextItemWidth(-120);
    ImGui::InputTextWithHint("##filter", "filter (script, file, message)", m_consoleFilter,
                             sizeof m_consoleFilter);
    ImGui::SameLine();
    if (ImGui::Button("Clear")) {
        m_cleared = true;
        m_clearedAtTick = model.tick;
    }
    if (!m_reproduced.empty()) {
        overlay_text::wrapped("%s", m_reproduced.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("copy"))
            ImGui::SetClipboardText(m_reproduced.c_str());
    }
    ImGui::Separator();
    ImGui::BeginChild("entries");
    int shown = 0;
    if (model.errors) {
        const auto& entries = model.errors->entries();
        for (size_t i = entries.size(); i-- > 0;) { // newest first
            const scripting::ScriptErrorEntry& e = entries[i];
            if (m_cleared && e.lastTick <= m_clearedAtTick)
                continue;
            const std::string line = e.first.script + " " + e.first.file + " " + e.first.message;
            if (m_consoleFilter[0] && line.find(m_consoleFilter) == std::string::npos)
                continue;
            ++shown;
            ImGui::PushID(int(i));
            const bool notice = e.first.kind == scripting::ScriptErrorKind::Notice ||
                                e.first.kind == scripting::ScriptErrorKind::Reloaded;
            const ImVec4 color = notice ? ImVec4(0.6f, 0.8f, 1, 1) : ImVec4(1, 0.55f, 0.45f, 1);
            overlay_text::colored(color, "[%s] x%llu", scripting::scriptErrorKindName(e.first.kind),
                                  static_cast<unsigned long long>(e.count));
            ImGui::SameLine();
            overlay_text::wrapped("%s", e.first.message.c_str());
            // Where it ran: a VM of the pool, or the main VM (hooks, the director); a reload's
            // outcome or a load error ran in no VM of its own.
            const bool ranSomewhere = e.first.kind != scripting::ScriptErrorKind::Reload &&
                                      e.first.kind != scripting::ScriptErrorKind::Reloaded &&
                                      e.first.kind != scripting::ScriptErrorKind::Load;
            const std::string where = !ranSomewhere   ? ""
                                      : e.lastVm >= 0 ? "VM " + std::to_string(e.lastVm)
                                                      : "main VM";
            overlay_text::disabled("  ticks %llu..%llu   %s",
                                   static_cast<unsigned long long>(e.firstTick),
                                   static_cast<unsigned long long>(e.lastTick), where.c_str());
            // Where it happened, as a link into the script editor.
            std::string file = e.first.file;
            int fileLine = e.first.line;
            if (fileLine <= 0 &&
                !scripting::parseLuaErrorPosition(e.first.message, &file, &fileLine))
                fileLine = 0;
            if (isScriptPath(file)) {
                const std::string place =
                    fileLine > 0 ? file + ":" + std::to_string(fileLine) : file;
                ImGui::SameLine();
                if (ImGui::SmallButton(place.c_str()))
                    openInEditor(file, actions, fileLine);
                if (ImGui::IsItemHovered())
                    ImGui::SetTooltip("open in the script editor");
            }
            if (!e.entities.empty()) {
                overlay_text::disabled("  objects:");
                // The buttons flow onto new lines: a narrow console must not cut them off.
                const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
                for (uint64_t packed : e.entities) {
                    const engine::ObjectId id = engine::unpackObjectId(packed);
                    char label[32];
                    std::snprintf(label, sizeof label, "%u:%u", id.index, id.generation);
                    const float width =
                        ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
                    ImGui::SameLine();
                    if (ImGui::GetCursorScreenPos().x + width > right)
                        ImGui::NewLine();
                    if (ImGui::SmallButton(label)) {
                        m_selected = id;
                        isOpen(Panel::Inspector) = true;
                        actions.select(id);
                    }
                    if (ImGui::IsItemHovered())
                        ImGui::SetTooltip("select it; right click: debug its think at tick %llu",
                                          static_cast<unsigned long long>(e.firstTick));
                    if (ImGui::IsItemClicked(ImGuiMouseButton_Right))
                        debugThink(actions, id, e.firstTick);
                }
            }
            // Where it first happened, in the debugger: the think that raised it, line by line.
            if (ranSomewhere && e.first.entity != 0 && e.lastVm >= 0) {
                if (ImGui::SmallButton("Debug"))
                    debugThink(actions, engine::unpackObjectId(e.first.entity), e.firstTick);
                if (ImGui::IsItemHovered())
                    ImGui::SetTooltip(
                        "trace the think that raised it (enemy %s, tick %llu)",
                        std::to_string(engine::unpackObjectId(e.first.entity).index).c_str(),
                        static_cast<unsigned long long>(e.firstTick));
                ImGui::SameLine();
            }
            // A recording that ends where this error first happened: --replay shows it again.
            if (ranSomewhere) {
                if (ImGui::SmallButton("Reproduce"))
                    m_reproduced = actions.reproduce(e.firstTick);
                if (ImGui::IsItemHovered())
                    ImGui::SetTooltip("write a recording of this session up to tick %llu, where "
                                      "this error first happened",
                                      static_cast<unsigned long long>(e.firstTick));
            }
            if (!e.first.traceback.empty() && ImGui::TreeNode("traceback")) {
                overlay_text::raw(e.first.traceback.c_str());
                ImGui::TreePop();
            }
            ImGui::Separator();
            ImGui::PopID();
        }
        if (model.errors->droppedCount() > 0)
            overlay_text::disabled(
                "%llu more errors from new places: counted, not listed (the log keeps %zu entries)",
                static_cast<unsigned long long>(model.errors->droppedCount()),
                scripting::ScriptErrorLog::kMaxEntries);
    }
    if (shown == 0)
        overlay_text::disabled("no script errors");
    ImGui::EndChild();
    ImGui::End();
}

} // namespace game
