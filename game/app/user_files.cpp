#include "game/app/user_files.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace game {

std::string userFilePath(const char* xdgVariable, const char* homeFallback, const char* name) {
    const char* xdg = std::getenv(xdgVariable);
    if (xdg && *xdg)
        return std::string(xdg) + "/arena/" + name;
    const char* home = std::getenv("HOME");
    if (home && *home)
        return std::string(home) + "/" + homeFallback + "/arena/" + name;
    return {};
}

bool writeFileAtomically(const std::string& path, const std::string& text, std::string* error) {
    const std::string tmp = path + ".arena-save.tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << text;
        out.flush();
        if (!out) {
            std::error_code ignored;
            std::filesystem::remove(tmp, ignored);
            *error = "cannot write " + tmp + " (read-only disk or folder?): nothing was changed";
            return false;
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        *error = "cannot replace " + path + ": " + ec.message() + " (nothing was changed)";
        return false;
    }
    return true;
}

bool writeUserFile(const std::string& path, const std::string& text, std::string* error) {
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
    if (ec) {
        *error = "cannot create the folder of " + path + ": " + ec.message();
        return false;
    }
    return writeFileAtomically(path, text, error);
}

} // namespace game
