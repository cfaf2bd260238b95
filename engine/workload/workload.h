#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "engine/core/request.h"
#include "engine/workload/arrival_process.h"
#include "engine/workload/length_distribution.h"
#include "engine/workload/random.h"
#include "engine/workload/scenario.h"
#include "engine/workload/task_mix.h"

namespace headroom::engine {

// How to replay a scenario's workload. `rateScale` (> 0) multiplies every class's arrival rate; with a
// trace it divides the arrival times instead. `seed` replaces the scenario's seed when given.
struct WorkloadOptions {
  double rateScale = 1.0;
  std::optional<std::uint64_t> seed;
};

// The request stream of a scenario, in arrival order (ties go to the lower class index), with ids
// 0, 1, 2, ... and classId = the class's index in scenario.classes.
//  Synthetic classes: arrivals in [0, durationS), generated lazily. Each class draws from its own
//  streams derived from (seed, class index), so adding a class leaves the others' requests unchanged.
//  Every request's task (an index into taskNames(scenario)) is drawn from its class's task mix on the
//  class's own task stream, so a task mix changes no arrival time nor length (paired comparisons).
//  Trace: read whole at construction; classes from the class column or drawn from the class mix with
//  the seeded Rng; rows whose trace time is < durationS (loadScenario sets durationS to cover the whole
//  trace when the file gives no duration_s), arrival times divided by rateScale.
// Deterministic: the same scenario, options and seed give the same sequence on every platform.
// Throws std::invalid_argument for a rateScale <= 0 and TraceError for an unreadable trace.
// A value type; not thread-safe.
class Workload {
 public:
  Workload(const Scenario& scenario, WorkloadOptions options = {});

  std::optional<Request> next();

  // Trace rows dropped by the format's rules (0 without a trace).
  std::size_t skippedTraceRows() const { return skippedTraceRows_; }

 private:
  struct ClassStream {
    ArrivalProcess arrivals;
    LengthDistribution promptTokens;
    LengthDistribution outputTokens;
    Rng promptRng;
    Rng outputRng;
    TaskMix taskMix;
    Rng taskRng;
    std::optional<TimePoint> pending;
  };

  void advance(ClassStream& stream);
  void loadTrace(const Scenario& scenario, std::uint64_t seed, double rateScale);

  std::vector<ClassStream> classes_;
  TimePoint end_{};
  std::vector<Request> traceRequests_;
  std::size_t traceCursor_ = 0;
  bool fromTrace_ = false;
  std::size_t skippedTraceRows_ = 0;
  RequestId nextId_ = 0;
};

// Every request of the workload at once (for tests and small tools).
std::vector<Request> generateAll(const Scenario& scenario, WorkloadOptions options = {});

// Rng stream numbers: a class's streams are derived from its index, the trace's class mix has its own.
std::uint64_t classStreamId(std::size_t classIndex, std::uint64_t purpose);
inline constexpr std::uint64_t kArrivalStream = 0;
inline constexpr std::uint64_t kPromptStream = 1;
inline constexpr std::uint64_t kOutputStream = 2;
inline constexpr std::uint64_t kTaskStream = 3;
inline constexpr std::uint64_t kTraceMixStream = 0xFFFF'FFFF'FFFF'0001ULL;

}  // namespace headroom::engine
