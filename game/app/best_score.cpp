#include "game/app/best_score.h"

#include "game/app/user_files.h"
#include "scripting/hook_commands.h" // kMaxScore

#include <cstdio>
#include <fstream>
#include <sstream>

namespace game {

std::string bestScorePath() {
    return userFilePath("XDG_DATA_HOME", ".local/share", "best-score");
}

int64_t loadBestScore(const std::string& path) {
    std::ifstream in(path);
    long long score = -1;
    std::string rest;
    if (!(in >> score) || (in >> rest) || score < 0 || score > scripting::kMaxScore)
        return 0; // a hand-edited or broken file is no reason to refuse to start
    return int64_t(score);
}

bool saveBestScore(const std::string& path, int64_t score, std::string* error) {
    return writeUserFile(path, std::to_string(score) + "\n", error);
}

BestScoreFile::BestScoreFile() : m_path(bestScorePath()) {
    if (!m_path.empty())
        m_stored = loadBestScore(m_path);
}

void BestScoreFile::offer(int64_t best) {
    if (best <= m_stored || m_path.empty())
        return;
    m_stored = best;
    std::string error;
    if (!saveBestScore(m_path, best, &error))
        std::fprintf(stderr, "arena: best score not saved: %s\n", error.c_str());
}

} // namespace game
