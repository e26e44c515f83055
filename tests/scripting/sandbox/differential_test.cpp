// The sandbox against LuaJIT itself: every program of tests/scripting/differential/programs/ must
// give byte for byte what plain `luajit` gives (run_plain.lua), in its original form and with CR,
// CRLF and LF-CR line endings, a UTF-8 BOM and a `#!` first line, and must run instrumented (no
// fallback to the interpreter). See tests/scripting/differential/README.md.
#include "scripting/chunk_runner.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace scripting;
namespace fs = std::filesystem;

namespace {
const fs::path kCorpus = fs::path(ARENA_SOURCE_DIR) / "tests/scripting/differential";

std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The output of a command (stdout), whatever bytes it holds.
std::string capture(const std::string& command) {
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe)
        return "(popen failed)";
    std::array<char, 4096> buffer;
    size_t n;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
        out.append(buffer.data(), n);
    pclose(pipe);
    return out;
}

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

std::vector<std::string> programs() {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(kCorpus / "programs"))
        if (entry.path().extension() == ".lua")
            names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::vector<ScriptFile> corpusLibs() {
    std::vector<ScriptFile> libs;
    std::vector<std::string> problems;
    readLibFiles((kCorpus / "lib").string(), &libs, &problems);
    EXPECT_TRUE(problems.empty());
    return libs;
}

// What run_plain.lua prints, from the sandbox.
std::string sandboxOutput(const ChunkResult& r) {
    if (!r.ok)
        return "error: " + r.value + "\n";
    return r.type == "string" ? "result: " + r.text + "\n" : "result: (" + r.type + ")\n";
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
        const std::string plain =
            capture(std::string(ARENA_LUAJIT) + " '" + (kCorpus / "run_plain.lua").string() +
                    "' '" + file.string() + "' '" + (kCorpus / "lib").string() + "'");
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

INSTANTIATE_TEST_SUITE_P(Corpus, Differential, testing::ValuesIn(programs()),
                         [](const testing::TestParamInfo<std::string>& param) {
                             std::string n = fs::path(param.param).stem().string();
                             for (char& c : n)
                                 if (!std::isalnum(static_cast<unsigned char>(c)))
                                     c = '_';
                             return n;
                         });
