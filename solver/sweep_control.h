#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>

namespace headroom::solver {

// Where a long planning job stands: replays run so far against the replays it expects in all. The total
// is an estimate while curves are being searched (each class's search length depends on where its
// bound falls) and firms up as classes finish; it never drops below pointsMeasured.
struct SweepProgress {
  std::int32_t pointsMeasured = 0;
  std::int32_t pointsExpected = 0;
  std::string message;  // the step just done, in words (as CurveProgress hears it)
};

// What a caller hands a long sweep (curve measurement, verification): a progress callback, called on
// the sweep's thread, and a cancel flag another thread may raise. The flag is read before each replay
// and every few thousand events inside one, so cancelling takes effect within a fraction of a second.
struct SweepControl {
  std::function<void(const SweepProgress&)> progress;
  const std::atomic<bool>* cancel = nullptr;

  bool cancelled() const { return cancel != nullptr && cancel->load(std::memory_order_relaxed); }
};

// Thrown by a sweep whose SweepControl::cancel was raised; nothing half-measured is cached.
class SweepCancelled : public std::runtime_error {
 public:
  SweepCancelled() : std::runtime_error("cancelled") {}
};

}  // namespace headroom::solver
