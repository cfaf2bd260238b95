#pragma once

#include <QAbstractTableModel>

#include <algorithm>
#include <vector>

namespace headroom::ui {

// A read-only table of figures a remote source answers and may stop answering: setStale() greys every
// cell (a subclass's data() answers Qt::ForegroundRole with staleForeground()); replaceRows() takes a new
// answer's rows and resets the views only when the rows themselves changed (else every cell changed, so a
// view keeps its scroll position). UI thread only.
class LiveTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  using QAbstractTableModel::QAbstractTableModel;

  void setStale(bool stale);
  bool isStale() const { return stale_; }

 protected:
  // `rows` becomes `next`; `sameRow(a, b)` says whether two rows stand for the same thing.
  template <typename Row, typename SameRow>
  void replaceRows(std::vector<Row>& rows, std::vector<Row> next, SameRow sameRow) {
    const bool same = next.size() == rows.size() && std::equal(next.begin(), next.end(), rows.begin(), sameRow);
    if (!same) {
      beginResetModel();
      rows = std::move(next);
      endResetModel();
      return;
    }
    rows = std::move(next);
    if (!rows.empty()) emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
  }
  // A cell's foreground: grey while stale, else none (the view's own).
  QVariant staleForeground() const;

 private:
  bool stale_ = false;
};

}  // namespace headroom::ui
