#include "game/replay/recorder.h"

#include "game/replay/sim_actions.h"

namespace game {

Recorder::Recorder(GameSession& session, LiveScripts& live) : m_session(session), m_live(live) {
    const AppOptions& o = session.options;
    RecordingHeader& h = m_recording.header;
    h.seed = session.game->def().seed;
    h.enemies = o.enemies;
    h.vmMemoryMb = o.vmMemoryMb;
    h.thinkBudget = o.thinkBudget;
    h.autoRestart = session.game->def().autoRestart;
    h.scriptsRoot = o.scriptsDir;
    m_recording.scripts = scriptInputsOf(session.startFiles);
    session.library->setOnInput([this](const scripting::ScriptInput& input, uint64_t tick) {
        RecordedAction a;
        a.tick = tick + 1;
        a.kind = ActionKind::Script;
        a.script = input;
        m_recording.actions.push_back(std::move(a));
    });
}

Recorder::~Recorder() {
    m_session.library->setOnInput(nullptr);
}

void Recorder::step(const PlayerCommand* command) {
    Game& game = *m_session.game;
    game.step(command);
    m_recording.commands.push_back(game.lastCommand());
    if (game.world().tick % kCheckpointTicks == 0)
        m_recording.checkpoints.push_back({game.world().tick, game.partHashes()});
}

bool Recorder::act(RecordedAction action, std::string* error) {
    action.tick = m_session.game->world().tick + 1;
    if (action.kind == ActionKind::Script) // the library's observer keeps what the reload read
        return applyAction(m_session, m_live, action, error);
    m_recording.actions.push_back(action);
    return applyAction(m_session, m_live, action, error);
}

} // namespace game
