#include "solver/src/mip_model.h"

namespace headroom::solver::detail {

int MipModel::addColumn(double lower, double upper, double objective, bool integer) {
  columnLower_.push_back(lower);
  columnUpper_.push_back(upper);
  objective_.push_back(objective);
  integer_.push_back(integer ? 1 : 0);
  return columns() - 1;
}

void MipModel::addRow(const std::vector<std::pair<int, double>>& terms, double lower, double upper) {
  for (const auto& [column, value] : terms) {
    if (value == 0.0) continue;
    entryColumns_.push_back(column);
    entryValues_.push_back(value);
  }
  rowStarts_.push_back(static_cast<int>(entryColumns_.size()));
  rowLower_.push_back(lower);
  rowUpper_.push_back(upper);
}

}  // namespace headroom::solver::detail
