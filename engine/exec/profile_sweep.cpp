#include "engine/exec/profile_sweep.h"

#include <algorithm>
#include <ctime>
#include <stdexcept>

#include "engine/workload/random.h"

namespace headroom::engine {

namespace {

// Largest context chunk the setup prefills at once, to keep activations small.
constexpr std::int32_t kSetupChunk = 1024;

Duration threadCpuTime() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return Duration{static_cast<std::int64_t>(now.tv_sec) * 1'000'000 + now.tv_nsec / 1000};
}

class SweepRunner {
 public:
  SweepRunner(Executor& executor, const ProfileSweepOptions& options) : executor_(executor), options_(options) {}

  // One timed run of `composition` on freshly filled contexts; returns its shape and time.
  ProfilePoint measureOnce(const ProfileComposition& composition) {
    std::vector<RequestId> ids;
    Batch batch;
    if (composition.prefillChunk > 0) {
      const RequestId id = fill(composition.prefillContext);
      ids.push_back(id);
      batch.addPrefill(id, composition.prefillChunk, composition.prefillContext);
    }
    for (std::int32_t d = 0; d < composition.decodes; ++d) {
      const RequestId id = fill(composition.decodeContext);
      ids.push_back(id);
      batch.addDecode(id, composition.decodeContext);
    }
    Duration time{};
    if (options_.timing == ProfileTiming::ThreadCpu) {
      const Duration before = threadCpuTime();
      executor_.execute(batch);
      time = threadCpuTime() - before;
    } else {
      time = executor_.execute(batch).duration;
    }
    for (const RequestId id : ids) executor_.release(id);
    return {batch.shape, std::max(Duration{1}, time), false};
  }

 private:
  // A fresh request with `context` tokens cached.
  RequestId fill(std::int64_t context) {
    const RequestId id = nextId_++;
    executor_.admit(id, {}, SamplingParams{});
    Batch batch;
    for (std::int64_t done = 0; done < context;) {
      const auto chunk = static_cast<std::int32_t>(std::min<std::int64_t>(kSetupChunk, context - done));
      batch.clear();
      batch.addPrefill(id, chunk, done);
      executor_.execute(batch);
      done += chunk;
    }
    return id;
  }

  Executor& executor_;
  const ProfileSweepOptions& options_;
  RequestId nextId_ = 1'000'000'000;
};

}  // namespace

std::vector<ProfileComposition> profileCompositions(const ProfileSweepOptions& options) {
  std::vector<ProfileComposition> out;
  const auto contexts = [&](std::initializer_list<std::int64_t> wanted, std::int64_t floor) {
    std::vector<std::int64_t> kept;
    for (const std::int64_t c : wanted) {
      const std::int64_t value = std::max(floor, std::min(c, options.maxContext));
      if (std::find(kept.begin(), kept.end(), value) == kept.end()) kept.push_back(value);
    }
    return kept;
  };
  const auto upTo = [](std::initializer_list<std::int32_t> wanted, std::int32_t limit) {
    std::vector<std::int32_t> kept;
    for (const std::int32_t value : wanted) {
      if (value <= limit) kept.push_back(value);
    }
    if (kept.empty() || kept.back() != limit) kept.push_back(limit);
    return kept;
  };
  const auto chunks = upTo({16, 32, 64, 128, 192, 256, 384, 512, 1024, 2048}, options.maxPrefill);
  const auto decodeCounts = upTo({1, 2, 4, 8, 12, 16, 24, 32, 64, 128, 256}, options.maxDecodes);
  for (const std::int32_t chunk : chunks) {
    for (const std::int64_t context : contexts({0, options.maxContext / 4, options.maxContext}, 0)) {
      out.push_back({chunk, context, 0, 0});
    }
  }
  for (const std::int32_t decodes : decodeCounts) {
    for (const std::int64_t context : contexts({16, options.maxContext / 8, options.maxContext / 2, options.maxContext}, 1)) {
      out.push_back({0, 0, decodes, context});
    }
  }
  const std::int32_t mixedChunks[] = {std::min(32, options.maxPrefill), std::max(1, options.maxPrefill / 4), options.maxPrefill};
  const std::int32_t mixedDecodes[] = {std::max(1, options.maxDecodes / 8), options.maxDecodes};
  for (const std::int32_t chunk : mixedChunks) {
    for (const std::int32_t decodes : mixedDecodes) {
      for (const std::int64_t context : contexts({options.maxContext / 8, options.maxContext}, 1)) {
        out.push_back({chunk, context, decodes, context});
      }
    }
  }
  return out;
}

std::vector<ProfilePoint> measureIterationTimes(
    Executor& executor, const ProfileSweepOptions& options,
    const std::function<void(const ProfilePoint& point, std::size_t index, std::size_t total)>& progress) {
  if (options.repeats < 1) throw std::invalid_argument("profile: repeats must be >= 1");
  const std::vector<ProfileComposition> compositions = profileCompositions(options);
  SweepRunner runner(executor, options);
  for (std::int32_t w = 0; w < options.warmup && !compositions.empty(); ++w) runner.measureOnce(compositions.front());

  // Held-out compositions: a seeded shuffle, the first share of it.
  std::vector<std::size_t> order(compositions.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  Rng rng(options.seed, 0x5eed);
  for (std::size_t i = order.size(); i > 1; --i) {
    std::swap(order[i - 1], order[static_cast<std::size_t>(rng.uniformInt(0, static_cast<std::int64_t>(i - 1)))]);
  }
  std::vector<bool> heldOut(compositions.size(), false);
  const auto heldCount = static_cast<std::size_t>(options.heldOutShare * static_cast<double>(compositions.size()) + 0.5);
  for (std::size_t i = 0; i < heldCount && i + 2 < order.size(); ++i) heldOut[order[i]] = true;

  // Repeats run in passes over the whole sweep, so a burst of load from elsewhere on the machine
  // touches one run of many compositions rather than every run of one.
  std::vector<std::vector<Duration>> times(compositions.size());
  std::vector<ProfilePoint> points(compositions.size());
  for (std::int32_t pass = 0; pass < options.repeats; ++pass) {
    for (std::size_t i = 0; i < compositions.size(); ++i) {
      const ProfilePoint run = runner.measureOnce(compositions[i]);
      points[i].shape = run.shape;
      times[i].push_back(run.measured);
      if (pass + 1 == options.repeats) {
        auto& runs = times[i];
        std::nth_element(runs.begin(), runs.begin() + static_cast<long>(runs.size() / 2), runs.end());
        points[i].measured = runs[runs.size() / 2];
        points[i].heldOut = heldOut[i];
        if (progress) progress(points[i], i, compositions.size());
      }
    }
  }
  return points;
}

}  // namespace headroom::engine
