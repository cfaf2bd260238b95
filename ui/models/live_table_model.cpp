#include "ui/models/live_table_model.h"

#include <QPalette>

namespace headroom::ui {

void LiveTableModel::setStale(bool stale) {
  if (stale == stale_) return;
  stale_ = stale;
  if (rowCount() > 0) emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {Qt::ForegroundRole});
}

QVariant LiveTableModel::staleForeground() const {
  return stale_ ? QVariant(QPalette().brush(QPalette::Disabled, QPalette::Text)) : QVariant();
}

}  // namespace headroom::ui
