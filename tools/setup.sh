#!/usr/bin/env bash
# Installs what is missing (Debian 12 packages), configures and builds Arena into build/.
# Sourced by tools/play.sh and tools/test.sh; safe to run again (only missing packages are installed).
set -euo pipefail

ARENA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ARENA_BUILD="${ARENA_BUILD:-$ARENA_ROOT/build}"

ARENA_PACKAGES=(
  cmake ninja-build g++ pkg-config
  libluajit-5.1-dev luajit
  libsdl2-dev libimgui-dev libglm-dev libstb-dev
  libgtest-dev
  libcli11-dev nlohmann-json3-dev zlib1g-dev
  libegl-mesa0 libgl1-mesa-dri xvfb xauth
  lua-check clang clang-format libclang-rt-14-dev git
)

arena_missing_packages() {
  local p missing=()
  for p in "${ARENA_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  echo "${missing[@]:-}"
}

arena_install() {
  local missing
  missing="$(arena_missing_packages)"
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "Arena needs these Debian packages, and installing them needs root. Run:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y $missing" >&2
    exit 1
  fi
  echo "==> installing: $missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing
}

arena_build() {
  echo "==> configuring and building in $ARENA_BUILD"
  cmake -S "$ARENA_ROOT" -B "$ARENA_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$ARENA_BUILD" -j"$(nproc)"
}

arena_install
arena_build
