#include "engine/sched/scheduler_config.h"

#include <charconv>

namespace headroom::engine {

std::string_view toString(OrderingPolicy policy) {
  switch (policy) {
    case OrderingPolicy::Fcfs: return "fcfs";
    case OrderingPolicy::Priority: return "priority";
    case OrderingPolicy::Edf: return "edf";
    case OrderingPolicy::Srpf: return "srpf";
    case OrderingPolicy::Hybrid: return "hybrid";
  }
  return "hybrid";
}

std::optional<OrderingPolicy> orderingPolicyFromString(std::string_view text) {
  if (text == "fcfs") return OrderingPolicy::Fcfs;
  if (text == "priority") return OrderingPolicy::Priority;
  if (text == "edf") return OrderingPolicy::Edf;
  if (text == "srpf") return OrderingPolicy::Srpf;
  if (text == "hybrid") return OrderingPolicy::Hybrid;
  return std::nullopt;
}

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
  if (error != std::errc{} || end != number.data() + number.size() || tokens <= 0) return std::nullopt;
  return ChunkingConfig{ChunkingMode::Fixed, tokens};
}

}  // namespace headroom::engine
