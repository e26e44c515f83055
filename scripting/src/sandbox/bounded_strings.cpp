// Bounded versions of string.find, match, gmatch and gsub for sandboxed scripts.
//
// Lua's pattern matcher backtracks: string.find(("a"):rep(500), ".-.-.-b") runs for 9 s inside one
// C call, where neither hooks nor source instrumentation can stop it. This is the matcher of Lua
// 5.1's lstrlib.c rewritten against the public API with a step counter: a call that takes more
// than kMaxSteps steps fails with "pattern too complex", and the steps are charged to the VM's
// budget (BudgetCell), with the bytes a plain find scans or gsub builds. Plain finds use memmem
// (linear). gsub with a function or table replacement calls back into Lua: it refuses to start
// when the C stack is deep already (arenaCStackRoom), since LuaJIT has no limit on that recursion.
//
// Written C-style on purpose: luaL_error unwinds through these frames.
#include "sandbox/bounded_strings.h"

#include "sandbox/budget.h"

#include <lua.hpp>

#include <cctype>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace scripting {

namespace {

constexpr long kMaxSteps = 1000000;
constexpr int kMaxCaptures = 32;
constexpr int kMaxMatchDepth = 200;
constexpr ptrdiff_t kCapUnfinished = -1;
constexpr ptrdiff_t kCapPosition = -2;
constexpr char kEsc = '%';

struct MatchState {
    const char* srcInit;
    const char* srcEnd;
    lua_State* L;
    BudgetCell* budget;
    int level;
    int depth;
    long steps;
    struct {
        const char* init;
        ptrdiff_t len;
    } capture[kMaxCaptures];
};

inline int uchar(char c) {
    return static_cast<unsigned char>(c);
}

// Raises "file:line: message" with the position of the calling line, as LuaJIT's own string
// library does: none when the caller is not a Lua function (pcall(string.find, ...)).
[[noreturn]] void fail(lua_State* L, const char* fmt, ...) {
    char message[256];
    va_list args;
    va_start(args, fmt);
    std::vsnprintf(message, sizeof message, fmt, args);
    va_end(args);
    lua_Debug ar;
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar) && ar.currentline > 0)
        lua_pushfstring(L, "%s:%d: %s", ar.short_src, ar.currentline, message);
    else
        lua_pushstring(L, message);
    lua_error(L);
    std::abort(); // lua_error does not return
}

BudgetCell* budgetOf(lua_State* L) {
    return static_cast<BudgetCell*>(lua_touserdata(L, lua_upvalueindex(1)));
}

void step(MatchState* ms) {
    if (++ms->steps > kMaxSteps)
        fail(ms->L,
             "pattern too complex (over %d matching steps): simplify it, or use a plain find",
             int(kMaxSteps));
}

// Charges the work of one call to the VM's budget: a unit per matching step, and per
// kBytesPerUnit bytes scanned or built. If that spends it, the script stops at its next check.
void charge(BudgetCell* budget, double steps, double bytes = 0) {
    chargeBudget(*budget, steps + bytes / kBytesPerUnit);
}

int checkCapture(MatchState* ms, int l) {
    l -= '1';
    if (l < 0 || l >= ms->level || ms->capture[l].len == kCapUnfinished)
        fail(ms->L, "invalid capture index");
    return l;
}

int captureToClose(MatchState* ms) {
    int level = ms->level;
    for (level--; level >= 0; level--)
        if (ms->capture[level].len == kCapUnfinished)
            return level;
    fail(ms->L, "invalid pattern capture");
}

const char* classEnd(MatchState* ms, const char* p) {
    switch (*p++) {
    case kEsc:
        if (*p == '\0')
            fail(ms->L, "malformed pattern (ends with '%%')");
        return p + 1;
    case '[':
        if (*p == '^')
            p++;
        do {
            if (*p == '\0')
                fail(ms->L, "malformed pattern (missing ']')");
            if (*(p++) == kEsc && *p != '\0')
                p++;
        } while (*p != ']');
        return p + 1;
    default: return p;
    }
}

int matchClass(int c, int cl) {
    int res;
    switch (std::tolower(cl)) {
    case 'a': res = std::isalpha(c); break;
    case 'c': res = std::iscntrl(c); break;
    case 'd': res = std::isdigit(c); break;
    case 'g': res = std::isgraph(c); break;
    case 'l': res = std::islower(c); break;
    case 'p': res = std::ispunct(c); break;
    case 's': res = std::isspace(c); break;
    case 'u': res = std::isupper(c); break;
    case 'w': res = std::isalnum(c); break;
    case 'x': res = std::isxdigit(c); break;
    case 'z': res = (c == 0); break;
    default: return cl == c;
    }
    return std::islower(cl) ? res : !res;
}

