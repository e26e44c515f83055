#pragma once
// What arena-bench's scenarios share: the settings and the median [min-max] summary.
#include "game/app/game_setup.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace bench {

struct Settings {
    bool quick = false;
    int reps = 11;
    int ticksPerRep = 20;
    std::string scriptsDir;
};

struct Stat {
    double median = 0, min = 0, max = 0;
};

inline Stat summarize(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    if (v.empty())
        return {};
    return {v[v.size() / 2], v.front(), v.back()};
}

inline nlohmann::json toJson(const Stat& s) {
    return {{"median", s.median}, {"min", s.min}, {"max", s.max}};
}

/// The game the full-tick scenarios measure: every script, hooks and the director, 2 VMs, at
/// least `enemies` enemies, warmed up (the population filled, traces compiled). On failure the
/// session has no game and the reason is on stderr.
game::GameSession warmGame(const Settings& s, int enemies);

/// Scenario 10 (limits.cpp): how long hostile calls really run against the limits they run under.
nlohmann::json limitsHold(const Settings& s);

/// Scenario 11 (overlay_cost.cpp): the debug overlay's CPU cost per frame, closed and open.
nlohmann::json overlayCost(const Settings& s);

/// Scenario 13 (frame_cost.cpp): building a frame's shapes, with the hit effects and plain.
nlohmann::json frameCost(const Settings& s);
/// Scenario 12 (rounds.cpp): the wave the autopilot reaches and what standing still survives.
nlohmann::json roundShape(const Settings& s);
/// Scenario 14 (time_travel.cpp): recording overhead, re-simulation speed, seeking, size.
nlohmann::json timeTravel(const Settings& s);
/// Scenario 15 (million.cpp): the full tick by phase and resident memory at 1,000,000 enemies.
nlohmann::json million(const Settings& s);

} // namespace bench
