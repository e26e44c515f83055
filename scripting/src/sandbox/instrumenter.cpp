// The parser follows lj_parse.c function by function (parse_stmt, expr_binop, var_lookup_, the
// gola_* goto/label bookkeeping, the synlevel limit), minus code generation, and refuses what it
// refuses. Where LuaJIT searches linearly (variables, labels, pending gotos) this one keeps
// per-name stacks and hash maps, so any input is read in linear time; LuaJIT's own nesting limit
// (200 syntax levels) bounds the recursion.
//
// What the inserted text changes in LuaJIT's eyes, and why it still compiles:
// - " N(); " is a call statement: no locals, no labels, so no goto changes scope; it is never
//   placed after a label, so a label at the end of a block stays there; the ';' ends it before
//   a body that starts with '('.
// - N is an upvalue of every function (one more each): a function that already has LuaJIT's
//   maximum of 60 reads the global G instead, and so do the functions inside it (then it need
//   not pass N through).
// - "local N=G;" adds a local, a register and a variable-stack entry to the main chunk: it is
//   only written where the main chunk stays clear of those limits (see prefixFits), else every
//   check reads G.
// Not modelled, as LuaJIT's code generator decides them: its limits on registers per function
// (except for the main chunk's estimate), jump range (about 32767 instructions per loop body or
// branch: each check adds 2), constants and instructions. Sources beyond them are accepted here
// and refused by LuaJIT, and a source right at one of them can compile while its instrumented
// text does not.
#include "sandbox/instrumenter.h"

#include "sandbox/lua_lexer.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <new>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace scripting {
namespace {

constexpr int kMaxLocals = 200;                    // LJ_MAX_LOCVAR
constexpr int kMaxUpvalues = 60;                   // LJ_MAX_UPVAL
constexpr int kMaxLevels = 200;                    // LJ_MAX_XLEVEL
constexpr int kMaxSlots = 250;                     // LJ_MAX_SLOTS
constexpr int kMaxVarStack = 65536 - kMaxUpvalues; // LJ_MAX_VSTACK
constexpr int kUnaryPriority = 8;                  // UNARY_PRIORITY
constexpr int kMaxMainLocalsForPrefix = 180;       // well below kMaxLocals

struct ParseError {
    std::string message;
};

enum class ExprKind { kVar, kCall, kOther };

struct Var {
    int name;         // interned, or -1 for the hidden control variables of a for loop
    int prevSameName; // the variable this one shadows while it is active
    int func;         // depth of its function in the function stack
    int block;        // its block in the block stack, while it is active
};

struct Block {
    int nactvar = 0; // active variables of the function when the block began (bl->nactvar)
    uint32_t serial = 0;
    bool loop = false;
    bool upval = false;          // FSCOPE_UPVAL: a nested function captured one of its variables
    bool pendingBreak = false;   // a break inside waits for the loop that ends it
    std::vector<int> gotoNames;  // names of gotos waiting for a label (see m_pendingGotos)
    std::vector<int> labelNames; // labels defined directly in this block
};

struct Func {
    int info = 0;       // index in m_funcInfos
    int blockBase = 0;  // its first block in m_blocks
    size_t varBase = 0; // its first variable in m_vars
    int vstackBase = 0; // LuaJIT's fs->vbase
    int nactvar = 0;
    int nuv = 0;
    bool vararg = false;
    std::array<int, kMaxUpvalues> uv{};   // captured variables (indices in m_vars)
    std::array<int, kMaxLocals> varmap{}; // register -> variable, declared ones included
};

struct FuncInfo {
    int parent;
    int nuv; // upvalues of the original source
};

struct Insert {
    size_t offset;
    int func; // FuncInfo index of the function the check runs in
};

struct Priority {
    int left, right;
};

// expr_binop's priority table; {0, 0} is not a binary operator.
Priority binaryPriority(int tok) {
    switch (tok) {
    case '+':
    case '-': return {6, 6};
    case '*':
    case '/':
    case '%': return {7, 7};
    case '^': return {10, 9}; // right associative
    case kTokConcat: return {5, 4};
    case kTokNe:
    case kTokEq:
    case '<':
    case kTokLe:
    case '>':
    case kTokGe: return {3, 3};
    case kTokAnd: return {2, 2};
    case kTokOr: return {1, 1};
    default: return {0, 0};
    }
}

bool isBlockEnd(int tok) {
    return tok == kTokElse || tok == kTokElseif || tok == kTokEnd || tok == kTokUntil ||
           tok == kTokEof;
}

class Parser {
public:
    explicit Parser(std::string_view source)
        : m_src(source), m_lex(source), m_linenumber(m_lex.line()) {}

