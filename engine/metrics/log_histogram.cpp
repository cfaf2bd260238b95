#include "engine/metrics/log_histogram.h"

#include <algorithm>
#include <cmath>

namespace headroom::engine {

namespace {

constexpr std::size_t kExactBuckets = std::size_t{2} << LogHistogram::kSubBucketBits;

int bucketShift(std::size_t index) {
  return index < kExactBuckets ? 0 : static_cast<int>(index >> LogHistogram::kSubBucketBits) - 1;
}

}  // namespace

std::int64_t LogHistogram::bucketLowest(std::size_t index) {
  const int shift = bucketShift(index);
  const std::size_t mantissa = index - (static_cast<std::size_t>(shift) << kSubBucketBits);
  return static_cast<std::int64_t>(mantissa) << shift;
}

std::int64_t LogHistogram::bucketWidth(std::size_t index) { return std::int64_t{1} << bucketShift(index); }

Duration LogHistogram::percentile(double p) const {
  if (count_ == 0) return Duration{0};
  if (!(p > 0.0)) return Duration{min_};
  if (p >= 100.0) return Duration{max_};
  const auto rank = static_cast<std::int64_t>(std::ceil(p / 100.0 * static_cast<double>(count_)));
  if (rank <= 1) return Duration{min_};
  if (rank >= count_) return Duration{max_};

  const std::size_t first = bucketIndex(min_);
  const std::size_t last = bucketIndex(max_);
  std::uint64_t seen = 0;
  for (std::size_t i = first; i <= last; ++i) {
    seen += counts_[i];
    if (seen >= static_cast<std::uint64_t>(rank)) {
      const std::int64_t mid = bucketLowest(i) + bucketWidth(i) / 2;
      return Duration{std::clamp(mid, min_, max_)};
    }
  }
  return Duration{max_};
}

void LogHistogram::merge(const LogHistogram& other) {
  if (other.count_ == 0) return;
  const std::size_t first = bucketIndex(other.min_);
  const std::size_t last = bucketIndex(other.max_);
  for (std::size_t i = first; i <= last; ++i) counts_[i] += other.counts_[i];
  count_ += other.count_;
  sum_ += other.sum_;
  min_ = std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
}

void LogHistogram::reset() {
  if (count_ != 0) {
    const std::size_t first = bucketIndex(min_);
    const std::size_t last = bucketIndex(max_);
    std::fill(counts_.begin() + static_cast<std::ptrdiff_t>(first),
              counts_.begin() + static_cast<std::ptrdiff_t>(last) + 1, std::uint64_t{0});
  }
  count_ = 0;
  sum_ = 0;
  min_ = std::numeric_limits<std::int64_t>::max();
  max_ = 0;
}

}  // namespace headroom::engine
