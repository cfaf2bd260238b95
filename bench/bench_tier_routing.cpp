// What a tier-routing decision costs: predictFinish on one instance (the roofline iteration-time model
// of Llama-3.1-8B on an H100), and the views of a whole pool of three groups (what the pool computes
// for every arrival before asking its tier router), with N requests queued on each instance.
#include <benchmark/benchmark.h>

#include <memory>
#include <vector>

#include "engine/exec/executor_factory.h"
#include "engine/pool/finish_prediction.h"
#include "engine/pool/pool.h"

#include "null_observer.h"

using namespace headroom::engine;

namespace {

using headroom::bench::NullObserver;

std::vector<QosClass> chatClass() {
  QosClass chat;
  chat.name = "chat";
  chat.slo.ttft = std::chrono::seconds(2);
  chat.slo.tbt = std::chrono::milliseconds(100);
  return {chat};
}

ExecutorSpec modeled(const char* model, const char* hardware) {
  ExecutorSpec spec;
  spec.model = model;
  spec.hardware = hardware;
  return spec;
}

void predictOneInstance(benchmark::State& state) {
  const auto model = makeTimeModel(modeled("llama-3.1-8b", "h100-sxm"));
  InstanceStatus status;
  status.tokenBudget = 512;
  status.queuedPrefillTokens = state.range(0) * 1000;
  status.load.waiting = static_cast<std::int32_t>(state.range(0));
  status.load.decoding = 32;
  status.load.prefilling = 1;
  const Request request{1, 0, kTimeZero, 1000, 200};
  for (auto _ : state) {
    PredictedFinish predicted = predictFinish(status, *model, request);
    benchmark::DoNotOptimize(predicted);
  }
}
BENCHMARK(predictOneInstance)->Arg(0)->Arg(100);

// 4 x 1B, 2 x 8B, 1 x 70B (TP 4), each instance holding range(0) queued 1000-token prompts.
void poolGroupViews(benchmark::State& state) {
  NullObserver observer;
  const std::vector<ExecutorSpec> specs{modeled("llama-3.2-1b", "a100-80g"), modeled("llama-3.1-8b", "a100-80g"),
                                        modeled("llama-3.1-70b", "h100-sxm")};
  std::vector<Pool::Group> groups{{"small", "llama-3.2-1b", PoolConfig{4, RouterKind::LeastLoaded, {}}},
                                  {"medium", "llama-3.1-8b", PoolConfig{2, RouterKind::LeastLoaded, {}}},
                                  {"large", "llama-3.1-70b", PoolConfig{1, RouterKind::LeastLoaded, {}}}};
  TierPool names{{"small", "medium", "large"}, {"llama-3.2-1b", "llama-3.1-8b", "llama-3.1-70b"}, {"mmlu"}, {"chat"}};
  TierRouterSpec greedy;
  Pool pool(
      std::move(groups), chatClass(),
      [&](std::int32_t id, GroupId group) {
        return std::make_unique<Instance>(id, chatClass(), SchedulerConfig{}, makeExecutor(specs[group]),
                                          BlockManager::kUnbounded, observer);
      },
      makeTierRouter(greedy, names, 1), QualityTable{names.groupNames, names.taskNames, {{0.49}, {0.69}, {0.84}}});
  RequestId id = 0;
  for (std::int32_t i = 0; i < pool.size(); ++i) {
    for (std::int64_t q = 0; q < state.range(0); ++q) pool.instance(i).enqueue({id++, 0, kTimeZero, 1000, 200}, kTimeZero);
  }
  const Request request{id, 0, kTimeZero, 1000, 200};
  for (auto _ : state) {
    std::vector<GroupView> views = pool.groupViews(request, kTimeZero);
    benchmark::DoNotOptimize(views);
  }
}
BENCHMARK(poolGroupViews)->Arg(0)->Arg(10)->Arg(100);

}  // namespace

BENCHMARK_MAIN();
