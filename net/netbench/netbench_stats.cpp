#include "net/netbench/netbench_stats.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace headroom::net::netbench {

std::optional<double> percentile(std::span<const double> samples, double p) {
  if (samples.empty()) return std::nullopt;
  std::vector<double> sorted(samples.begin(), samples.end());
  std::sort(sorted.begin(), sorted.end());
  const double clamped = std::clamp(p, 0.0, 100.0);
  // The rank is computed on a slightly lowered product so that 0.99 * 100 (99.00000000000001) is rank 99.
  const auto rank = static_cast<std::size_t>(std::ceil(clamped / 100.0 * static_cast<double>(sorted.size()) - 1e-9));
  return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

double studentT95(std::size_t degreesOfFreedom) {
  // t(0.975, df) for df = 1..30.
  static constexpr std::array<double, 30> kTable = {
      12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
      2.120,  2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
  if (degreesOfFreedom == 0) return std::nan("");
  if (degreesOfFreedom <= kTable.size()) return kTable[degreesOfFreedom - 1];
  // Beyond the table: the Cornish-Fisher expansion around the normal quantile (error < 1e-4 for df > 30).
  constexpr double z = 1.959964;
  const double n = static_cast<double>(degreesOfFreedom);
  return z + (z * z * z + z) / (4 * n) + (5 * std::pow(z, 5) + 16 * z * z * z + 3 * z) / (96 * n * n);
}

MeanInterval meanWithInterval(std::span<const double> samples) {
  MeanInterval result;
  if (samples.empty()) return result;
  double sum = 0;
  for (double v : samples) sum += v;
  const double n = static_cast<double>(samples.size());
  const double mean = sum / n;
  result.mean = mean;
  if (samples.size() < 2) return result;
  double squares = 0;
  for (double v : samples) squares += (v - mean) * (v - mean);
  const double sd = std::sqrt(squares / (n - 1));
  result.halfWidth = studentT95(samples.size() - 1) * sd / std::sqrt(n);
  return result;
}

}  // namespace headroom::net::netbench
