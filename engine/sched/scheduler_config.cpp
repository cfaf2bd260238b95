#include "engine/sched/scheduler_config.h"

#include <charconv>
#include <cmath>

#include "engine/core/enum_names.h"

namespace headroom::engine {

constexpr auto kOrderingPolicies = enumNames<OrderingPolicy>({
    {OrderingPolicy::Fcfs, "fcfs"},
    {OrderingPolicy::Priority, "priority"},
    {OrderingPolicy::Edf, "edf"},
    {OrderingPolicy::Srpf, "srpf"},
    {OrderingPolicy::Hybrid, "hybrid"},
});

std::string_view toString(OrderingPolicy policy) { return kOrderingPolicies.name(policy); }

std::optional<OrderingPolicy> orderingPolicyFromString(std::string_view text) { return kOrderingPolicies.parse(text); }

std::string toString(const ChunkingConfig& chunking) {
  switch (chunking.mode) {
    case ChunkingMode::None: return "none";
    case ChunkingMode::Fixed: return "fixed:" + std::to_string(chunking.fixedTokens);
    case ChunkingMode::Dynamic: return "dynamic";
  }
  return "dynamic";
}

std::optional<ChunkingConfig> chunkingFromString(std::string_view text) {
  if (text == "none") return ChunkingConfig{ChunkingMode::None, 0};
  if (text == "dynamic") return ChunkingConfig{ChunkingMode::Dynamic, 0};
  constexpr std::string_view kFixed = "fixed:";
  if (text.substr(0, kFixed.size()) != kFixed) return std::nullopt;
  const std::string_view number = text.substr(kFixed.size());
  std::int32_t tokens = 0;
  const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), tokens);
  if (error != std::errc{} || end != number.data() + number.size()) return std::nullopt;
  const ChunkingConfig chunking{ChunkingMode::Fixed, tokens};
  if (checkChunking(chunking)) return std::nullopt;
  return chunking;
}

std::optional<ChunkingProblem> checkChunking(const ChunkingConfig& chunking) {
  if (chunking.mode == ChunkingMode::Fixed && chunking.fixedTokens < 1) return ChunkingProblem::FixedTokensNotPositive;
  return std::nullopt;
}

std::optional<SchedulerProblem> checkSchedulerConfig(const SchedulerConfig& config) {
  if (!std::isfinite(config.alphaSPerToken) || config.alphaSPerToken < 0.0 || config.alphaSPerToken > kMaxAlphaSPerToken) {
    return SchedulerProblem::AlphaOutOfRange;
  }
  if (checkChunking(config.chunking)) return SchedulerProblem::ChunkingInvalid;
  if (config.maxBatchTokens < 1) return SchedulerProblem::MaxBatchTokensNotPositive;
  if (config.maxBatchSize < 1) return SchedulerProblem::MaxBatchSizeNotPositive;
  if (!std::isfinite(config.dynamicSafetyFactor) || config.dynamicSafetyFactor <= 0.0 ||
      config.dynamicSafetyFactor > kMaxDynamicSafetyFactor) {
    return SchedulerProblem::DynamicSafetyFactorOutOfRange;
  }
  if (config.dynamicFloorTokens < 1) return SchedulerProblem::DynamicFloorTokensNotPositive;
  if (config.kvBlockTokens < 1) return SchedulerProblem::KvBlockTokensNotPositive;
  if (config.kvBlocksOverride && *config.kvBlocksOverride < 1) return SchedulerProblem::KvBlocksNotPositive;
  return std::nullopt;
}

std::string_view schedulerProblemField(SchedulerProblem problem) {
  switch (problem) {
    case SchedulerProblem::AlphaOutOfRange: return "alpha_s_per_token";
    case SchedulerProblem::ChunkingInvalid: return "chunking";
    case SchedulerProblem::MaxBatchTokensNotPositive: return "max_batch_tokens";
    case SchedulerProblem::MaxBatchSizeNotPositive: return "max_batch_size";
    case SchedulerProblem::DynamicSafetyFactorOutOfRange: return "dynamic_safety_factor";
    case SchedulerProblem::DynamicFloorTokensNotPositive: return "dynamic_floor_tokens";
    case SchedulerProblem::KvBlockTokensNotPositive: return "kv_block_tokens";
    case SchedulerProblem::KvBlocksNotPositive: return "kv_blocks";
  }
  return "";
}

}  // namespace headroom::engine
