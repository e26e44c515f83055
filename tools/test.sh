#!/usr/bin/env bash
# Command 2 of the README (and what CI runs): install what is missing, build, run every test.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

export SDL_VIDEODRIVER="${SDL_VIDEODRIVER:-offscreen}" XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp}"
echo "==> unit, headless and screenshot tests"
ctest --test-dir "$ARENA_BUILD" -j"$(nproc)" --output-on-failure

echo "==> scriptcheck scripts/ (contract, trial runs, purity, hooks, director, LuaLS annotations)"
"$ARENA_BUILD/scriptcheck" "$ARENA_ROOT/scripts"

echo "==> JIT health: every shipped behaviour runs compiled, in 5 fresh processes each"
"$ARENA_BUILD/scriptcheck" --jit "$ARENA_ROOT/scripts" --processes 5

echo "==> luacheck scripts/"
(cd "$ARENA_ROOT/scripts" && luacheck --no-color .)

echo "==> arena-bench --quick (a smoke run: timings are reported, never judged)"
"$ARENA_BUILD/arena-bench" --quick --json "$ARENA_BUILD/bench-quick.json"

echo "==> smoke run: arena --headless"
"$ARENA_BUILD/arena" --headless --ticks 600 --seed 1 --stats-json "$ARENA_BUILD/smoke-stats.json"
