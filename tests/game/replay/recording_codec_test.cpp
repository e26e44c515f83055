// The recording file: what is written reads back the same, a tick costs bytes, and a bad file
// (truncated anywhere, any byte changed, a newer version, not a recording) is refused with a
// clear message and never crashes.
#include "game/replay/recording_codec.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace {
game::Recording sample(uint64_t ticks) {
    game::Recording r;
    r.header.seed = 99;
    r.header.enemies = 12;
    r.header.thinkBudget = 150;
    r.header.autoRestart = true;
    r.header.scriptsRoot = "/somewhere/scripts";
    r.scripts.push_back({"enemies/a.lua", scripting::ScriptInput::State::Text, "return {}\n"});
    r.scripts.push_back({"", scripting::ScriptInput::State::Unreadable, "b.lua: cannot be read"});
    for (uint64_t t = 1; t <= ticks; ++t) {
        game::PlayerCommand c;
        c.move = {t % 40 < 20 ? 1.0f : -1.0f, 0.0f}; // a person: the same keys for a while
        c.aim = {float(t / 30), 1.0f};
        c.fire = t % 3 == 0;
        r.commands.push_back(c);
        if (t % game::kCheckpointTicks == 0)
            r.checkpoints.push_back({t, {t * 3, t * 5, t * 7, ~t}});
    }
    game::RecordedAction spawn;
    spawn.tick = 5;
    spawn.kind = game::ActionKind::Spawn;
    spawn.type = 3;
    spawn.count = 10;
    r.actions.push_back(spawn);
    game::RecordedAction script;
    script.tick = 5;
    script.kind = game::ActionKind::Script;
    script.script = {"lib/x.lua", scripting::ScriptInput::State::Missing, ""};
    r.actions.push_back(script);
    game::RecordedAction edit;
    edit.tick = ticks; // the last tick
    edit.kind = game::ActionKind::SetTableValue;
    edit.object = (uint64_t(3) << 24) | 17;
    edit.path = {"stats", "[2]"};
    edit.value = "hello";
    r.actions.push_back(edit);
    game::RecordedAction after; // made after the last step
    after.tick = ticks + 1;
    after.kind = game::ActionKind::Restart;
    r.actions.push_back(after);
    return r;
}

void expectSame(const game::Recording& a, const game::Recording& b) {
    EXPECT_EQ(a.header.seed, b.header.seed);
    EXPECT_EQ(a.header.enemies, b.header.enemies);
    EXPECT_EQ(a.header.vmMemoryMb, b.header.vmMemoryMb);
    EXPECT_EQ(a.header.thinkBudget, b.header.thinkBudget);
    EXPECT_EQ(a.header.autoRestart, b.header.autoRestart);
    EXPECT_EQ(a.header.scriptsRoot, b.header.scriptsRoot);
    ASSERT_EQ(a.scripts.size(), b.scripts.size());
    for (size_t i = 0; i < a.scripts.size(); ++i) {
        EXPECT_EQ(a.scripts[i].path, b.scripts[i].path);
        EXPECT_EQ(a.scripts[i].state, b.scripts[i].state);
        EXPECT_EQ(a.scripts[i].text, b.scripts[i].text);
    }
    ASSERT_EQ(a.commands.size(), b.commands.size());
    for (size_t i = 0; i < a.commands.size(); ++i) {
        EXPECT_EQ(a.commands[i].move, b.commands[i].move) << i;
        EXPECT_EQ(a.commands[i].aim, b.commands[i].aim) << i;
        EXPECT_EQ(a.commands[i].fire, b.commands[i].fire) << i;
    }
    ASSERT_EQ(a.actions.size(), b.actions.size());
    for (size_t i = 0; i < a.actions.size(); ++i) {
        EXPECT_EQ(a.actions[i].tick, b.actions[i].tick);
        EXPECT_EQ(a.actions[i].kind, b.actions[i].kind);
        EXPECT_EQ(a.actions[i].type, b.actions[i].type);
        EXPECT_EQ(a.actions[i].count, b.actions[i].count);
        EXPECT_EQ(a.actions[i].object, b.actions[i].object);
        EXPECT_EQ(a.actions[i].path, b.actions[i].path);
        EXPECT_EQ(a.actions[i].value, b.actions[i].value);
        EXPECT_EQ(a.actions[i].script.path, b.actions[i].script.path);
        EXPECT_EQ(a.actions[i].script.state, b.actions[i].script.state);
    }
    ASSERT_EQ(a.checkpoints.size(), b.checkpoints.size());
    for (size_t i = 0; i < a.checkpoints.size(); ++i) {
        EXPECT_EQ(a.checkpoints[i].tick, b.checkpoints[i].tick);
        EXPECT_EQ(a.checkpoints[i].hashes, b.checkpoints[i].hashes);
    }
}
} // namespace

TEST(RecordingCodec, ReadsBackWhatItWrote) {
    const game::Recording r = sample(600);
    game::Recording back;
    std::string error;
    ASSERT_TRUE(game::decodeRecording(game::encodeRecording(r), &back, &error)) << error;
    expectSame(r, back);
}

