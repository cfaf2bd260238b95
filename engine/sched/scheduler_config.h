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

// Everything that tunes one instance's scheduler. Plain value; checkSchedulerConfig says whether it is valid.
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

// What can be wrong with a ChunkingConfig: a fixed chunk of no tokens.
enum class ChunkingProblem : std::uint8_t { FixedTokensNotPositive };
std::optional<ChunkingProblem> checkChunking(const ChunkingConfig& chunking);

// What can be wrong with a SchedulerConfig, whichever file, table or request it came from. The limits
// are the constants below; checkSchedulerConfig is the one place the rules live, readers and the UI map
// a problem to text (englishText in engine/io/input_problems.h) at schedulerProblemField(problem).
enum class SchedulerProblem : std::uint8_t {
  AlphaOutOfRange,                // alphaSPerToken not in [0, kMaxAlphaSPerToken]
  ChunkingInvalid,                // checkChunking fails
  MaxBatchTokensNotPositive,      // maxBatchTokens < 1
  MaxBatchSizeNotPositive,        // maxBatchSize < 1
  DynamicSafetyFactorOutOfRange,  // dynamicSafetyFactor not in (0, kMaxDynamicSafetyFactor]
  DynamicFloorTokensNotPositive,  // dynamicFloorTokens < 1
  KvBlockTokensNotPositive,       // kvBlockTokens < 1
  KvBlocksNotPositive,            // kvBlocksOverride set and < 1
};

inline constexpr double kMaxAlphaSPerToken = 1e6;
inline constexpr double kMaxDynamicSafetyFactor = 100.0;

std::optional<SchedulerProblem> checkSchedulerConfig(const SchedulerConfig& config);
// The scheduler JSON field a problem is about ("alpha_s_per_token", "chunking", ...).
std::string_view schedulerProblemField(SchedulerProblem problem);

inline constexpr std::string_view kOrderingPolicyNames = "fcfs, priority, edf, srpf, hybrid";
inline constexpr std::string_view kChunkingNames = "none, fixed:N (N > 0), dynamic";

}  // namespace headroom::engine
