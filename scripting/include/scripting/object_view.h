#pragma once
// A depth-limited, flattened view of an object's own Lua table, taken on the main thread for the
// inspector. Reading it runs no script code (raw access only).
#include <string>
#include <vector>

namespace scripting {

struct TableLine {
    int depth = 0;
    std::string key;
    std::string value;     // scalars as text; "{...}" for tables; "(cycle)", "(depth limit)", types
    bool editable = false; // a number, string or boolean
    bool isTable = false;
};

} // namespace scripting
