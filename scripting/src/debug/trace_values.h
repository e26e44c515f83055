#pragma once
// How the tracer shows a Lua value: read with raw API calls only, so no script code runs (no
// metamethod, no __tostring) and no address is shown (a script could otherwise learn one).
#include <string>

struct lua_State;

namespace scripting {

/// The cdata the tracer can name: the views the driver passes to think (absolute stack indices
/// of the same objects, 0 when absent). Compared by identity (lua_rawequal), never indexed.
struct KnownViews {
    int self = 0, world = 0, mem = 0;
};

/// The number as Lua prints it ("%.14g") when that reads back as the same double, else with the
/// fewest more digits that do ("0.1", "300", "0.30000000000000004", "1e+300", "nan", "-inf").
std::string formatNumber(double value);

/// The value at `index`: numbers as formatNumber, strings quoted and escaped (cut after
/// kMaxStringShown bytes, with their length), booleans, nil, tables as a shallow raw preview of
/// up to kMaxTableShown entries, functions as "function", the known views as "<self>" etc.
std::string formatLuaValue(lua_State* L, int index, const KnownViews& views);

inline constexpr size_t kMaxStringShown = 48;
inline constexpr int kMaxTableShown = 4;

} // namespace scripting
