// nameFromDefinition: the name a definition line gives its function, for trace steps.
#include <gtest/gtest.h>

#include "debug/function_names.h"

using scripting::nameFromDefinition;

TEST(TraceFunctionNames, ReadTheNameAfterTheKeyword) {
    EXPECT_EQ(nameFromDefinition("function steer.toward(x, y, tx, ty)"), "steer.toward");
    EXPECT_EQ(nameFromDefinition("local function double(v)"), "double");
    EXPECT_EQ(nameFromDefinition("function M:update(dt)"), "M:update");
}

TEST(TraceFunctionNames, ReadTheNameAFunctionIsAssignedTo) {
    EXPECT_EQ(nameFromDefinition("  think = function(self, world, mem)"), "think");
    EXPECT_EQ(nameFromDefinition("local f = function() end"), "f");
    EXPECT_EQ(nameFromDefinition("lib.helper =function (a)"), "lib.helper");
}

TEST(TraceFunctionNames, GiveNothingForAnonymousFunctions) {
    EXPECT_EQ(nameFromDefinition("table.sort(t, function(a, b) return a < b end)"), "");
    EXPECT_EQ(nameFromDefinition("if x == function() end then"), "");
    EXPECT_EQ(nameFromDefinition("local functional = 1"), "");
    EXPECT_EQ(nameFromDefinition(""), "");
}
