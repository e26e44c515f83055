#include "game/replay/think_debugger.h"

#include <cstdio>
#include <cstring>

namespace game {

bool sameIntent(const engine::Intent& a, std::span<const uint8_t> aMemory, const engine::Intent& b,
                std::span<const uint8_t> bMemory, std::string* difference) {
    const auto differs = [&](const char* what) {
        if (difference)
            *difference = what;
        return false;
    };
    if (a.faulted != b.faulted)
        return differs("faulted");
    if (std::memcmp(&a.velocity, &b.velocity, sizeof a.velocity) != 0)
        return differs("velocity");
    if (a.fire != b.fire)
        return differs("fire");
    if (a.fire && std::memcmp(&a.aim, &b.aim, sizeof a.aim) != 0)
        return differs("aim");
    if (aMemory.size() != bMemory.size() ||
        (!aMemory.empty() && std::memcmp(aMemory.data(), bMemory.data(), aMemory.size()) != 0))
        return differs("memory");
    return true;
}

std::string describeIntent(const engine::Intent& intent, size_t memoryWritten) {
    if (intent.faulted)
        return "faulted (the enemy idles)";
    char text[160];
    std::snprintf(text, sizeof text, "vx %.9g, vy %.9g", double(intent.velocity.x),
                  double(intent.velocity.y));
    std::string out = text;
    if (intent.fire) {
        std::snprintf(text, sizeof text, ", fires at (%.9g, %.9g)", double(intent.aim.x),
                      double(intent.aim.y));
        out += text;
    } else {
        out += ", does not fire";
    }
    if (memoryWritten)
        out += ", writes " + std::to_string(memoryWritten) + " bytes of memory";
    return out;
}

bool ThinkDebugger::debug(const ThinkCapture& capture, engine::ObjectId enemy,
                          const std::string* whatIfSource, ThinkDebugResult* result,
                          std::string* error) {
    const engine::Enemy* e = capture.world.enemies.get(enemy);
    char name[32];
    std::snprintf(name, sizeof name, "%u:%u", enemy.index, enemy.generation);
    if (!e) {
        *error = std::string("enemy ") + name + " was not alive at tick " +
                 std::to_string(capture.tick) + " (alive then:";
        size_t listed = 0;
        for (const engine::Enemy& other : capture.world.enemies.dense()) {
            if (listed++ == 12) {
                *error += " ...";
                break;
            }
            *error += " " + std::to_string(other.id.index) + ":" +
                      std::to_string(other.id.generation) +
                      (other.type < capture.enemyScripts.size()
                           ? " (" + capture.enemyScripts[other.type].name + ")"
                           : "");
        }
        *error += listed ? ")" : " none)";
        return false;
    }
    if (e->type >= capture.enemyScripts.size()) {
        *error = std::string("enemy ") + name + "'s script is not known at tick " +
                 std::to_string(capture.tick);
        return false;
    }
    if (!m_tracer && !(m_tracer = scripting::ThinkTracer::create(m_limits, error)))
        return false;
    const uint32_t dense = uint32_t(e - capture.world.enemies.dense().data());
    const scripting::ScriptFile& script = capture.enemyScripts[e->type];
    ThinkDebugResult r;
    r.entity = engine::packObjectId(enemy);
    r.script = script.name;
    r.file = script.chunkname;
    r.source = script.source;
    r.libs = capture.libs;
    r.tick = capture.tick;
    r.applied = capture.intents[dense];
    const uint32_t memoryBytes = capture.memoryAfter.bytes(e->type);
    if (!r.applied.faulted && memoryBytes > 0)
        if (const uint8_t* written = capture.memoryAfter.at(e->type, e->memorySlot))
            r.appliedMemory.assign(written, written + memoryBytes);
    r.ranInGame = !(e->flags & engine::kEnemyFaulted);
    scripting::ThinkTraceRequest request{capture.world, capture.types, capture.seed, capture.dt,
                                         dense,         script,        capture.libs};
    r.trace = m_tracer->trace(request);
    r.identical = r.ranInGame && sameIntent(r.trace.intent, r.trace.memory, r.applied,
                                            r.appliedMemory, &r.difference);
    if (!r.ranInGame)
        r.difference = "the enemy was faulted before this tick: the game did not run its think";
    if (whatIfSource) {
        request.script.source = *whatIfSource;
        request.memoryLayout = &r.trace.layout; // the world's memory is in the traced version's
        r.whatIf = m_tracer->trace(request);
        r.hasWhatIf = true;
    }
    *result = std::move(r);
    return true;
}

} // namespace game
