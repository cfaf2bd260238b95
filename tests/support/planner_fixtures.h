#pragma once

// A scenario and curve-sweep settings that make the planner quick enough for a widget test.

#include <QTemporaryDir>

#include <chrono>
#include <string>

#include "engine/workload/scenario.h"
#include "solver/curve_measurement.h"

namespace headroom::test {

// Two classes on a constant executor (50 ms iterations), quick to replay and plan: 30 req/s of chat
// (TTFT 1 s) needs more than one instance; batch (8 req/s, TTLT 30 s) fits beside it.
inline engine::Scenario plannableScenario(const std::string& name = "plannable") {
  engine::Scenario scenario;
  scenario.name = name;
  scenario.seed = 3;
  scenario.durationS = 300.0;
  scenario.executor.kind = engine::ExecutorKind::Constant;
  scenario.executor.iteration = engine::durationFromSeconds(0.05);
  scenario.pool.instances = 1;
  scenario.scheduler.policy = engine::OrderingPolicy::Priority;
  scenario.scheduler.chunking.mode = engine::ChunkingMode::Fixed;
  engine::ClassSpec chat;
  chat.qos.name = "chat";
  chat.qos.rank = 0;
  chat.qos.slo.ttft = std::chrono::seconds(1);
  chat.arrival.ratePerS = 30.0;
  chat.promptTokens.value = 100;
  chat.outputTokens.value = 8;
  engine::ClassSpec batch = chat;
  batch.qos.name = "batch";
  batch.qos.rank = 1;
  batch.qos.slo.ttft.reset();
  batch.qos.slo.ttlt = std::chrono::seconds(30);
  batch.arrival.ratePerS = 8.0;
  batch.promptTokens.value = 400;
  scenario.classes = {chat, batch};
  return scenario;
}

// Short measurement windows and few points, the curves cached in `dir`.
inline solver::CurveSweepOptions quickSweep(const QTemporaryDir& dir) {
  solver::CurveSweepOptions options;
  options.minWindowS = 120.0;
  options.maxWindowS = 300.0;
  options.refinements = 2;
  options.shapePoints = 2;
  options.cacheDir = dir.filePath(QStringLiteral("curves")).toStdString();
  return options;
}

}  // namespace headroom::test
