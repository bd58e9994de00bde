#!/usr/bin/env bash
# Start-up benchmark: from running `./hearth` until a visible window named "Hearth" exists, under a private
# Xvfb, median of N launches (default 5). Beside it, the peer measured in the same run: the same launcher
# and program started without the start-up cache (HEARTH_AOT=off: no ahead-of-time cache, as before).
# Launches of the two alternate so both see the same machine load. Each launch gets a fresh data dir and
# is stopped (with its anvil) as soon as the window shows. Also prints the app's own figure ("Window shown
# N ms after launch", counted from JVM start).
# Usage: bench/startup.sh [LAUNCHES=5]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LAUNCHES="${1:-5}"
PACKAGES=(xvfb xauth xdotool libgtk-3-0 libgl1)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  else
    echo "bench/startup.sh needs: ${missing[*]} (e.g. sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
fi

XVFB_PID=""
WORK=$(mktemp -d)
cleanup() {
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
for n in $(seq 140 180); do
  if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then
    Xvfb ":$n" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
    XVFB_PID=$!
    export DISPLAY=":$n"
    break
  fi
done
[ -n "$XVFB_PID" ] || { echo "No free X display number in 140-180" >&2; exit 1; }
for _ in $(seq 1 100); do [ -e "/tmp/.X11-unix/X${DISPLAY#:}" ] && break; sleep 0.05; done

# The window is "Hearth" or "Hearth — <network>"; the training run's "Hearth ... (start-up training)" never matches.
window_visible() { xdotool search --onlyvisible --name '^Hearth($| [^(]*$)' >/dev/null 2>&1; }

# Stops a launch: SIGTERM to the JVM (its shutdown hook stops the node), then anything it started that
# is still alive: its children seen before the kill, and any process naming its private data dir.
stop_launch() {
  local pid=$1 data=$2 children p
  children=$(ps -o pid= --ppid "$pid" 2>/dev/null || true)
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  for p in $children; do kill -9 "$p" 2>/dev/null || true; done
  for p in /proc/[0-9]*; do
    grep -qF -- "$data" "$p/cmdline" 2>/dev/null && kill -9 "${p#/proc/}" 2>/dev/null || true
  done
}

# One launch: prints "<ms to a visible window> <the app's own ms>".
launch() {
  local aot=$1 data log t0 t1 pid
  data=$(mktemp -d "$WORK/data.XXXX")
  log="$data.log"
  window_visible && { echo "A Hearth window is already open on $DISPLAY" >&2; exit 1; }
  t0=$EPOCHREALTIME
  HEARTH_AOT=$aot HEARTH_HOME="$data" "$ROOT/hearth" >"$log" 2>&1 &
  pid=$!
  until window_visible; do
    kill -0 "$pid" 2>/dev/null || { echo "Hearth exited before showing its window:" >&2; cat "$log" >&2; exit 1; }
    (( ${EPOCHREALTIME%.*} - ${t0%.*} < 120 )) || { echo "No window after 120 s" >&2; stop_launch "$pid" "$data"; exit 1; }
    sleep 0.01
  done
  t1=$EPOCHREALTIME
  stop_launch "$pid" "$data"
  local own
  own=$(sed -n 's/.*Window shown \([0-9]*\) ms after launch.*/\1/p' "$log" | head -n1)
  rm -rf "$data" "$log"
  awk -v a="$t0" -v b="$t1" -v own="${own:-NaN}" 'BEGIN { printf "%d %s\n", (b - a) * 1000, own }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%d\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "Preparing: build when needed, record the start-up cache, one warm-up launch each way..." >&2
"$ROOT/hearth" --version >/dev/null 2>&1
launch on >/dev/null
launch off >/dev/null

ours=()
peer=()
for i in $(seq 1 "$LAUNCHES"); do
  ours+=("$(launch on)")
  peer+=("$(launch off)")
  echo "  launch $i: with the cache ${ours[-1]% *} ms, without ${peer[-1]% *} ms" >&2
done

ours_out=$(printf '%s\n' "${ours[@]}" | awk '{ print $1 }' | median)
ours_own=$(printf '%s\n' "${ours[@]}" | awk '{ print $2 }' | median)
peer_out=$(printf '%s\n' "${peer[@]}" | awk '{ print $1 }' | median)
peer_own=$(printf '%s\n' "${peer[@]}" | awk '{ print $2 }' | median)

echo
echo "./hearth to a visible window, median of $LAUNCHES launches (Xvfb, fresh data dir each; load: $(cut -d' ' -f1-3 /proc/loadavg))"
printf '  %-44s %6s ms   (app log, from JVM start: %s ms)\n' "Hearth with the start-up cache (AOT)" "$ours_out" "$ours_own"
printf '  %-44s %6s ms   (app log, from JVM start: %s ms)\n' "peer: the same, without the cache" "$peer_out" "$peer_own"
awk -v a="$ours_out" -v b="$peer_out" 'BEGIN { printf "  without / with: %.2fx; goal: at most 1000 ms\n", b / a }'
