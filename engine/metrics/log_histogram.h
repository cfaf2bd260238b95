#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <limits>

#include "engine/core/time.h"

namespace headroom::engine {

// Streaming histogram of non-negative durations (microseconds), log-linear bucketed in the manner of
// HdrHistogram: values below 256 us are counted exactly, larger ones in 128 buckets per power of two,
// so a reported percentile is within 0.4% of the true sample value (bucket midpoint, clamped to the
// exact min and max). Values are bucketed up to kMaxTrackable (about 12.7 days); larger ones share the
// top bucket. Count, sum, min and max are exact (the sum while below 2^63 us, some 290,000 years).
// Memory is fixed (about 35 KB inline, no heap), so record() never allocates. Not thread-safe: one
// writer, and readers only on the same thread.
class LogHistogram {
 public:
  static constexpr int kSubBucketBits = 7;
  static constexpr int kTrackableBits = 40;
  static constexpr std::int64_t kMaxTrackable = (std::int64_t{1} << kTrackableBits) - 1;
  static constexpr std::size_t kBucketCount =
      (std::size_t{kTrackableBits - kSubBucketBits - 1} << kSubBucketBits) + (std::size_t{2} << kSubBucketBits);

  // Negative durations are counted as zero.
  void record(Duration value) {
    const std::int64_t us = value.count() < 0 ? 0 : value.count();
    ++counts_[bucketIndex(us)];
    ++count_;
    sum_ += us;
    if (us < min_) min_ = us;
    if (us > max_) max_ = us;
  }

  // The nearest-rank percentile: the smallest recorded value v such that at least p% of the samples
  // are <= v, within the bucket resolution. p is clamped to [0, 100]; p = 0 gives min, p = 100 max.
  // Zero when empty.
  Duration percentile(double p) const;

  void merge(const LogHistogram& other);
  void reset();

  bool empty() const { return count_ == 0; }
  std::int64_t count() const { return count_; }
  Duration sum() const { return Duration{sum_}; }
  Duration min() const { return Duration{count_ == 0 ? 0 : min_}; }
  Duration max() const { return Duration{max_}; }
  // Mean in microseconds; zero when empty.
  double meanUs() const { return count_ == 0 ? 0.0 : static_cast<double>(sum_) / static_cast<double>(count_); }

  bool operator==(const LogHistogram& other) const = default;

  static std::size_t bucketIndex(std::int64_t us) {
    const auto v = static_cast<std::uint64_t>(us < kMaxTrackable ? us : kMaxTrackable);
    const int width = std::bit_width(v);
    const int shift = width > kSubBucketBits + 1 ? width - kSubBucketBits - 1 : 0;
    return (static_cast<std::size_t>(shift) << kSubBucketBits) + static_cast<std::size_t>(v >> shift);
  }
  // The smallest value that falls in bucket `index`, and how many consecutive values share it.
  static std::int64_t bucketLowest(std::size_t index);
  static std::int64_t bucketWidth(std::size_t index);

 private:
  std::array<std::uint64_t, kBucketCount> counts_{};
  std::int64_t count_ = 0;
  std::int64_t sum_ = 0;
  std::int64_t min_ = std::numeric_limits<std::int64_t>::max();
  std::int64_t max_ = 0;
};

}  // namespace headroom::engine
