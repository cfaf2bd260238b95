#pragma once

#include <string>

#include "solver/plan.h"
#include "solver/planning_input.h"

namespace headroom::solver {

// Checks that an input can be planned: at least one class and one mode, unique names, rates >= 0,
// bounds > 0, percentiles in (0, 100], costs > 0, max instances >= 0, a curve per mode (or one per class).
// Throws std::invalid_argument naming the class or mode at fault.
void validatePlanningInput(const PlanningInput& input);

// Solves one discipline: the fewest instances (or the least cost) of the input's modes that carry every
// class's rate within its bound. Runs CBC on the calling thread; reentrant. Throws std::invalid_argument
// for input validatePlanningInput rejects and std::runtime_error when CBC fails outright.
Plan solvePlan(const PlanningInput& input, Discipline discipline, const PlanOptions& options);

// One sentence on a class below its service floor, e.g. "its bound of 0.5 s (p95 ttft) is below its
// service floor of 0.62 s on mode a100, ...; mode h100 meets it (floor 0.31 s)". English, for the CLI
// and JSON; the console words it from the fields.
std::string serviceFloorText(const ServiceFloorMiss& miss);

// The priority recommendation with the FCFS and siloed baselines beside it.
PlanReport planCapacity(const PlanningInput& input, const PlanOptions& options);

}  // namespace headroom::solver