    void parse();

    const LuaChunkHeader& header() const { return m_lex.header(); }
    const std::vector<Insert>& inserts() const { return m_inserts; }
    const std::vector<FuncInfo>& funcInfos() const { return m_funcInfos; }
    bool nameUsed(std::string_view name) const { return m_sbNames.count(name) != 0; }
    /// Whether "local N=G;" fits in the main chunk: one more local, register and variable-stack
    /// entry than the source needs.
    bool prefixFits() const {
        return m_mainMaxLocals <= kMaxMainLocalsForPrefix && m_mainSlotBound + 1 < kMaxSlots &&
               m_maxVtopBeforePush + 1 < kMaxVarStack;
    }

private:
    // -- tokens (lj_lex_next, lj_lex_lookahead, lex_opt, lex_check, lex_match, lex_str)
    void scan(LuaToken* t);
    void next();
    int lookahead();
    bool lexOpt(int tok);
    void lexCheck(int tok);
    void lexMatch(int what, int who, uint32_t line);
    int lexStr();
    int intern(std::string_view name);
    [[noreturn]] void fail(const std::string& message) const;

    // -- scopes
    Func& fs() { return m_funcs.back(); }
    bool inMain() const { return m_funcs.size() == 1; }
    int currentBlock() const { return m_blockTop - 1; }
    void funcBegin(bool vararg);
    void funcEnd();
    void blockBegin(bool loop);
    void blockEnd();
    void varNew(int n, int name);
    void varAdd(int nvars);
    void varRemove(int tolevel);
    void varLookup();
    void pushVarStack();
    void addPendingGoto(int block, int name, int slot);
    static uint64_t blockKey(uint32_t serial, int name) {
        return (uint64_t(serial) << 32) | uint32_t(name);
    }
    void synBegin();
    void synEnd() { --m_level; }
    void addCheck(size_t offset) { m_inserts.push_back({offset, fs().info}); }
    // Registers that a part of a main-chunk statement can hold, at most, until the statement
    // ends: one per value (literal, variable, closure, table, key, argument, declared local),
    // two more per call (the function's copy and LJ_FR2's frame slot), a method call's self,
    // a spare per assignment target (assign_hazard), a for loop's control variables.
    void regs(int n) {
        if (inMain())
            m_stmtRegs += n;
    }
    void noteSlots();

    // -- grammar
    void parseChunk();
    bool parseStmt();
    void parseBlock();
    void parseIf(uint32_t line);
    void parseThen();
    void parseWhile(uint32_t line);
    void parseRepeat(uint32_t line);
    void parseFor(uint32_t line);
    void parseForNum(int varname);
    void parseForIter(int indexname);
    void parseFunc(uint32_t line);
    void parseLocal();
    void parseReturn();
    void parseBreak();
    void parseGoto();
    void parseLabel();
    void parseCallAssign();
    void parseBody(bool needself, uint32_t line);
    void parseParams(bool needself);
    void parseArgs();
    void exprList();
    void expr() { exprBinop(0); }
    int exprBinop(int limit);
    void exprUnop();
    void exprSimple();
    ExprKind exprPrimary();
    void exprTable();

    std::string_view m_src;
    LuaLexer m_lex;
    LuaToken m_tok;
    LuaToken m_ahead;
    bool m_hasAhead = false;
    uint32_t m_linenumber;   // ls->linenumber: line where the scan stands
    uint32_t m_lastline = 1; // ls->lastline: where it stood before the current token
    int m_level = 0;         // ls->level

    std::unordered_map<std::string_view, int> m_names;
    std::vector<int> m_top; // per name: the innermost active variable, or -1
    std::unordered_set<std::string_view> m_sbNames; // names that could collide with ours
    int m_selfName = -1;

