#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "engine/exec/executor.h"
#include "engine/exec/modeled/iteration_time_fit.h"

namespace headroom::engine {

// What a measured iteration time is.
//  Reported: the duration the executor reports (wall clock; the GPU's time for CUDA).
//  ThreadCpu: CPU time of the calling thread during execute(): for executors that compute on that
//  thread (the CPU reference), it leaves out time the thread spent descheduled, so a profile measured
//  on a shared machine shows the work itself rather than its neighbours.
enum class ProfileTiming : std::uint8_t { Reported, ThreadCpu };

// What `headroom-cli profile` sweeps and how it times each composition.
struct ProfileSweepOptions {
  ProfileTiming timing = ProfileTiming::Reported;
  std::int32_t repeats = 5;      // passes over the sweep, one timed run of each composition per pass;
                                 // the median of a composition's runs is kept
  std::int32_t warmup = 2;       // untimed runs of the first composition
  std::int64_t maxContext = 1024;
  std::int32_t maxPrefill = 512;
  std::int32_t maxDecodes = 32;
  double heldOutShare = 0.25;    // compositions kept out of the fit, chosen by `seed`
  std::uint64_t seed = 1;
};

// One batch composition: a prefill chunk of `prefillChunk` tokens over `prefillContext` cached ones
// (none when 0) plus `decodes` decodes over `decodeContext` cached tokens each.
struct ProfileComposition {
  std::int32_t prefillChunk = 0;
  std::int64_t prefillContext = 0;
  std::int32_t decodes = 0;
  std::int64_t decodeContext = 0;
};

// The sweep: prefill-only chunks at several contexts, decode-only batches at several sizes and
// contexts, and mixed batches, all within the options' limits. Deterministic.
std::vector<ProfileComposition> profileCompositions(const ProfileSweepOptions& options);

// Measures every composition on `executor` in `repeats` passes: each run builds the cached contexts
// with untimed prefills of fresh requests (synthetic prompts), times the batch once and releases the
// requests; a composition keeps the median of its runs. Marks the held-out share. `progress` (optional)
// hears each point once its last run is in.
std::vector<ProfilePoint> measureIterationTimes(
    Executor& executor, const ProfileSweepOptions& options,
    const std::function<void(const ProfilePoint& point, std::size_t index, std::size_t total)>& progress = {});

}  // namespace headroom::engine
