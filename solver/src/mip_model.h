#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace headroom::solver::detail {

inline constexpr double kInfinity = std::numeric_limits<double>::infinity();

// A mixed-integer linear program in solver-neutral form: minimise objective . x subject to
// rowLower <= A x <= rowUpper and columnLower <= x <= columnUpper, some columns integer.
class MipModel {
 public:
  int addColumn(double lower, double upper, double objective, bool integer);
  // Adds lower <= sum coefficient * x[column] <= upper.
  void addRow(const std::vector<std::pair<int, double>>& terms, double lower, double upper);

  int columns() const { return static_cast<int>(columnLower_.size()); }
  int rows() const { return static_cast<int>(rowLower_.size()); }
  const std::vector<double>& columnLower() const { return columnLower_; }
  const std::vector<double>& columnUpper() const { return columnUpper_; }
  const std::vector<double>& objective() const { return objective_; }
  const std::vector<char>& integer() const { return integer_; }
  const std::vector<double>& rowLower() const { return rowLower_; }
  const std::vector<double>& rowUpper() const { return rowUpper_; }
  // Row-major triplets.
  const std::vector<int>& rowStarts() const { return rowStarts_; }
  const std::vector<int>& entryColumns() const { return entryColumns_; }
  const std::vector<double>& entryValues() const { return entryValues_; }

 private:
  std::vector<double> columnLower_, columnUpper_, objective_;
  std::vector<char> integer_;
  std::vector<double> rowLower_, rowUpper_;
  std::vector<int> rowStarts_{0};
  std::vector<int> entryColumns_;
  std::vector<double> entryValues_;
};

enum class MipStatus : std::uint8_t { Optimal, StoppedOnGap, StoppedOnTime, Infeasible, NoSolutionInTime, Failed };

struct MipLimits {
  double timeLimitS = 10.0;
  double relativeGap = 0.0;
};

struct MipResult {
  MipStatus status = MipStatus::Failed;
  std::vector<double> values;  // empty without a solution
  double objective = 0.0;
  double bestBound = 0.0;
  double solveTimeS = 0.0;
};

// Solves with CBC on one thread (CbcMain0/CbcMain1 with its default cuts and heuristics).
MipResult solveMip(const MipModel& model, const MipLimits& limits);

}  // namespace headroom::solver::detail