    std::vector<Var> m_vars; // LuaJIT's vstack, variables only
    int m_vtop = 0;          // LuaJIT's vtop: variables, gotos and labels
    int m_maxVtopBeforePush = 0;
    std::vector<Func> m_funcs;
    std::vector<Block> m_blocks;
    int m_blockTop = 0;
    uint32_t m_blockSerial = 0;
    std::unordered_map<uint64_t, int> m_pendingGotos; // (block, name) -> lowest slot
    std::unordered_set<uint64_t> m_labels;            // (block, name)

    std::vector<FuncInfo> m_funcInfos;
    std::vector<Insert> m_inserts;

    // Main chunk register estimate: an upper bound of the registers LuaJIT's code generator can
    // hold at once, summed over the parts of the current statement (see regs()); a finished table
    // item gives its registers back, and so does a finished statement.
    int m_mainMaxLocals = 0;
    int64_t m_stmtRegs = 0;
    int64_t m_stmtBase = 0;
    int64_t m_mainSlotBound = 0;
};

void Parser::fail(const std::string& message) const {
    throw ParseError{"line " + std::to_string(m_linenumber) + ": " + message};
}

void Parser::scan(LuaToken* t) {
    if (!m_lex.next(t))
        throw ParseError{m_lex.error()};
    if (t->kind == kTokName && t->end - t->begin >= 6 && m_src.compare(t->begin, 5, "__sb_") == 0)
        m_sbNames.insert(m_src.substr(t->begin, t->end - t->begin));
}

void Parser::next() {
    m_lastline = m_linenumber;
    if (m_hasAhead) {
        m_tok = m_ahead;
        m_hasAhead = false;
    } else {
        scan(&m_tok);
        m_linenumber = m_tok.endLine;
    }
}

int Parser::lookahead() {
    scan(&m_ahead);
    m_hasAhead = true;
    m_linenumber = m_ahead.endLine;
    return m_ahead.kind;
}

bool Parser::lexOpt(int tok) {
    if (m_tok.kind != tok)
        return false;
    next();
    return true;
}

void Parser::lexCheck(int tok) {
    if (m_tok.kind != tok)
        fail(luaTokenName(tok) + " expected near " + luaTokenName(m_tok.kind));
    next();
}

void Parser::lexMatch(int what, int who, uint32_t line) {
    if (lexOpt(what))
        return;
    if (line == m_linenumber)
        fail(luaTokenName(what) + " expected near " + luaTokenName(m_tok.kind));
    fail(luaTokenName(what) + " expected (to close " + luaTokenName(who) + " at line " +
         std::to_string(line) + ") near " + luaTokenName(m_tok.kind));
}

// lex_str: a name; "goto" is one too wherever a name is expected.
int Parser::lexStr() {
    if (m_tok.kind != kTokName && m_tok.kind != kTokGoto)
        fail("<name> expected near " + luaTokenName(m_tok.kind));
    const int id = intern(m_src.substr(m_tok.begin, m_tok.end - m_tok.begin));
    next();
    return id;
}

int Parser::intern(std::string_view name) {
    auto [it, inserted] = m_names.try_emplace(name, int(m_top.size()));
    if (inserted)
        m_top.push_back(-1);
    return it->second;
}

void Parser::synBegin() {
    if (++m_level >= kMaxLevels)
        fail("chunk has too many syntax levels");
}

void Parser::noteSlots() {
    m_mainSlotBound = std::max(m_mainSlotBound, m_stmtBase + m_stmtRegs + 8);
}

// -- Scopes -----------------------------------------------------------------------------------

void Parser::funcBegin(bool vararg) {
    Func f;
    f.info = int(m_funcInfos.size());
    m_funcInfos.push_back({m_funcs.empty() ? -1 : m_funcs.back().info, 0});
    f.blockBase = m_blockTop;
    f.varBase = m_vars.size();
    f.vstackBase = m_vtop;
    f.vararg = vararg;
    m_funcs.push_back(f);
    blockBegin(false);
}

// fs_finish: the function's outermost block ends (a goto still waiting has no label), and the
// variable stack drops back to where the function began.
void Parser::funcEnd() {
    blockEnd();
    Func& f = fs();
    m_funcInfos[size_t(f.info)].nuv = f.nuv;
    m_vtop = f.vstackBase;
    m_vars.resize(f.varBase);
    m_funcs.pop_back();
}

void Parser::blockBegin(bool loop) {
    if (m_blockTop == int(m_blocks.size()))
        m_blocks.emplace_back();
    Block& b = m_blocks[size_t(m_blockTop++)];
    b.nactvar = fs().nactvar;
    b.serial = ++m_blockSerial;
    b.loop = loop;
    b.upval = false;
    b.pendingBreak = false;
    b.gotoNames.clear();
    b.labelNames.clear();
}

// fscope_end with gola_fixup: a loop takes its breaks; gotos without a label here move out to
// the enclosing block, as if they stood at its start (slot = bl->nactvar); labels go out of scope.
void Parser::blockEnd() {
    const int index = currentBlock();
    const bool hasParent = index > fs().blockBase;
    varRemove(m_blocks[size_t(index)].nactvar);
    if (m_blocks[size_t(index)].loop && m_blocks[size_t(index)].pendingBreak) {
        pushVarStack(); // the break label, dropped at once
        --m_vtop;
        m_blocks[size_t(index)].pendingBreak = false;
    }
    Block& b = m_blocks[size_t(index)];
    for (int name : b.gotoNames) {
        auto it = m_pendingGotos.find(blockKey(b.serial, name));
        if (it == m_pendingGotos.end())
            continue; // a label of this block took them
        m_pendingGotos.erase(it);
        if (!hasParent) {
            auto nameIt = std::find_if(m_names.begin(), m_names.end(),
                                       [name](const auto& entry) { return entry.second == name; });
            fail("undefined label '" + std::string(nameIt->first) + "'");
        }
        addPendingGoto(index - 1, name, b.nactvar);
    }
    if (b.pendingBreak) {
        if (!hasParent)
            fail("no loop to break");
        m_blocks[size_t(index - 1)].pendingBreak = true;
    }
    for (int name : b.labelNames)
        m_labels.erase(blockKey(b.serial, name));
    --m_blockTop;
}

// A goto reaching `block`: a label of that name there was defined before it (a backward jump,
// which LuaJIT never checks), or it waits; only the lowest slot matters for the scope check.
void Parser::addPendingGoto(int block, int name, int slot) {
    Block& b = m_blocks[size_t(block)];
    const uint64_t key = blockKey(b.serial, name);
    if (m_labels.count(key) != 0)
        return;
    auto [it, inserted] = m_pendingGotos.try_emplace(key, slot);
    if (inserted)
        b.gotoNames.push_back(name);
    else
        it->second = std::min(it->second, slot);
}

void Parser::pushVarStack() {
    if (m_vtop >= kMaxVarStack)
        fail("too many variables, gotos and labels (limit is " + std::to_string(kMaxVarStack) +
             ")");
    m_maxVtopBeforePush = std::max(m_maxVtopBeforePush, m_vtop);
    ++m_vtop;
}

// var_new: declared, not yet visible (`local x = x` reads the outer x).
void Parser::varNew(int n, int name) {
    Func& f = fs();
    if (f.nactvar + n >= kMaxLocals)
        fail("too many local variables (limit is 200)");
    pushVarStack();
    f.varmap[size_t(f.nactvar + n)] = int(m_vars.size());
    m_vars.push_back({name, -1, int(m_funcs.size()) - 1, -1});
    if (inMain())
        m_mainMaxLocals = std::max(m_mainMaxLocals, f.nactvar + n + 1);
}

void Parser::varAdd(int nvars) {
    Func& f = fs();
    for (int i = 0; i < nvars; ++i) {
        const int v = f.varmap[size_t(f.nactvar++)];
        Var& var = m_vars[size_t(v)];
        var.block = currentBlock();
        if (var.name >= 0) {
            var.prevSameName = m_top[size_t(var.name)];
            m_top[size_t(var.name)] = v;
        }
    }
}

void Parser::varRemove(int tolevel) {
    Func& f = fs();
    while (f.nactvar > tolevel) {
        const Var& var = m_vars[size_t(f.varmap[size_t(--f.nactvar)])];
        if (var.name >= 0)
            m_top[size_t(var.name)] = var.prevSameName;
    }
}

// var_lookup_: the innermost active variable of that name, in this function or an enclosing one
// (then every function in between captures it, once), else a global.
void Parser::varLookup() {
    regs(1);
    const int name = lexStr();
    const int v = m_top[size_t(name)];
    if (v < 0)
        return;
    const Var& var = m_vars[size_t(v)];
    const int current = int(m_funcs.size()) - 1;
    if (var.func == current)
        return;
    m_blocks[size_t(var.block)].upval = true; // fscope_uvmark
    for (int k = current; k > var.func; --k) {
        Func& f = m_funcs[size_t(k)];
        // Each capture walks out to the variable's function, so one that already holds it
        // means all functions further out do too.
        if (std::find(f.uv.begin(), f.uv.begin() + f.nuv, v) != f.uv.begin() + f.nuv)
            break;
        if (f.nuv >= kMaxUpvalues)
            fail("too many upvalues (limit is 60)");
        f.uv[size_t(f.nuv++)] = v;
    }
}

// -- Statements -------------------------------------------------------------------------------

void Parser::parse() {
    funcBegin(true); // the main chunk is a vararg function
    next();
    parseChunk();
    if (m_tok.kind != kTokEof)
        fail("'<eof>' expected near " + luaTokenName(m_tok.kind));
    funcEnd();
    noteSlots();
}

// parse_chunk: statements, each optionally followed by one ';' (an empty statement is not one).
void Parser::parseChunk() {
    synBegin();
    bool last = false;
    while (!last && !isBlockEnd(m_tok.kind)) {
        if (inMain()) { // registers are free again at every statement
            noteSlots();
            m_stmtRegs = 0;
            m_stmtBase = fs().nactvar;
        }
        last = parseStmt();
        lexOpt(';');
    }
    synEnd();
}

bool Parser::parseStmt() {
    const uint32_t line = m_linenumber;
    switch (m_tok.kind) {
    case kTokIf: parseIf(line); break;
    case kTokWhile: parseWhile(line); break;
    case kTokDo:
        next();
        parseBlock(); // a plain block is no loop: no check
        lexMatch(kTokEnd, kTokDo, line);
        break;
    case kTokFor: parseFor(line); break;
    case kTokRepeat: parseRepeat(line); break;
    case kTokFunction: parseFunc(line); break;
    case kTokLocal:
        next();
        parseLocal();
        break;
    case kTokReturn: parseReturn(); return true;
    case kTokBreak:
        next();
        parseBreak();
        return true; // last in its block, as in Lua 5.1
    case kTokLabel: parseLabel(); break;
    case kTokGoto:
        if (lookahead() == kTokName) { // else `goto` is a variable: goto = 1, goto(x)
            parseGoto();
            break;
        }
        [[fallthrough]];
    default: parseCallAssign(); break;
    }
    return false;
}

void Parser::parseBlock() {
    blockBegin(false);
    parseChunk();
    blockEnd();
}

void Parser::parseIf(uint32_t line) {
    parseThen();
    while (m_tok.kind == kTokElseif)
        parseThen();
    if (m_tok.kind == kTokElse) {
        next();
        parseBlock();
    }
    lexMatch(kTokEnd, kTokIf, line);
}

void Parser::parseThen() {
    next();
    expr();
    lexCheck(kTokThen);
    parseBlock();
}

void Parser::parseWhile(uint32_t line) {
    next();
    expr();
    blockBegin(true);
    const size_t afterDo = m_tok.end;
    lexCheck(kTokDo);
    addCheck(afterDo);
    parseBlock();
    lexMatch(kTokEnd, kTokWhile, line);
    blockEnd();
}

// The condition is parsed inside the body's scope: it sees the body's locals.
void Parser::parseRepeat(uint32_t line) {
    blockBegin(true);
    blockBegin(false);
    addCheck(m_tok.end);
    next();
    parseChunk();
    lexMatch(kTokUntil, kTokRepeat, line);
    expr();
    if (m_blocks[size_t(currentBlock())].upval)
        parseBreak(); // LuaJIT leaves through a break to close the upvalues
    blockEnd();
    blockEnd();
}

void Parser::parseFor(uint32_t line) {
    blockBegin(true);
    next();
    const int varname = lexStr();
    if (m_tok.kind == '=')
        parseForNum(varname);
    else if (m_tok.kind == ',' || m_tok.kind == kTokIn)
        parseForIter(varname);
    else
        fail("'=' or 'in' expected");
    lexMatch(kTokEnd, kTokFor, line);
    blockEnd();
}

void Parser::parseForNum(int varname) {
    regs(4);       // the control variables (and the default step)
    varNew(0, -1); // index, stop, step: hidden
    varNew(1, -1);
    varNew(2, -1);
    varNew(3, varname);
    lexCheck('=');
    expr();
    lexCheck(',');
    expr();
    if (lexOpt(','))
        expr();
    varAdd(3);
    const size_t afterDo = m_tok.end;
    lexCheck(kTokDo);
    addCheck(afterDo);
    blockBegin(false);
    varAdd(1);
    parseBlock();
    blockEnd();
}

void Parser::parseForIter(int indexname) {
    regs(8); // the control variables, adjusted results and the iterator call's frame
    int nvars = 0;
    varNew(nvars++, -1); // generator, state, control: hidden
    varNew(nvars++, -1);
    varNew(nvars++, -1);
    varNew(nvars++, indexname);
    while (lexOpt(',')) {
        const int name = lexStr();
        varNew(nvars++, name);
        regs(1);
    }
    lexCheck(kTokIn);
    exprList();
    varAdd(3);
    const size_t afterDo = m_tok.end;
    lexCheck(kTokDo);
    addCheck(afterDo);
    blockBegin(false);
    varAdd(nvars - 3);
    parseBlock();
    blockEnd();
}

void Parser::parseFunc(uint32_t line) {
    next();
    varLookup();
    bool needself = false;
    while (m_tok.kind == '.') {
        next();
        lexStr();
        regs(1);
    }
    if (m_tok.kind == ':') {
        needself = true;
        next();
        lexStr();
        regs(1);
    }
    regs(1); // the closure
    parseBody(needself, line);
}

void Parser::parseLocal() {
    if (lexOpt(kTokFunction)) { // visible in its own body
        const int name = lexStr();
        varNew(0, name);
        varAdd(1);
        regs(1);
        parseBody(false, m_linenumber);
        return;
    }
    int nvars = 0;
    do {
        const int name = lexStr();
        varNew(nvars++, name);
        regs(1); // its register, filled before it becomes active
    } while (lexOpt(','));
    if (lexOpt('='))
        exprList();
    varAdd(nvars);
}

void Parser::parseReturn() {
    next();
    if (!isBlockEnd(m_tok.kind) && m_tok.kind != ';')
        exprList();
}

void Parser::parseBreak() {
    pushVarStack();
    m_blocks[size_t(currentBlock())].pendingBreak = true;
}

// At `goto` with a name after it. The check goes before it: every goto cycle passes one.
void Parser::parseGoto() {
    addCheck(m_tok.begin);
    next();
    const int name = lexStr();
    pushVarStack();
    addPendingGoto(currentBlock(), name, fs().nactvar);
}

// parse_label: labels right after it are parsed with it; the last one of a block (not before
// `until`) is outside the scope of the block's locals, so a goto from before them may jump there.
void Parser::parseLabel() {
    next();
    const int name = lexStr();
    const int block = currentBlock();
    const uint64_t key = blockKey(m_blocks[size_t(block)].serial, name);
    if (m_labels.count(key) != 0)
        fail("duplicate label");
    pushVarStack();
    m_labels.insert(key);
    m_blocks[size_t(block)].labelNames.push_back(name);
    int slot = fs().nactvar;
    lexCheck(kTokLabel);
    while (m_tok.kind == kTokLabel) {
        synBegin();
        parseLabel();
        synEnd();
    }
    if (isBlockEnd(m_tok.kind) && m_tok.kind != kTokUntil)
        slot = m_blocks[size_t(block)].nactvar;
    auto it = m_pendingGotos.find(key);
    if (it != m_pendingGotos.end()) {
        if (it->second < slot)
            fail("goto jumps into the scope of a local");
        m_pendingGotos.erase(it);
    }
}

// An assignment's targets must be variables or fields; a call may stand alone.
void Parser::parseCallAssign() {
    ExprKind kind = exprPrimary();
    if (kind == ExprKind::kCall)
        return;
    int nvars = 1;
    for (;;) {
        regs(1); // a temporary that assign_hazard may need
        if (kind != ExprKind::kVar)
            fail("syntax error");
        if (!lexOpt(','))
            break;
        kind = exprPrimary();
        if (m_level + nvars >= kMaxLevels)
            fail("too many variable names");
        ++nvars;
    }
    lexCheck('=');
    exprList();
}

// -- Functions --------------------------------------------------------------------------------

void Parser::parseBody(bool needself, uint32_t line) {
    funcBegin(false);
    parseParams(needself);
    parseChunk();
    if (m_tok.kind != kTokEnd)
        lexMatch(kTokEnd, kTokFunction, line);
    funcEnd();
    next(); // `end`, read in the enclosing function
}

void Parser::parseParams(bool needself) {
    lexCheck('(');
    int n = 0;
    if (needself) {
        if (m_selfName < 0)
            m_selfName = intern("self");
        varNew(n++, m_selfName);
    }
    if (m_tok.kind != ')') {
        do {
            if (m_tok.kind == kTokName || m_tok.kind == kTokGoto) {
                const int name = lexStr();
                varNew(n++, name);
            } else if (m_tok.kind == kTokDots) {
                next();
                fs().vararg = true;
                break;
            } else {
                fail("<name> or '...' expected");
            }
        } while (lexOpt(','));
    }
    varAdd(n);
    const size_t afterParen = m_tok.end;
    lexCheck(')');
    addCheck(afterParen);
}

// parse_args. LuaJIT 2.1 refuses a '(' on a later line than the token before it (it reads as a
// new statement in Lua 5.2); "before" is where the lexer stood, which a lookahead moves on.
void Parser::parseArgs() {
    regs(2); // the function moved to the call's base, and LJ_FR2's frame slot
    if (m_tok.kind == '(') {
        const uint32_t line = m_linenumber;
        if (line != m_lastline)
            fail("ambiguous syntax (function call x new statement)");
        next();
        if (m_tok.kind != ')')
            exprList();
        lexMatch(')', '(', line);
    } else if (m_tok.kind == '{') {
        exprTable();
    } else if (m_tok.kind == kTokString) {
        regs(1);
        next();
    } else {
        fail("function arguments expected");
    }
}

// -- Expressions ------------------------------------------------------------------------------

void Parser::exprList() {
    expr();
    while (lexOpt(','))
        expr();
}

int Parser::exprBinop(int limit) {
    synBegin();
    exprUnop();
    int op = m_tok.kind;
    Priority p = binaryPriority(op);
    while (p.left > limit) {
        next();
        op = exprBinop(p.right);
        p = binaryPriority(op);
    }
    synEnd();
    return op;
}

void Parser::exprUnop() {
    if (m_tok.kind == kTokNot || m_tok.kind == '-' || m_tok.kind == '#') {
        next();
        exprBinop(kUnaryPriority);
    } else {
        exprSimple();
    }
}

void Parser::exprSimple() {
    switch (m_tok.kind) {
    case kTokNumber:
    case kTokString:
    case kTokNil:
    case kTokTrue:
    case kTokFalse:
        regs(1);
        next();
        return;
    case kTokDots:
        if (!fs().vararg)
            fail("cannot use '...' outside a vararg function");
        regs(1);
        next();
        return;
    case '{': exprTable(); return;
    case kTokFunction:
        regs(1);
        next();
        parseBody(false, m_linenumber);
        return;
    default: exprPrimary(); return;
    }
}

ExprKind Parser::exprPrimary() {
    ExprKind kind;
    if (m_tok.kind == '(') {
        const uint32_t line = m_linenumber;
        next();
        expr();
        lexMatch(')', '(', line);
        kind = ExprKind::kOther; // (a) is a value, not a variable, and (f()) not a call
    } else if (m_tok.kind == kTokName || m_tok.kind == kTokGoto) {
        varLookup();
        kind = ExprKind::kVar;
    } else {
        fail("unexpected symbol near " + luaTokenName(m_tok.kind));
    }
    for (;;) {
        switch (m_tok.kind) {
        case '.':
            regs(1); // a key beyond 256 string constants takes a register
            next();
            lexStr();
            kind = ExprKind::kVar;
            break;
        case '[':
            regs(1);
            next();
            expr();
            lexCheck(']');
            kind = ExprKind::kVar;
            break;
        case ':':
            regs(2); // bcemit_method: function, LJ_FR2 slot, self (and a far key) above the object
            next();
            lexStr();
            parseArgs();
            kind = ExprKind::kCall;
            break;
        case '(':
        case kTokString:
        case '{':
            parseArgs();
            kind = ExprKind::kCall;
            break;
        default: return kind;
        }
    }
}

void Parser::exprTable() {
    const uint32_t line = m_linenumber;
    lexCheck('{');
    regs(1);
    const int64_t tableRegs = m_stmtRegs;
    while (m_tok.kind != '}') {
        noteSlots();
        m_stmtRegs = tableRegs; // the previous item's registers are free again
        if (m_tok.kind == '[') {
            next();
            expr();
            lexCheck(']');
            lexCheck('=');
        } else if ((m_tok.kind == kTokName || m_tok.kind == kTokGoto) && lookahead() == '=') {
            lexStr();
            lexCheck('=');
        }
        expr();
        if (!lexOpt(',') && !lexOpt(';'))
            break;
    }
    lexMatch('}', '{', line);
}

// -- Output -----------------------------------------------------------------------------------

// The first of base, base1, base2, ... that the source never uses as a name.
std::string freeName(const Parser& parser, const char* base) {
    std::string name = base;
    for (int i = 1; parser.nameUsed(name); ++i)
        name = base + std::to_string(i);
    return name;
}

} // namespace

