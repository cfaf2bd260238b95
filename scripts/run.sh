#!/usr/bin/env bash
# Installs what is missing, builds Headroom and opens the console on the demo workspace (three classes of
# users on three modeled instances; press Space to play). Without a display it replays the same demo
# with headroom-cli and prints the per-class table instead. Extra arguments go to the console (or, without
# a display, to `headroom-cli replay`, e.g. scripts/run.sh --policy fcfs).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
  cmake --build --preset release -j "$(nproc)" --target headroom >/dev/null
  exec build/release/app/headroom --demo "$@"
fi
cmake --build --preset release -j "$(nproc)" --target headroom headroom-cli >/dev/null
echo "No display: replaying the demo on the command line. For the console run" >&2
echo "  xvfb-run -a build/release/app/headroom --demo --autoplay   (or set DISPLAY)" >&2
exec build/release/app/headroom-cli replay resources/scenarios/demo.json --progress "$@"
