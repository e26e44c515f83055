// The think debugger: a think traced at a past tick (see game/replay/think_debugger.h), stepped
// through like a live one but both ways: the source with the line being stepped and breakpoints
// (click a line number), step into / over / out forwards and backwards, run to a breakpoint either
// way, the locals, upvalues and memory at that step, self and world, and what the think returned
// beside what the game applied that tick (identical, or a determinism bug). "What if" traces the
// editor's unsaved buffer on the same tick and enemy and sets its intent beside them.
#include "game/debug/overlay.h"
#include "game/debug/overlay_text.h"
#include "scripting/trace_navigation.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace game {

namespace {
using scripting::TraceDirection;

void valueTable(const char* id, const std::vector<scripting::TraceValue>& values,
                const std::vector<scripting::TraceValue>* before) {
    if (values.empty()) {
        overlay_text::disabled("  (none)");
        return;
    }
    if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_RowBg))
        return;
    ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
    for (const scripting::TraceValue& v : values) {
        // What this step changed stands out.
        bool changed = before != nullptr;
        if (before)
            for (const scripting::TraceValue& b : *before)
                if (b.name == v.name)
                    changed = b.value != v.value;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        overlay_text::raw(v.name.c_str());
        ImGui::TableNextColumn();
        if (changed)
            overlay_text::colored(ImVec4(1.0f, 0.85f, 0.4f, 1), "%s", v.value.c_str());
        else
            overlay_text::raw(v.value.c_str());
    }
    ImGui::EndTable();
}

// "dx=0.935, dy=0.354": what the step just set, for the note after its line.
std::string changes(const scripting::TraceStep& step, const scripting::TraceStep* next) {
    if (!next)
        return "";
    std::string out;
    for (const scripting::TraceValue& v : next->locals) {
        bool same = false;
        for (const scripting::TraceValue& b : step.locals)
            same = same || (b.name == v.name && b.value == v.value);
        if (!same && out.size() < 120)
            out += (out.empty() ? "" : ", ") + v.name + " = " + v.value.substr(0, 24);
    }
    return out;
}

void intentRow(const char* field, const std::string& a, const std::string& b,
               const std::string* c) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    overlay_text::raw(field);
    ImGui::TableNextColumn();
    overlay_text::raw(a.c_str());
    ImGui::TableNextColumn();
    if (a == b)
        overlay_text::raw(b.c_str());
    else
        overlay_text::colored(ImVec4(1, 0.45f, 0.4f, 1), "%s", b.c_str());
    if (c) {
        ImGui::TableNextColumn();
        if (*c == a)
            overlay_text::raw(c->c_str());
        else
            overlay_text::colored(ImVec4(0.55f, 0.85f, 1, 1), "%s", c->c_str());
    }
}

std::string number(double v) {
    char b[40];
    std::snprintf(b, sizeof b, "%.9g", v);
    return b;
}

void intentTable(const ThinkDebugResult& r) {
    const bool whatIf = r.hasWhatIf;
    if (!ImGui::BeginTable("intents", whatIf ? 4 : 3,
                           ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_RowBg))
        return;
    ImGui::TableSetupColumn("");
    ImGui::TableSetupColumn("returned here");
    ImGui::TableSetupColumn("applied in the game");
    if (whatIf)
        ImGui::TableSetupColumn("what if (buffer)");
    ImGui::TableHeadersRow();
    const engine::Intent& a = r.trace.intent;
    const engine::Intent& b = r.applied;
    const engine::Intent& c = r.whatIf.intent;
    const auto row = [&](const char* f, auto get) {
        const std::string third = whatIf ? (r.whatIf.ok ? get(c) : std::string("error")) : "";
        intentRow(f, get(a), get(b), whatIf ? &third : nullptr);
    };
    row("vx", [](const engine::Intent& i) { return number(i.velocity.x); });
    row("vy", [](const engine::Intent& i) { return number(i.velocity.y); });
    row("fire", [](const engine::Intent& i) { return std::string(i.fire ? "yes" : "no"); });
    row("aim", [](const engine::Intent& i) {
        return i.fire ? number(i.aim.x) + ", " + number(i.aim.y) : std::string("-");
    });
    row("faulted", [](const engine::Intent& i) { return std::string(i.faulted ? "yes" : "no"); });
    ImGui::EndTable();
}
} // namespace

