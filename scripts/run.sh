#!/usr/bin/env bash
# Installs what is missing, builds Headroom and replays the bundled demo scenario, printing the
# per-class table. Extra arguments go to `headroom-cli replay`, e.g. scripts/run.sh --policy fcfs
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target headroom-cli >/dev/null
exec build/release/app/headroom-cli replay resources/scenarios/demo.json --progress "$@"
