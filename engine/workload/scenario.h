#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/qos_class.h"
#include "engine/exec/executor_spec.h"
#include "engine/io/json_input.h"
#include "engine/pool/router_config.h"
#include "engine/sched/scheduler_config.h"

namespace headroom::engine {

// Arrival processes. Rates are requests per second.
//  poisson: exponential gaps. gamma: gamma gaps with coefficient of variation `cv` (burstiness; cv 1
//  is Poisson). constant: evenly spaced.
enum class ArrivalKind : std::uint8_t { Poisson, Gamma, Constant };

// A stretch of time with its own rate. Step: the rate holds from `startS` until the next phase.
// Ramp: the rate moves linearly from the previous phase's rate (at startS) to `ratePerS` at `endS`,
// then holds. Phases are sorted by startS; before the first phase the base rate holds.
enum class PhaseShape : std::uint8_t { Step, Ramp };

struct RatePhase {
  double startS = 0.0;
  double endS = 0.0;  // ramps only
  double ratePerS = 0.0;
  PhaseShape shape = PhaseShape::Step;

  bool operator==(const RatePhase&) const = default;
};

struct ArrivalSpec {
  ArrivalKind kind = ArrivalKind::Poisson;
  double ratePerS = 0.0;
  double cv = 1.0;  // gamma only
  std::vector<RatePhase> phases;

  bool operator==(const ArrivalSpec&) const = default;
};

// What can be wrong with an ArrivalSpec, whichever file or table it came from; checkArrivalSpec is the
// one place these rules live. `phase` is the index of the phase a problem is about (phase problems only);
// arrivalProblemField names the JSON field ("rate_per_s", "cv", or a phase's "start_s", "end_s",
// "rate_per_s"). englishText in engine/io/input_problems.h words it for the CLI.
enum class ArrivalProblem : std::uint8_t {
  RateNegative,          // ratePerS < 0 or not finite
  CvOutOfRange,          // gamma only: cv not in (0, kMaxArrivalCv]
  PhaseStartNegative,    // a phase's startS < 0 or not finite
  PhaseRateNegative,     // a phase's ratePerS < 0 or not finite
  PhasesUnsorted,        // a phase starts before the previous phase
  PhaseOverlapsRamp,     // a phase starts before the previous ramp ends
  RampEndNotAfterStart,  // a ramp's endS <= its startS
};

inline constexpr double kMaxArrivalCv = 100.0;

struct ArrivalIssue {
  ArrivalProblem problem = ArrivalProblem::RateNegative;
  std::size_t phase = 0;  // phase problems only
};

std::optional<ArrivalIssue> checkArrivalSpec(const ArrivalSpec& spec);
std::string_view arrivalProblemField(ArrivalProblem problem);
bool isPhaseProblem(ArrivalProblem problem);

// Token-length distributions for prompts and outputs (values are token counts >= 1).
//  fixed: `value`. uniform: integers in [min, max]. lognormal: by median and p90, clipped to max.
//  empirical: one of `values`, uniformly.
enum class LengthKind : std::uint8_t { Fixed, Uniform, Lognormal, Empirical };

struct LengthSpec {
  LengthKind kind = LengthKind::Fixed;
  std::int32_t value = 1;
  std::int32_t min = 1;
  std::int32_t max = 1;
  double median = 1.0;
  double p90 = 1.0;
  std::vector<std::int32_t> values;

  bool operator==(const LengthSpec&) const = default;
};

struct ClassSpec {
  QosClass qos;
  ArrivalSpec arrival;  // unused with a trace
  LengthSpec promptTokens;
  LengthSpec outputTokens;
};

enum class TraceFormat : std::uint8_t { Azure, BurstGpt, Headroom };

// Arrivals and lengths from a CSV trace instead of the classes' own processes. `classMix` maps class
// names to shares (used when the format has no class column). `path` is absolute once loaded.
struct TraceSpec {
  std::filesystem::path path;
  TraceFormat format = TraceFormat::Headroom;
  std::map<std::string, double> classMix;
};

// One group of a pool: identical instances of one model on one hardware (one mode), with its own
// instance router. `name` is unique within the scenario (default: the model's name, then "-2", ...).
// A pool holds at most kMaxPoolGroups (engine/core/request.h).
struct PoolGroup {
  std::string name;
  ExecutorSpec executor;
  PoolConfig pool;  // instances, instance router, weights (per class over this group's instances)

  bool operator==(const PoolGroup&) const = default;
};

// A whole replayable setup, as loaded from resources/scenarios/*.json.
//
// The pool is either one group, written as before (top-level "model", "hardware", "executor" fields and
// "pool": {"instances", "router", "weights"}), or several:
//   "pool": {"groups": [{"name", "model", "hardware", "tensor_parallel", "executor", "profile",
//                        "instances", "router", "weights"}, ...],
//            "tier_router": "static:GROUP" | "random" | "greedy" | "learned:POLICY.json" (default greedy)}
// `groups` holds the groups of the second form and is empty for the first; `executor` and `pool` are
// groups[0]'s, kept for the code that only knows one mode (the planner, KV sizing of the first group,
// command-line overrides). Read the groups with poolGroups(): for one group it takes `executor` and
// `pool` as they are now, so edits to them hold. Set several groups through setPoolGroups so groups[0]
// and the two stay equal. A learned policy path is relative to the scenario file.
struct Scenario {
  std::string name;
  std::filesystem::path file;  // where it was loaded from; empty when built in code
  std::uint64_t seed = 1;
  double durationS = 60.0;
  ExecutorSpec executor;
  PoolConfig pool;
  std::vector<PoolGroup> groups;
  std::string tierRouter = "greedy";  // only read when groups.size() > 1; see TierRouterSpec
  SchedulerConfig scheduler;
  std::vector<ClassSpec> classes;
  std::optional<TraceSpec> trace;
};

// The scenario's groups: `groups` when it holds several, else one group made of `executor` and `pool`
// (named groups[0].name when there is one, else defaultGroupName).
std::vector<PoolGroup> poolGroups(const Scenario& scenario);
// A group's name when none is given: its model's, "pool" for an executor without a model.
std::string defaultGroupName(const ExecutorSpec& executor);
// The one rule of group names, whichever file or table they come from: non-empty, at most
// kMaxGroupNameBytes bytes, unique within the pool. `otherNames` are the other groups' names.
enum class GroupNameProblem : std::uint8_t { Empty, TooLong, Taken };
inline constexpr std::size_t kMaxGroupNameBytes = 64;
std::optional<GroupNameProblem> checkGroupName(std::string_view name, std::span<const std::string> otherNames);
// `base` when no group in `names` has it, else base-2, base-3, ... (the first one free).
std::string uniqueGroupName(const std::string& base, std::span<const std::string> names);
// Replaces the groups (at least one) and mirrors groups[0] into executor and pool.
void setPoolGroups(Scenario& scenario, std::vector<PoolGroup> groups);
// Every task the scenario's classes name, in order of first appearance (class order, then task order);
// a class with no task mix adds kDefaultTask. Request::task indexes this list.
std::vector<std::string> taskNames(const Scenario& scenario);

// Reads and validates a scenario file. Throws InputError on any problem, including a trace file
// that is missing (relative trace paths resolve against the scenario's folder).
Scenario loadScenario(const std::filesystem::path& file);

}  // namespace headroom::engine
