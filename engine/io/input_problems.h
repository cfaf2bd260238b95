#pragma once

#include <string>

#include "engine/core/duration_rule.h"
#include "engine/core/qos_class.h"
#include "engine/exec/sampling_params.h"
#include "engine/sched/scheduler_config.h"
#include "engine/workload/scenario.h"

namespace headroom::engine {

// English text of the engine's domain-rule problem codes, for the CLI and the readers' InputError:
// what the offending field must be ("must be a number in (0, 100], e.g. 99 for p99"), without the
// value found. The console maps the same codes to translated text instead.
std::string englishText(SecondsProblem problem);
std::string englishText(ClassProblem problem);
std::string englishText(SloProblem problem);
std::string englishText(TierClassProblem problem);
std::string englishText(GroupNameProblem problem);
std::string englishText(ChunkingProblem problem);
std::string englishText(SchedulerProblem problem);
std::string englishText(SamplingProblem problem);
// Arrival problems name the numbers they are about (the previous phase's start, a ramp's start).
std::string englishText(const ArrivalIssue& issue, const ArrivalSpec& spec);

}  // namespace headroom::engine