int matchBracketClass(int c, const char* p, const char* ec) {
    int sig = 1;
    if (*(p + 1) == '^') {
        sig = 0;
        p++;
    }
    while (++p < ec) {
        if (*p == kEsc) {
            p++;
            if (matchClass(c, uchar(*p)))
                return sig;
        } else if (*(p + 1) == '-' && p + 2 < ec) {
            p += 2;
            if (uchar(*(p - 2)) <= c && c <= uchar(*p))
                return sig;
        } else if (uchar(*p) == c) {
            return sig;
        }
    }
    return !sig;
}

int singleMatch(int c, const char* p, const char* ep) {
    switch (*p) {
    case '.': return 1;
    case kEsc: return matchClass(c, uchar(*(p + 1)));
    case '[': return matchBracketClass(c, p, ep - 1);
    default: return uchar(*p) == c;
    }
}

const char* match(MatchState* ms, const char* s, const char* p);

const char* matchBalance(MatchState* ms, const char* s, const char* p) {
    if (*p == 0 || *(p + 1) == 0)
        fail(ms->L, "unbalanced pattern");
    if (*s != *p)
        return nullptr;
    const int b = *p, e = *(p + 1);
    int cont = 1;
    while (++s < ms->srcEnd) {
        step(ms);
        if (*s == e) {
            if (--cont == 0)
                return s + 1;
        } else if (*s == b) {
            cont++;
        }
    }
    return nullptr;
}

const char* maxExpand(MatchState* ms, const char* s, const char* p, const char* ep) {
    ptrdiff_t i = 0;
    while (s + i < ms->srcEnd && singleMatch(uchar(*(s + i)), p, ep)) {
        step(ms);
        i++;
    }
    while (i >= 0) {
        if (const char* res = match(ms, s + i, ep + 1))
            return res;
        i--;
    }
    return nullptr;
}

const char* minExpand(MatchState* ms, const char* s, const char* p, const char* ep) {
    for (;;) {
        if (const char* res = match(ms, s, ep + 1))
            return res;
        if (s < ms->srcEnd && singleMatch(uchar(*s), p, ep))
            s++;
        else
            return nullptr;
    }
}

const char* startCapture(MatchState* ms, const char* s, const char* p, ptrdiff_t what) {
    const int level = ms->level;
    if (level >= kMaxCaptures)
        fail(ms->L, "too many captures");
    ms->capture[level].init = s;
    ms->capture[level].len = what;
    ms->level = level + 1;
    const char* res = match(ms, s, p);
    if (!res)
        ms->level--;
    return res;
}

const char* endCapture(MatchState* ms, const char* s, const char* p) {
    const int l = captureToClose(ms);
    ms->capture[l].len = s - ms->capture[l].init;
    const char* res = match(ms, s, p);
    if (!res)
        ms->capture[l].len = kCapUnfinished;
    return res;
}

const char* matchCapture(MatchState* ms, const char* s, int l) {
    l = checkCapture(ms, l);
    const size_t len = size_t(ms->capture[l].len);
    if (size_t(ms->srcEnd - s) >= len && std::memcmp(ms->capture[l].init, s, len) == 0)
        return s + len;
    return nullptr;
}

const char* match(MatchState* ms, const char* s, const char* p) {
    if (++ms->depth > kMaxMatchDepth)
        fail(ms->L, "pattern too complex (nested too deep)");
    const char* result = nullptr;
init:
    step(ms);
    switch (*p) {
    case '(':
        result = *(p + 1) == ')' ? startCapture(ms, s, p + 2, kCapPosition)
                                 : startCapture(ms, s, p + 1, kCapUnfinished);
        break;
    case ')': result = endCapture(ms, s, p + 1); break;
    case '\0': result = s; break;
    case '$':
        if (*(p + 1) == '\0') {
            result = s == ms->srcEnd ? s : nullptr;
            break;
        }
        goto dflt;
    case kEsc:
        switch (*(p + 1)) {
        case 'b':
            s = matchBalance(ms, s, p + 2);
            if (!s)
                break;
            p += 4;
            goto init;
        case 'f': {
            p += 2;
            if (*p != '[')
                fail(ms->L, "missing '[' after '%%f' in pattern");
            const char* ep = classEnd(ms, p);
            const char previous = s == ms->srcInit ? '\0' : *(s - 1);
            if (matchBracketClass(uchar(previous), p, ep - 1) ||
                !matchBracketClass(uchar(*s), p, ep - 1))
                break;
            p = ep;
            goto init;
        }
        default:
            if (std::isdigit(uchar(*(p + 1)))) {
                s = matchCapture(ms, s, uchar(*(p + 1)));
                if (!s)
                    break;
                p += 2;
                goto init;
            }
            goto dflt;
        }
        break;
    default:
    dflt : {
        const char* ep = classEnd(ms, p);
        const int m = s < ms->srcEnd && singleMatch(uchar(*s), p, ep);
        switch (*ep) {
        case '?':
            if (m && (result = match(ms, s + 1, ep + 1)) != nullptr)
                break;
            p = ep + 1;
            goto init;
        case '*': result = maxExpand(ms, s, p, ep); break;
        case '+': result = m ? maxExpand(ms, s + 1, p, ep) : nullptr; break;
        case '-': result = minExpand(ms, s, p, ep); break;
        default:
            if (!m)
                break;
            s++;
            p = ep;
            goto init;
        }
    }
    }
    ms->depth--;
    return result;
}

