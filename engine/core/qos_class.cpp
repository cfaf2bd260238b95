#include "engine/core/qos_class.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "engine/core/enum_names.h"

namespace headroom::engine {

constexpr auto kImportanceNames = enumNames<Importance>({
    {Importance::High, "high"},
    {Importance::Normal, "normal"},
    {Importance::Low, "low"},
});

std::string_view toString(Importance importance) { return kImportanceNames.name(importance); }

std::optional<Importance> importanceFromString(std::string_view text) { return kImportanceNames.parse(text); }

std::optional<SloProblem> checkSlo(const Slo& slo) {
  if (slo.ttft && slo.ttft->count() <= 0) return SloProblem::TtftNotPositive;
  if (slo.tbt && slo.tbt->count() <= 0) return SloProblem::TbtNotPositive;
  if (slo.ttlt && slo.ttlt->count() <= 0) return SloProblem::TtltNotPositive;
  if (!std::isfinite(slo.percentile) || slo.percentile <= kSloPercentileMin || slo.percentile > kSloPercentileMax) {
    return SloProblem::PercentileOutOfRange;
  }
  if (!slo.hasBound()) return SloProblem::NoBound;
  if (slo.ttft && slo.ttlt && *slo.ttft > *slo.ttlt) return SloProblem::TtftAboveTtlt;
  if (slo.tbt && slo.ttlt && *slo.tbt > *slo.ttlt) return SloProblem::TbtAboveTtlt;
  return std::nullopt;
}

namespace {

bool sameIgnoringAsciiCase(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
  });
}

}  // namespace

std::optional<ClassProblem> checkClassName(std::string_view name, std::span<const std::string> otherNames) {
  const bool blank = std::all_of(name.begin(), name.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
  if (blank) return ClassProblem::NameEmpty;
  if (name.size() > kMaxClassNameBytes) return ClassProblem::NameTooLong;
  for (const std::string& other : otherNames) {
    if (sameIgnoringAsciiCase(name, other)) return ClassProblem::NameTaken;
  }
  return std::nullopt;
}

std::optional<ClassProblem> checkClassRank(std::int64_t rank) {
  if (rank < 0 || rank > kMaxClassRank) return ClassProblem::RankOutOfRange;
  return std::nullopt;
}

std::optional<TierClassProblem> checkRewardWeight(double rewardWeight) {
  if (!std::isfinite(rewardWeight) || rewardWeight <= 0.0 || rewardWeight > kMaxRewardWeight) {
    return TierClassProblem::RewardWeightOutOfRange;
  }
  return std::nullopt;
}

std::optional<TaskMixIssue> checkTaskMix(std::span<const TaskShare> tasks) {
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    const std::string& name = tasks[i].task;
    const bool blank =
        std::all_of(name.begin(), name.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
    if (blank) return TaskMixIssue{TierClassProblem::TaskNameEmpty, i};
    if (name.size() > kMaxTaskNameBytes) return TaskMixIssue{TierClassProblem::TaskNameTooLong, i};
    for (std::size_t k = 0; k < i; ++k) {
      if (tasks[k].task == name) return TaskMixIssue{TierClassProblem::TaskNameTaken, i};
    }
    if (!std::isfinite(tasks[i].share) || tasks[i].share <= 0.0) return TaskMixIssue{TierClassProblem::ShareNotPositive, i};
  }
  return std::nullopt;
}

std::string_view sloProblemField(SloProblem problem) {
  switch (problem) {
    case SloProblem::NoBound: return "";
    case SloProblem::TtftNotPositive: return "ttft_s";
    case SloProblem::TbtNotPositive: return "tbt_s";
    case SloProblem::TtltNotPositive: return "ttlt_s";
    case SloProblem::PercentileOutOfRange: return "percentile";
    case SloProblem::TtftAboveTtlt: return "ttft_s";
    case SloProblem::TbtAboveTtlt: return "tbt_s";
  }
  return "";
}

}  // namespace headroom::engine
