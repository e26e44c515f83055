#!/usr/bin/env bash
# Redraws the README's pictures from the program's own screenshot modes: docs/play.png (the game
# in full swing), docs/overlay.png (every panel open) and docs/editor-error.png (a reload that
# failed while the game ran: the editor marks the line, the last good version keeps running) and
# docs/debugger.png (a recorded run replayed, an orbiter's think traced at a past tick, stepped
# to a line inside it).
# Run after a build.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${ARENA_BUILD:-$root/build}"
export SDL_VIDEODRIVER="${SDL_VIDEODRIVER:-offscreen}" XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp}"

"$build/arena" --screenshot "$root/docs/play.png" --frames 900 --enemies 150 --seed 2
"$build/arena" --screenshot "$root/docs/overlay.png" --overlay --frames 900 --enemies 150 --seed 2

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$root/scripts" "$work/scripts"
# The break lands while the run is under way (one tick per frame, a few seconds in all); --watch
# reloads it, the reload is refused, and the editor follows the file it has open.
(sleep 1 && sed -i '14s/$/ +/' "$work/scripts/enemies/chaser.lua") &
"$build/arena" --screenshot "$root/docs/editor-error.png" --overlay --watch --frames 900 \
  --seed 2 --scripts "$work/scripts" --editor enemies/chaser.lua
wait

# The debugger: record a headless run, replay it in a screenshot and trace an orbiter there.
"$build/arena" --headless --ticks 1500 --seed 4 --record "$work/run.arenarec" >/dev/null
orbiter="$("$build/arena" --replay "$work/run.arenarec" --trace-think 0:0 --at-tick 1400 2>&1 |
  grep -o '[0-9]*:[0-9]* (orbiter)' | head -1 | cut -d' ' -f1 || true)" # it lists who is alive
"$build/arena" --replay "$work/run.arenarec" --screenshot "$root/docs/debugger.png" --overlay \
  --frames 1403 --trace-think "$orbiter" --at-tick 1400 --trace-step 11 --width 1600 --height 900
