#!/usr/bin/env bash
# The AddressSanitizer + UndefinedBehaviorSanitizer tree (build-asan/, clang), sourced by
# tools/test.sh and tools/fuzz.sh: it holds both the suite under ASan and the libFuzzer targets, so
# the libraries are compiled once for both. The fuzz targets' coverage instrumentation costs the
# suite little there (82 s against 77 s measured on 2 cores).
ARENA_ROOT="${ARENA_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
ARENA_FUZZ_TARGETS=(script reload object_api instrument recording) # as tests/fuzz/CMakeLists.txt
# The sanitizer trees' compiler, named in the cache (an older tree made with another is re-made).
ARENA_CLANG=(-DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++)

arena_configure_asan() {
  cmake -S "$ARENA_ROOT" -B "$ARENA_ROOT/build-asan" -G Ninja "${ARENA_CLANG[@]}" \
    -DARENA_SANITIZE=address,undefined -DARENA_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
}