bool instrumentChunk(std::string_view source, InstrumentedChunk* out, std::string* error) {
    Parser parser(source);
    try {
        parser.parse();
    } catch (const ParseError& e) {
        if (error)
            *error = e.message;
        return false;
    } catch (const std::bad_alloc&) {
        if (error)
            *error = "line 1: out of memory";
        return false;
    }

    // Which functions read the check through the global: all if the main chunk has no room for
    // its local, else those with 60 upvalues already and everything inside them.
    const std::vector<FuncInfo>& funcs = parser.funcInfos();
    std::vector<char> global(funcs.size());
    global[0] = !parser.prefixFits();
    for (size_t i = 1; i < funcs.size(); ++i)
        global[i] = global[size_t(funcs[i].parent)] || funcs[i].nuv >= kMaxUpvalues;

    std::vector<Insert> inserts = parser.inserts();
    if (!std::is_sorted(inserts.begin(), inserts.end(),
                        [](const Insert& a, const Insert& b) { return a.offset < b.offset; }))
        std::stable_sort(inserts.begin(), inserts.end(),
                         [](const Insert& a, const Insert& b) { return a.offset < b.offset; });
    InstrumentedChunk result;
    result.globalName = freeName(parser, "__sb_g");
    result.checks = int(inserts.size());
    for (const Insert& ins : inserts)
        result.globalChecks += global[size_t(ins.func)] ? 1 : 0;
    const bool localUsed = result.globalChecks < result.checks;
    if (localUsed)
        result.localName = freeName(parser, "__sb_c");

    const std::string localCall = " " + result.localName + "(); ";
    const std::string globalCall = " " + result.globalName + "(); ";
    std::string& text = result.text;
    text.reserve(source.size() + inserts.size() * (localCall.size() + 1) + 32);
    size_t pos = 0;
    if (localUsed) {
        // In place of what LuaJIT skips (a BOM, the text of a '#' line): the line break stays.
        text += "local " + result.localName + "=" + result.globalName + ";";
        pos = parser.header().textBegin;
    }
    for (const Insert& ins : inserts) {
        text.append(source.data() + pos, ins.offset - pos);
        text += global[size_t(ins.func)] ? globalCall : localCall;
        pos = ins.offset;
    }
    text.append(source.data() + pos, source.size() - pos);
    *out = std::move(result);
    return true;
}

} // namespace scripting
