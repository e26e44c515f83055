# Every dependency comes from a Debian package (see tools/setup.sh for the package list).
find_package(SDL2 CONFIG REQUIRED)
find_package(OpenGL REQUIRED COMPONENTS OpenGL)
find_package(glm CONFIG REQUIRED)
find_package(CLI11 CONFIG REQUIRED)
find_package(nlohmann_json CONFIG REQUIRED)
find_package(Threads REQUIRED)
find_package(ZLIB REQUIRED) # recordings (game/replay/recording_codec.cpp)
find_package(PkgConfig REQUIRED)
pkg_check_modules(LUAJIT REQUIRED IMPORTED_TARGET luajit)
# libimgui.a already holds the SDL2 and OpenGL3 backends; its .pc pulls in libstb for stb_truetype.
pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)
pkg_check_modules(STB REQUIRED IMPORTED_TARGET stb)

add_library(arena_imgui INTERFACE)
target_include_directories(arena_imgui INTERFACE ${IMGUI_INCLUDEDIR}/backends)
target_link_libraries(arena_imgui INTERFACE PkgConfig::IMGUI SDL2::SDL2 OpenGL::GL ${CMAKE_DL_LIBS})

if(ARENA_BUILD_TESTS)
  find_package(GTest CONFIG REQUIRED)
  include(GoogleTest)
endif()
