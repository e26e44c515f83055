#pragma once
// FileWatch: polls a folder tree for .lua files that were added, changed or removed. A change is
// reported only once the file has stayed the same (size and modification time) for the debounce
// time, so an editor's half-written save is never picked up.
//
// Contract: poll(now) is cheap enough to call every frame (it stats the files at most every
// pollInterval); it returns each settled change once. Paths are relative to the root, with '/'.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace engine {

struct FileChange {
    enum class Kind { Added, Modified, Removed };
    Kind kind;
    std::string path; // relative to the root
};

struct FileWatchDef {
    std::chrono::milliseconds debounce{150};
    std::chrono::milliseconds pollInterval{50};
    std::string extension = ".lua";
};

inline FileWatchDef defaultFileWatchDef() {
    return FileWatchDef{};
}

class FileWatch {
public:
    using Clock = std::chrono::steady_clock;

    FileWatch(std::string root, FileWatchDef def = defaultFileWatchDef());
    std::vector<FileChange> poll(Clock::time_point now = Clock::now());
    const std::string& root() const { return m_root; }

private:
    struct Seen {
        std::filesystem::file_time_type mtime;
        uintmax_t size = 0;
        Clock::time_point stableSince;
        bool reported = true; // the state we last reported (or found at start)
        bool known = false;   // existed at the last report
    };
    std::map<std::string, Seen> scan() const;

    std::string m_root;
    FileWatchDef m_def;
    std::map<std::string, Seen> m_files;
    Clock::time_point m_lastPoll{};
};

} // namespace engine
