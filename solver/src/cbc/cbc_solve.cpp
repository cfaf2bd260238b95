// The only translation unit that sees CBC: hands a MipModel to CbcMain1 and reads the answer back.
#include <chrono>
#include <cmath>
#include <string>
#include <vector>

#include <CbcModel.hpp>
#include <CbcSolver.hpp>
#include <CoinMessageHandler.hpp>
#include <CoinPackedMatrix.hpp>
#include <OsiClpSolverInterface.hpp>

#include "solver/src/mip_model.h"

namespace headroom::solver::detail {

namespace {

int quietCallback(CbcModel* /*model*/, int /*whereFrom*/) { return 0; }

std::string numberText(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.6g", value);
  return buffer;
}

}  // namespace

MipResult solveMip(const MipModel& model, const MipLimits& limits) {
  const auto start = std::chrono::steady_clock::now();
  MipResult result;

  const int columns = model.columns();
  const int rows = model.rows();
  std::vector<CoinBigIndex> starts(model.rowStarts().begin(), model.rowStarts().end());
  std::vector<int> lengths(static_cast<std::size_t>(rows));
  for (int r = 0; r < rows; ++r) lengths[static_cast<std::size_t>(r)] = model.rowStarts()[r + 1] - model.rowStarts()[r];
  const CoinPackedMatrix matrix(false, columns, rows, static_cast<CoinBigIndex>(model.entryValues().size()),
                                model.entryValues().data(), model.entryColumns().data(), starts.data(),
                                lengths.data());

  auto clamp = [](double value) { return std::isinf(value) ? (value > 0 ? COIN_DBL_MAX : -COIN_DBL_MAX) : value; };
  std::vector<double> columnLower, columnUpper, rowLower, rowUpper;
  for (double v : model.columnLower()) columnLower.push_back(clamp(v));
  for (double v : model.columnUpper()) columnUpper.push_back(clamp(v));
  for (double v : model.rowLower()) rowLower.push_back(clamp(v));
  for (double v : model.rowUpper()) rowUpper.push_back(clamp(v));

  OsiClpSolverInterface solver;
  solver.messageHandler()->setLogLevel(0);
  solver.loadProblem(matrix, columnLower.data(), columnUpper.data(), model.objective().data(), rowLower.data(),
                     rowUpper.data());
  for (int c = 0; c < columns; ++c) {
    if (model.integer()[static_cast<std::size_t>(c)]) solver.setInteger(c);
  }

  CbcModel cbc(solver);
  cbc.setLogLevel(0);
  cbc.messageHandler()->setLogLevel(0);
  CbcSolverUsefulData data;
  data.noPrinting_ = true;
  data.useSignalHandler_ = false;
  CbcMain0(cbc, data);
  data.noPrinting_ = true;
  cbc.setLogLevel(0);

  const std::string seconds = numberText(std::max(0.01, limits.timeLimitS));
  const std::string gap = numberText(std::max(0.0, limits.relativeGap));
  // The time limit is on the wall clock (CBC counts CPU time by default), so a busy machine does not
  // stretch an operator's "at most N seconds".
  const char* argv[] = {"headroom-planner", "-log", "0", "-threads", "0", "-timeMode", "elapsed", "-sec",
                        seconds.c_str(), "-ratioGap", gap.c_str(), "-solve", "-quit"};
  CbcMain1(static_cast<int>(std::size(argv)), argv, cbc, quietCallback, data);

  result.solveTimeS = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double* best = cbc.bestSolution();
  if (best != nullptr) {
    result.values.assign(best, best + columns);
    result.objective = cbc.getObjValue();
    result.bestBound = cbc.getBestPossibleObjValue();
  }
  const int secondary = cbc.secondaryStatus();
  if (best == nullptr) {
    if (cbc.isProvenInfeasible() || secondary == 1) {
      result.status = MipStatus::Infeasible;
    } else if (secondary == 4 || cbc.status() == 1) {
      result.status = MipStatus::NoSolutionInTime;
    } else {
      result.status = MipStatus::Failed;
    }
    return result;
  }
  if (cbc.isProvenOptimal() && secondary == 0) {
    result.status = MipStatus::Optimal;
  } else if (secondary == 2) {
    result.status = MipStatus::StoppedOnGap;
  } else if (secondary == 4 || cbc.isSecondsLimitReached()) {
    result.status = MipStatus::StoppedOnTime;
  } else {
    result.status = cbc.status() == 0 ? MipStatus::Optimal : MipStatus::StoppedOnTime;
  }
  return result;
}

}  // namespace headroom::solver::detail
