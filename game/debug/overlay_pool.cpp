// The VM pool and Scripts panels.
#include "game/debug/overlay.h"
#include "game/debug/overlay_text.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace game {

void Overlay::drawPool(const OverlayModel& model, OverlayActions&) {
    if (!beginPanel(Panel::Pool)) {
        ImGui::End();
        return;
    }
    overlay_text::wrapped("%d VMs (VM 0 runs on the main thread): think %.3f ms of a %.3f ms tick",
                          model.poolSize, model.thinkWallMs, model.tickMs);
    if (ImGui::BeginTable("vms", 7,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                              ImGuiTableFlags_SizingFixedFit)) {
        // Short headers, explained on hover: the panel is a narrow column beside the arena.
        static constexpr const char* kHeaders[7][2] = {
            {"VM", "VM 0 runs on the main thread; the others on workers"},
            {"busy", "busy share of the think phase's wall time"},
            {"tick", "busy share of the whole tick"},
            {"batch", "batches run in the last tick"},
            {"ents", "entities thought for in the last tick"},
            {"err", "script errors in the last tick"},
            {"KiB", "Lua memory of this VM"}};
        for (int c = 0; c < 7; ++c)
            ImGui::TableSetupColumn(kHeaders[c][0], c == 1 ? ImGuiTableColumnFlags_WidthStretch
                                                           : ImGuiTableColumnFlags_None);
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
        for (int c = 0; c < 7; ++c) {
            ImGui::TableSetColumnIndex(c);
            ImGui::TableHeader(kHeaders[c][0]);
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", kHeaders[c][1]);
        }
        for (size_t v = 0; v < model.vms.size(); ++v) {
            const scripting::VmStats& s = model.vms[v];
            const float ofThink =
                model.thinkWallMs > 0 ? float(s.busyMs / model.thinkWallMs) : 0.0f;
            const float ofTick = model.tickMs > 0 ? float(s.busyMs / model.tickMs) : 0.0f;
            ImGui::TableNextColumn();
            const uint64_t retired = v < model.vmRetired.size() ? model.vmRetired[v] : 0;
            if (retired)
                overlay_text::say("%zu (%llu retired)", v,
                                  static_cast<unsigned long long>(retired));
            if (retired && ImGui::IsItemHovered())
                ImGui::SetTooltip("VMs replaced in this slot after a script broke one");
            else
                overlay_text::say("%zu", v);
            ImGui::TableNextColumn();
            char label[32];
            std::snprintf(label, sizeof label, "%.0f%%", double(ofThink) * 100);
            ImGui::ProgressBar(std::clamp(ofThink, 0.0f, 1.0f), ImVec2(-1, 0), label);
            ImGui::TableNextColumn();
            overlay_text::say("%.0f%%", double(ofTick) * 100);
            ImGui::TableNextColumn();
            overlay_text::say("%llu", static_cast<unsigned long long>(s.batches));
            ImGui::TableNextColumn();
            overlay_text::say("%llu", static_cast<unsigned long long>(s.entities));
            ImGui::TableNextColumn();
            overlay_text::say("%llu", static_cast<unsigned long long>(s.errors));
            ImGui::TableNextColumn();
            overlay_text::say("%.0f", double(s.luaBytes) / 1024.0);
        }
        ImGui::EndTable();
    }
    for (size_t v = 0; v < m_vmBusy.size(); ++v) {
        const std::vector<float> h(m_vmBusy[v].begin(), m_vmBusy[v].end());
        char label[32];
        std::snprintf(label, sizeof label, "VM %zu busy", v);
        ImGui::PlotLines(label, h.data(), int(h.size()), 0, nullptr, 0.0f, 1.0f, ImVec2(0, 28));
    }
    // The last tick's timeline: one lane per VM, one box per batch.
    overlay_text::wrapped("the last think phase, one lane per VM, one box per batch:");
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = std::max(100.0f, ImGui::GetContentRegionAvail().x), lane = 14.0f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const double span = std::max(model.thinkWallMs, 1e-3);
    for (const OverlayModel::BatchSpan& b : model.timeline) {
        const float x0 = origin.x + float(b.startMs / span) * width,
                    x1 = origin.x + float(b.endMs / span) * width;
        const float y0 = origin.y + float(b.vm) * lane;
        const ImU32 hue =
            ImColor::HSV(float(std::hash<std::string>{}(b.script) % 360) / 360.0f, 0.6f, 0.9f);
        draw->AddRectFilled(ImVec2(x0, y0), ImVec2(std::max(x1, x0 + 1.0f), y0 + lane - 2), hue);
    }
    ImGui::Dummy(ImVec2(width, lane * float(std::max(1, model.poolSize))));
    ImGui::End();
}

