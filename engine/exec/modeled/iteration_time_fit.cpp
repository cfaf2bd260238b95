#include "engine/exec/modeled/iteration_time_fit.h"

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

namespace headroom::engine {

ProfileFeatures profileFeatures(const BatchShape& shape) {
  return {1.0,
          static_cast<double>(shape.prefillTokens),
          static_cast<double>(shape.prefillSequences),
          static_cast<double>(shape.decodeTokens),
          static_cast<double>(shape.prefillAttentionPairs),
          static_cast<double>(shape.decodeKvTokens)};
}

double predictUs(const ProfileFeatures& coefficientsUs, const BatchShape& shape) {
  const ProfileFeatures x = profileFeatures(shape);
  double total = 0.0;
  for (std::size_t i = 0; i < kProfileFeatureCount; ++i) total += coefficientsUs[i] * x[i];
  return total;
}

namespace {

double mape(const ProfileFeatures& coefficientsUs, std::span<const ProfilePoint> points, bool heldOut) {
  double sum = 0.0;
  int count = 0;
  for (const ProfilePoint& point : points) {
    if (point.heldOut != heldOut) continue;
    const double measured = static_cast<double>(point.measured.count());
    const double predicted = std::max(1.0, predictUs(coefficientsUs, point.shape));
    sum += std::abs(predicted - measured) / measured;
    ++count;
  }
  return count == 0 ? 0.0 : sum / count;
}

}  // namespace

IterationTimeFit fitIterationTime(std::span<const ProfilePoint> points) {
  constexpr std::size_t n = kProfileFeatureCount;
  std::vector<ProfileFeatures> rows;
  std::vector<double> targets;
  IterationTimeFit fit;
  for (const ProfilePoint& point : points) {
    if (point.measured <= Duration::zero()) {
      throw std::invalid_argument("iteration-time fit: a measured time must be > 0, got " +
                                  std::to_string(point.measured.count()) + " us");
    }
    if (point.heldOut) {
      ++fit.heldOutPoints;
      continue;
    }
    // Dividing the row and the target by the time turns the fit into one on relative error.
    const double measured = static_cast<double>(point.measured.count());
    ProfileFeatures row = profileFeatures(point.shape);
    for (double& value : row) value /= measured;
    rows.push_back(row);
    targets.push_back(1.0);
  }
  fit.fitPoints = static_cast<std::int32_t>(rows.size());
  if (rows.size() < 2) throw std::invalid_argument("iteration-time fit: needs at least two measured points");

  // Columns scaled to unit size so the normal equations are well conditioned; an all-zero column
  // (a feature the sweep never varied) is left out.
  ProfileFeatures scale{};
  for (const auto& row : rows) {
    for (std::size_t j = 0; j < n; ++j) scale[j] = std::max(scale[j], std::abs(row[j]));
  }
  std::array<std::array<double, n + 1>, n> system{};
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t i = 0; i < n; ++i) {
      if (scale[i] == 0.0) continue;
      const double xi = rows[r][i] / scale[i];
      for (std::size_t j = 0; j < n; ++j) {
        if (scale[j] != 0.0) system[i][j] += xi * rows[r][j] / scale[j];
      }
      system[i][n] += xi * targets[r];
    }
  }
  // A whisper of ridge keeps nearly collinear features from blowing up.
  for (std::size_t i = 0; i < n; ++i) system[i][i] += scale[i] == 0.0 ? 1.0 : 1e-9 * static_cast<double>(rows.size());
  for (std::size_t col = 0; col < n; ++col) {
    std::size_t pivot = col;
    for (std::size_t r = col + 1; r < n; ++r) {
      if (std::abs(system[r][col]) > std::abs(system[pivot][col])) pivot = r;
    }
    std::swap(system[col], system[pivot]);
    const double diagonal = system[col][col];
    for (std::size_t r = 0; r < n; ++r) {
      if (r == col) continue;
      const double factor = system[r][col] / diagonal;
      for (std::size_t c = col; c <= n; ++c) system[r][c] -= factor * system[col][c];
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    fit.coefficientsUs[i] = scale[i] == 0.0 ? 0.0 : system[i][n] / system[i][i] / scale[i];
  }
  fit.fitMape = mape(fit.coefficientsUs, points, false);
  fit.heldOutMape = mape(fit.coefficientsUs, points, true);
  return fit;
}

}  // namespace headroom::engine