void pushOneCapture(MatchState* ms, int i, const char* s, const char* e) {
    if (i >= ms->level) {
        if (i == 0)
            lua_pushlstring(ms->L, s, size_t(e - s));
        else
            fail(ms->L, "invalid capture index");
    } else {
        const ptrdiff_t l = ms->capture[i].len;
        if (l == kCapUnfinished)
            fail(ms->L, "unfinished capture");
        if (l == kCapPosition)
            lua_pushinteger(ms->L, ms->capture[i].init - ms->srcInit + 1);
        else
            lua_pushlstring(ms->L, ms->capture[i].init, size_t(l));
    }
}

int pushCaptures(MatchState* ms, const char* s, const char* e) {
    const int levels = (ms->level == 0 && s) ? 1 : ms->level;
    luaL_checkstack(ms->L, levels, "too many captures");
    for (int i = 0; i < levels; i++)
        pushOneCapture(ms, i, s, e);
    return levels;
}

void initState(MatchState* ms, lua_State* L, BudgetCell* budget, const char* s, size_t len) {
    ms->L = L;
    ms->budget = budget;
    ms->srcInit = s;
    ms->srcEnd = s + len;
    ms->level = 0;
    ms->depth = 0;
    ms->steps = 0;
}

ptrdiff_t relativePosition(lua_Integer pos, size_t len) {
    if (pos < 0)
        pos += lua_Integer(len) + 1;
    return pos >= 0 ? ptrdiff_t(pos) : 0;
}

bool hasSpecials(const char* p, size_t len) {
    for (size_t i = 0; i < len; ++i)
        if (std::strchr("^$*+?.([%-", p[i]) && p[i] != '\0')
            return true;
    return false;
}

int findAux(lua_State* L, bool find) {
    size_t l1, l2;
    const char* s = luaL_checklstring(L, 1, &l1);
    const char* p = luaL_checklstring(L, 2, &l2);
    ptrdiff_t init = relativePosition(luaL_optinteger(L, 3, 1), l1) - 1;
    if (init < 0)
        init = 0;
    else if (size_t(init) > l1)
        init = ptrdiff_t(l1);
    if (find && (lua_toboolean(L, 4) || !hasSpecials(p, l2))) {
        // Plain search: linear, whatever the input.
        const void* hit = l2 == 0 ? s + init : memmem(s + init, l1 - size_t(init), p, l2);
        charge(budgetOf(L), 0,
               double(hit ? static_cast<const char*>(hit) - s - init : ptrdiff_t(l1) - init));
        if (hit) {
            const char* h = static_cast<const char*>(hit);
            lua_pushinteger(L, h - s + 1);
            lua_pushinteger(L, lua_Integer(h - s + ptrdiff_t(l2)));
            return 2;
        }
        lua_pushnil(L);
        return 1;
    }
    BudgetCell* budget = budgetOf(L);
    MatchState ms;
    initState(&ms, L, budget, s, l1);
    const bool anchor = *p == '^';
    if (anchor)
        p++;
    const char* s1 = s + init;
    do {
        ms.level = 0;
        ms.depth = 0;
        if (const char* res = match(&ms, s1, p)) {
            charge(budget, double(ms.steps));
            if (find) {
                lua_pushinteger(L, s1 - s + 1);
                lua_pushinteger(L, res - s);
                return pushCaptures(&ms, nullptr, nullptr) + 2;
            }
            return pushCaptures(&ms, s1, res);
        }
    } while (s1++ < ms.srcEnd && !anchor);
    charge(budget, double(ms.steps));
    lua_pushnil(L);
    return 1;
}

int strFind(lua_State* L) {
    return findAux(L, true);
}
int strMatch(lua_State* L) {
    return findAux(L, false);
}

