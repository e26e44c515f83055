// Fuzz target 2: the reload pipeline with sequences of good, broken, hostile and random versions
// of a script, applied between ticks of a running game. Nothing may crash, and every enemy must
// stay accounted for.
#include "game/app/game_setup.h"
#include "game/app/live_scripts.h"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {
struct Session {
    fs::path root;
    game::GameSession session;
    std::unique_ptr<game::LiveScripts> live;
    std::string good;
    Session() {
        root = fs::temp_directory_path() / ("arena_fuzz_reload_" + std::to_string(::getpid()));
        fs::remove_all(root);
        fs::copy(std::string(ARENA_SOURCE_DIR) + "/scripts", root, fs::copy_options::recursive);
        std::ifstream in(root / "enemies/chaser.lua");
        good.assign(std::istreambuf_iterator<char>(in), {});
        game::AppOptions o;
        o.scriptsDir = root.string();
        o.pool = 2;
        o.enemies = 60;
        std::string error;
        session = game::makeGame(o, true, &error);
        live = std::make_unique<game::LiveScripts>(session, root.string(), false);
    }
};
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static Session s;
    if (!s.session.game)
        return 0;
    const char* hostile[] = {"while true do end", "local t = {} for i = 1, 1e9 do t[i] = {i} end",
                             "GLOBAL = 1",        "error('x')",
                             "return 1",          ""};
    for (size_t i = 0; i < size;) {
        const uint8_t op = data[i++];
        std::string version;
        switch (op % 4) {
        case 0: version = s.good; break;
        case 1: version = s.good.substr(0, s.good.size() * (op % 97) / 97); break; // truncated
        case 2:
            version = std::string("return { name = 'X', hp = 1, speed = 1, radius = 1, color = "
                                  "'#ffffff', score = 1, "
                                  "think = function(self, world) ") +
                      hostile[op % 6] + " return 0, 0 end }";
            break;
        default: { // raw bytes from the input
            const size_t n = std::min<size_t>(size - i, op);
            version.assign(reinterpret_cast<const char*>(data + i), n);
            i += n;
        }
        }
        const std::string file = op & 0x40 ? "enemies/chaser.lua" : "enemies/fuzzed.lua";
        { std::ofstream(s.root / file, std::ios::binary) << version; }
        s.live->reloadNow(file);
        for (int t = 0; t < 3; ++t)
            s.session.game->step(nullptr);
        const auto& c = s.session.game->counters();
        if (c.spawned != s.session.game->world().enemies.size() + c.destroyed)
            __builtin_trap(); // an enemy got lost
    }
    return 0;
}
