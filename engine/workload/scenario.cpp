#include "engine/workload/scenario.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "engine/workload/scenario_json.h"

namespace headroom::engine {

Scenario loadScenario(const std::filesystem::path& file) {
  return scenarioFromJson(JsonInput::loadFile(file, "scenario file"), file);
}

std::optional<ArrivalIssue> checkArrivalSpec(const ArrivalSpec& spec) {
  const auto negative = [](double value) { return !std::isfinite(value) || value < 0.0; };
  if (negative(spec.ratePerS)) return ArrivalIssue{ArrivalProblem::RateNegative, 0};
  if (spec.kind == ArrivalKind::Gamma && (!std::isfinite(spec.cv) || spec.cv <= 0.0 || spec.cv > kMaxArrivalCv)) {
    return ArrivalIssue{ArrivalProblem::CvOutOfRange, 0};
  }
  for (std::size_t k = 0; k < spec.phases.size(); ++k) {
    const RatePhase& phase = spec.phases[k];
    if (negative(phase.startS)) return ArrivalIssue{ArrivalProblem::PhaseStartNegative, k};
    if (negative(phase.ratePerS)) return ArrivalIssue{ArrivalProblem::PhaseRateNegative, k};
    if (phase.shape == PhaseShape::Ramp && !(phase.endS > phase.startS)) {
      return ArrivalIssue{ArrivalProblem::RampEndNotAfterStart, k};
    }
    if (k == 0) continue;
    const RatePhase& last = spec.phases[k - 1];
    if (phase.startS < last.startS) return ArrivalIssue{ArrivalProblem::PhasesUnsorted, k};
    if (last.shape == PhaseShape::Ramp && phase.startS < last.endS) return ArrivalIssue{ArrivalProblem::PhaseOverlapsRamp, k};
  }
  return std::nullopt;
}

std::string_view arrivalProblemField(ArrivalProblem problem) {
  switch (problem) {
    case ArrivalProblem::RateNegative: return "rate_per_s";
    case ArrivalProblem::CvOutOfRange: return "cv";
    case ArrivalProblem::PhaseStartNegative: return "start_s";
    case ArrivalProblem::PhaseRateNegative: return "rate_per_s";
    case ArrivalProblem::PhasesUnsorted: return "start_s";
    case ArrivalProblem::PhaseOverlapsRamp: return "start_s";
    case ArrivalProblem::RampEndNotAfterStart: return "end_s";
  }
  return "";
}

std::vector<PoolGroup> poolGroups(const Scenario& scenario) {
  if (scenario.groups.size() > 1) return scenario.groups;
  // One group: `executor` and `pool` are its own, so code that edits them (command-line overrides, the
  // console's editor, the planner) is heard.
  std::string name = scenario.groups.empty() ? defaultGroupName(scenario.executor) : scenario.groups.front().name;
  return {PoolGroup{std::move(name), scenario.executor, scenario.pool}};
}

std::string defaultGroupName(const ExecutorSpec& executor) {
  return executor.model.empty() ? std::string("pool") : executor.model;
}

std::optional<GroupNameProblem> checkGroupName(std::string_view name, std::span<const std::string> otherNames) {
  if (name.empty()) return GroupNameProblem::Empty;
  if (name.size() > kMaxGroupNameBytes) return GroupNameProblem::TooLong;
  if (std::find(otherNames.begin(), otherNames.end(), name) != otherNames.end()) return GroupNameProblem::Taken;
  return std::nullopt;
}

std::string uniqueGroupName(const std::string& base, std::span<const std::string> names) {
  const auto taken = [&names](const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
  };
  std::string name = base;
  for (int repeat = 2; taken(name); ++repeat) name = base + "-" + std::to_string(repeat);
  return name;
}

void setPoolGroups(Scenario& scenario, std::vector<PoolGroup> groups) {
  if (groups.empty()) throw std::invalid_argument("a pool needs at least one group");
  scenario.executor = groups.front().executor;
  scenario.pool = groups.front().pool;
  scenario.groups = std::move(groups);
}

std::vector<std::string> taskNames(const Scenario& scenario) {
  std::vector<std::string> names;
  const auto add = [&names](std::string_view task) {
    if (std::find(names.begin(), names.end(), task) == names.end()) names.emplace_back(task);
  };
  for (const ClassSpec& spec : scenario.classes) {
    if (spec.qos.tasks.empty()) add(kDefaultTask);
    for (const TaskShare& share : spec.qos.tasks) add(share.task);
  }
  return names;
}

bool isPhaseProblem(ArrivalProblem problem) {
  return problem != ArrivalProblem::RateNegative && problem != ArrivalProblem::CvOutOfRange;
}

}  // namespace headroom::engine
