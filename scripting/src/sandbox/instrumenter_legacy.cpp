// TEMPORARY: runs the old Lua instrumenter in a private state until the C++ one lands.
#include "sandbox/instrumenter.h"

#include <lua.hpp>

#include <cstring>

namespace scripting {
namespace embedded {
extern const char* const kInstrument;
}

bool instrumentChunk(std::string_view source, InstrumentedChunk* out, std::string* error) {
    thread_local lua_State* L = nullptr;
    if (!L) {
        L = luaL_newstate();
        luaL_openlibs(L);
        luaL_loadbuffer(L, embedded::kInstrument, std::strlen(embedded::kInstrument), "=instrument");
        lua_call(L, 0, 1);
        lua_setfield(L, LUA_REGISTRYINDEX, "instrument");
    }
    lua_getfield(L, LUA_REGISTRYINDEX, "instrument");
    lua_pushlstring(L, source.data(), source.size());
    lua_call(L, 1, 3);
    if (lua_isnil(L, -3)) {
        *error = lua_tostring(L, -2);
        lua_pop(L, 3);
        return false;
    }
    out->text = lua_tostring(L, -3);
    out->localName = lua_tostring(L, -2);
    out->globalName = lua_tostring(L, -1);
    lua_pop(L, 3);
    return true;
}

} // namespace scripting
