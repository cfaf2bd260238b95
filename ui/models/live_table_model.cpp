#include "ui/models/live_table_model.h"

#include <QBrush>
#include <QColor>

namespace headroom::ui {

void LiveTableModel::setStale(bool stale) {
  if (stale == stale_) return;
  stale_ = stale;
  if (rowCount() > 0) emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {Qt::ForegroundRole});
}

QVariant LiveTableModel::staleForeground() const {
  static const QColor kStaleGrey(0x9e, 0x9e, 0x9e);
  return stale_ ? QVariant(QBrush(kStaleGrey)) : QVariant();
}

}  // namespace headroom::ui
