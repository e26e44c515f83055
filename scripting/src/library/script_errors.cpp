#include "scripting/script_errors.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace scripting {

const char* scriptErrorKindName(ScriptErrorKind kind) {
    switch (kind) {
    case ScriptErrorKind::Load: return "load";
    case ScriptErrorKind::Runtime: return "runtime";
    case ScriptErrorKind::Budget: return "budget";
    case ScriptErrorKind::Memory: return "memory";
    case ScriptErrorKind::VmRetired: return "vm_retired";
    case ScriptErrorKind::Reload: return "reload";
    case ScriptErrorKind::Notice: return "notice";
    case ScriptErrorKind::Reloaded: return "reloaded";
    }
    return "runtime";
}

ScriptErrorKind classifyRuntimeError(const std::string& message) {
    if (message.find("exceeded its CPU budget") != std::string::npos ||
        message.find("exceeded its time limit") != std::string::npos)
        return ScriptErrorKind::Budget;
    if (message.find("not enough memory") != std::string::npos)
        return ScriptErrorKind::Memory;
    return ScriptErrorKind::Runtime;
}

bool parseLuaErrorPosition(const std::string& message, std::string* file, int* line) {
    // "enemies/chaser.lua:12: text": the file may itself contain ':' (unlikely), so take the first
    // ":<digits>: " sequence.
    for (size_t colon = message.find(':'); colon != std::string::npos;
         colon = message.find(':', colon + 1)) {
        size_t end = colon + 1;
        while (end < message.size() && message[end] >= '0' && message[end] <= '9')
            ++end;
        if (end > colon + 1 && end + 1 < message.size() && message[end] == ':' &&
            message[end + 1] == ' ') {
            *file = message.substr(0, colon);
            *line = std::atoi(message.c_str() + colon + 1);
            return true;
        }
    }
    return false;
}

void ScriptErrorLog::update(ScriptErrorEntry& entry, const ScriptError& e) {
    ++entry.count;
    entry.lastTick = e.tick;
    entry.lastEntity = e.entity;
    entry.lastVm = e.vm;
    if (e.entity && entry.entities.size() < 32 &&
        std::find(entry.entities.begin(), entry.entities.end(), e.entity) == entry.entities.end())
        entry.entities.push_back(e.entity);
}

std::string boundedMessage(const char* text, size_t length, size_t limit) {
    if (length <= limit)
        return std::string(text, length);
    size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xc0) == 0x80)
        --cut; // not in the middle of a UTF-8 sequence
    char note[64];
    std::snprintf(note, sizeof note, "... (%zu bytes in all)", length);
    return std::string(text, cut) + note;
}

void ScriptErrorLog::add(const ScriptError& original) {
    ScriptError bounded;
    const bool tooBig = original.message.size() > kMaxMessageBytes ||
                        original.traceback.size() > kMaxTracebackBytes ||
                        original.script.size() > 256 || original.file.size() > 256;
    if (tooBig) {
        bounded = original;
        bounded.message =
            boundedMessage(original.message.data(), original.message.size(), kMaxMessageBytes);
        bounded.traceback = boundedMessage(original.traceback.data(), original.traceback.size(),
                                           kMaxTracebackBytes);
        bounded.script.resize(std::min<size_t>(bounded.script.size(), 256));
        bounded.file.resize(std::min<size_t>(bounded.file.size(), 256));
    }
    const ScriptError& e = tooBig ? bounded : original;
    ++m_total;
    m_notices += e.kind == ScriptErrorKind::Notice || e.kind == ScriptErrorKind::Reloaded;
    std::string location = e.script;
    location += '\x1f';
    location += std::to_string(e.line);
    const std::string key = location + '\x1f' + e.message;
    if (const auto found = m_byKey.find(key); found != m_byKey.end()) {
        update(m_entries[found->second], e);
        return;
    }
    const auto place = m_byLocation.find(location);
    if (place != m_byLocation.end() &&
        (place->second.messages >= kMaxPerPlace || m_entries.size() >= kMaxEntries)) {
        update(m_entries[place->second.firstEntry], e);
        return;
    }
    const size_t entryBytes =
        2 * key.size() + e.traceback.size() + e.file.size() + sizeof(ScriptErrorEntry);
    if (m_entries.size() >= kMaxEntries || m_bytes + entryBytes > kMaxBytes) {
        ++m_dropped;
        return;
    }
    m_bytes += entryBytes;
    m_byKey.emplace(key, m_entries.size());
    if (place == m_byLocation.end())
        m_byLocation.emplace(location, Place{m_entries.size(), 1});
    else
        ++place->second.messages;
    m_entries.push_back(ScriptErrorEntry{e, 1, e.tick, e.tick, e.entity, e.vm, {}});
    if (e.entity)
        m_entries.back().entities.push_back(e.entity);
    if (m_onNew)
        m_onNew(m_entries.back());
}

void ScriptErrorLog::clear() {
    m_entries.clear();
    m_byKey.clear();
    m_byLocation.clear();
    m_total = 0;
    m_notices = 0;
    m_dropped = 0;
    m_bytes = 0;
}

} // namespace scripting
