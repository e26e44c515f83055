#include "engine/platform/input.h"

#include <SDL.h>
#include <glm/geometric.hpp>

#include <algorithm>

namespace engine {

namespace {
constexpr float kStickDeadZone = 0.22f;
constexpr float kTriggerThreshold = 0.4f;

float axis(SDL_GameController* c, SDL_GameControllerAxis a) {
    return float(SDL_GameControllerGetAxis(c, a)) / 32767.0f;
}
} // namespace

glm::vec2 applyDeadZone(glm::vec2 stick, float deadZone) {
    const float len = glm::length(stick);
    if (!(len > deadZone))
        return glm::vec2(0.0f);
    // Rescale so the output starts at 0 just past the dead zone and reaches 1 at full tilt.
    const float scaled = std::min(1.0f, (len - deadZone) / (1.0f - deadZone));
    return stick * (scaled / len);
}

InputSystem::~InputSystem() {
    for (SDL_GameController* c : m_controllers)
        SDL_GameControllerClose(c);
}

void InputSystem::beginFrame() {
    m_state.pausePressed = false;
    m_state.restartPressed = false;
    m_state.overlayPressed = false;
    m_state.cancelPressed = false;
    m_state.mutePressed = false;
    m_state.anyPressed = false;
    m_state.quitRequested = false;
}

void InputSystem::handleEvent(const SDL_Event& e, bool uiWantsKeyboard, bool uiWantsMouse) {
    switch (e.type) {
    case SDL_QUIT: m_state.quitRequested = true; break;
    case SDL_KEYDOWN:
        if (e.key.repeat)
            break;
        if (e.key.keysym.sym == SDLK_F1) { // the overlay toggle works even while ImGui has focus
            m_state.overlayPressed = true;
            break;
        }
        if (uiWantsKeyboard)
            break;
        if (e.key.keysym.sym == SDLK_m) {
            m_state.mutePressed = true;
            break;
        }
        if (e.key.keysym.sym == SDLK_ESCAPE)
            m_state.cancelPressed = true;
        m_state.usingController = false;
        m_state.anyPressed = true;
        if (e.key.keysym.sym == SDLK_p)
            m_state.pausePressed = true;
        if (e.key.keysym.sym == SDLK_r)
            m_state.restartPressed = true;
        break;
    case SDL_MOUSEMOTION:
        m_state.mousePixel = glm::vec2(float(e.motion.x), float(e.motion.y));
        if (!uiWantsMouse)
            m_state.usingController = false;
        break;
    case SDL_MOUSEBUTTONDOWN:
        if (uiWantsMouse || e.button.button == SDL_BUTTON_RIGHT) // right: the inspector's pick
            break;
        m_state.anyPressed = true;
        m_state.usingController = false;
        if (e.button.button == SDL_BUTTON_LEFT)
            m_mouseFire = true;
        break;
    case SDL_MOUSEBUTTONUP:
        if (e.button.button == SDL_BUTTON_LEFT)
            m_mouseFire = false;
        break;
    case SDL_CONTROLLERDEVICEADDED:
        if (SDL_GameController* c = SDL_GameControllerOpen(e.cdevice.which))
            m_controllers.push_back(c);
        break;
    case SDL_CONTROLLERDEVICEREMOVED: {
        SDL_GameController* gone = SDL_GameControllerFromInstanceID(e.cdevice.which);
        auto it = std::find(m_controllers.begin(), m_controllers.end(), gone);
        if (it != m_controllers.end()) {
            SDL_GameControllerClose(*it);
            m_controllers.erase(it);
        }
        break;
    }
    case SDL_CONTROLLERBUTTONDOWN:
        m_state.anyPressed = true;
        m_state.usingController = true;
        if (e.cbutton.button == SDL_CONTROLLER_BUTTON_START)
            m_state.pausePressed = true;
        if (e.cbutton.button == SDL_CONTROLLER_BUTTON_BACK)
            m_state.restartPressed = true;
        break;
    default: break;
    }
}

void InputSystem::sample(bool uiWantsKeyboard) {
    glm::vec2 move(0.0f);
    bool fire = m_mouseFire;
    if (!uiWantsKeyboard) {
        const Uint8* keys = SDL_GetKeyboardState(nullptr);
        move.x = float(keys[SDL_SCANCODE_D] || keys[SDL_SCANCODE_RIGHT]) -
                 float(keys[SDL_SCANCODE_A] || keys[SDL_SCANCODE_LEFT]);
        move.y = float(keys[SDL_SCANCODE_S] || keys[SDL_SCANCODE_DOWN]) -
                 float(keys[SDL_SCANCODE_W] || keys[SDL_SCANCODE_UP]);
        fire = fire || keys[SDL_SCANCODE_SPACE];
    }
    glm::vec2 aim(0.0f);
    for (SDL_GameController* c : m_controllers) {
        const glm::vec2 left =
            applyDeadZone({axis(c, SDL_CONTROLLER_AXIS_LEFTX), axis(c, SDL_CONTROLLER_AXIS_LEFTY)},
                          kStickDeadZone);
        const glm::vec2 right = applyDeadZone(
            {axis(c, SDL_CONTROLLER_AXIS_RIGHTX), axis(c, SDL_CONTROLLER_AXIS_RIGHTY)},
            kStickDeadZone);
        if (left != glm::vec2(0.0f)) {
            move += left;
            m_state.usingController = true;
        }
        if (right != glm::vec2(0.0f)) {
            aim = right;
            m_state.usingController = true;
        }
        if (axis(c, SDL_CONTROLLER_AXIS_TRIGGERRIGHT) > kTriggerThreshold ||
            SDL_GameControllerGetButton(c, SDL_CONTROLLER_BUTTON_RIGHTSHOULDER))
            fire = true;
    }
    const float len = glm::length(move);
    m_state.move = len > 1.0f ? move / len : move;
    m_state.aimStick = aim;
    m_state.fire = fire;
}

} // namespace engine
