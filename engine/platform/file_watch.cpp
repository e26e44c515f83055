#include "engine/platform/file_watch.h"

namespace fs = std::filesystem;

namespace engine {

FileWatch::FileWatch(std::string root, FileWatchDef def)
    : m_root(std::move(root)), m_def(std::move(def)) {
    m_files = scan(); // what exists now is the baseline, not a change
    for (auto& [path, seen] : m_files) {
        seen.known = true;
        seen.reported = true;
    }
}

std::map<std::string, FileWatch::Seen> FileWatch::scan() const {
    std::map<std::string, Seen> out;
    std::error_code ec;
    for (fs::recursive_directory_iterator
             it(m_root, fs::directory_options::skip_permission_denied, ec),
         end;
         !ec && it != end; it.increment(ec)) {
        if (it->path().extension() != m_def.extension)
            continue;
        std::error_code e2;
        Seen s;
        s.mtime = fs::last_write_time(it->path(), e2);
        s.size = it->is_regular_file(e2) ? fs::file_size(it->path(), e2) : 0;
        out[fs::relative(it->path(), m_root, e2).generic_string()] = s;
    }
    return out;
}

std::vector<FileChange> FileWatch::poll(Clock::time_point now) {
    std::vector<FileChange> changes;
    if (now - m_lastPoll < m_def.pollInterval)
        return changes;
    m_lastPoll = now;
    const std::map<std::string, Seen> current = scan();
    // Present files: new or different restart the debounce; settled ones are reported once.
    for (const auto& [path, now_] : current) {
        auto it = m_files.find(path);
        if (it == m_files.end()) {
            Seen s = now_;
            s.stableSince = now;
            s.reported = false;
            s.known = false;
            m_files[path] = s;
            continue;
        }
        Seen& s = it->second;
        if (s.mtime != now_.mtime || s.size != now_.size) {
            s.mtime = now_.mtime;
            s.size = now_.size;
            s.stableSince = now;
            s.reported = false;
        }
        if (!s.reported && now - s.stableSince >= m_def.debounce) {
            changes.push_back(
                {s.known ? FileChange::Kind::Modified : FileChange::Kind::Added, path});
            s.reported = true;
            s.known = true;
        }
    }
    for (auto it = m_files.begin(); it != m_files.end();) {
        if (!current.count(it->first)) {
            if (it->second.known)
                changes.push_back({FileChange::Kind::Removed, it->first});
            it = m_files.erase(it);
        } else {
            ++it;
        }
    }
    return changes;
}

} // namespace engine
