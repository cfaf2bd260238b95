#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>

#include "engine/workload/scenario.h"

namespace headroom::test {

// The shape of oneClassScenario(); designated initializers name what a test sets.
struct OneClassShape {
  std::string name = "test";
  std::uint64_t seed = 1;
  double durationS = 600.0;
  double ratePerS = 10.0;
  double iterationS = 0.02;  // the constant executor's time per iteration
  std::int32_t instances = 2;
};

// A scenario of one class "chat" (TTFT bound 1 s, rate `ratePerS`, 64 prompt and 4 output tokens) on
// `instances` constant-time instances. Tests change what else they need.
inline engine::Scenario oneClassScenario(const OneClassShape& shape) {
  engine::Scenario scenario;
  scenario.name = shape.name;
  scenario.seed = shape.seed;
  scenario.durationS = shape.durationS;
  scenario.executor.kind = engine::ExecutorKind::Constant;
  scenario.executor.iteration = engine::durationFromSeconds(shape.iterationS);
  scenario.pool.instances = shape.instances;
  engine::ClassSpec spec;
  spec.qos.name = "chat";
  spec.qos.slo.ttft = std::chrono::seconds(1);
  spec.arrival.ratePerS = shape.ratePerS;
  spec.promptTokens.value = 64;
  spec.outputTokens.value = 4;
  scenario.classes.push_back(spec);
  return scenario;
}

// One interactive class "chat" (TTFT `ttftS`, TBT 50 ms, watched p99) of 20-token answers at 0.5 requests/s
// for 120 s on one constant-time instance: every gap between two tokens is `iterationS`, and token n comes
// about n x iterationS after arrival. With 80 ms iterations and a 6 s TTFT every gap is over the TBT bound
// while every token is far ahead of its deadline (arrival + ttft + (n - 1) x tbt).
inline engine::Scenario pacedChatScenario(double iterationS, double ttftS) {
  engine::Scenario scenario =
      oneClassScenario({.name = "paced", .seed = 9, .durationS = 120.0, .ratePerS = 0.5, .iterationS = iterationS,
                        .instances = 1});
  engine::ClassSpec& chat = scenario.classes.front();
  chat.qos.slo.ttft = engine::durationFromSeconds(ttftS);
  chat.qos.slo.tbt = std::chrono::milliseconds(50);
  chat.qos.slo.percentile = 99.0;
  chat.outputTokens.value = 20;
  return scenario;
}

// resources/scenarios/demo.json, the scenario the console opens with.
inline engine::Scenario demoScenario() {
  return engine::loadScenario(std::filesystem::path(HEADROOM_RESOURCE_DIR_FOR_TESTS) / "scenarios/demo.json");
}

}  // namespace headroom::test
