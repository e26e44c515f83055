#pragma once
// AppOptions: the arena command line. Every flag here is a public interface (see README "Modes"):
// extend, never rename.
#include <cstdint>
#include <optional>
#include <string>

namespace game {

enum class AppMode { Window, Headless, Screenshot };

// The ranges the command line accepts for the options a recording keeps (a recording whose
// options fall outside them is refused as corrupt).
inline constexpr int kMaxEnemiesOption = 1000000;
inline constexpr int kMinVmMemoryMb = 8;
inline constexpr int kMaxThinkBudget = 100000; // thousands of units

struct AppOptions {
    AppMode mode = AppMode::Window;
    uint64_t ticks = 600;
    uint64_t seed = 1;
    int enemies = 0;       // population floor
    std::string statsJson; // headless: write the summary as JSON here
    std::string screenshotPath;
    int frames = 900; // screenshot: frames (= ticks) to render before capturing (15 s of play)
    bool autopilot = true;
    bool watch = false; // headless: reload scripts when their files change (the window always does)
    bool realtime = false; // headless: 60 ticks per second of wall time
    bool soak = false;    // headless: the soak test (churn, reloads, resizes) with pass/fail checks
    bool overlay = false; // screenshot: with the debug overlay open
    std::string editorFile; // screenshot: open this script in the overlay's editor
    std::string scriptsDir;
    int pool = 0;          // VMs in the think pool; 0 = one per hardware thread
    int vmMemoryMb = 64;   // memory cap of each VM
    int thinkBudget = 200; // thousands of budget units one think (or hook) call may use
    int width = 1280, height = 720;
    bool screenShake = true;     // window and screenshot: shake the view when the player is hit
    bool mute = false;           // window: start with the sound muted (M toggles it)
    double quitAfterSeconds = 0; // window: close after this much wall time (0: never; for tests)
    std::string recordPath;      // window and headless: write the session's recording here
    std::string replayPath;      // play this recording (its scripts, not the folder's)
    std::string traceEntity;     // replay: trace this enemy's think ("12:3" or the packed id)
    uint64_t traceTick = 0;      // replay: ... at this tick
    bool traceJson = false;      // replay: the trace as JSON on stdout
    int traceStep = 1;           // screenshot: the step of the trace the debugger shows
};

/// Parses argv. On --help or a bad flag, prints to stdout/stderr and returns nullopt with
/// *exitCode set (0 for --help, non-zero for errors).
std::optional<AppOptions> parseOptions(int argc, char** argv, int* exitCode);

/// The repository's scripts/ folder, fixed at build time so no mode depends on the working
/// directory.
std::string defaultScriptsDir();

} // namespace game
