#include "game/app/round_flow.h"

namespace game {

void RoundFlow::setPaused(bool paused) {
    m_paused = paused;
    m_pausedByOverlay = false; // the user decided: closing the overlay must not undo it
}

RoundDecision RoundFlow::update(const RoundInput& in) {
    RoundDecision d;
    const bool overlayOpened = in.overlayVisible && !m_overlayWasVisible;
    const bool overlayClosed = !in.overlayVisible && m_overlayWasVisible;
    m_overlayWasVisible = in.overlayVisible;
    if (m_attract) { // the demo runs under the overlay: it is there to be watched
        if (in.anyPressed) {
            m_attract = false;
            m_paused = false;
            d.startPlayerRound = true;
        }
        return d;
    }
    if (overlayOpened && in.pauseWhenOverlayOpen && !in.roundOver && !m_paused) {
        m_paused = true;
        m_pausedByOverlay = true;
    }
    if (overlayClosed && m_pausedByOverlay) {
        m_paused = false;
        m_pausedByOverlay = false;
    }
    if (m_confirmingRestart) {
        if (in.restartPressed) {
            d.restart = true;
            m_confirmingRestart = false;
            m_paused = false;
        } else if (in.cancelPressed || in.anyPressed || in.pausePressed) {
            m_confirmingRestart = false;
        }
        return d;
    }
    if (in.restartPressed) {
        if (in.roundOver) {
            d.restart = true;
            m_paused = false;
        } else {
            m_confirmingRestart = true;
        }
        return d;
    }
    if (in.pausePressed)
        setPaused(!m_paused);
    return d;
}

} // namespace game
