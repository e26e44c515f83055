#pragma once
// Game: the rules and the tick. One call to step() is one fixed 1/60 s tick in the order of
// docs/design.md "The tick": input → snapshot → think → apply → resolve → hooks → commit.
//
// Contract:
// - Deterministic: the same GameDef (seed included), enemy types, think phase and commands give
//   the same worldHash() after the same number of steps.
// - step(nullptr) lets the built-in autopilot fly the player; step(&command) uses the command.
// - events() holds what happened during the last step (read after the step, cleared at the next).
#include "engine/core/random.h"
#include "engine/world/enemy_type.h"
#include "engine/world/intent.h"
#include "engine/world/think_phase.h"
#include "engine/world/world.h"
#include "game/sim/enemy_apply.h"
#include "game/sim/events.h"
#include "game/sim/game_def.h"
#include "game/sim/game_hooks.h"
#include "game/sim/waves.h"

#include <algorithm>
#include <array>
#include <functional>
#include <memory>
#include <vector>

namespace game {

enum class Phase { Input, Snapshot, Think, Apply, Resolve, Hooks, Commit, Count };
inline constexpr std::array<const char*, size_t(Phase::Count)> kPhaseNames{
    "input", "snapshot", "think", "apply", "resolve", "hooks", "commit"};

/// Milliseconds spent per phase (of one tick, or summed over many).
struct PhaseTimes {
    std::array<double, size_t(Phase::Count)> ms{};
    double total() const;
};

struct GameCounters {
    uint64_t ticks = 0;
    uint64_t spawned = 0;   // enemies created
    uint64_t killed = 0;    // enemies killed by the player
    uint64_t destroyed = 0; // enemies removed for any reason (killed, contact, round reset)
    uint64_t rounds = 1;    // rounds started, the first included
    uint64_t gameOvers = 0;
    uint64_t shotsFired = 0;
    uint64_t spawnsRefused = 0; // spawns refused because the arena held GameDef::maxEnemies
    int64_t score = 0;          // this round (saturates at scripting::kMaxScore)
    int64_t bestScore = 0;
};

/// One round as the game-over summary tells it. Counters, not world state: outside world_hash.
struct RoundStats {
    uint64_t ticks = 0; // survived: ticks with the player alive
    int wave = 0;       // the highest reached
    int64_t score = 0;
    std::vector<uint32_t> killsByType; // by the player, indexed by enemy type
};

/// world_hash by part, for a replay's checkpoints: the first part that differs says where a
/// divergence is. `scripted` is the object tables and the director's state (the main VM).
struct PartHashes {
    uint64_t enemies = 0, bullets = 0, player = 0, scripted = 0;
    bool operator==(const PartHashes&) const = default;
    uint64_t part(size_t i) const { return std::array{enemies, bullets, player, scripted}[i]; }
};
inline constexpr std::array<const char*, 4> kHashPartNames{"enemies", "bullets", "player",
                                                           "director/object tables"};

/// Sees the think phase's input and output within a step (the debugger captures a tick's
/// snapshot with it). Called on the main thread after think, before the intents are applied:
/// context.memory is the memory the thinks wrote, `memoryBefore` the memory they read.
using ThinkObserver =
    std::function<void(const engine::ThinkContext& context, std::span<const engine::Intent>,
                       const engine::EnemyMemory& memoryBefore)>;

class Game {
public:
    /// `hooks` (optional) runs per-object scripts and the director; without it, or while its
    /// director is missing or failing, the built-in waves spawn the enemies.
    Game(const GameDef& def, std::vector<engine::EnemyType> types,
         std::unique_ptr<engine::ThinkPhase> think, std::unique_ptr<GameHooks> hooks = nullptr);
    ~Game();

    void step(const PlayerCommand* command);
    void restart(); // a new round: clears enemies and bullets, resets the player and the waves

    const engine::World& world() const { return m_world; }
    const GameDef& def() const { return m_def; }
    std::span<const engine::EnemyType> types() const { return m_types; }
    const GameCounters& counters() const { return m_counters; }
    /// The round being played (its summary once it is over, until the next starts).
    const RoundStats& round() const { return m_round; }
    /// Rounds that ended in a game over, oldest first (the latest kMaxFinishedRounds).
    const std::vector<RoundStats>& finishedRounds() const { return m_finishedRounds; }
    static constexpr size_t kMaxFinishedRounds = 1000;
    /// The best score of earlier sessions (the window reads it from the user's data folder).
    void setBestScore(int64_t best) { m_counters.bestScore = std::max(m_counters.bestScore, best); }
    const TickEvents& events() const { return m_events; }
    const Waves& waves() const { return m_waves; }
    /// The wave number the HUD shows: the director's if it reports one, else the built-in waves'.
    int wave() const { return m_directorWave >= 0 ? m_directorWave : m_waves.wave(); }
    bool roundOver() const { return !m_world.player.alive; }
    const PhaseTimes& lastTickTimes() const { return m_last; }
    const PhaseTimes& totalTimes() const { return m_total; }

