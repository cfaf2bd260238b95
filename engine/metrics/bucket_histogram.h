#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "engine/core/time.h"

namespace headroom::engine {

// A latency histogram with fixed upper bounds in seconds, as Prometheus exposes them: counts per
// bucket (the last one unbounded), an exact count and sum. Beside the log-bucketed LogHistogram (which
// gives percentiles), this one answers "how many were within bound X" exactly at chosen bounds, e.g. a
// class's SLO values. Plain value, not thread-safe; memory fixed at construction (record() never
// allocates once bounds are set).
class BucketHistogram {
 public:
  BucketHistogram() = default;
  // Bounds are sorted and made unique; non-positive ones are dropped.
  explicit BucketHistogram(std::vector<double> boundsS) : bounds_(std::move(boundsS)) {
    std::sort(bounds_.begin(), bounds_.end());
    bounds_.erase(std::unique(bounds_.begin(), bounds_.end()), bounds_.end());
    bounds_.erase(std::remove_if(bounds_.begin(), bounds_.end(), [](double b) { return !(b > 0.0); }), bounds_.end());
    counts_.assign(bounds_.size() + 1, 0);
  }

  void record(Duration value) {
    const double seconds = toSeconds(value < Duration::zero() ? Duration::zero() : value);
    const auto bucket = static_cast<std::size_t>(std::lower_bound(bounds_.begin(), bounds_.end(), seconds) - bounds_.begin());
    if (counts_.empty()) counts_.assign(bounds_.size() + 1, 0);
    ++counts_[bucket];
    ++count_;
    sumS_ += seconds;
  }

  const std::vector<double>& boundsS() const { return bounds_; }
  // Samples <= boundsS()[i] (cumulative, as Prometheus' `le` buckets); i == bounds.size() gives count().
  std::uint64_t cumulative(std::size_t i) const {
    std::uint64_t total = 0;
    for (std::size_t b = 0; b <= i && b < counts_.size(); ++b) total += counts_[b];
    return total;
  }
  std::uint64_t count() const { return count_; }
  double sumS() const { return sumS_; }

 private:
  std::vector<double> bounds_;
  std::vector<std::uint64_t> counts_;
  std::uint64_t count_ = 0;
  double sumS_ = 0.0;
};

}  // namespace headroom::engine
