#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace headroom::engine {

// How waiting work is ordered inside one instance.
//  fcfs: by arrival. priority: by class rank, FCFS within a rank. edf: by first-token deadline.
//  srpf: by remaining prefill tokens. hybrid (QoServe): deadline + alpha x remaining work.
enum class OrderingPolicy : std::uint8_t { Fcfs, Priority, Edf, Srpf, Hybrid };

// How prompt tokens are split across iterations.
//  none: a prompt is prefilled whole in one iteration.
//  fixed: at most `fixedTokens` tokens per iteration, decodes included (Sarathi's token budget).
//  dynamic: the largest chunk whose predicted iteration time x safety still fits the tightest TBT
//           slack of the running decodes; a floor chunk when no slack is left.
enum class ChunkingMode : std::uint8_t { None, Fixed, Dynamic };

enum class Relegation : std::uint8_t { Off, On };

struct ChunkingConfig {
  ChunkingMode mode = ChunkingMode::Dynamic;
  std::int32_t fixedTokens = 256;  // only for ChunkingMode::Fixed
};

// Everything that tunes one instance's scheduler. Plain value; validated where it is parsed.
struct SchedulerConfig {
  OrderingPolicy policy = OrderingPolicy::Hybrid;
  double alphaSPerToken = 0.008;  // hybrid: seconds of deadline per remaining token (0 = EDF)
  ChunkingConfig chunking;
  Relegation relegation = Relegation::On;
  bool selectivePreemption = true;     // a more urgent arrival may overtake a partial prefill
  std::int32_t maxBatchTokens = 8192;  // cap on tokens per iteration, all modes
  std::int32_t maxBatchSize = 256;     // cap on sequences (running + prefilling) per instance
  double dynamicSafetyFactor = 1.2;    // dynamic chunking: predicted time x this must fit the slack
  std::int32_t dynamicFloorTokens = 128;
  std::int32_t kvBlockTokens = 16;            // tokens per KV block
  std::optional<std::int64_t> kvBlocksOverride;  // fixed KV block count instead of sizing from memory
};

std::string_view toString(OrderingPolicy policy);
std::optional<OrderingPolicy> orderingPolicyFromString(std::string_view text);
// "none", "fixed:N" (N > 0) or "dynamic".
std::string toString(const ChunkingConfig& chunking);
std::optional<ChunkingConfig> chunkingFromString(std::string_view text);

inline constexpr std::string_view kOrderingPolicyNames = "fcfs, priority, edf, srpf, hybrid";
inline constexpr std::string_view kChunkingNames = "none, fixed:N (N > 0), dynamic";

}  // namespace headroom::engine