int gmatchStep(lua_State* L) {
    size_t ls;
    const char* s = lua_tolstring(L, lua_upvalueindex(2), &ls);
    const char* p = lua_tostring(L, lua_upvalueindex(3));
    BudgetCell* budget = budgetOf(L);
    MatchState ms;
    initState(&ms, L, budget, s, ls);
    for (const char* src = s + size_t(lua_tointeger(L, lua_upvalueindex(4))); src <= ms.srcEnd;
         src++) {
        ms.level = 0;
        ms.depth = 0;
        if (const char* e = match(&ms, src, p)) {
            lua_Integer next = e - s;
            if (e == src)
                next++; // empty match: move on at least one position
            lua_pushinteger(L, next);
            lua_replace(L, lua_upvalueindex(4));
            charge(budget, double(ms.steps));
            return pushCaptures(&ms, src, e);
        }
    }
    charge(budget, double(ms.steps));
    return 0;
}

int strGmatch(lua_State* L) {
    luaL_checkstring(L, 1);
    luaL_checkstring(L, 2);
    lua_settop(L, 2);
    lua_pushvalue(L, lua_upvalueindex(1)); // the budget, first upvalue like every function here
    lua_insert(L, 1);
    lua_pushinteger(L, 0);
    lua_pushcclosure(L, gmatchStep, 4);
    return 1;
}

void addString(MatchState* ms, luaL_Buffer* b, const char* s, const char* e) {
    size_t l;
    const char* news = lua_tolstring(ms->L, 3, &l);
    for (size_t i = 0; i < l; i++) {
        if (news[i] != kEsc) {
            luaL_addchar(b, news[i]);
        } else {
            i++;
            if (!std::isdigit(uchar(news[i]))) {
                luaL_addchar(b, news[i]);
            } else if (news[i] == '0') {
                luaL_addlstring(b, s, size_t(e - s));
            } else {
                pushOneCapture(ms, news[i] - '1', s, e);
                luaL_addvalue(b);
            }
        }
    }
}

void addValue(MatchState* ms, luaL_Buffer* b, const char* s, const char* e) {
    lua_State* L = ms->L;
    switch (lua_type(L, 3)) {
    case LUA_TNUMBER:
    case LUA_TSTRING: addString(ms, b, s, e); return;
    case LUA_TFUNCTION: {
        lua_pushvalue(L, 3);
        const int n = pushCaptures(ms, s, e);
        lua_call(L, n, 1);
        break;
    }
    case LUA_TTABLE:
        pushOneCapture(ms, 0, s, e);
        lua_gettable(L, 3);
        break;
    }
    if (!lua_toboolean(L, -1)) {
        lua_pop(L, 1);
        lua_pushlstring(L, s, size_t(e - s));
    } else if (!lua_isstring(L, -1)) {
        fail(L, "invalid replacement value (a %s)", luaL_typename(L, -1));
    }
    luaL_addvalue(b);
}

int strGsub(lua_State* L) {
    size_t srcl;
    const char* src = luaL_checklstring(L, 1, &srcl);
    const char* p = luaL_checkstring(L, 2);
    const int tr = lua_type(L, 3);
    const lua_Integer maxN = luaL_optinteger(L, 4, lua_Integer(srcl) + 1);
    luaL_argcheck(L,
                  tr == LUA_TNUMBER || tr == LUA_TSTRING || tr == LUA_TFUNCTION || tr == LUA_TTABLE,
                  3, "string/function/table expected");
    BudgetCell* budget = budgetOf(L);
    if ((tr == LUA_TFUNCTION || tr == LUA_TTABLE) && !arenaCStackRoom(budget))
        fail(
            L,
            "string.gsub: calls nested too deep (script code called from C, e.g. sort comparators, "
            "gsub callbacks or __tostring, nests at most about 1 MiB of C stack)");
    const bool anchor = *p == '^';
    if (anchor)
        p++;
    MatchState ms;
    initState(&ms, L, budget, src, srcl);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    lua_Integer n = 0;
    while (n < maxN) {
        ms.level = 0;
        ms.depth = 0;
        const char* e = match(&ms, src, p);
        if (e) {
            n++;
            addValue(&ms, &b, src, e);
        }
        if (e && e > src)
            src = e;
        else if (src < ms.srcEnd)
            luaL_addchar(&b, *src++);
        else
            break;
        if (anchor)
            break;
    }
    luaL_addlstring(&b, src, size_t(ms.srcEnd - src));
    luaL_pushresult(&b);
    lua_pushinteger(L, n);
    charge(budget, double(ms.steps), double(srcl + lua_objlen(L, -2)));
    return 2;
}

} // namespace

void pushBoundedStringFunctions(lua_State* L, BudgetCell* budget) {
    static const luaL_Reg functions[] = {{"find", strFind},
                                         {"match", strMatch},
                                         {"gmatch", strGmatch},
                                         {"gsub", strGsub},
                                         {nullptr, nullptr}};
    lua_createtable(L, 0, 4);
    for (const luaL_Reg* f = functions; f->name; ++f) {
        lua_pushlightuserdata(L, budget);
        lua_pushcclosure(L, f->func, 1);
        lua_setfield(L, -2, f->name);
    }
}

} // namespace scripting
