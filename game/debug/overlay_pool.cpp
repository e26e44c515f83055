// The VM pool and Scripts panels.
#include "game/debug/overlay.h"
#include "game/debug/overlay_text.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace game {

void Overlay::drawPool(const OverlayModel& model, OverlayActions&) {
    if (!ImGui::Begin("VM pool", &m_windows.pool)) {
        ImGui::End();
        return;
    }
    overlay_text::say("%d VMs (VM 0 runs on the main thread)   think %.3f ms of a %.3f ms tick",
                      model.poolSize, model.thinkWallMs, model.tickMs);
    if (ImGui::BeginTable("vms", 7,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                              ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("VM");
        ImGui::TableSetupColumn("busy / think", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("of tick");
        ImGui::TableSetupColumn("batches");
        ImGui::TableSetupColumn("entities");
        ImGui::TableSetupColumn("errors");
        ImGui::TableSetupColumn("Lua KiB");
        ImGui::TableHeadersRow();
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
    overlay_text::raw("timeline of the last think phase (one box per batch):");
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
    if (!ImGui::Begin("Scripts", &m_windows.scripts)) {
        ImGui::End();
        return;
    }
    if (ImGui::Button(model.jitCheckRunning ? "checking the JIT..."
                                            : "Check JIT (3 fresh processes)") &&
        !model.jitCheckRunning)
        actions.checkJit();
    ImGui::SameLine();
    overlay_text::disabled("does each think run compiled, or fall back to the interpreter?");
    if (ImGui::BeginTable("scripts", 9,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                              ImGuiTableFlags_SizingFixedFit)) {
        for (const char* h : {"script", "version", "live", "ns/entity", "think share", "errors",
                              "reload", "JIT", ""})
            ImGui::TableSetupColumn(h);
        ImGui::TableHeadersRow();
        for (const ScriptRow& s : model.scripts) {
            ImGui::TableNextColumn();
            overlay_text::raw(s.key.c_str());
            ImGui::TableNextColumn();
            overlay_text::say("v%d", s.version);
            ImGui::TableNextColumn();
            overlay_text::say("%zu", s.live);
            ImGui::TableNextColumn();
            overlay_text::say("%.1f", s.nsPerEntity);
            ImGui::TableNextColumn();
            overlay_text::say("%.0f%%", s.thinkShare * 100);
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
                overlay_text::colored(ImVec4(1, 0.7f, 0.2f, 1), "INTERPRETER (%d aborts)",
                                      s.traceAborts);
            else
                overlay_text::say("compiled (%d aborts)", s.traceAborts);
            if (!s.abortReasons.empty() && ImGui::IsItemHovered())
                ImGui::SetTooltip("trace aborts: %s", s.abortReasons.c_str());
            ImGui::TableNextColumn();
            ImGui::PushID(s.key.c_str());
            if (!s.file.empty() && ImGui::SmallButton("edit"))
                openInEditor(s.file, actions);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

} // namespace game