TEST(RecordingCodec, NaNsAndNegativeZerosSurviveBitForBit) {
    game::Recording r = sample(3);
    r.commands[1].move = {-0.0f, std::numeric_limits<float>::quiet_NaN()};
    game::Recording back;
    std::string error;
    ASSERT_TRUE(game::decodeRecording(game::encodeRecording(r), &back, &error)) << error;
    EXPECT_TRUE(std::signbit(back.commands[1].move.x));
    EXPECT_TRUE(std::isnan(back.commands[1].move.y));
}

TEST(RecordingCodec, APersonsCommandsCostBytesPerTick) {
    const game::Recording small = sample(60), big = sample(60 * 60);
    const double perTick =
        double(game::encodeRecording(big).size() - game::encodeRecording(small).size()) /
        double(big.ticks() - small.ticks());
    EXPECT_LT(perTick, 4.0) << "bytes per tick, checkpoints included";
}

TEST(RecordingCodec, EveryTruncationIsRefused) {
    const std::string bytes = game::encodeRecording(sample(200));
    for (size_t n = 0; n < bytes.size(); ++n) {
        game::Recording r;
        std::string error;
        EXPECT_FALSE(game::decodeRecording(std::string_view(bytes).substr(0, n), &r, &error));
        EXPECT_FALSE(error.empty()) << n;
    }
}

// A changed byte is refused, or it was a bit deflate never reads (padding): then what it reads
// is the very same recording.
TEST(RecordingCodec, EveryChangedByteIsRefusedOrChangesNothing) {
    const std::string bytes = game::encodeRecording(sample(200));
    size_t refused = 0;
    for (size_t i = 0; i < bytes.size(); ++i) {
        std::string bad = bytes;
        bad[i] = char(bad[i] ^ 0x20);
        game::Recording r;
        std::string error;
        if (game::decodeRecording(bad, &r, &error)) {
            EXPECT_EQ(game::encodeRecording(r), bytes) << "byte " << i << " changed the content";
        } else {
            EXPECT_FALSE(error.empty());
            ++refused;
        }
    }
    EXPECT_GT(refused, bytes.size() * 9 / 10);
}

TEST(RecordingCodec, SaysWhatIsWrong) {
    std::string bytes = game::encodeRecording(sample(10));
    game::Recording r;
    std::string error;
    std::string newer = bytes;
    newer[8] = char(game::kRecordingFormatVersion + 1);
    EXPECT_FALSE(game::decodeRecording(newer, &r, &error));
    EXPECT_NE(error.find("newer"), std::string::npos) << error;
    EXPECT_FALSE(game::decodeRecording("PNG\x89 not a recording at all", &r, &error));
    EXPECT_NE(error.find("not an arena recording"), std::string::npos) << error;
    EXPECT_FALSE(game::decodeRecording(bytes.substr(0, bytes.size() - 3), &r, &error));
    EXPECT_NE(error.find("truncated"), std::string::npos) << error;
    EXPECT_FALSE(game::readRecordingFile("/nonexistent/x.rec", &r, &error));
    EXPECT_NE(error.find("/nonexistent/x.rec"), std::string::npos) << error;
}

TEST(RecordingCodec, OptionsOutsideTheCommandLinesRangesAreRefused) {
    for (int which = 0; which < 3; ++which) {
        game::Recording r = sample(10);
        (which == 0   ? r.header.vmMemoryMb
         : which == 1 ? r.header.thinkBudget
                      : r.header.enemies) = -5;
        game::Recording back;
        std::string error;
        EXPECT_FALSE(game::decodeRecording(game::encodeRecording(r), &back, &error)) << which;
        EXPECT_NE(error.find("out of range"), std::string::npos) << error;
    }
}

// A small file that unpacks to millions of one-byte ticks (46 hours and more) is refused before
// anything is allocated for them.
TEST(RecordingCodec, AnImplausibleTickCountIsRefused) {
    // The header, as LEB128 varints (signed ones zigzag): seed 1, enemies 0, --vm-memory 64
    // (zigzag 128: 0x80 0x01), --think-budget 200 (zigzag 400: 0x90 0x03), no auto restart, the
    // scripts folder "", no scripts.
    std::string body = {1, 0, char(0x80), 1, char(0x90), 3, 0, 0, 0};
    const uint64_t ticks = 10000001;
    for (uint64_t v = ticks;; v >>= 7) { // the tick count
        body += char(v >= 0x80 ? (v & 0x7f) | 0x80 : v);
        if (v < 0x80)
            break;
    }
    body.append(ticks + 1, '\0'); // unchanged commands, and no trailing actions
    game::Recording r;
    std::string error;
    EXPECT_FALSE(game::decodeRecording(game::wrapRecordingBody(body), &r, &error));
    EXPECT_NE(error.find("46 hours"), std::string::npos) << error;
}
