#include "engine/exec/modeled/hardware_profile.h"

#include <stdexcept>
#include <string>

#include "engine/exec/modeled/resource_json.h"

namespace headroom::engine {

namespace {

Duration secondsField(const ResourceJson& json, const char* field) {
  const double seconds = json.nonNegativeNumber(field);
  if (seconds > 10.0) json.fail(field, "must be a number in [0, 10] (seconds)", json.raw(field));
  return durationFromSeconds(seconds);
}

}  // namespace

HardwareProfile loadHardwareProfile(std::string_view name) {
  const auto json = ResourceJson::load("hardware", name, "hardware profile");
  HardwareProfile hw;
  hw.name = std::string(name);
  hw.source = json.text("source");
  hw.memoryBytes = json.positiveInteger("memory_bytes");
  hw.hbmBandwidthBytesPerS = json.positiveNumber("hbm_bandwidth_bytes_per_s");
  hw.peakFlopsPerS = json.positiveNumber("peak_bf16_flops_per_s");
  hw.bandwidthEfficiency = json.fraction("bandwidth_efficiency");
  hw.computeEfficiency = json.fraction("compute_efficiency");
  hw.attentionComputeEfficiency = json.fraction("attention_compute_efficiency");
  hw.gemmUnhiddenFraction = json.nonNegativeNumber("gemm_unhidden_fraction");
  if (hw.gemmUnhiddenFraction > 1.0) {
    json.fail("gemm_unhidden_fraction", "must be a number in [0, 1]", json.raw("gemm_unhidden_fraction"));
  }
  const auto tile = json.positiveInteger("gemm_tile_tokens");
  if (tile < 16 || tile > 1024 || (tile & (tile - 1)) != 0) {
    json.fail("gemm_tile_tokens", "must be a power of two from 16 to 1024", json.raw("gemm_tile_tokens"));
  }
  hw.gemmTileTokens = static_cast<std::int32_t>(tile);
  hw.iterationOverhead = secondsField(json, "iteration_overhead_s");
  hw.sequenceOverhead = secondsField(json, "sequence_overhead_s");
  hw.prefillOverhead = secondsField(json, "prefill_overhead_s");
  hw.allReduceBusBandwidthBytesPerS = json.positiveNumber("allreduce_bus_bandwidth_bytes_per_s");
  hw.allReduceLatency = secondsField(json, "allreduce_latency_s");
  hw.runtimeReserveBytes = json.nonNegativeInteger("runtime_reserve_bytes");
  if (hw.runtimeReserveBytes >= hw.memoryBytes) {
    json.fail("runtime_reserve_bytes", "must be below memory_bytes (" + std::to_string(hw.memoryBytes) + ")",
              json.raw("runtime_reserve_bytes"));
  }
  return hw;
}

}  // namespace headroom::engine
