#!/bin/sh
# Runs every program of the differential corpus under plain LuaJIT and checks
# that the corpus itself is sound:
#   - output is exactly one "result: ..." or "error: ..." record;
#   - "error:" only for programs named *_error.lua (and those must error);
#   - two plain runs give identical output (determinism);
#   - the restricted runner (sandbox globals only, run_plain.lua --restricted, see restricted_env.lua)
#     gives the identical output, i.e. no forbidden global or library field
#     is touched;
#   - a plain run with the JIT off (-joff) gives the identical output, so a
#     result does not hinge on how LuaJIT happens to compile the program
#     (see jit_quirks/ for a JIT bug that made this necessary);
#   - files are LF-only, valid UTF-8, no BOM, no "#!" line (the C++ harness
#     derives those variants itself).
# Usage: check_plain.sh [LUAJIT] [FILE...]   (default /usr/bin/luajit, all)
set -u
here=$(cd "$(dirname "$0")" && pwd)
luajit=${LUAJIT:-luajit}
if [ $# -gt 0 ] && [ -x "$1" ] && [ "${1%.lua}" = "$1" ]; then
  luajit=$1; shift
fi
lib="$here/lib"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
n=0
if [ $# -eq 0 ]; then set -- "$here"/programs/*.lua; fi
for f in "$@"; do
  n=$((n + 1))
  name=$(basename "$f")
  bad() { echo "FAIL $name: $*"; fail=$((fail + 1)); }
  if grep -q "$(printf '\r')" "$f"; then bad "contains CR"; fi
  if ! iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1; then bad "not UTF-8"; fi
  case $(head -c 3 "$f" | od -An -tx1 | tr -d ' ') in
    efbbbf*) bad "starts with a BOM";;
  esac
  case $(head -c 1 "$f") in '#') bad "starts with #";; esac
  timeout 20 "$luajit" "$here/run_plain.lua" "$f" "$lib" >"$tmp/a" 2>"$tmp/ea"
  timeout 20 "$luajit" "$here/run_plain.lua" "$f" "$lib" >"$tmp/b" 2>&1
  timeout 20 "$luajit" "$here/run_plain.lua" "$f" "$lib" --restricted >"$tmp/c" 2>&1
  timeout 20 "$luajit" -joff "$here/run_plain.lua" "$f" "$lib" >"$tmp/d" 2>&1
  if [ -s "$tmp/ea" ]; then bad "stderr: $(head -c 300 "$tmp/ea")"; fi
  if ! cmp -s "$tmp/a" "$tmp/b"; then bad "nondeterministic output"; fi
  if ! cmp -s "$tmp/a" "$tmp/c"; then
    bad "restricted run differs: $(head -c 300 "$tmp/c")"
  fi
  if ! cmp -s "$tmp/a" "$tmp/d"; then
    bad "output differs with the JIT off: $(diff "$tmp/a" "$tmp/d" | head -c 300)"
  fi
  first=$(head -c 7 "$tmp/a")
  case "$name" in
    *_error.lua)
      [ "$first" = "error: " ] || bad "expected an error, got: $(head -c 200 "$tmp/a")";;
    *)
      [ "$first" = "result:" ] || bad "$(head -c 300 "$tmp/a")";;
  esac
  # exactly one trailing newline
  if [ "$(tail -c 1 "$tmp/a" | od -An -tx1 | tr -d ' ')" != "0a" ]; then
    bad "output does not end in a newline"
  fi
done
echo "checked $n programs, $fail failures"
[ $fail -eq 0 ]
