#pragma once

#include <cstdint>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/time.h"

namespace headroom::engine {

// How much an operator minds when a request of this class misses its SLO. Eager relegation demotes
// low-importance requests first and high-importance ones only when nothing less important is left.
enum class Importance : std::uint8_t { High, Normal, Low };

std::string_view toString(Importance importance);
std::optional<Importance> importanceFromString(std::string_view text);

// Latency bounds of a class. Interactive classes bound TTFT and/or TBT; non-interactive ones TTLT.
// A class may bound all three. `percentile` is the one the operator watches (e.g. 99 for p99).
struct Slo {
  std::optional<Duration> ttft;
  std::optional<Duration> tbt;
  std::optional<Duration> ttlt;
  double percentile = 99.0;

  bool hasBound() const { return ttft || tbt || ttlt; }
  bool interactive() const { return ttft.has_value() || tbt.has_value(); }
};

// What can be wrong with an Slo, whichever file, table or request it came from. checkSlo is the one
// place these rules live; readers turn a problem into a message (englishText in engine/io/input_problems.h)
// pointing at sloProblemField(problem), the UI into translated text.
enum class SloProblem : std::uint8_t {
  NoBound,               // none of ttft, tbt, ttlt is set
  TtftNotPositive,       // ttft <= 0
  TbtNotPositive,        // tbt <= 0
  TtltNotPositive,       // ttlt <= 0
  PercentileOutOfRange,  // percentile not in (0, 100] (or not a finite number)
  TtftAboveTtlt,         // ttft > ttlt: the first token cannot be due after the last
  TbtAboveTtlt,          // tbt > ttlt
};

// Percentiles an Slo may name: (0, 100]. 100 means every request must meet the bound (the strictest);
// 0 would bound nothing.
inline constexpr double kSloPercentileMin = 0.0;  // excluded
inline constexpr double kSloPercentileMax = 100.0;  // included

std::optional<SloProblem> checkSlo(const Slo& slo);
// The field of the Slo's JSON object ("ttft_s", "tbt_s", "ttlt_s", "percentile") a problem is about;
// empty for NoBound, which is about the whole object. TtftAboveTtlt and TbtAboveTtlt name the smaller
// bound ("ttft_s", "tbt_s").
std::string_view sloProblemField(SloProblem problem);

// What can be wrong with a class's name or rank, whichever file or table it came from; checkClassName
// and checkClassRank are the one place these rules live (readers word a problem with englishText in
// engine/io/input_problems.h, the console with translated text).
enum class ClassProblem : std::uint8_t {
  NameEmpty,        // empty, or only white space
  NameTooLong,      // more than kMaxClassNameBytes bytes
  NameTaken,        // another class has the same name, ignoring ASCII case
  RankOutOfRange,   // not in [0, kMaxClassRank]
};

inline constexpr std::size_t kMaxClassNameBytes = 64;
inline constexpr int kMaxClassRank = 99;

// `otherNames` are the names of the other classes of the same set (not this one's).
std::optional<ClassProblem> checkClassName(std::string_view name, std::span<const std::string> otherNames);
std::optional<ClassProblem> checkClassRank(std::int64_t rank);

// Index of a class within its scenario (0 .. classes-1). Small and dense so per-class arrays stay flat.
using ClassId = std::uint16_t;

// One task of a class's task mix: a task name that model quality files give an accuracy for
// (resources/models/<model>.json "quality"), and its share of the class's requests (> 0, any scale).
struct TaskShare {
  std::string task;
  double share = 1.0;

  bool operator==(const TaskShare&) const = default;
};

// The task a class without a task mix is taken to be: general knowledge, as MMLU measures it.
inline constexpr std::string_view kDefaultTask = "mmlu";

// How much a class's answers are worth, for routing between models of different quality: a request that
// meets its SLO earns rewardWeight x the serving model's accuracy on its task, one that misses earns 0
// (tierReward in engine/pool/tier_reward.h). The seed doubles it for high-priority traffic.
inline constexpr double kMaxRewardWeight = 1000.0;

// What can be wrong with a class's reward weight or task mix, whichever file, table or request it came
// from; checkRewardWeight and checkTaskMix are the one place these rules live (readers word a problem
// with englishText in engine/io/input_problems.h, the console with translated text).
enum class TierClassProblem : std::uint8_t {
  RewardWeightOutOfRange,  // not a number in (0, kMaxRewardWeight]
  TaskNameEmpty,           // empty, or only white space
  TaskNameTooLong,         // more than kMaxTaskNameBytes bytes
  TaskNameTaken,           // two tasks of one mix have the same name
  ShareNotPositive,        // a share <= 0 (or not a finite number)
};

inline constexpr std::size_t kMaxTaskNameBytes = 64;

std::optional<TierClassProblem> checkRewardWeight(double rewardWeight);
// A problem of a task mix and the index of the task it is about. An empty mix is valid (every request
// is kDefaultTask); a file that writes one says so with an empty object, which its reader refuses.
struct TaskMixIssue {
  TierClassProblem problem;
  std::size_t task = 0;
};
std::optional<TaskMixIssue> checkTaskMix(std::span<const TaskShare> tasks);

// A QoS class. `rank` orders classes for the `priority` policy and the planner: 0 is the most urgent.
// `tasks` is its requests' task mix (empty: all kDefaultTask); `rewardWeight` in (0, kMaxRewardWeight].
struct QosClass {
  std::string name;
  int rank = 0;
  Importance importance = Importance::Normal;
  Slo slo;
  double rewardWeight = 1.0;
  std::vector<TaskShare> tasks;
};

}  // namespace headroom::engine
