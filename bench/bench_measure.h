#pragma once

// What the loopback benches measure with: the process's CPU time and a nearest-rank percentile.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include <sys/resource.h>

namespace headroom::bench {

// CPU time of the whole process (every thread), user + system, in seconds.
inline double processCpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6;
}

// The nearest-rank percentile: the smallest value v such that at least p% of the values are <= v; 0
// without values.
inline double nearestRankPercentile(std::vector<double> values, double p) {
  if (values.empty()) return 0.0;
  std::sort(values.begin(), values.end());
  const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(values.size())));
  return values[std::min(values.size() - 1, rank == 0 ? 0 : rank - 1)];
}

}  // namespace headroom::bench
