#pragma once

#include <string>

#include "engine/sim/simulation.h"
#include "engine/store/run_record.h"

namespace headroom::test {

// A scenario of `classes` classes on two constant-time instances (20 ms per iteration): even classes
// interactive (TTFT 0.5 s, TBT 0.1 s), odd ones batch (TTLT 4 s), each at `ratePerS`.
inline engine::Scenario reportScenario(int classes, double durationS, double ratePerS) {
  engine::Scenario scenario;
  scenario.name = "report-" + std::to_string(classes);
  scenario.seed = 7;
  scenario.durationS = durationS;
  scenario.executor.kind = engine::ExecutorKind::Constant;
  scenario.executor.iteration = engine::durationFromSeconds(0.02);
  scenario.pool.instances = 2;
  for (int c = 0; c < classes; ++c) {
    engine::ClassSpec spec;
    spec.qos.name = (c % 2 == 0 ? "chat-" : "batch-") + std::to_string(c);
    spec.qos.rank = c;
    if (c % 2 == 0) {
      spec.qos.slo.ttft = engine::durationFromSeconds(0.5);
      spec.qos.slo.tbt = engine::durationFromSeconds(0.1);
    } else {
      spec.qos.slo.ttlt = engine::durationFromSeconds(4.0);
    }
    spec.arrival.ratePerS = ratePerS;
    spec.promptTokens.value = 64;
    spec.outputTokens.value = 16;
    scenario.classes.push_back(spec);
  }
  return scenario;
}

// A finished run replayed from `scenario`, as a workspace would return it.
inline engine::RunRecord replayedRun(const engine::Scenario& scenario, engine::RunId id, const std::string& name,
                                     double rateScale = 1.0) {
  engine::ReplayOptions options;
  options.rateScale = rateScale;
  const engine::ReplayOutcome outcome = engine::replay(scenario, options);
  engine::RunRecord record;
  record.summary.id = id;
  record.summary.name = name;
  record.summary.scenarioName = scenario.name;
  record.summary.startedAtUtc = "2026-11-21T14:03:07Z";
  record.summary.simulatedS = outcome.simulatedS;
  record.summary.durationS = outcome.durationS;
  record.summary.status = engine::RunStatus::Finished;
  record.scenario = scenario;
  record.totals = *outcome.snapshot;
  return record;
}

}  // namespace headroom::test
