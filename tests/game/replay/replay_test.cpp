// Record and replay: a headless session with player input, live reloads (good and broken), a new
// script, debug spawns and clears, inspector edits of tables and memory, and a restart, replayed
// from the recording alone (its folder deleted first) on pools 1, 2 and 3: every checkpoint and
// the final world match. One script byte changed diverges at the first checkpoint after the
// changed script first ran; a recording cut at an error's tick shows the same error again.
#include "game/app/game_setup.h"
#include "game/app/live_scripts.h"
#include "game/replay/recorder.h"
#include "game/replay/recording_codec.h"
#include "game/replay/replay.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {
std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// A copy of the shipped scripts and the marker, in a folder of its own.
struct Folder {
    fs::path root;
    Folder() {
        static int counter = 0;
        root = fs::temp_directory_path() /
               ("arena_replay_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
        fs::remove_all(root);
        fs::copy(fs::path(ARENA_SOURCE_DIR) / "scripts", root, fs::copy_options::recursive);
        fs::copy(fs::path(ARENA_SOURCE_DIR) / "tests/game/replay/lua/marker.lua",
                 root / "enemies/marker.lua");
    }
    ~Folder() { fs::remove_all(root); }
    void write(const std::string& rel, const std::string& text) const {
        std::ofstream(root / rel, std::ios::binary | std::ios::trunc) << text;
    }
};

uint16_t typeOf(const game::GameSession& s, const std::string& key) {
    const auto& scripts = s.think->scripts();
    for (size_t i = 0; i < scripts.size(); ++i)
        if (scripts[i].key == key)
            return uint16_t(i);
    ADD_FAILURE() << "no type " << key;
    return 0;
}

// A player who moves, aims and fires in a pattern no autopilot would fly.
game::PlayerCommand playerAt(uint64_t t) {
    game::PlayerCommand c;
    const uint64_t x = (t * 2654435761u) >> 7;
    c.move = {float(int(x % 3) - 1), float(int((x / 3) % 3) - 1)};
    c.aim = {float(int(x % 7)) - 3.0f, float(int((x / 7) % 5)) - 2.0f};
    c.fire = (t / 20) % 3 != 0;
    return c;
}

struct Recorded {
    game::Recording recording;
    uint64_t worldHash = 0;
    game::PartHashes parts;
    bool tableEdited = false, memoryEdited = false;
    game::ReloadNotice goodReload, brokenReload;
};

Recorded recordSession(int ticks) {
    Folder folder;
    game::AppOptions o;
    o.scriptsDir = folder.root.string();
    o.pool = 2;
    o.seed = 7;
    std::string error;
    game::GameSession session = game::makeGame(o, /*autoRestart=*/true, &error);
    EXPECT_TRUE(session.game) << error;
    Recorded out;
    {
        game::LiveScripts live(session, o.scriptsDir, /*watch=*/false);
        live.setPrintOutcomes(false);
        game::Recorder recorder(session, live);
        const std::string chaser = readFile(folder.root / "enemies/chaser.lua");
        for (uint64_t t = 1; t <= uint64_t(ticks); ++t) {
            if (t == 100) { // a good reload: the chasers weave more
                folder.write("enemies/chaser.lua",
                             std::string(chaser).replace(chaser.find("0.45"), 4, "0.65"));
                EXPECT_TRUE(live.reloadNow("enemies/chaser.lua").applied);
            }
            if (t == 160) { // a broken one: refused, the last good version keeps running
                folder.write("enemies/chaser.lua", "return { think = function( end }");
                EXPECT_TRUE(live.reloadNow("enemies/chaser.lua").refused);
            }
            if (t == 200) { // debug controls: markers arrive
                EXPECT_TRUE(recorder.act(game::spawnAction(typeOf(session, "marker"), 6), &error));
            }
            if (t == 260) { // the inspector edits the first marker's table and memory
                for (const engine::Enemy& e : session.game->world().enemies.dense()) {
                    if (e.type != typeOf(session, "marker"))
                        continue;
                    const uint64_t id = engine::packObjectId(e.id);
                    out.tableEdited =
                        recorder.act(game::tableEditAction(id, {"mood"}, "7"), &error);
                    out.memoryEdited =
                        recorder.act(game::memoryEditAction(id, "level", "2"), &error);
                    break;
                }
            }
            if (t == 400)
                recorder.act(game::clearAction(), &error);
            if (t == 430)
                recorder.act(game::restartAction(), &error);
            const game::PlayerCommand c = playerAt(t);
            recorder.step(t % 500 < 250 ? &c : nullptr); // the autopilot flies a while too
        }
        out.recording = recorder.recording();
        out.worldHash = session.game->worldHash();
        out.parts = session.game->partHashes();
    }
    return out;
}

const Recorded& shared() {
    static const Recorded recorded = recordSession(900);
    return recorded;
}
} // namespace

TEST(Replay, EverythingThatChangedTheWorldIsRecorded) {
    const Recorded& r = shared();
    EXPECT_TRUE(r.tableEdited);
    EXPECT_TRUE(r.memoryEdited);
    EXPECT_EQ(r.recording.ticks(), 900u);
    EXPECT_EQ(r.recording.checkpoints.size(), 900u / game::kCheckpointTicks);
    size_t scripts = 0, spawns = 0, edits = 0, clears = 0, restarts = 0;
    for (const game::RecordedAction& a : r.recording.actions) {
        scripts += a.kind == game::ActionKind::Script;
        spawns += a.kind == game::ActionKind::Spawn;
        edits += a.kind == game::ActionKind::SetTableValue || a.kind == game::ActionKind::SetMemory;
        clears += a.kind == game::ActionKind::ClearEnemies;
        restarts += a.kind == game::ActionKind::Restart;
    }
    EXPECT_EQ(scripts, 2u); // the good version and the broken one, as the reloads read them
    EXPECT_EQ(spawns, 1u);
    EXPECT_EQ(edits, 2u);
    EXPECT_EQ(clears, 1u);
    EXPECT_EQ(restarts, 1u);
}

