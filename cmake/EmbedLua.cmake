# Turns trusted Lua files into a C++ source of string constants, so the binaries carry the prelude
# and the driver and never depend on the working directory.
#   cmake -DOUTPUT=file.cpp -DINPUTS="a.lua|b.lua" -DNAMES="kA|kB" -P EmbedLua.cmake
string(REPLACE "|" ";" INPUTS "${INPUTS}")
string(REPLACE "|" ";" NAMES "${NAMES}")
set(content "// Generated from scripting/lua/*.lua by cmake/EmbedLua.cmake. Do not edit.\nnamespace scripting::embedded {\n")
list(LENGTH INPUTS count)
math(EXPR last "${count} - 1")
foreach(i RANGE ${last})
  list(GET INPUTS ${i} input)
  list(GET NAMES ${i} name)
  file(READ "${input}" text)
  string(APPEND content "extern const char* const ${name};\nconst char* const ${name} = R\"lua_embed(${text})lua_embed\";\n")
endforeach()
string(APPEND content "} // namespace scripting::embedded\n")
file(WRITE "${OUTPUT}.tmp" "${content}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUTPUT}.tmp" "${OUTPUT}")
