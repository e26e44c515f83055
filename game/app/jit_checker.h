#pragma once
// JitChecker: asks `scriptcheck --jit` (in separate processes, with LuaJIT's jit.v) whether each
// script's think runs compiled or falls back to the interpreter, without blocking the game. The
// check runs outside the game's process on purpose: a trace event handler inside it crashed
// LuaJIT (see README, "The debug overlay").
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace game {

struct JitVerdict {
    bool compiled = true;
    int aborts = 0;
    std::string reasons; // "3x NYI: ...; 1x ..."
};

class JitChecker {
public:
    explicit JitChecker(std::string scriptsDir) : m_root(std::move(scriptsDir)) {}
    ~JitChecker();
    void start(); // no-op while a check runs
    bool running() const;
    std::map<std::string, JitVerdict> results() const; // script key -> verdict

private:
    std::string m_root;
    mutable std::mutex m_mutex;
    std::map<std::string, JitVerdict> m_results;
    bool m_running = false;
    std::thread m_thread;
};

} // namespace game
