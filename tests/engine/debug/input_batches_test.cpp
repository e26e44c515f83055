#include "engine/debug/input_batches.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "sdl_events.h"

namespace {

using testing_support::button;
using testing_support::key;
using testing_support::motion;
using testing_support::text;

// One batch per string, events separated by spaces: "+BS" key down, "-BS" key up, "+M1" button
// down, "'a'" text, "~" motion. Only the keys the tests use are named.
std::vector<std::string> describe(const engine::InputBatches& b) {
    std::vector<std::string> out;
    for (size_t i = 0; i < b.count(); ++i) {
        std::string s;
        for (const SDL_Event& e : b.batch(i)) {
            if (!s.empty())
                s += ' ';
            switch (e.type) {
            case SDL_KEYDOWN:
            case SDL_KEYUP:
                s += e.type == SDL_KEYDOWN ? '+' : '-';
                s += e.key.keysym.scancode == SDL_SCANCODE_BACKSPACE ? "BS"
                     : e.key.keysym.scancode == SDL_SCANCODE_LCTRL   ? "CTRL"
                                                                     : "A";
                if (e.key.repeat)
                    s += "(repeat)";
                break;
            case SDL_MOUSEBUTTONDOWN:
            case SDL_MOUSEBUTTONUP:
                s += e.type == SDL_MOUSEBUTTONDOWN ? '+' : '-';
                s += "M" + std::to_string(e.button.button);
                break;
            case SDL_TEXTINPUT: s += "'" + std::string(e.text.text) + "'"; break;
            case SDL_MOUSEMOTION: s += "~"; break;
            default: s += "?"; break;
            }
        }
        out.push_back(s);
    }
    return out;
}

std::vector<std::string> split(const std::vector<SDL_Event>& events) {
    engine::InputBatches batches;
    engine::splitInputBatches(events, batches);
    return describe(batches);
}

using Batches = std::vector<std::string>;

} // namespace

TEST(InputBatches, NoEventsNoBatches) {
    EXPECT_EQ(split({}), Batches{});
}

TEST(InputBatches, EventsThatChangeNothingTwiceStayInOneBatch) {
    EXPECT_EQ(split({key(SDL_KEYDOWN, SDL_SCANCODE_LCTRL), motion(1, 2),
                     key(SDL_KEYDOWN, SDL_SCANCODE_A), button(SDL_MOUSEBUTTONDOWN, 1)}),
              Batches{"+CTRL ~ +A +M1"});
}

TEST(InputBatches, FiveTapsOfOneKeyInOneFrameBecomeTenBatches) {
    std::vector<SDL_Event> events;
    for (int i = 0; i < 5; ++i) {
        events.push_back(key(SDL_KEYDOWN, SDL_SCANCODE_BACKSPACE));
        events.push_back(key(SDL_KEYUP, SDL_SCANCODE_BACKSPACE));
    }
    EXPECT_EQ(split(events),
              (Batches{"+BS", "-BS", "+BS", "-BS", "+BS", "-BS", "+BS", "-BS", "+BS", "-BS"}));
}

TEST(InputBatches, AnAutoRepeatBecomesAReleaseAndAFreshPress) {
    // The key went down in an earlier frame; this frame holds two repeats.
    EXPECT_EQ(split({key(SDL_KEYDOWN, SDL_SCANCODE_BACKSPACE, KMOD_NONE, 1),
                     key(SDL_KEYDOWN, SDL_SCANCODE_BACKSPACE, KMOD_NONE, 1)}),
              (Batches{"-BS", "+BS", "-BS", "+BS"}));
    // The press and its first repeat in one frame.
    EXPECT_EQ(split({key(SDL_KEYDOWN, SDL_SCANCODE_BACKSPACE),
                     key(SDL_KEYDOWN, SDL_SCANCODE_BACKSPACE, KMOD_NONE, 1)}),
              (Batches{"+BS", "-BS", "+BS"}));
}

TEST(InputBatches, OtherKeysShareTheBatchesOfARepeatingKey) {
    EXPECT_EQ(split({key(SDL_KEYDOWN, SDL_SCANCODE_BACKSPACE, KMOD_NONE, 1),
                     key(SDL_KEYDOWN, SDL_SCANCODE_A), key(SDL_KEYUP, SDL_SCANCODE_BACKSPACE)}),
              (Batches{"-BS", "+BS +A", "-BS"}));
}

TEST(InputBatches, TextNeverFollowsAChangeWithinABatch) {
    // Typing "ab", Backspace, "c": the Backspace must land between b and c.
    EXPECT_EQ(split({key(SDL_KEYDOWN, SDL_SCANCODE_A), text("a"), key(SDL_KEYUP, SDL_SCANCODE_A),
                     text("b"), key(SDL_KEYDOWN, SDL_SCANCODE_BACKSPACE),
                     key(SDL_KEYUP, SDL_SCANCODE_BACKSPACE), text("c")}),
              (Batches{"+A", "'a' -A", "'b' +BS", "-BS", "'c'"}));
    // Text before any change shares the batch.
    EXPECT_EQ(split({text("x"), text("y"), key(SDL_KEYDOWN, SDL_SCANCODE_A)}),
              Batches{"'x' 'y' +A"});
}

TEST(InputBatches, AModifierReleasedRightAfterAKeyDoesNotTakeItsPressAlong) {
    // xdotool's "key ctrl+g" in one frame: Ctrl down, G down, Ctrl up, G up (Ctrl goes first). In
    // one batch ImGui would see G pressed with Ctrl already up: Ctrl+G turned into G.
    EXPECT_EQ(split({key(SDL_KEYDOWN, SDL_SCANCODE_LCTRL), key(SDL_KEYDOWN, SDL_SCANCODE_A),
                     key(SDL_KEYUP, SDL_SCANCODE_LCTRL), key(SDL_KEYUP, SDL_SCANCODE_A)}),
              (Batches{"+CTRL +A", "-CTRL -A"}));
    // Pressed after a key, a modifier waits too: the key keeps the modifiers it was typed with.
    EXPECT_EQ(split({key(SDL_KEYDOWN, SDL_SCANCODE_A), key(SDL_KEYDOWN, SDL_SCANCODE_LCTRL)}),
              (Batches{"+A", "+CTRL"}));
}

TEST(InputBatches, AClickWithinAFrameAndADoubleClickAreEachTransitionSeen) {
    EXPECT_EQ(split({button(SDL_MOUSEBUTTONDOWN, 1), button(SDL_MOUSEBUTTONUP, 1)}),
              (Batches{"+M1", "-M1"}));
    EXPECT_EQ(split({motion(1, 1), button(SDL_MOUSEBUTTONDOWN, 1), button(SDL_MOUSEBUTTONUP, 1),
                     button(SDL_MOUSEBUTTONDOWN, 3), motion(2, 2), button(SDL_MOUSEBUTTONDOWN, 1),
                     button(SDL_MOUSEBUTTONUP, 1)}),
              (Batches{"~ +M1", "-M1 +M3 ~", "+M1", "-M1"}));
}

TEST(InputBatches, ReusedOutputHoldsOnlyTheNewFrame) {
    engine::InputBatches batches;
    const std::vector<SDL_Event> first{key(SDL_KEYDOWN, SDL_SCANCODE_A),
                                       key(SDL_KEYUP, SDL_SCANCODE_A)};
    engine::splitInputBatches(first, batches);
    engine::splitInputBatches(std::vector<SDL_Event>{motion(3, 4)}, batches);
    EXPECT_EQ(describe(batches), Batches{"~"});
}
