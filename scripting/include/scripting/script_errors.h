#pragma once
// Script errors: structured, deduplicated by (script, line, message), with a count and the first
// and last tick. Plain data anyone can read (the headless summary, the overlay, tests).
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

namespace scripting {

/// Reload: a version refused; Reloaded: a version (or a removal) went live; Notice: information.
enum class ScriptErrorKind { Load, Runtime, Budget, Memory, VmRetired, Reload, Notice, Reloaded };

const char* scriptErrorKindName(ScriptErrorKind kind);

/// Runtime errors by what the message says: budget and memory errors have their own kinds.
ScriptErrorKind classifyRuntimeError(const std::string& message);

struct ScriptError {
    ScriptErrorKind kind = ScriptErrorKind::Runtime;
    std::string script;  // enemy type key, or a file name for load errors
    std::string file;    // chunk name ("enemies/chaser.lua"), empty if unknown
    int line = 0;        // 0 if unknown
    std::string message; // the full message, "file:line: text"
    uint64_t entity = 0; // packed ObjectId of the entity that raised it (0 = none)
    int vm = -1;
    uint64_t tick = 0;
    std::string traceback; // Lua's stack traceback, if there was one
};

struct ScriptErrorEntry {
    ScriptError first;
    uint64_t count = 0;
    uint64_t firstTick = 0, lastTick = 0;
    uint64_t lastEntity = 0;
    int lastVm = -1;
    std::vector<uint64_t> entities; // the objects it happened to (packed ids; the first 32)
};

/// Bounds a message for logs and screens: at most `limit` bytes, cut on a UTF-8 boundary, with a
/// note of the full length.
std::string boundedMessage(const char* text, size_t length, size_t limit);

/// Splits "file:line: message" (Lua's format) into its parts; false if it has no position.
bool parseLuaErrorPosition(const std::string& message, std::string* file, int* line);

/// Errors grouped by (script, line, message). Bounded, so a script whose messages all differ (one
/// per enemy, say) or are huge cannot grow it without limit, slow add() down, or crowd out other
/// errors: a message keeps at most kMaxMessageBytes and a traceback kMaxTracebackBytes; one place
/// (script and line) keeps at most kMaxPerPlace messages, and further ones join its first entry.
/// Past kMaxEntries or kMaxBytes in all, an error from a new place is only counted (droppedCount).
class ScriptErrorLog {
public:
    static constexpr size_t kMaxPerPlace = 8;
    static constexpr size_t kMaxEntries = 1024;
    static constexpr size_t kMaxMessageBytes = 2048;
    static constexpr size_t kMaxTracebackBytes = 4096;
    static constexpr size_t kMaxBytes = size_t(4) << 20;
    /// Called once per new (script, line, message) key, e.g. to print it to stderr.
    void setOnNewEntry(std::function<void(const ScriptErrorEntry&)> fn) { m_onNew = std::move(fn); }
    void add(const ScriptError& error);
    const std::vector<ScriptErrorEntry>& entries() const { return m_entries; }
    uint64_t total() const { return m_total; }
    /// Everything but notices and reload successes.
    uint64_t errorCount() const { return m_total - m_notices; }
    /// Errors from a new place after the log held kMaxEntries.
    uint64_t droppedCount() const { return m_dropped; }
    /// Bytes the entries hold (messages, tracebacks, names and their index).
    size_t bytes() const { return m_bytes; }
    void clear();

private:
    void update(ScriptErrorEntry& entry, const ScriptError& e);
    std::vector<ScriptErrorEntry> m_entries;
    std::unordered_map<std::string, size_t> m_byKey; // script, line, message -> entry
    struct Place {
        size_t firstEntry;
        size_t messages;
    };
    std::unordered_map<std::string, Place> m_byLocation; // script, line -> its entries
    uint64_t m_dropped = 0;
    size_t m_bytes = 0;
    uint64_t m_total = 0;
    uint64_t m_notices = 0;
    std::function<void(const ScriptErrorEntry&)> m_onNew;
};

} // namespace scripting
