#pragma once
// Paths for files a test hands to the arena it runs: in the temporary directory, named for this
// test process. Tests run in parallel (ctest -j, one process each), and two test runs may share a
// machine: a fixed name let one test read another's output.
#include <filesystem>
#include <string>
#include <unistd.h>

namespace testing_support {

inline std::filesystem::path processTempPath(const std::string& name) {
    return std::filesystem::temp_directory_path() / (std::to_string(getpid()) + "_" + name);
}

} // namespace testing_support
