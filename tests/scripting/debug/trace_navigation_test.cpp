// Trace navigation: stepping through a recorded think by depth and breakpoints, both ways.
#include "scripting/test_world.h"
#include "scripting/think_trace.h"
#include "scripting/trace_navigation.h"

#include <gtest/gtest.h>

using namespace scripting;

namespace {

constexpr auto kForward = TraceDirection::Forward;
constexpr auto kBackward = TraceDirection::Backward;

// traced.lua's trace: think (depth 0) calls double (depth 1) from line 12.
//   index: 0   1   2   3  4  5  6   7   8
//   line:  10  11  12  2  3  4  13  14  15
//   depth: 0   0   0   1  1  1  0   0   0
std::vector<TraceStep> tracedSteps() {
    const int lines[] = {10, 11, 12, 2, 3, 4, 13, 14, 15};
    const int depths[] = {0, 0, 0, 1, 1, 1, 0, 0, 0};
    std::vector<TraceStep> steps;
    for (size_t i = 0; i < 9; ++i) {
        TraceStep s;
        s.chunk = "enemies/traced.lua";
        s.line = lines[i];
        s.depth = depths[i];
        steps.push_back(s);
    }
    return steps;
}

} // namespace

TEST(TraceNavigation, StepIntoMovesOneStepAndStopsAtTheEnds) {
    const auto steps = tracedSteps();
    EXPECT_EQ(stepInto(steps, 2, kForward), 3u);
    EXPECT_EQ(stepInto(steps, 3, kBackward), 2u);
    EXPECT_EQ(stepInto(steps, 8, kForward), 8u);
    EXPECT_EQ(stepInto(steps, 0, kBackward), 0u);
}

TEST(TraceNavigation, StepOverSkipsWhatACallDid) {
    const auto steps = tracedSteps();
    EXPECT_EQ(stepOver(steps, 2, kForward), 6u); // line 12 -> line 13, over double
    EXPECT_EQ(stepOver(steps, 6, kBackward), 2u);
    EXPECT_EQ(stepOver(steps, 0, kForward), 1u);
    EXPECT_EQ(stepOver(steps, 3, kForward), 4u); // inside double: its next line
    EXPECT_EQ(stepOver(steps, 5, kForward), 6u); // its last line: back in think
    EXPECT_EQ(stepOver(steps, 8, kForward), 8u);
}

TEST(TraceNavigation, StepOutGoesToTheCaller) {
    const auto steps = tracedSteps();
    EXPECT_EQ(stepOut(steps, 4, kForward), 6u);  // after the call returned
    EXPECT_EQ(stepOut(steps, 4, kBackward), 2u); // the line that made the call
    EXPECT_EQ(stepOut(steps, 1, kForward), 8u);  // out of think: its last step
    EXPECT_EQ(stepOut(steps, 7, kBackward), 0u);
}

TEST(TraceNavigation, RunToBreakpointStopsOnTheNextBreakpointLine) {
    const auto steps = tracedSteps();
    const TraceBreakpoints breakpoints = {{"enemies/traced.lua", 3}, {"enemies/traced.lua", 14}};
    EXPECT_EQ(runToBreakpoint(steps, 0, breakpoints, kForward), 4u);
    EXPECT_EQ(runToBreakpoint(steps, 4, breakpoints, kForward), 7u);
    EXPECT_EQ(runToBreakpoint(steps, 7, breakpoints, kForward), 8u); // none left: the end
    EXPECT_EQ(runToBreakpoint(steps, 8, breakpoints, kBackward), 7u);
    EXPECT_EQ(runToBreakpoint(steps, 7, breakpoints, kBackward), 4u);
    EXPECT_EQ(runToBreakpoint(steps, 4, breakpoints, kBackward), 0u);
    const TraceBreakpoints otherFile = {{"lib/steer.lua", 3}};
    EXPECT_EQ(runToBreakpoint(steps, 0, otherFile, kForward), 8u);
}

TEST(TraceNavigation, AnEmptyTraceStaysAtZero) {
    const std::vector<TraceStep> none;
    EXPECT_EQ(stepInto(none, 0, kForward), 0u);
    EXPECT_EQ(stepOver(none, 0, kBackward), 0u);
    EXPECT_EQ(stepOut(none, 0, kForward), 0u);
    EXPECT_EQ(runToBreakpoint(none, 0, {{"x", 1}}, kBackward), 0u);
}

// On a real trace (a recursion four calls deep): stepping back then forward returns to the same
// step, for every step, whenever the step back stayed at the same depth (stepping back out of a
// call and then over it forwards lands after the call, as it should).
TEST(TraceNavigation, SteppingBackThenForwardReturnsToTheSameStep) {
    std::string error;
    auto tracer = ThinkTracer::create(defaultSandboxLimits(), &error);
    ASSERT_TRUE(tracer) << error;
    testing_support::TestWorld w;
    w.add(0, {100.0f, 100.0f});
    w.snapshot();
    const std::vector<engine::EnemyType> types(1);
    const ThinkTrace t = tracer->trace(ThinkTraceRequest{
        .world = w.world,
        .types = types,
        .enemy = 0,
        .script = ScriptFile{"traced_recursion", "enemies/traced_recursion.lua", "",
                             testing_support::fixture("traced_recursion.lua")},
        .libs = {}});
    ASSERT_TRUE(t.ok) << t.error;
    const auto& steps = t.steps;
    ASSERT_GT(steps.size(), 10u);
    const TraceBreakpoints breakpoints = {{"enemies/traced_recursion.lua", 4}};
    int overChecked = 0;
    for (size_t i = 1; i < steps.size(); ++i) {
        EXPECT_EQ(stepInto(steps, stepInto(steps, i, kBackward), kForward), i);
        const size_t back = stepOver(steps, i, kBackward);
        if (steps[back].depth == steps[i].depth && back != i) {
            EXPECT_EQ(stepOver(steps, back, kForward), i) << i;
            ++overChecked;
        }
        const size_t out = stepOut(steps, i, kBackward);
        if (steps[i].depth > 0) { // the call line, one level up: stepping in returns to the callee
            EXPECT_EQ(steps[out].depth, steps[i].depth - 1) << i;
            EXPECT_EQ(steps[stepInto(steps, out, kForward)].depth, steps[i].depth) << i;
        }
        if (breakpoints.count({steps[i].chunk, steps[i].line})) {
            const size_t previous = runToBreakpoint(steps, i, breakpoints, kBackward);
            if (breakpoints.count({steps[previous].chunk, steps[previous].line})) {
                EXPECT_EQ(runToBreakpoint(steps, previous, breakpoints, kForward), i) << i;
            }
        }
    }
    EXPECT_GT(overChecked, 5);
}
