#include "scripting/script_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace scripting {

bool readScriptFile(const std::string& path, std::string* source, std::string* error) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        *error = path + ": is a directory, not a script";
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        *error = path + ": cannot be read";
        return false;
    }
    std::ostringstream text;
    text << in.rdbuf();
    *source = text.str();
    if (!source->empty() && (*source)[0] == '\x1b') {
        *error = path + ": is Lua bytecode; only Lua source is loaded";
        return false;
    }
    if (source->find('\0') != std::string::npos) {
        *error = path + ": is a binary file, not Lua source";
        return false;
    }
    return true;
}

void readLibFiles(const std::string& libDir, std::vector<ScriptFile>* libs,
                  std::vector<std::string>* problems) {
    std::error_code ec;
    const fs::path lib(libDir);
    if (!fs::is_directory(lib, ec))
        return;
    for (const fs::directory_entry& entry : fs::recursive_directory_iterator(lib, ec)) {
        if (entry.path().extension() != ".lua")
            continue;
        const fs::path rel = fs::relative(entry.path(), lib, ec);
        std::string name = rel.string();
        name.resize(name.size() - 4); // ".lua"
        std::replace(name.begin(), name.end(), '/', '.');
        ScriptFile f;
        f.name = name;
        f.chunkname = "lib/" + rel.string();
        f.path = entry.path().string();
        std::string error;
        if (readScriptFile(f.path, &f.source, &error))
            libs->push_back(std::move(f));
        else
            problems->push_back(error);
    }
    std::sort(libs->begin(), libs->end(),
              [](const ScriptFile& a, const ScriptFile& b) { return a.name < b.name; });
}

ScriptFiles readScriptFiles(const std::string& root) {
    ScriptFiles files;
    files.root = root;
    std::error_code ec;
    const fs::path enemies = fs::path(root) / "enemies";
    if (fs::is_directory(enemies, ec)) {
        for (const fs::directory_entry& entry : fs::directory_iterator(enemies, ec)) {
            if (entry.path().extension() != ".lua")
                continue;
            ScriptFile f;
            f.name = entry.path().stem().string();
            f.chunkname = "enemies/" + entry.path().filename().string();
            f.path = entry.path().string();
            std::string error;
            if (readScriptFile(f.path, &f.source, &error))
                files.enemies.push_back(std::move(f));
            else
                files.problems.push_back(error);
        }
    } else {
        files.problems.push_back(enemies.string() + ": no enemies folder");
    }
    std::sort(files.enemies.begin(), files.enemies.end(),
              [](const ScriptFile& a, const ScriptFile& b) { return a.name < b.name; });

    readLibFiles((fs::path(root) / "lib").string(), &files.libs, &files.problems);
    const fs::path director = fs::path(root) / "director.lua";
    if (fs::exists(director, ec)) {
        std::string error;
        ScriptFile d{"director", "director.lua", director.string(), {}};
        if (readScriptFile(d.path, &d.source, &error))
            files.director = std::move(d);
        else
            files.problems.push_back(error);
    }
    return files;
}

} // namespace scripting
