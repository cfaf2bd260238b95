#!/usr/bin/env bash
# The model-tier table of docs/PERFORMANCE.md: trains a learned tier router on model-tiers.json (1.2 M
# decisions) and compares it with every static group, random and greedy on 10 test seeds per workload
# family. Builds nothing: run it from a release build (cmake --build build/release --target tier_table).
# Extra arguments go to the bench (e.g. --policy POLICY.json to evaluate a trained policy).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build/release}
exec "$build/bench/tier_table" --scenario "$root/resources/scenarios/model-tiers.json" --decisions 1200000 \
  --seed 1 --test-seeds 10 "$@"
