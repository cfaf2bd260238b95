// Scheduler cost per iteration: schedule() + complete() on one instance holding N running decodes
// (plus a queue of waiting prefills), for each ordering policy and chunking mode.
#include <benchmark/benchmark.h>

#include <memory>
#include <vector>

#include "engine/exec/batch.h"
#include "engine/exec/executor_factory.h"
#include "engine/exec/modeled/kv_capacity.h"
#include "engine/sched/scheduler.h"

#include "null_observer.h"

using namespace headroom::engine;

namespace {

using headroom::bench::NullObserver;

std::vector<QosClass> benchClasses() {
  QosClass interactive{"interactive", 0, Importance::High, {}};
  interactive.slo.ttft = std::chrono::seconds(6);
  interactive.slo.tbt = std::chrono::milliseconds(50);
  QosClass standard{"standard", 1, Importance::Normal, {}};
  standard.slo.ttlt = std::chrono::seconds(600);
  QosClass batch{"batch", 2, Importance::Low, {}};
  batch.slo.ttlt = std::chrono::seconds(1800);
  return {interactive, standard, batch};
}

void schedulerIteration(benchmark::State& state, OrderingPolicy policy, ChunkingConfig chunking) {
  const auto running = static_cast<std::int32_t>(state.range(0));
  ExecutorSpec spec;
  spec.model = "llama-3.1-8b";
  spec.hardware = "h100-sxm";
  const auto model = makeTimeModel(spec);
  SchedulerConfig config;
  config.policy = policy;
  config.chunking = chunking;
  config.maxBatchSize = running + 8;
  NullObserver observer;
  Scheduler scheduler(benchClasses(), config, BlockManager(BlockManager::kUnbounded, 16), *model, observer);
  // Running decodes with effectively endless outputs, and a waiting queue that keeps prefills coming.
  TimePoint now = kTimeZero;
  RequestId nextId = 0;
  for (std::int32_t i = 0; i < running; ++i) {
    scheduler.enqueue({nextId++, static_cast<ClassId>(i % 3), now, 64, 1 << 30}, now);
  }
  Batch batch;
  while (scheduler.load().decoding < running) {
    scheduler.schedule(now, batch);
    now += model->predict(batch.shape);
    scheduler.complete(batch, now);
  }
  for (int i = 0; i < 64; ++i) scheduler.enqueue({nextId++, static_cast<ClassId>(i % 3), now, 512, 1}, now);

  for (auto _ : state) {
    scheduler.schedule(now, batch);
    now += Duration{20'000};
    scheduler.complete(batch, now);
    if (scheduler.load().waiting < 32) {
      state.PauseTiming();
      for (int i = 0; i < 32; ++i) scheduler.enqueue({nextId++, static_cast<ClassId>(i % 3), now, 512, 1}, now);
      state.ResumeTiming();
    }
    benchmark::DoNotOptimize(batch.shape);
  }
  state.counters["batch_tokens"] = static_cast<double>(batch.shape.batchTokens());
}

}  // namespace

BENCHMARK_CAPTURE(schedulerIteration, hybrid_dynamic, OrderingPolicy::Hybrid, ChunkingConfig{ChunkingMode::Dynamic, 0})
    ->Arg(16)->Arg(64)->Arg(256)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(schedulerIteration, edf_fixed256, OrderingPolicy::Edf, ChunkingConfig{ChunkingMode::Fixed, 256})
    ->Arg(256)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(schedulerIteration, fcfs_fixed256, OrderingPolicy::Fcfs, ChunkingConfig{ChunkingMode::Fixed, 256})
    ->Arg(256)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