void Overlay::drawDebugger(const OverlayModel& model, OverlayActions& actions) {
    if (!beginPanel(Panel::Debugger)) {
        ImGui::End();
        return;
    }
    Debugger& d = m_debugger;
    if (!model.debug) {
        overlay_text::wrapped(
            "No think traced yet. Pause, select an enemy (right click it, or pick it in the "
            "inspector or an error's object button), choose a tick in Time travel, then press "
            "Debug think. The think runs again in a debug VM of its own: the game is not touched.");
        if (!model.travel.error.empty())
            overlay_text::colored(ImVec4(1, 0.5f, 0.4f, 1), "%s", model.travel.error.c_str());
        ImGui::End();
        return;
    }
    const ThinkDebugResult& r = *model.debug;
    if (d.shown != &r || d.shownEntity != r.entity || d.shownTick != r.tick) {
        const bool sameThink = d.shownEntity == r.entity && d.shownTick == r.tick;
        d.shown = &r;
        d.shownEntity = r.entity;
        d.shownTick = r.tick;
        if (!sameThink && !d.keepStep) // a what-if on the same think keeps the place
            d.step = 0;
        d.keepStep = false;
    }
    const std::vector<scripting::TraceStep>& steps = r.trace.steps;
    d.step = steps.empty() ? 0 : std::min(d.step, steps.size() - 1);
    const engine::ObjectId id = engine::unpackObjectId(r.entity);

    // Who, when, and the verdict.
    overlay_text::say("enemy %u:%u (%s), think at tick %llu: %zu lines traced%s", id.index,
                      id.generation, r.script.c_str(), static_cast<unsigned long long>(r.tick),
                      steps.size(), r.trace.truncated ? " (capped: the think ran on)" : "");
    if (!r.ranInGame)
        overlay_text::colored(ImVec4(1, 0.75f, 0.35f, 1),
                              "the enemy was faulted before this tick: the game did not run it");
    else if (r.identical)
        overlay_text::colored(ImVec4(0.45f, 0.9f, 0.5f, 1),
                              "returned = applied: identical, the debugger ran the game's think");
    else
        overlay_text::colored(ImVec4(1, 0.4f, 0.35f, 1),
                              "DIFFERENT (%s): a determinism bug, please report it with the "
                              "recording",
                              r.difference.c_str());
    if (!r.trace.ok)
        overlay_text::colored(ImVec4(1, 0.5f, 0.4f, 1), "%s", r.trace.error.c_str());

    // Stepping, both ways.
    scripting::TraceBreakpoints breaks;
    for (const auto& [chunk, lines] : d.breakpoints)
        for (int line : lines)
            breaks.insert({chunk, line});
    const auto button = [&](const char* label, const char* tip, auto move) {
        ImGui::SameLine();
        ImGui::BeginDisabled(steps.empty());
        if (ImGui::Button(label))
            d.step = move();
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip("%s", tip);
    };
    ImGui::NewLine();
    button("|<", "the first line", [&] { return size_t(0); });
    button("<<", "back to the previous breakpoint", [&] {
        return scripting::runToBreakpoint(steps, d.step, breaks, TraceDirection::Backward);
    });
    button("< out", "back out: the caller's line that made this call",
           [&] { return scripting::stepOut(steps, d.step, TraceDirection::Backward); });
    button("< over", "back over: the previous line at this depth",
           [&] { return scripting::stepOver(steps, d.step, TraceDirection::Backward); });
    button("< into", "back one line, into calls",
           [&] { return scripting::stepInto(steps, d.step, TraceDirection::Backward); });
    button("into >", "one line, into calls",
           [&] { return scripting::stepInto(steps, d.step, TraceDirection::Forward); });
    button("over >", "the next line at this depth (over calls)",
           [&] { return scripting::stepOver(steps, d.step, TraceDirection::Forward); });
    button("out >", "out to the caller, after the call returns",
           [&] { return scripting::stepOut(steps, d.step, TraceDirection::Forward); });
    button(">>", "run to the next breakpoint", [&] {
        return scripting::runToBreakpoint(steps, d.step, breaks, TraceDirection::Forward);
    });
    button(">|", "the last line", [&] { return steps.empty() ? size_t(0) : steps.size() - 1; });
    ImGui::SameLine();
    int at = int(d.step) + 1;
    ImGui::SetNextItemWidth(std::max(80.0f, ImGui::GetContentRegionAvail().x));
    if (ImGui::SliderInt("##step", &at, 1, std::max<int>(1, int(steps.size())), "step %d"))
        d.step = size_t(std::max(0, at - 1));

    // The source of the line being stepped (the script, or a module it called into).
    const scripting::TraceStep* step = steps.empty() ? nullptr : &steps[d.step];
    const std::string chunk = step ? step->chunk : r.file;
    const std::string* source = &r.source;
    for (const scripting::ScriptFile& lib : r.libs)
        if (lib.chunkname == chunk)
            source = &lib.source;
    const float right = std::max(240.0f, ImGui::GetContentRegionAvail().x * 0.38f);
    ImGui::BeginChild("code", ImVec2(-right, 0));
    overlay_text::disabled(
        "%s%s", chunk.c_str(),
        step ? (":" + std::to_string(step->line) + " in " + step->function +
                (step->depth ? " (depth " + std::to_string(step->depth) + ")" : ""))
                   .c_str()
             : "");
    const scripting::TraceStep* next =
        step && d.step + 1 < steps.size() ? &steps[d.step + 1] : nullptr;
    sourceView("##source", d.source, *source, step ? step->line : 0,
               step ? changes(*step, next) : "", &d.breakpoints[chunk]);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("state", ImVec2(0, 0));
    if (step) {
        const scripting::TraceStep* previous = d.step > 0 ? &steps[d.step - 1] : nullptr;
        const bool sameFrame =
            previous && previous->depth == step->depth && previous->function == step->function;
        overlay_text::say("locals");
        valueTable("locals", step->locals, sameFrame ? &previous->locals : nullptr);
        overlay_text::say("upvalues");
        valueTable("upvalues", step->upvalues, nullptr);
        if (!step->mem.empty()) {
            overlay_text::say("mem");
            valueTable("mem", step->mem, previous ? &previous->mem : nullptr);
        }
    }
    if (ImGui::CollapsingHeader("self"))
        valueTable("self", r.trace.self, nullptr);
    if (ImGui::CollapsingHeader("world"))
        valueTable("world", r.trace.world, nullptr);
    ImGui::Separator();
    intentTable(r);
    // What if: the editor's buffer (saved or not) on the same tick and enemy.
    const bool bufferOpen = m_editor.path == r.file;
    ImGui::BeginDisabled(!bufferOpen);
    if (ImGui::Button("What if: run the editor's buffer"))
        actions.debugThink(id, r.tick, &m_editor.text);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip(bufferOpen ? "trace the editor's text on this tick and enemy, before "
                                       "saving anything"
                                     : "open %s in the script editor first",
                          r.file.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("edit"))
        openInEditor(r.file, actions, step && step->chunk == r.file ? step->line : 0);
    if (r.hasWhatIf && !r.whatIf.ok)
        overlay_text::colored(ImVec4(0.55f, 0.85f, 1, 1), "what if: %s", r.whatIf.error.c_str());
    ImGui::EndChild();
    ImGui::End();
}

} // namespace game
