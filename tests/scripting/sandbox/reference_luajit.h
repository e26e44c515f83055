#pragma once
// The reference the sandbox tests compare with: plain `luajit` (Debian's /usr/bin/luajit) running
// tests/scripting/differential/run_plain.lua, which prints one `result: ...` or `error: ...` line
// the way sandboxOutput() prints a ChunkResult.
#include "scripting/chunk_runner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace testing_support {

inline std::string readFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// What run_plain.lua prints for `file` (modules from `libDir`); interpreterOnly: `luajit -joff`.
inline std::string plainLuaJitOutput(const std::filesystem::path& file,
                                     const std::filesystem::path& libDir, bool interpreterOnly) {
    const std::filesystem::path runner =
        std::filesystem::path(ARENA_SOURCE_DIR) / "tests/scripting/differential/run_plain.lua";
    const std::string command = std::string(ARENA_LUAJIT) + (interpreterOnly ? " -joff" : "") +
                                " '" + runner.string() + "' '" + file.string() + "' '" +
                                libDir.string() + "'";
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

/// A sandbox run printed as run_plain.lua prints.
inline std::string sandboxOutput(const scripting::ChunkResult& r) {
    if (!r.ok)
        return "error: " + r.value + "\n";
    return r.type == "string" ? "result: " + r.text + "\n" : "result: (" + r.type + ")\n";
}

/// The names of the .lua files in `dir`, sorted: one test each.
inline std::vector<std::string> luaProgramsIn(const std::filesystem::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.path().extension() == ".lua")
            names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

/// "string_sub.lua" -> "string_sub", for INSTANTIATE_TEST_SUITE_P.
inline std::string programTestName(const testing::TestParamInfo<std::string>& param) {
    std::string n = std::filesystem::path(param.param).stem().string();
    for (char& c : n)
        if (!std::isalnum(static_cast<unsigned char>(c)))
            c = '_';
    return n;
}

} // namespace testing_support
