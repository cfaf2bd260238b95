#!/usr/bin/env bash
# Builds the release preset with CUDA, runs the GPU tests (CTest label gpu), then times the CUDA
# executor against the GPU's measured bandwidth and GEMM rate (bench/gpu_bench.cpp).
# Usage: bench/gpu_bench.sh [gpu_bench options, e.g. --model llama-3.2-1b --iterations 50]
# Without a GPU it builds, says so and exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."

cmake --preset release -DHEADROOM_WITH_CUDA=ON -DHEADROOM_BUILD_UI=OFF >/dev/null
tests=()
for source in tests/gpu/tst_*.cpp; do tests+=("$(basename "$source" .cpp)"); done
cmake --build build/release -j"$(nproc)" --target gpu_bench "${tests[@]}"

bench=build/release/bench/gpu_bench
if ! "$bench" --probe; then
  echo "gpu_bench.sh: built; no usable GPU on this machine, so no tests or timings were run."
  exit 0
fi
ctest --test-dir build/release -L gpu --output-on-failure
"$bench" "$@"
