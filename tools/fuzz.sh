#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) in build-asan/ (see tools/sanitizer_trees.sh)
# and runs each for SECONDS seconds (default 45) on a copy of its seed corpus. A crash is saved to
# tests/fuzz/crashes/ (commit it, and make it a regression test) and fails the run.
# Usage: bash tools/fuzz.sh [SECONDS]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/sanitizer_trees.sh"
SECONDS_PER_TARGET="${1:-45}"
BUILD="$ARENA_ROOT/build-asan"
arena_configure_asan
cmake --build "$BUILD" -j"$(nproc)" --target "${ARENA_FUZZ_TARGETS[@]/#/fuzz_}"
mkdir -p "$ARENA_ROOT/tests/fuzz/crashes"
status=0
for target in "${ARENA_FUZZ_TARGETS[@]}"; do
  work="$(mktemp -d)"
  cp -r "$ARENA_ROOT/tests/fuzz/corpus/$target/." "$work/"
  seeds=()
  options=()
  if [ "$target" = script ] || [ "$target" = instrument ]; then # the shipped scripts and the test fixtures seed it too
    seeds=("$ARENA_ROOT/scripts/enemies" "$ARENA_ROOT/tests/scripting/lua/contract" "$ARENA_ROOT/tests/scripting/lua")
    [ "$target" = instrument ] && seeds+=("$ARENA_ROOT/tests/scripting/differential/programs")
  fi
  if [ -f "$ARENA_ROOT/tests/fuzz/$target.dict" ]; then
    options=(-dict="$ARENA_ROOT/tests/fuzz/$target.dict")
  fi
  echo "==> fuzz_$target for ${SECONDS_PER_TARGET}s"
  # Leak checking is off: LuaJIT (GC64) keeps references as tagged values that LeakSanitizer does
  # not recognise, so live Lua objects look leaked. The targets check refs and objects themselves.
  if ! (cd "$work" && "$BUILD/tests/fuzz/fuzz_$target" . "${seeds[@]}" "${options[@]}" -max_total_time="$SECONDS_PER_TARGET" -max_len=4096 \
        -timeout=20 -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$ARENA_ROOT/tests/fuzz/crashes/$target-" \
        2>&1 | grep -E "stat::number_of_executed_units|Done|ERROR|SUMMARY"); then
    status=1
  fi
  ls "$ARENA_ROOT/tests/fuzz/crashes/$target-"* >/dev/null 2>&1 && { echo "fuzz_$target found a crash"; status=1; }
  rm -rf "$work"
done
exit $status
