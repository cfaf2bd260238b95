#include "engine/exec/profile_sweep.h"

#include <algorithm>
#include <stdexcept>

#include "engine/workload/random.h"

namespace headroom::engine {

namespace {

// Largest context chunk the setup prefills at once, to keep activations small.
constexpr std::int32_t kSetupChunk = 1024;

class SweepRunner {
 public:
  SweepRunner(Executor& executor, const ProfileSweepOptions& options) : executor_(executor), options_(options) {}

  ProfilePoint measure(const ProfileComposition& composition) {
    std::vector<RequestId> prefillIds;
    std::vector<RequestId> decodeIds;
    for (std::int32_t r = 0; r < options_.repeats && composition.prefillChunk > 0; ++r) {
      prefillIds.push_back(fill(composition.prefillContext));
    }
    for (std::int32_t d = 0; d < composition.decodes; ++d) decodeIds.push_back(fill(composition.decodeContext));

    std::vector<Duration> times;
    Batch batch;
    BatchShape middle;
    for (std::int32_t r = 0; r < options_.repeats; ++r) {
      batch.clear();
      if (composition.prefillChunk > 0) {
        batch.addPrefill(prefillIds[static_cast<std::size_t>(r)], composition.prefillChunk, composition.prefillContext);
      }
      for (const RequestId id : decodeIds) batch.addDecode(id, composition.decodeContext + r);
      times.push_back(executor_.execute(batch).duration);
      if (r == options_.repeats / 2) middle = batch.shape;
    }
    for (const RequestId id : prefillIds) executor_.release(id);
    for (const RequestId id : decodeIds) executor_.release(id);
    std::nth_element(times.begin(), times.begin() + static_cast<long>(times.size() / 2), times.end());
    return {middle, std::max(Duration{1}, times[times.size() / 2]), false};
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
  for (std::int32_t w = 0; w < options.warmup && !compositions.empty(); ++w) runner.measure(compositions.front());

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

  std::vector<ProfilePoint> points;
  for (std::size_t i = 0; i < compositions.size(); ++i) {
    ProfilePoint point = runner.measure(compositions[i]);
    point.heldOut = heldOut[i];
    if (progress) progress(point, i, compositions.size());
    points.push_back(point);
  }
  return points;
}

}  // namespace headroom::engine