TEST(Replay, ReplaysFromTheFileAloneOnAnyPool) {
    const Recorded& r = shared();
    game::Recording decoded;
    std::string error;
    ASSERT_TRUE(game::decodeRecording(game::encodeRecording(r.recording), &decoded, &error))
        << error;
    for (int pool : {1, 2, 3}) {
        game::ReplayDef def;
        def.pool = pool;
        def.quiet = true;
        auto run = game::ReplayRun::start(decoded, def, &error);
        ASSERT_TRUE(run) << error;
        EXPECT_TRUE(run->runTo(decoded.ticks()));
        EXPECT_FALSE(run->divergence()) << run->divergence()->text() << " on pool " << pool;
        EXPECT_EQ(run->tick(), 900u);
        EXPECT_EQ(run->game().worldHash(), r.worldHash) << "pool " << pool;
        EXPECT_EQ(run->game().partHashes(), r.parts) << "pool " << pool;
    }
}

TEST(Replay, TheReplayRunsTheRecordedVersions) {
    const Recorded& r = shared();
    std::string error;
    game::ReplayDef def;
    def.quiet = true;
    auto run = game::ReplayRun::start(r.recording, def, &error);
    ASSERT_TRUE(run) << error;
    run->runTo(150);
    const scripting::ScriptRecord* chaser =
        run->session().library->find(scripting::ScriptKind::Enemy, "chaser");
    ASSERT_TRUE(chaser);
    EXPECT_EQ(chaser->version, 2);
    EXPECT_NE(chaser->source.find("0.65"), std::string::npos);
    run->runTo(170);
    EXPECT_EQ(chaser->version, 2); // the broken version was refused in the replay too
    EXPECT_FALSE(chaser->error.empty());
}

TEST(Replay, OneScriptByteChangedDivergesWhereThatScriptFirstRan) {
    const Recorded& r = shared();
    // Where a chaser first thinks, from an unchanged replay.
    std::string error;
    game::ReplayDef def;
    def.quiet = true;
    auto clean = game::ReplayRun::start(r.recording, def, &error);
    ASSERT_TRUE(clean) << error;
    const uint16_t chaser = typeOf(clean->session(), "chaser");
    uint64_t firstChaser = 0;
    while (!firstChaser && clean->step())
        for (const engine::Enemy& e : clean->game().world().enemies.dense())
            if (e.type == chaser)
                firstChaser = clean->tick() + 1; // it thinks in the next tick
    ASSERT_GT(firstChaser, 0u);
    const uint64_t expected = (firstChaser + game::kCheckpointTicks - 1) / game::kCheckpointTicks *
                              game::kCheckpointTicks;

    game::Recording changed = r.recording;
    for (scripting::ScriptInput& s : changed.scripts)
        if (s.path == "enemies/chaser.lua")
            s.text[s.text.find("0.45") + 3] = '6'; // 0.45 -> 0.46: one byte
    auto run = game::ReplayRun::start(changed, def, &error);
    ASSERT_TRUE(run) << error;
    EXPECT_FALSE(run->runTo(changed.ticks()));
    ASSERT_TRUE(run->divergence());
    EXPECT_EQ(run->divergence()->tick, expected) << run->divergence()->text();
    EXPECT_STREQ(game::kHashPartNames[run->divergence()->part], "enemies");
    EXPECT_NE(run->divergence()->text().find("tick " + std::to_string(expected)),
              std::string::npos);
}

TEST(Replay, ARecordingCutAtAnErrorShowsTheSameError) {
    const Recorded& r = shared();
    std::string error;
    game::ReplayDef def;
    def.quiet = true;
    auto full = game::ReplayRun::start(r.recording, def, &error);
    ASSERT_TRUE(full) << error;
    full->runTo(r.recording.ticks());
    const scripting::ScriptError* fault = nullptr;
    for (const scripting::ScriptErrorEntry& e : full->session().library->errors().entries())
        if (e.first.kind == scripting::ScriptErrorKind::Runtime && e.first.entity != 0)
            fault = &e.first;
    ASSERT_TRUE(fault) << "the marker's think fails at age 45";
    EXPECT_NE(fault->message.find("gave up at age 45"), std::string::npos);

    const game::Recording cut = game::recordingUpTo(r.recording, fault->tick);
    EXPECT_EQ(cut.ticks(), fault->tick);
    game::Recording decoded;
    ASSERT_TRUE(game::decodeRecording(game::encodeRecording(cut), &decoded, &error)) << error;
    auto again = game::ReplayRun::start(decoded, def, &error);
    ASSERT_TRUE(again) << error;
    EXPECT_TRUE(again->runTo(decoded.ticks()));
    const scripting::ScriptError* same = nullptr;
    for (const scripting::ScriptErrorEntry& e : again->session().library->errors().entries())
        if (e.first.message == fault->message)
            same = &e.first;
    ASSERT_TRUE(same) << "the error did not happen again";
    EXPECT_EQ(same->tick, fault->tick);
    EXPECT_EQ(same->entity, fault->entity);
    EXPECT_EQ(same->message, fault->message);
}
