#include "game/debug/script_cost.h"

namespace game {

void ScriptCosts::addTick(uint64_t tick, const std::vector<ScriptTickSample>& perScript) {
    if (m_any && tick == m_lastTick)
        return;
    if (m_any && tick < m_lastTick) // a restarted round: the old figures describe another world
        m_history.clear();
    m_any = true;
    m_lastTick = tick;
    if (m_history.size() < perScript.size())
        m_history.resize(perScript.size());
    for (size_t i = 0; i < m_history.size(); ++i) {
        m_history[i].push_back(i < perScript.size() ? perScript[i] : ScriptTickSample{});
        if (m_history[i].size() > kWindowTicks)
            m_history[i].pop_front();
    }
}

ScriptCostAverage ScriptCosts::average(size_t script) const {
    ScriptCostAverage a;
    if (script >= m_history.size())
        return a;
    double busy = 0;
    for (auto it = m_history[script].rbegin(); it != m_history[script].rend(); ++it) {
        busy += it->busyMs;
        a.entityTicks += it->entities;
        ++a.ticks;
        if (a.entityTicks >= kEnoughEntityTicks)
            break;
    }
    a.enough = a.entityTicks >= kEnoughEntityTicks;
    a.msPerTick = a.ticks ? busy / double(a.ticks) : 0;
    a.nsPerEntity = a.entityTicks ? busy * 1e6 / double(a.entityTicks) : 0;
    return a;
}

} // namespace game
