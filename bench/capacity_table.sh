#!/usr/bin/env bash
# Capacity of one modeled replica under each scheduler configuration, on qoserve-three-tier.json (or the
# scenario given): the highest rate scale at which every class keeps 99% attainment. Prints a table.
# Usage: bench/capacity_table.sh [SCENARIO] (after cmake --preset release && cmake --build --preset release)
set -euo pipefail
cd "$(dirname "$0")/.."
cli=build/release/app/headroom-cli
scenario=${1:-resources/scenarios/qoserve-three-tier.json}
[[ -x $cli ]] || { echo "error: $cli not built: cmake --preset release && cmake --build --preset release" >&2; exit 1; }

configs=(
  "fcfs fixed:256 off"
  "edf fixed:256 off"
  "hybrid fixed:256 on"
  "fcfs dynamic off"
  "edf dynamic off"
  "hybrid dynamic off"
  "hybrid dynamic on"
)
baseline=""
printf '%-8s %-10s %-10s %10s %10s %12s\n' policy chunking relegation capacity "req/s" "vs fcfs:256"
for config in "${configs[@]}"; do
  read -r policy chunking relegation <<<"$config"
  json=$($cli capacity "$scenario" --policy "$policy" --chunking "$chunking" --relegation "$relegation" \
         --tolerance 0.01 --json -)
  scale=$(grep -o '"rate_scale": [0-9.e+-]*' <<<"$json" | awk '{print $2}')
  requests=$(grep -o '"requests": [0-9]*' <<<"$json" | awk '{print $2}')
  duration=$(grep -o '"duration_s": [0-9.e+-]*' <<<"$json" | awk '{print $2}')
  [[ -n $baseline ]] || baseline=$scale
  awk -v p="$policy" -v c="$chunking" -v r="$relegation" -v s="$scale" -v n="$requests" -v d="$duration" -v b="$baseline" \
    'BEGIN { printf "%-8s %-10s %-10s %10.3f %10.2f %11.2fx\n", p, c, r, s, n / d, s / b }'
done
