#!/usr/bin/env bash
# Command 2 of the README (and what CI runs): install what is missing, build, run every test.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
source "$(dirname "${BASH_SOURCE[0]}")/sanitizer_trees.sh"

export SDL_VIDEODRIVER="${SDL_VIDEODRIVER:-offscreen}" XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp}"
echo "==> formatting: every C++ file as .clang-format says"
(cd "$ARENA_ROOT" && git ls-files -z '*.cpp' '*.h' | xargs -0 clang-format --dry-run --Werror)

echo "==> unit, headless and screenshot tests"
ctest --test-dir "$ARENA_BUILD" -j"$(nproc)" --output-on-failure

echo "==> scriptcheck scripts/ (contract, trial runs, purity, hooks, director, LuaLS annotations)"
"$ARENA_BUILD/scriptcheck" "$ARENA_ROOT/scripts"

echo "==> JIT health: every shipped behaviour runs compiled, in 5 fresh processes each"
"$ARENA_BUILD/scriptcheck" --jit "$ARENA_ROOT/scripts" --processes 5

echo "==> luacheck scripts/"
(cd "$ARENA_ROOT/scripts" && luacheck --no-color .)

echo "==> the differential corpus under plain luajit: deterministic, the same with the JIT off and with only the sandbox's globals"
bash "$ARENA_ROOT/tests/scripting/differential/check_plain.sh"

echo "==> arena-bench --quick (a smoke run: timings are reported, never judged)"
"$ARENA_BUILD/arena-bench" --quick --json "$ARENA_BUILD/bench-quick.json"

echo "==> short soak: churn, reloads (good, broken, hostile), pool resizes"
"$ARENA_BUILD/arena" --headless --soak --ticks 30000 2>/dev/null

if [ "${ARENA_QUICK:-0}" != 1 ]; then
  # The sanitizer trees are built with clang, measured on 2 cores: the ASan tree in 221 s against
  # gcc's 519 s, the TSan tree in 163 s, and the suite under TSan runs in 133 s against gcc's
  # 226 s. The ASan tree also holds the libFuzzer targets: the libraries are compiled once for both.
  echo "==> AddressSanitizer + UndefinedBehaviorSanitizer: the whole suite (LuaJIT itself is not instrumented)"
  arena_configure_asan
  # What the suite runs (its tests, the game, scriptcheck) and the fuzz targets: not arena-bench.
  cmake --build "$ARENA_ROOT/build-asan" -j"$(nproc)" --target engine_tests scripting_tests \
    game_tests tools_tests arena scriptcheck "${ARENA_FUZZ_TARGETS[@]/#/fuzz_}"
  # detect_leaks=0: LuaJIT's GC64 tagged pointers make live Lua objects look leaked (see README).
  ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    ctest --test-dir "$ARENA_ROOT/build-asan" -j"$(nproc)" --output-on-failure

  echo "==> ThreadSanitizer: the whole suite (about 2 minutes on 2 cores)"
  arena_configure_clang_tree "$ARENA_ROOT/build-tsan" -DARENA_SANITIZE=thread -DARENA_BUILD_TOOLS=OFF
  cmake --build "$ARENA_ROOT/build-tsan" -j"$(nproc)" --target engine_tests scripting_tests game_tests arena
  TSAN_OPTIONS="halt_on_error=1 suppressions=$ARENA_ROOT/tools/tsan.supp" \
    ctest --test-dir "$ARENA_ROOT/build-tsan" -j"$(nproc)" --output-on-failure

  echo "==> fuzzing: each target for 15 s"
  bash "$ARENA_ROOT/tools/fuzz.sh" 15
fi

echo "==> smoke run: arena --headless"
"$ARENA_BUILD/arena" --headless --ticks 600 --seed 1 --stats-json "$ARENA_BUILD/smoke-stats.json"
