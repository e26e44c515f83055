#pragma once
// STACK_GUARD(L, delta): asserts, when the enclosing scope ends, that the Lua stack grew by exactly
// `delta` slots. Every C++ → Lua call site uses it. Active in debug builds and whenever
// ARENA_STACK_CHECKS is defined, which scripting/CMakeLists.txt does in every build unless the
// option is turned off; free otherwise.
#include <lua.hpp>

#include <cstdio>
#include <cstdlib>

namespace scripting {

class StackGuard {
public:
    StackGuard(lua_State* L, int delta, const char* file, int line)
        : m_L(L), m_expected(lua_gettop(L) + delta), m_file(file), m_line(line) {}
    ~StackGuard() {
        const int top = lua_gettop(m_L);
        if (top != m_expected) {
            std::fprintf(stderr, "%s:%d: Lua stack unbalanced: top %d, expected %d\n", m_file,
                         m_line, top, m_expected);
            std::abort();
        }
    }
    StackGuard(const StackGuard&) = delete;
    StackGuard& operator=(const StackGuard&) = delete;

private:
    lua_State* m_L;
    int m_expected;
    const char* m_file;
    int m_line;
};

} // namespace scripting

#if !defined(NDEBUG) || defined(ARENA_STACK_CHECKS)
#define ARENA_STACK_GUARD_CAT2(a, b) a##b
#define ARENA_STACK_GUARD_CAT(a, b) ARENA_STACK_GUARD_CAT2(a, b)
#define STACK_GUARD(L, delta)                                                                      \
    ::scripting::StackGuard ARENA_STACK_GUARD_CAT(stackGuard_, __LINE__)((L), (delta), __FILE__,   \
                                                                         __LINE__)
#else
#define STACK_GUARD(L, delta) ((void)0)
#endif
