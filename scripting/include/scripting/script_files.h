#pragma once
// ScriptFiles: the script folder as read from disk. Enemy types are scripts/enemies/*.lua (type
// order = file name order, so it is the same on every machine); modules are scripts/lib/**/*.lua,
// required by dotted name ("ai.flock" is lib/ai/flock.lua).
#include <string>
#include <vector>

namespace scripting {

struct ScriptFile {
    std::string name;      // enemy type key (file stem) or module name
    std::string chunkname; // path relative to the scripts folder, as errors show it
    std::string path;      // full path on disk
    std::string source;
};

struct ScriptFiles {
    std::string root;
    std::vector<ScriptFile> enemies;
    std::vector<ScriptFile> libs;
    ScriptFile director;               // scripts/director.lua; empty path if there is none
    std::vector<std::string> problems; // files that could not be read, each "path: reason"
};

ScriptFiles readScriptFiles(const std::string& root);

/// Reads the modules of one lib folder (what readScriptFiles does for root/lib).
void readLibFiles(const std::string& libDir, std::vector<ScriptFile>* libs,
                  std::vector<std::string>* problems);

/// Reads one file; false with *error ("path: reason") for a directory, unreadable file or binary.
bool readScriptFile(const std::string& path, std::string* source, std::string* error);

} // namespace scripting
