#!/usr/bin/env bash
# CPU use of the game's window as a user would see it: attract mode (with and without the overlay),
# a running round, paused with P, and paused by opening the overlay.
# Runs under its own Xvfb (no GPU: Mesa's llvmpipe renders) and drives the window with xdotool.
#   tools/window_cpu.sh [ARENA_BINARY] [SECONDS]    (defaults: build/arena, 10)
# Needs xvfb-run and xdotool (apt-get install xvfb xdotool). Figures are % of one core, from
# utime + stime in /proc/PID/stat over SECONDS in each state.
set -euo pipefail
if [ -z "${ARENA_UNDER_XVFB:-}" ]; then
  export ARENA_UNDER_XVFB=1
  exec xvfb-run -a -s "-screen 0 1280x720x24" "$0" "$@"
fi
bin=${1:-$(dirname "${BASH_SOURCE[0]}")/../build/arena}
seconds=${2:-10}
ticks=$(getconf CLK_TCK)
# The default overlay layout, and the user's own layout file left alone.
XDG_CONFIG_HOME=$(mktemp -d)
export XDG_CONFIG_HOME

"$bin" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$XDG_CONFIG_HOME"' EXIT
window=
for _ in $(seq 50); do
  window=$(xdotool search --name '^Arena$' 2>/dev/null | head -1 || true)
  [ -n "$window" ] && break
  sleep 0.2
done
[ -n "$window" ] || { echo "window_cpu: no Arena window appeared" >&2; exit 1; }
sleep 3 # scripts loaded, traces compiled

cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
measure() {
  local before after t0 t1
  before=$(cpu); t0=$(date +%s.%N)
  sleep "$seconds"
  after=$(cpu); t1=$(date +%s.%N)
  awk -v n="$1" -v c=$((after - before)) -v hz="$ticks" -v t0="$t0" -v t1="$t1" \
    'BEGIN { printf "%-17s %5.1f%% of a core\n", n, 100 * c / hz / (t1 - t0) }'
}
measure attract
xdotool key --window "$window" F1 # the overlay over the demo, which goes on
sleep 1
measure "attract, overlay"
xdotool key --window "$window" F1
xdotool key --window "$window" space # any key: the player's round begins
sleep 1
measure playing
xdotool key --window "$window" p
sleep 1
measure paused
xdotool key --window "$window" p
xdotool key --window "$window" F1 # opening the overlay pauses the round
sleep 1
measure "paused, overlay"
