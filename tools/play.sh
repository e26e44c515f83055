#!/usr/bin/env bash
# Command 1 of the README: install what is missing, build, start the demo. Extra arguments go to
# the game (e.g. tools/play.sh --seed 7).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "==> no display here: rendering the demo offscreen to arena-demo.png instead" >&2
  exec "$ARENA_BUILD/arena" --screenshot "$ARENA_ROOT/arena-demo.png" "$@"
fi
exec "$ARENA_BUILD/arena" "$@"
