#include "game/replay/recording.h"

#include <algorithm>
#include <set>

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
    std::set<std::string> seen;
    for (const scripting::ScriptInput& s : recording.scripts) {
        if (s.state != scripting::ScriptInput::State::Text) {
            files.problems.push_back(s.text);
            continue;
        }
        // The library's own rule, so a recording cannot name a script a folder could not hold.
        scripting::ScriptKind kind;
        std::string key;
        if (!scripting::classifyScriptPath(s.path, &kind, &key) || !seen.insert(s.path).second) {
            files.problems.push_back(s.path + ": not a script path (or twice) in the recording");
            continue;
        }
        const scripting::ScriptFile file{key, s.path, files.root + "/" + s.path, s.text};
        if (kind == scripting::ScriptKind::Director)
            files.director = file;
        else
            (kind == scripting::ScriptKind::Enemy ? files.enemies : files.libs).push_back(file);
    }
    // As readScriptFiles orders them: types by name (type order is the file name order).
    const auto byName = [](const scripting::ScriptFile& a, const scripting::ScriptFile& b) {
        return a.name < b.name;
    };
    std::sort(files.enemies.begin(), files.enemies.end(), byName);
    std::sort(files.libs.begin(), files.libs.end(), byName);
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
