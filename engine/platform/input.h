#pragma once
// Input: keyboard, mouse and game controllers (SDL GameController API) folded into one snapshot
// per frame. The simulation never sees SDL: it reads InputState.
//
// Contract:
// - beginFrame() clears the one-shot "pressed" flags; handleEvent() for every SDL event; then
//   sample() reads held keys and controller axes. Events ImGui wants are not treated as game input.
// - move is in the unit disc (diagonals normalised, stick dead zone applied).
// - Controllers are opened on hot-plug and closed on removal; several may be connected.
#include <glm/vec2.hpp>

#include <vector>

union SDL_Event;
struct _SDL_GameController;

namespace engine {

struct InputState {
    glm::vec2 move{0.0f};
    glm::vec2 mousePixel{0.0f};
    glm::vec2 aimStick{0.0f};     // right stick, zero inside the dead zone
    bool fire = false;            // mouse button, space or right trigger
    bool usingController = false; // the last input came from a controller
    bool pausePressed = false;    // P or Start
    bool restartPressed = false;  // R or Back
    bool overlayPressed = false;  // F1
    bool cancelPressed = false;   // Escape
    bool mutePressed = false;     // M (not a game key: it does not end the attract mode)
    bool anyPressed = false;      // a key or button meant for the game this frame (ends the attract
                                  // mode); not F1 nor the right click, which are the overlay's
    bool quitRequested = false;
};

class InputSystem {
public:
    InputSystem() = default;
    ~InputSystem();
    InputSystem(const InputSystem&) = delete;
    InputSystem& operator=(const InputSystem&) = delete;

    void beginFrame();
    void handleEvent(const SDL_Event& event, bool uiWantsKeyboard, bool uiWantsMouse);
    void sample(bool uiWantsKeyboard);
    const InputState& state() const { return m_state; }

private:
    InputState m_state;
    bool m_mouseFire = false;
    std::vector<_SDL_GameController*> m_controllers;
};

/// Maps a raw stick position (each axis in [-1, 1]) to a direction with a radial dead zone.
glm::vec2 applyDeadZone(glm::vec2 stick, float deadZone);

} // namespace engine
