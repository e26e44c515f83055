#pragma once
// RoundFlow: what the window does with the round, from one frame's input. The attract mode (the
// autopilot plays) ends on the first key or button meant for the game; P pauses; opening the
// overlay pauses the player's round (unless the layout says not to) and closing it resumes what
// it paused; R restarts at once after a game over, but in a running round it asks first (R again
// confirms; Escape or any other key keeps the round). Pure: no SDL, no window; tested alone.
namespace game {

struct RoundInput {
    bool pausePressed = false;
    bool restartPressed = false;
    bool cancelPressed = false;
    bool anyPressed = false; // a key or button for the game (InputState::anyPressed)
    bool overlayVisible = false;
    bool pauseWhenOverlayOpen = true;
    bool roundOver = false;
};

struct RoundDecision {
    bool startPlayerRound = false; // the attract mode ended: make the player's game
    bool restart = false;          // throw this round away and start again
};

class RoundFlow {
public:
    explicit RoundFlow(bool attract) : m_attract(attract) {}

    RoundDecision update(const RoundInput& in);

    bool attract() const { return m_attract; }
    bool paused() const { return m_paused; }
    bool pausedByOverlay() const { return m_paused && m_pausedByOverlay; }
    bool confirmingRestart() const { return m_confirmingRestart; }
    /// Ticks run only while this is true (a question on screen stops the round too).
    bool simulating() const { return !m_paused && !m_confirmingRestart; }
    void setPaused(bool paused); // the overlay's Pause/Resume and Step

private:
    bool m_attract;
    bool m_paused = false;
    bool m_pausedByOverlay = false;
    bool m_confirmingRestart = false;
    bool m_overlayWasVisible = false;
};

} // namespace game
