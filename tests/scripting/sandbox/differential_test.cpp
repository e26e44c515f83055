// The sandbox against LuaJIT itself: every program of tests/scripting/differential/programs/ must
// give byte for byte what plain `luajit` gives (run_plain.lua), in its original form and with CR,
// CRLF and LF-CR line endings, a UTF-8 BOM and a `#!` first line, and must run instrumented (no
// fallback to the interpreter). See tests/scripting/differential/README.md.
#include "scripting/chunk_runner.h"
#include "scripting/sandbox/reference_luajit.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace scripting;
using namespace testing_support;
namespace fs = std::filesystem;

namespace {
const fs::path kCorpus = fs::path(ARENA_SOURCE_DIR) / "tests/scripting/differential";

std::string withLineEnding(const std::string& s, const std::string& eol) {
    std::string out;
    for (char c : s) {
        if (c == '\n')
            out += eol;
        else
            out += c;
    }
    return out;
}

struct Variant {
    const char* name;
    std::string (*make)(const std::string&);
};
const Variant kVariants[] = {
    {"lf", [](const std::string& s) { return s; }},
    {"crlf", [](const std::string& s) { return withLineEnding(s, "\r\n"); }},
    {"cr", [](const std::string& s) { return withLineEnding(s, "\r"); }},
    {"lfcr", [](const std::string& s) { return withLineEnding(s, "\n\r"); }},
    {"bom", [](const std::string& s) { return "\xEF\xBB\xBF" + s; }},
    {"shebang", [](const std::string& s) { return "#!/usr/bin/env luajit\n" + s; }},
};

std::vector<ScriptFile> corpusLibs() {
    std::vector<ScriptFile> libs;
    std::vector<std::string> problems;
    readLibFiles((kCorpus / "lib").string(), &libs, &problems);
    EXPECT_TRUE(problems.empty());
    return libs;
}

} // namespace

class Differential : public testing::TestWithParam<std::string> {};

TEST_P(Differential, TheSandboxGivesWhatLuaJitGives) {
    const std::string name = GetParam();
    const std::string source = readFile(kCorpus / "programs" / name);
    const fs::path dir =
        fs::temp_directory_path() / ("arena_differential_" + std::to_string(::getpid()));
    std::string error;
    auto runner = ChunkRunner::create(defaultSandboxLimits(), corpusLibs(), &error);
    ASSERT_TRUE(runner) << error;
    for (const Variant& v : kVariants) {
        const std::string text = v.make(source);
        const fs::path variantDir = dir / v.name;
        fs::create_directories(variantDir);
        const fs::path file = variantDir / name; // the same basename: the same chunk name
        std::ofstream(file, std::ios::binary) << text;
        const std::string plain = plainLuaJitOutput(file, kCorpus / "lib", false);
        ScriptFile f{fs::path(name).stem().string(), name, file.string(), text};
        const ChunkResult r = runner->run(f);
        EXPECT_EQ(sandboxOutput(r), plain) << name << " (" << v.name << ")";
        EXPECT_EQ(r.note, "") << name << " (" << v.name << ") did not run instrumented";
        if (name.find("_error.lua") == std::string::npos) {
            EXPECT_EQ(plain.rfind("result: ", 0), 0u) << name << " (" << v.name << "): " << plain;
        }
    }
    fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Corpus, Differential,
                         testing::ValuesIn(luaProgramsIn(kCorpus / "programs")), programTestName);
