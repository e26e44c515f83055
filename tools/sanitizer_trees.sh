#!/usr/bin/env bash
# The sanitizer trees, built with clang (sourced by tools/test.sh and tools/fuzz.sh). The
# AddressSanitizer + UndefinedBehaviorSanitizer tree (build-asan/) holds both the suite under ASan
# and the libFuzzer targets, so the libraries are compiled once for both; the fuzz targets'
# coverage instrumentation costs the suite little there (82 s against 77 s measured on 2 cores).
ARENA_ROOT="${ARENA_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
ARENA_FUZZ_TARGETS=(script reload object_api instrument recording) # as tests/fuzz/CMakeLists.txt

# Configures a sanitizer tree with clang: arena_configure_clang_tree DIR [cmake -D options...].
# A tree an older version of this script made with gcc starts afresh: told another compiler,
# CMake would drop its cache and with it the other options given on the same command line.
arena_configure_clang_tree() {
  local dir="$1"
  shift
  if [ -f "$dir/CMakeCache.txt" ] && ! grep -q '^CMAKE_CXX_COMPILER:.*clang++' "$dir/CMakeCache.txt"; then
    rm -rf "$dir/CMakeCache.txt" "$dir/CMakeFiles"
  fi
  cmake -S "$ARENA_ROOT" -B "$dir" -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
}

arena_configure_asan() {
  arena_configure_clang_tree "$ARENA_ROOT/build-asan" -DARENA_SANITIZE=address,undefined -DARENA_FUZZ=ON
}
