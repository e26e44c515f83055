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

} // namespace game
