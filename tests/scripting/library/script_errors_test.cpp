#include "scripting/script_errors.h"

#include <gtest/gtest.h>

#include <algorithm>

using scripting::ScriptError;
using scripting::ScriptErrorLog;

namespace {
ScriptError errorAt(const std::string& script, int line, const std::string& text, uint64_t entity) {
    ScriptError e;
    e.script = script;
    e.file = "enemies/" + script + ".lua";
    e.line = line;
    e.message = e.file + ":" + std::to_string(line) + ": " + text;
    e.entity = entity;
    return e;
}
} // namespace

TEST(ScriptErrorLog, TheSameErrorIsOneEntryWithACount) {
    ScriptErrorLog log;
    int announced = 0;
    log.setOnNewEntry([&](const scripting::ScriptErrorEntry&) { ++announced; });
    for (uint64_t entity = 1; entity <= 50; ++entity)
        log.add(errorAt("chaser", 7, "attempt to index a nil value", entity));
    log.add(errorAt("chaser", 9, "attempt to index a nil value", 3));
    ASSERT_EQ(log.entries().size(), 2u);
    EXPECT_EQ(log.entries()[0].count, 50u);
    EXPECT_EQ(log.entries()[0].lastEntity, 50u);
    EXPECT_EQ(log.entries()[0].entities.size(), 32u); // a sample, not all of them
    EXPECT_EQ(announced, 2);
    EXPECT_EQ(log.total(), 51u);
}

TEST(ScriptErrorLog, MessagesThatAllDifferStayBoundedAndAreStillCounted) {
    // One distinct message per enemy (the error names it): 100k of them used to make one entry
    // each, and every add compared against all of them.
    ScriptErrorLog log;
    for (uint64_t entity = 1; entity <= 100000; ++entity)
        log.add(errorAt("swarm", 4, "entity " + std::to_string(entity) + " refuses", entity));
    EXPECT_EQ(log.entries().size(), ScriptErrorLog::kMaxPerPlace);
    EXPECT_EQ(log.total(), 100000u);
    uint64_t listed = 0;
    for (const auto& entry : log.entries())
        listed += entry.count;
    EXPECT_EQ(listed, log.total()); // nothing lost from the count
    // ...and the flood does not crowd out an error from another place.
    log.add(errorAt("sniper", 2, "another place", 1));
    ASSERT_EQ(log.entries().size(), ScriptErrorLog::kMaxPerPlace + 1);
    EXPECT_EQ(log.entries().back().first.script, "sniper");
    log.clear();
    EXPECT_TRUE(log.entries().empty());
}

TEST(ScriptErrorLog, PastItsSizeOnlyErrorsFromNewPlacesAreDropped) {
    ScriptErrorLog log;
    for (int line = 1; line <= int(ScriptErrorLog::kMaxEntries); ++line)
        log.add(errorAt("big", line, "boom", 1));
    log.add(errorAt("big", 3, "a new message at a known place", 2)); // joins that place's entry
    log.add(errorAt("other", 1, "nowhere to go", 3));
    EXPECT_EQ(log.entries().size(), ScriptErrorLog::kMaxEntries);
    EXPECT_EQ(log.entries()[2].count, 2u);
    EXPECT_EQ(log.droppedCount(), 1u);
    EXPECT_EQ(log.total(), ScriptErrorLog::kMaxEntries + 2);
}

TEST(ScriptErrorLog, HugeMessagesAreBoundedAndTheLogStaysUnderItsBytes) {
    // A director failing every tick with a new megabyte message: the log keeps a bounded copy of
    // each, and past its byte budget only counts.
    ScriptErrorLog log;
    // Enough failures to pass the byte budget (and the entry cap) by half again, no more: each
    // is megabytes of copying, slow under the sanitizers.
    const int ticks = int(std::max(ScriptErrorLog::kMaxBytes / (ScriptErrorLog::kMaxMessageBytes +
                                                                ScriptErrorLog::kMaxTracebackBytes),
                                   ScriptErrorLog::kMaxEntries) *
                          3 / 2);
    for (int tick = 0; tick < ticks; ++tick) {
        ScriptError e;
        e.script = "director";
        e.file = "director.lua";
        e.line = tick; // a new place every time
        e.message = std::to_string(tick) + std::string(size_t(1) << 20, 'm');
        e.traceback = std::string(size_t(1) << 20, 't');
        log.add(e);
    }
    EXPECT_EQ(log.total(), uint64_t(ticks));
    EXPECT_LE(log.bytes(), ScriptErrorLog::kMaxBytes);
    ASSERT_FALSE(log.entries().empty());
    const ScriptError& first = log.entries()[0].first;
    EXPECT_LE(first.message.size(), ScriptErrorLog::kMaxMessageBytes + 64);
    EXPECT_NE(first.message.find("(1048577 bytes in all)"), std::string::npos)
        << first.message.substr(first.message.size() - 64);
    EXPECT_LE(first.traceback.size(), ScriptErrorLog::kMaxTracebackBytes + 64);
    EXPECT_GT(log.droppedCount(), 0u);
}