void Overlay::drawScripts(const OverlayModel& model, OverlayActions& actions) {
    if (!beginPanel(Panel::Scripts)) {
        ImGui::End();
        return;
    }
    if (ImGui::Button(model.jitCheckRunning ? "checking the JIT..."
                                            : "Check JIT (3 fresh processes)") &&
        !model.jitCheckRunning)
        actions.checkJit();
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("does each think run compiled, or fall back to the interpreter?");
    // Scrolls both ways with the names and headers frozen: a narrow panel hides nothing for good.
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(3, 2));
    const bool table = ImGui::BeginTable("scripts", 9,
                                         ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                                             ImGuiTableFlags_SizingFixedFit |
                                             ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY);
    ImGui::PopStyleVar();
    if (table) {
        ImGui::TableSetupScrollFreeze(1, 1);
        for (const char* h :
             {"script", "version", "live", "us/tick", "ns/entity", "errors", "reload", "JIT", ""})
            ImGui::TableSetupColumn(h);
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
        for (int c = 0; c < 9; ++c) {
            ImGui::TableSetColumnIndex(c);
            ImGui::TableHeader(ImGui::TableGetColumnName(c));
            if (c == 3 && ImGui::IsItemHovered())
                ImGui::SetTooltip("think time per tick, all VMs together, microseconds");
            if (c == 4 && ImGui::IsItemHovered())
                ImGui::SetTooltip(
                    "think time per entity, averaged over the last %llu entity-ticks (or the last "
                    "%zu ticks when fewer): one tick of a few entities is mostly a batch's fixed "
                    "cost",
                    static_cast<unsigned long long>(ScriptCosts::kEnoughEntityTicks),
                    ScriptCosts::kWindowTicks);
        }
        for (const ScriptRow& s : model.scripts) {
            const ScriptCostAverage cost =
                s.slot >= 0 ? m_costs.average(size_t(s.slot)) : ScriptCostAverage{};
            ImGui::TableNextColumn();
            overlay_text::raw(s.key.c_str());
            ImGui::TableNextColumn();
            overlay_text::say("v%d", s.version);
            ImGui::TableNextColumn();
            overlay_text::say("%zu", s.live);
            ImGui::TableNextColumn();
            if (s.slot >= 0)
                overlay_text::say("%.1f", cost.msPerTick * 1000.0);
            ImGui::TableNextColumn();
            if (cost.enough)
                overlay_text::say("%.1f", cost.nsPerEntity);
            else if (s.slot >= 0)
                overlay_text::disabled("-");
            if (s.slot >= 0 && ImGui::IsItemHovered())
                ImGui::SetTooltip("%s over %llu entity-ticks in %zu ticks",
                                  cost.enough ? "averaged" : "too few to average:",
                                  static_cast<unsigned long long>(cost.entityTicks), cost.ticks);
            ImGui::TableNextColumn();
            overlay_text::say("%llu", static_cast<unsigned long long>(s.errors));
            ImGui::TableNextColumn();
            if (s.removed)
                overlay_text::disabled("removed");
            else if (!s.reloadError.empty()) {
                overlay_text::colored(ImVec4(1, 0.4f, 0.3f, 1), "failed");
                if (ImGui::IsItemHovered())
                    ImGui::SetTooltip("%s", s.reloadError.c_str());
            } else
                overlay_text::raw(s.reloads ? "reloaded" : "ok");
            ImGui::TableNextColumn();
            if (s.jit.empty())
                overlay_text::disabled("-");
            else if (s.jit == "interpreter")
                overlay_text::colored(ImVec4(1, 0.7f, 0.2f, 1), "INTERPRETER");
            else
                overlay_text::raw("compiled");
            if (!s.jit.empty() && ImGui::IsItemHovered())
                ImGui::SetTooltip("%d trace aborts over the checked processes%s%s", s.traceAborts,
                                  s.abortReasons.empty() ? "" : ": ", s.abortReasons.c_str());
            ImGui::TableNextColumn();
            ImGui::PushID(s.key.c_str());
            if (!s.file.empty() && !s.removed && ImGui::SmallButton("edit"))
                openInEditor(s.file, actions);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

} // namespace game
