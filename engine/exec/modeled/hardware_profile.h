#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "engine/core/time.h"

namespace headroom::engine {

// One GPU kind and the serving stack on it, as loaded from resources/hardware/<name>.json: the datasheet
// figures plus the efficiencies and overheads the roofline model was calibrated with (the file's
// "source" says against what). Bandwidths in bytes/s, compute in FLOP/s, efficiencies as shares of the
// datasheet figure. A plain value; safe to share read-only.
struct HardwareProfile {
  std::string name;    // file stem, e.g. "a100-80g"
  std::string source;  // where each number comes from
  std::int64_t memoryBytes = 0;
  double hbmBandwidthBytesPerS = 0.0;
  double peakFlopsPerS = 0.0;               // dense bf16 tensor-core peak
  double bandwidthEfficiency = 1.0;         // share of HBM bandwidth that weight/KV streaming reaches
  double computeEfficiency = 1.0;           // share of peak the projection GEMMs reach
  double attentionComputeEfficiency = 1.0;  // share of peak prefill attention reaches
  // Share of the smaller of a GEMM's memory and compute times that is not hidden behind the larger
  // (0 = perfect overlap, the bare roofline).
  double gemmUnhiddenFraction = 0.0;
  // GEMM row tile: token counts above it are rounded up to a multiple of it, counts up to it to the
  // next power of two (at least 16) or to the tile itself above half of it.
  std::int32_t gemmTileTokens = 128;
  Duration iterationOverhead{};                 // every iteration: scheduling, launches, sampling setup
  Duration sequenceOverhead{};                  // per sequence in the batch (decode or prefill chunk)
  Duration prefillOverhead{};                   // once per iteration that carries prefill work
  double allReduceBusBandwidthBytesPerS = 0.0;  // NCCL "bus bandwidth" between tensor-parallel GPUs
  Duration allReduceLatency{};                  // fixed cost of one all-reduce
  std::int64_t runtimeReserveBytes = 0;         // CUDA context, library workspaces, graphs
};

// Reads resources/hardware/<name>.json. Throws std::runtime_error naming the file, the field and the
// allowed values; an unknown name lists the available profiles.
HardwareProfile loadHardwareProfile(std::string_view name);

}  // namespace headroom::engine
