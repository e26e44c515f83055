#pragma once
// ScriptCosts: each enemy script's think time, averaged over enough entity-ticks to mean
// something. One tick's cost per entity is misleading at low counts: a batch's fixed cost (the
// call into the VM, reading the contract) divided by one splitter read 74,592 ns per entity, by
// 2,000 entities 25-90 ns. So the Scripts panel shows time per tick (honest at any count) and ns
// per entity only once the average covers kEnoughEntityTicks.
//
// Contract: addTick() once per simulated tick the overlay sees (a tick seen twice, e.g. while
// paused, is ignored); average() walks back from the newest tick until the window holds
// kEnoughEntityTicks entity-ticks or kWindowTicks ticks.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <vector>

namespace game {

struct ScriptTickSample {
    double busyMs = 0;     // the script's batches' time in that tick, summed over VMs
    uint64_t entities = 0; // entities it thought for in that tick
};

struct ScriptCostAverage {
    double msPerTick = 0;     // mean busy time per tick over the window
    double nsPerEntity = 0;   // busy time / entity-ticks over the window
    uint64_t entityTicks = 0; // what the averages cover
    size_t ticks = 0;
    bool enough = false; // entityTicks >= kEnoughEntityTicks: nsPerEntity means something
};

class ScriptCosts {
public:
    static constexpr size_t kWindowTicks = 600; // 10 s of the game's 60 ticks a second
    static constexpr uint64_t kEnoughEntityTicks = 10000;

    void addTick(uint64_t tick, const std::vector<ScriptTickSample>& perScript);
    ScriptCostAverage average(size_t script) const;

private:
    uint64_t m_lastTick = 0;
    bool m_any = false;
    std::vector<std::deque<ScriptTickSample>> m_history; // per script, newest at the back
};

} // namespace game
