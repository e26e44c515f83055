// The Inspector: pick an object (click it in the arena, or from the list) and see its handle,
// registry reference, engine fields, memory by field name, and its own Lua table as a tree whose
// scalars can be edited.
#include "game/debug/overlay.h"
#include "game/debug/overlay_text.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdio>
#include <cstring>

namespace game {

void Overlay::drawInspector(const OverlayModel& model, OverlayActions& actions) {
    if (!beginPanel(Panel::Inspector)) {
        ImGui::End();
        return;
    }
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##filter", "search: type or index", m_objectFilter,
                             sizeof m_objectFilter);
    if (ImGui::BeginListBox("##objects", ImVec2(-1, 90))) {
        int shown = 0;
        for (const ObjectListRow& row : model.objects) {
            char label[96];
            std::snprintf(label, sizeof label, "%s %u:%u", row.type.c_str(), row.id.index,
                          row.id.generation);
            if (m_objectFilter[0] && !std::strstr(label, m_objectFilter))
                continue;
            if (ImGui::Selectable(label, row.id == m_selected)) {
                m_selected = row.id;
                actions.select(row.id);
            }
            if (++shown >= 200)
                break;
        }
        ImGui::EndListBox();
    }
    const InspectedObject& o = model.selected;
    if (!o.valid) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        overlay_text::wrapped("nothing selected: right-click an enemy in the arena, or pick one "
                              "above");
        ImGui::PopStyleColor();
        ImGui::End();
        return;
    }
    const std::string& type = o.destroyed && o.id == m_seenId ? m_seenType : o.type;
    overlay_text::say("%s %u:%u (%s)", o.kind.c_str(), o.id.index, o.id.generation, type.c_str());
    if (!o.destroyed && o.kind == "enemy") {
        ImGui::SameLine();
        const uint64_t tick = model.travel.shownTick ? model.travel.shownTick : model.tick;
        if (ImGui::SmallButton("Debug think"))
            debugThink(actions, o.id, tick);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("trace its think at tick %llu, line by line, in a debug VM",
                              static_cast<unsigned long long>(tick));
    }
    if (o.destroyed) {
        overlay_text::colored(ImVec4(1, 0.5f, 0.3f, 1), "destroyed at tick %llu",
                              static_cast<unsigned long long>(o.destroyedTick));
        ImGui::End();
        return;
    }
    if (o.registryRef >= 0)
        overlay_text::say("registry ref %d (its Lua identity)", o.registryRef);
    else
        overlay_text::disabled("no Lua identity yet (created when a hook first sees it)");
    overlay_text::say("position %.1f, %.1f   velocity %.1f, %.1f", double(o.position.x),
                      double(o.position.y), double(o.velocity.x), double(o.velocity.y));
    overlay_text::say("hp %.1f / %.1f   radius %.1f   speed %.1f", double(o.hp), double(o.maxHp),
                      double(o.radius), double(o.speed));
    if (o.faulted) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 0.55f, 0.35f, 1));
        overlay_text::wrapped("FAULTED: it idles until its script is fixed");
        ImGui::PopStyleColor();
    }
    const bool past = model.travel.shownTick != 0;
    if (!o.memory.empty() && ImGui::TreeNodeEx("memory", ImGuiTreeNodeFlags_DefaultOpen)) {
        // Editable like the table's scalars: Enter sets the field (recorded, so it replays).
        for (const auto& [name, value] : o.memory) {
            ImGui::PushID(name.c_str());
            std::string text = value;
            overlay_text::raw(name.c_str());
            ImGui::SameLine();
            ImGui::SetNextItemWidth(140);
            ImGui::BeginDisabled(past); // the past is only shown: edits go to the live game
            if (ImGui::InputText("##m", &text, ImGuiInputTextFlags_EnterReturnsTrue))
                actions.editMemoryValue(name, text);
            ImGui::EndDisabled();
            ImGui::PopID();
        }
        ImGui::TreePop();
    }
    if (ImGui::TreeNodeEx("Lua table", ImGuiTreeNodeFlags_DefaultOpen)) {
        if (o.table.empty())
            overlay_text::disabled("(empty)");
        std::vector<std::string> path;
        for (size_t i = 0; i < o.table.size(); ++i) {
            const TableLine& line = o.table[i];
            path.resize(size_t(line.depth));
            path.push_back(line.key);
            ImGui::Indent(float(line.depth) * 14.0f);
            ImGui::PushID(int(i));
            if (line.editable) {
                std::string value = line.value;
                ImGui::SetNextItemWidth(140);
                overlay_text::raw(line.key.c_str());
                ImGui::SameLine();
                ImGui::BeginDisabled(past);
                if (ImGui::InputText("##v", &value, ImGuiInputTextFlags_EnterReturnsTrue))
                    actions.editTableValue(path, value);
                ImGui::EndDisabled();
            } else {
                overlay_text::say("%s = %s", line.key.c_str(), line.value.c_str());
            }
            ImGui::PopID();
            ImGui::Unindent(float(line.depth) * 14.0f);
        }
        ImGui::TreePop();
    }
    ImGui::End();
}

} // namespace game
