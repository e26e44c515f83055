#include "game/app/think_trace_mode.h"

#include "game/app/replay_mode.h"
#include "game/replay/replay.h"

#include <SDL.h>
#include <nlohmann/json.hpp>

#include <cctype>
#include <cstdio>

namespace game {

namespace {
std::string values(const std::vector<scripting::TraceValue>& vs) {
    std::string out;
    for (const scripting::TraceValue& v : vs)
        out += (out.empty() ? "" : ", ") + v.name + "=" + v.value;
    return out.empty() ? "-" : out;
}

nlohmann::json valuesJson(const std::vector<scripting::TraceValue>& vs) {
    nlohmann::json out = nlohmann::json::array();
    for (const scripting::TraceValue& v : vs)
        out.push_back({{"name", v.name}, {"value", v.value}});
    return out;
}

nlohmann::json intentJson(const engine::Intent& i) {
    return {{"vx", i.velocity.x},
            {"vy", i.velocity.y},
            {"fire", i.fire != 0},
            {"aim_x", i.fire ? nlohmann::json(i.aim.x) : nlohmann::json(nullptr)},
            {"aim_y", i.fire ? nlohmann::json(i.aim.y) : nlohmann::json(nullptr)},
            {"faulted", i.faulted != 0}};
}

std::string entityName(uint64_t packed) {
    const engine::ObjectId id = engine::unpackObjectId(packed);
    return std::to_string(id.index) + ":" + std::to_string(id.generation);
}
} // namespace

bool parseEntity(const std::string& text, engine::ObjectId* id) {
    const size_t colon = text.find(':');
    char* end = nullptr;
    if (colon == std::string::npos) {
        const unsigned long long packed = std::strtoull(text.c_str(), &end, 10);
        if (text.empty() || !std::isdigit(uint8_t(text[0])) || *end != '\0')
            return false;
        *id = engine::unpackObjectId(packed);
        return !id->isNull();
    }
    const unsigned long index = std::strtoul(text.c_str(), &end, 10);
    if (colon == 0 || end != text.c_str() + colon || !std::isdigit(uint8_t(text[0])))
        return false;
    const unsigned long generation = std::strtoul(text.c_str() + colon + 1, &end, 10);
    if (*end != '\0' || colon + 1 == text.size() || index >= (1ul << engine::ObjectId::kIndexBits))
        return false;
    *id = engine::ObjectId{uint32_t(index), uint32_t(generation)};
    return true;
}

std::string traceText(const ThinkDebugResult& r) {
    std::string out = "think of enemy " + entityName(r.entity) + " (" + r.script + ", " + r.file +
                      ") at tick " + std::to_string(r.tick) + "\n";
    out += "  self:  " + values(r.trace.self) + "\n";
    out += "  world: " + values(r.trace.world) + "\n";
    for (size_t i = 0; i < r.trace.steps.size(); ++i) {
        const scripting::TraceStep& s = r.trace.steps[i];
        char head[160];
        std::snprintf(head, sizeof head, "  %4zu %*s%s:%d %s", i + 1, s.depth * 2, "",
                      s.chunk.c_str(), s.line, s.function.c_str());
        out += head;
        out += "  locals: " + values(s.locals);
        if (!s.upvalues.empty())
            out += "  upvalues: " + values(s.upvalues);
        if (!s.mem.empty())
            out += "  mem: " + values(s.mem);
        out += "\n";
    }
    if (r.trace.truncated)
        out += "  ... the trace stops here (its cap); the think ran on to its end\n";
    if (!r.trace.ok)
        out += "  error: " + r.trace.error + "\n";
    out += "  returned: " + describeIntent(r.trace.intent, r.trace.memory.size()) + "\n";
    out += "  applied:  " + describeIntent(r.applied, r.appliedMemory.size()) + "\n";
    out += r.identical ? "  identical: the debugger's think is the game's\n"
                       : "  DIFFERENT (" + r.difference +
                             "): a determinism bug, unless the enemy was not thinking\n";
    if (r.hasWhatIf) {
        out += "  what if (other source): " +
               (r.whatIf.ok ? describeIntent(r.whatIf.intent, r.whatIf.memory.size())
                            : "error: " + r.whatIf.error) +
               "\n";
    }
    return out;
}

nlohmann::json traceJson(const ThinkDebugResult& r) {
    nlohmann::json steps = nlohmann::json::array();
    for (const scripting::TraceStep& s : r.trace.steps)
        steps.push_back({{"chunk", s.chunk},
                         {"line", s.line},
                         {"depth", s.depth},
                         {"function", s.function},
                         {"locals", valuesJson(s.locals)},
                         {"upvalues", valuesJson(s.upvalues)},
                         {"mem", valuesJson(s.mem)}});
    return {{"entity", entityName(r.entity)},
            {"script", r.script},
            {"file", r.file},
            {"tick", r.tick},
            {"self", valuesJson(r.trace.self)},
            {"world", valuesJson(r.trace.world)},
            {"steps", steps},
            {"truncated", r.trace.truncated},
            {"ok", r.trace.ok},
            {"error", r.trace.ok ? nlohmann::json(nullptr) : nlohmann::json(r.trace.error)},
            {"returned", intentJson(r.trace.intent)},
            {"applied", intentJson(r.applied)},
            {"ran_in_game", r.ranInGame},
            {"identical", r.identical},
            {"difference", r.identical ? nlohmann::json(nullptr) : nlohmann::json(r.difference)}};
}

int runTraceThink(const AppOptions& options) {
    engine::ObjectId id;
    if (!parseEntity(options.traceEntity, &id)) {
        std::fprintf(stderr,
                     "arena: --trace-think %s: not an enemy id (index:generation, as "
                     "errors name enemies, e.g. 12:3)\n",
                     options.traceEntity.c_str());
        return 2;
    }
    Recording recording;
    if (const int code = openRecordingRun(options.replayPath, &recording))
        return code;
    std::string error;
    int code = 0;
    {
        TimeTravel travel(options.pool);
        ThinkDebugger debugger(sandboxLimits(recordedOptions(recording.header, options.pool)));
        ThinkDebugResult result;
        if (options.traceTick > recording.ticks()) {
            std::fprintf(stderr, "arena: --at-tick %llu: the recording has ticks 1..%llu\n",
                         static_cast<unsigned long long>(options.traceTick),
                         static_cast<unsigned long long>(recording.ticks()));
            code = 2;
        } else if (!travel.seek(recording, options.traceTick, &error)) {
            std::fprintf(stderr, "arena: %s\n", error.c_str());
            code = 3;
        } else if (!debugger.debug(*travel.capture(), id, nullptr, &result, &error)) {
            std::fprintf(stderr, "arena: %s\n", error.c_str());
            code = 2;
        } else {
            if (options.traceJson)
                std::printf("%s\n",
                            traceJson(result)
                                .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
                                .c_str());
            else
                std::printf("%s", traceText(result).c_str());
            code = result.identical ? 0 : 3;
        }
    }
    SDL_Quit();
    return code;
}

} // namespace game