    // Live editing (between ticks only).
    /// A new enemy type (a script file was added); returns its slot.
    uint16_t addType(const engine::EnemyType& type);
    /// Carries one enemy's memory to a new layout (old bytes, their count, the fresh bytes).
    using MemoryMigration = std::function<void(const uint8_t*, uint32_t, uint8_t*)>;
    /// New stats for a type; live enemies of it take its speed and radius at once, and their
    /// memory is re-laid to type.memorySize bytes by `migrate` (else its common prefix is kept).
    void updateType(uint16_t slot, const engine::EnemyType& type,
                    const MemoryMigration& migrate = {});
    /// A removed type no longer spawns in the built-in waves; its live enemies go on.
    void setTypeRemoved(uint16_t slot, bool removed);
    /// The enemies of a fixed script think again.
    void clearFaults(uint16_t slot);
    engine::World& mutableWorld() { return m_world; }
    /// Debug controls: `count` enemies of `type` arrive from the edges at the next tick.
    void queueSpawns(uint16_t type, int count);
    /// Debug controls: every enemy goes (identities released; counted as destroyed).
    void clearEnemies();
    /// Tools (the soak), between ticks: the enemy is destroyed at the next commit, without
    /// on_death. False for a stale id or one already dying.
    bool despawn(engine::ObjectId id);

    /// A hash of the complete simulation state (not the timings).
    uint64_t worldHash() const;
    /// The same state by part, the scripts' Lua state included (see PartHashes).
    PartHashes partHashes() const;
    /// The command the last step applied: the one given, or the autopilot's (a recording keeps
    /// it, so a replay does not depend on the autopilot's code).
    const PlayerCommand& lastCommand() const { return m_lastCommand; }
    void setThinkObserver(ThinkObserver observer) { m_thinkObserver = std::move(observer); }
    /// Whether the think phase applies the enemies it is done with as it goes (the default) or
    /// the game applies them all after it: the same world either way (tests compare the two).
    void setApplyInThink(bool enabled) { m_applyInThink = enabled; }

private:
    void endRound();                 // the player died: the round joins finishedRounds()
    void markDead(engine::Enemy& e); // every kEnemyDead is set here, so the commit needs no scan
    void snapshot();
    void applyPlayer(const PlayerCommand& command);
    void moveBullets();
    void resolve();
    void hooks();
    /// on_hit and on_death for the events from hitsDone and deathsDone on, then for those the
    /// hooks' own commands cause (a few rounds at most: a chain of hooks cannot run forever).
    /// The director runs in the first round if `director` is given. Returns whether it ran.
    bool dispatchEvents(size_t hitsDone, size_t deathsDone,
                        const scripting::DirectorInfo* director);
    void destroyDying();
    void commit();
    engine::ObjectId spawnEnemy(uint16_t type, glm::vec2 position, float hp = 0.0f);
    void applyCommands();
    void damageEnemy(engine::Enemy& enemy, float damage, HitSource source);
    void hashWorldParts(PartHashes* parts) const; // all but `scripted`

    GameDef m_def;
    std::vector<engine::EnemyType> m_types;
    std::unique_ptr<engine::ThinkPhase> m_think;
    std::unique_ptr<GameHooks> m_hooks;
    scripting::CommandBuffer m_commands;
    std::vector<engine::ObjectId> m_spawnedIds;
    std::vector<engine::ObjectId> m_dying; // marked dead (markDead), destroyed at the commit
    EnemyApply m_enemyApply;
    bool m_applyInThink = true;
    uint64_t m_roundStartTick = 0;
    int m_directorWave = -1;
    engine::World m_world;
    engine::Rng m_rng;
    Waves m_waves;
    GameCounters m_counters;
    RoundStats m_round;
    std::vector<RoundStats> m_finishedRounds;
    TickEvents m_events;
    std::vector<engine::Intent> m_intents;
    std::vector<SpawnRequest> m_spawnQueue;
    int m_gameOverTicks = 0;
    float m_maxEnemyRadius = 0.0f, m_maxEnemySpeed = 0.0f;
    std::vector<uint16_t> m_typesByStrength; // for the waves: weakest (lowest score) first
    std::vector<int> m_groupSize;            // per type: cheap enemies come in flocks
    std::vector<bool> m_removedTypes;
    void sortTypesByStrength();
    PhaseTimes m_last, m_total;
    PlayerCommand m_lastCommand;
    ThinkObserver m_thinkObserver;
};

} // namespace game
