#include "game/app/jit_checker.h"

#include <array>
#include <cstdio>
#include <filesystem>
#include <regex>

namespace game {

JitChecker::~JitChecker() {
    if (m_thread.joinable())
        m_thread.join();
}

bool JitChecker::running() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_running;
}

std::map<std::string, JitVerdict> JitChecker::results() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_results;
}

void JitChecker::start() {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_running)
            return;
        m_running = true;
    }
    if (m_thread.joinable())
        m_thread.join();
    m_thread = std::thread([this] {
        std::error_code ec;
        const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
        const std::string tool = (self.parent_path() / "scriptcheck").string();
        const std::string cmd = "'" + tool + "' --jit '" + m_root + "' --processes 3 2>&1";
        std::map<std::string, JitVerdict> out;
        if (FILE* pipe = popen(cmd.c_str(), "r")) {
            // "path/enemies/x.lua: compiled (0 trace aborts over 3 processes)", then "    3x
            // reason" lines
            static const std::regex head(
                R"(([^/\s]+)\.lua: (compiled|FALLS BACK TO THE INTERPRETER) \((\d+) trace aborts)");
            static const std::regex reason(R"(^\s+(\d+x .*))");
            std::array<char, 1024> line{};
            std::string current;
            std::smatch m;
            while (fgets(line.data(), int(line.size()), pipe)) {
                const std::string text(line.data());
                if (std::regex_search(text, m, head)) {
                    current = m[1];
                    out[current] = JitVerdict{m[2] == "compiled", std::stoi(m[3]), {}};
                } else if (!current.empty() && std::regex_search(text, m, reason)) {
                    std::string& r = out[current].reasons;
                    r += (r.empty() ? "" : "; ") + std::string(m[1]);
                    while (!r.empty() && (r.back() == '\n' || r.back() == ']'))
                        r.pop_back();
                }
            }
            pclose(pipe);
        }
        std::lock_guard<std::mutex> lock(m_mutex);
        m_results = std::move(out);
        m_running = false;
    });
}

} // namespace game
