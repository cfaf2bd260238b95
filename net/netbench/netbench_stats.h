#pragma once

#include <cstddef>
#include <optional>
#include <span>

namespace headroom::net::netbench {

// The statistics of netbench's table, exact over the samples given (a run has hundreds of samples, not
// millions: no histogram).

// The nearest-rank percentile: the smallest sample v such that at least p% of the samples are <= v
// (p in (0, 100]; p = 50 of {1, 2, 3, 4} is 2). Nullopt without samples. The samples need not be sorted.
std::optional<double> percentile(std::span<const double> samples, double p);

// The two-sided 95% quantile of Student's t distribution with `degreesOfFreedom` (>= 1): 12.706 for 1,
// 2.262 for 9, tending to 1.960.
double studentT95(std::size_t degreesOfFreedom);

// A mean with its 95% t interval, mean +- halfWidth, halfWidth = t(n-1) * s / sqrt(n) with the sample
// standard deviation s. With one sample the interval is unknown (nullopt); without samples, so is the mean.
struct MeanInterval {
  std::optional<double> mean;
  std::optional<double> halfWidth;
};
MeanInterval meanWithInterval(std::span<const double> samples);

}  // namespace headroom::net::netbench
