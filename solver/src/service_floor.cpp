#include "solver/service_floor.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "engine/exec/batch.h"
#include "engine/exec/executor_factory.h"
#include "engine/kv/block_manager.h"
#include "engine/sched/scheduler.h"
#include "engine/workload/length_distribution.h"
#include "engine/workload/random.h"

namespace headroom::solver {

namespace {

// Requests sampled per class: enough for a stable high percentile, few enough to take milliseconds.
constexpr int kSampleRequests = 400;
// The random stream of the sample, apart from the replay's arrival and length streams.
constexpr std::uint64_t kFloorStream = 0x666c6f6f72;  // "floor"

// Hears the one request's first and last token.
class LoneRequestObserver final : public engine::RequestObserver {
 public:
  engine::TimePoint firstToken{};
  engine::TimePoint lastToken{};
  bool finished = false;

  void onArrival(const engine::Request&, engine::TimePoint) override {}
  void onFirstScheduled(const engine::RequestState&, engine::TimePoint) override {}
  void onToken(const engine::RequestState& state, engine::TimePoint now, engine::Duration) override {
    if (state.generatedTokens == 1) firstToken = now;
    lastToken = now;
  }
  void onRelegated(const engine::RequestState&, engine::TimePoint) override {}
  void onPreempted(const engine::RequestState&, engine::TimePoint) override {}
  void onFinished(const engine::RequestState&, engine::TimePoint) override { finished = true; }
};

}  // namespace

double serviceFloorS(const engine::Scenario& scenario, const engine::ExecutorSpec& executor, std::size_t classIndex,
                     LatencyMetric metric, double percentile) {
  if (metric == LatencyMetric::Queue) return 0.0;
  const std::shared_ptr<const engine::IterationTimeModel> model = engine::makeTimeModel(executor);
  std::vector<engine::QosClass> classes;
  for (const engine::ClassSpec& spec : scenario.classes) classes.push_back(spec.qos);
  const engine::ClassSpec& spec = scenario.classes.at(classIndex);
  engine::SchedulerConfig config = scenario.scheduler;
  config.relegation = engine::Relegation::Off;  // alone, nothing is late for another's sake
  const engine::LengthDistribution prompts(spec.promptTokens);
  const engine::LengthDistribution outputs(spec.outputTokens);
  engine::Rng rng(scenario.seed, kFloorStream + classIndex);

  std::vector<double> latenciesS;
  latenciesS.reserve(kSampleRequests);
  engine::Batch batch;
  for (int i = 0; i < kSampleRequests; ++i) {
    const engine::Request request{static_cast<engine::RequestId>(i), static_cast<engine::ClassId>(classIndex),
                                  engine::kTimeZero, std::max(1, prompts.sample(rng)), std::max(1, outputs.sample(rng))};
    LoneRequestObserver observer;
    engine::Scheduler scheduler(classes, config,
                                engine::BlockManager(engine::BlockManager::kUnbounded, config.kvBlockTokens), *model,
                                observer);
    scheduler.enqueue(request, engine::kTimeZero);
    engine::TimePoint now = engine::kTimeZero;
    const bool firstTokenOnly = metric == LatencyMetric::Ttft;
    while (!observer.finished && !(firstTokenOnly && observer.firstToken > engine::kTimeZero)) {
      scheduler.schedule(now, batch);
      if (batch.empty()) break;
      now += model->predict(batch.shape);
      scheduler.complete(batch, now);
    }
    latenciesS.push_back(engine::toSeconds(firstTokenOnly ? observer.firstToken : observer.lastToken));
  }
  std::sort(latenciesS.begin(), latenciesS.end());
  // Nearest rank: the smallest sample at or above the percentile.
  const auto rank = static_cast<std::size_t>(std::ceil(percentile / 100.0 * static_cast<double>(latenciesS.size())));
  return latenciesS[std::clamp<std::size_t>(rank, 1, latenciesS.size()) - 1];
}

}  // namespace headroom::solver
