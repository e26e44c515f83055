#include "game/replay/sim_actions.h"

#include "scripting/memory_layout.h"

#include <cstdlib>

namespace game {

namespace {
constexpr size_t kMaxEditBytes = 64 * 1024;

bool setMemory(GameSession& session, const RecordedAction& a, std::string* error) {
    engine::Enemy* e = session.game->mutableWorld().enemies.get(engine::unpackObjectId(a.object));
    if (!e || a.path.size() != 1) {
        *error = "no such enemy";
        return false;
    }
    const auto& scripts = session.think->scripts();
    if (e->type >= scripts.size()) {
        *error = "no such script";
        return false;
    }
    for (const scripting::MemoryField& f : scripts[e->type].memory.fields) {
        if (f.name != a.path[0])
            continue;
        char* end = nullptr;
        const double value = a.value == "true"    ? 1.0
                             : a.value == "false" ? 0.0
                                                  : std::strtod(a.value.c_str(), &end);
        if (end && (end == a.value.c_str() || *end != '\0')) {
            *error = "not a number: " + a.value;
            return false;
        }
        uint8_t* memory = scripting::enemyMemoryHolding(session.game->mutableWorld(), *e, f);
        if (!memory) {
            *error = "the enemy has no memory for " + f.name;
            return false;
        }
        return scripting::writeMemoryField(memory, f, value, error);
    }
    *error = "no memory field " + a.path[0];
    return false;
}
} // namespace

bool applyAction(GameSession& session, LiveScripts& live, const RecordedAction& a,
                 std::string* error) {
    Game& game = *session.game;
    switch (a.kind) {
    case ActionKind::Script: live.reloadInput(a.script); return true;
    case ActionKind::Spawn:
        // At most what the arena may hold (the controls ask for up to 100,000 at once).
        if (a.type >= game.types().size() || a.count < 0 ||
            size_t(a.count) > game.def().maxEnemies) {
            *error = "no such spawn";
            return false;
        }
        game.queueSpawns(a.type, a.count);
        return true;
    case ActionKind::ClearEnemies: game.clearEnemies(); return true;
    case ActionKind::Restart: game.restart(); return true;
    case ActionKind::SetTableValue: {
        // What the inspector can type, bounded (a recording can hold anything).
        if (a.path.empty() || a.path.size() > 32 || a.value.size() > kMaxEditBytes) {
            *error = "no such value";
            return false;
        }
        const engine::Enemy* e = game.world().enemies.get(engine::unpackObjectId(a.object));
        if (!e) {
            *error = "no such enemy";
            return false;
        }
        return session.mainVm->setTableValue(e->scriptRef, a.path, a.value, error);
    }
    case ActionKind::SetMemory: return setMemory(session, a, error);
    }
    *error = "unknown action";
    return false;
}

} // namespace game
