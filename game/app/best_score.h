#pragma once
// The player's best score between sessions: $XDG_DATA_HOME/arena/best-score, else
// ~/.local/share/arena/best-score, one decimal number. Only the window reads and writes it (the
// attract mode's rounds never count); tests, screenshots and headless runs never touch it.
#include <cstdint>
#include <string>

namespace game {

/// The file's path from the environment ("" when neither XDG_DATA_HOME nor HOME is set).
std::string bestScorePath();

/// The score in `path`; 0 when the file is missing or does not hold a score in [0, kMaxScore].
int64_t loadBestScore(const std::string& path);

/// Writes `score` (atomically; creating the folder). False with *error when it cannot.
bool saveBestScore(const std::string& path, int64_t score, std::string* error);

/// The window's best score on disk: read when made; offer() writes a better one (the player's
/// round ended, was restarted, or the window closes), reporting a failure once on stderr.
class BestScoreFile {
public:
    BestScoreFile();
    int64_t stored() const { return m_stored; }
    void offer(int64_t best);

private:
    std::string m_path;
    int64_t m_stored = 0;
};

} // namespace game
