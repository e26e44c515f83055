#include "game/replay/recording.h"

#include <algorithm>

namespace game {

RecordedAction spawnAction(uint16_t type, int count) {
    RecordedAction a;
    a.kind = ActionKind::Spawn;
    a.type = type;
    a.count = count;
    return a;
}

RecordedAction clearAction() {
    RecordedAction a;
    a.kind = ActionKind::ClearEnemies;
    return a;
}

RecordedAction restartAction() {
    RecordedAction a;
    a.kind = ActionKind::Restart;
    return a;
}

RecordedAction tableEditAction(uint64_t object, std::vector<std::string> path, std::string value) {
    RecordedAction a;
    a.kind = ActionKind::SetTableValue;
    a.object = object;
    a.path = std::move(path);
    a.value = std::move(value);
    return a;
}

RecordedAction memoryEditAction(uint64_t object, std::string field, std::string value) {
    RecordedAction a;
    a.kind = ActionKind::SetMemory;
    a.object = object;
    a.path = {std::move(field)};
    a.value = std::move(value);
    return a;
}

Recording recordingUpTo(const Recording& recording, uint64_t tick) {
    Recording cut;
    cut.header = recording.header;
    cut.scripts = recording.scripts;
    const uint64_t ticks = std::min(tick, recording.ticks());
    cut.commands.assign(recording.commands.begin(), recording.commands.begin() + long(ticks));
    for (const RecordedAction& a : recording.actions)
        if (a.tick <= ticks)
            cut.actions.push_back(a);
    for (const Checkpoint& c : recording.checkpoints)
        if (c.tick <= ticks)
            cut.checkpoints.push_back(c);
    return cut;
}

scripting::ScriptFiles scriptFilesOf(const Recording& recording) {
    scripting::ScriptFiles files;
    files.root = recording.header.scriptsRoot;
    for (const scripting::ScriptInput& s : recording.scripts) {
        const std::string& p = s.path;
        if (s.state != scripting::ScriptInput::State::Text) {
            files.problems.push_back(s.text);
            continue;
        }
        const auto stem = [&](size_t from) { return p.substr(from, p.size() - from - 4); };
        if (p == "director.lua") {
            files.director = {"director", p, files.root + "/" + p, s.text};
        } else if (p.rfind("enemies/", 0) == 0) {
            files.enemies.push_back({stem(8), p, files.root + "/" + p, s.text});
        } else if (p.rfind("lib/", 0) == 0) {
            std::string name = stem(4);
            std::replace(name.begin(), name.end(), '/', '.');
            files.libs.push_back({name, p, files.root + "/" + p, s.text});
        }
    }
    return files;
}

std::vector<scripting::ScriptInput> scriptInputsOf(const scripting::ScriptFiles& files) {
    std::vector<scripting::ScriptInput> out;
    const auto text = [&](const scripting::ScriptFile& f) {
        out.push_back({f.chunkname, scripting::ScriptInput::State::Text, f.source});
    };
    for (const scripting::ScriptFile& f : files.enemies)
        text(f);
    for (const scripting::ScriptFile& f : files.libs)
        text(f);
    if (!files.director.path.empty())
        text(files.director);
    for (const std::string& problem : files.problems)
        out.push_back({"", scripting::ScriptInput::State::Unreadable, problem});
    return out;
}

} // namespace game
