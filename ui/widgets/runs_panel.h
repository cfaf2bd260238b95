#pragma once

#include <QString>
#include <QWidget>

#include <functional>
#include <optional>
#include <vector>

#include "engine/store/run_record.h"

class QAction;
class QDockWidget;
class QLabel;
class QMainWindow;
class QTableView;

namespace headroom::ui {

class RunCompareDialog;
class RunTableModel;

// Where the runs panel reads runs: the open workspace in the console (Workspace::runs / loadRun), plain
// functions in tests. `load` throws (std::exception) for a run it cannot read. Empty functions mean no
// workspace is open.
struct RunSource {
  std::function<std::vector<engine::RunSummary>()> list;
  std::function<engine::RunRecord(engine::RunId)> load;
};

// The stored runs of a workspace: a table (newest first), Refresh, Compare (exactly two runs selected)
// and Export… (one run, or two: the later one's report then carries the comparison with the earlier).
// Errors show in the panel's status line and through failed(); nothing here blocks on a modal box
// except the file chooser. UI thread only.
class RunsPanel : public QWidget {
  Q_OBJECT

 public:
  explicit RunsPanel(RunSource source = {}, QWidget* parent = nullptr);

  void setSource(RunSource source);
  RunTableModel* model() const { return model_; }
  QTableView* view() const { return view_; }
  QAction* refreshAction() const { return refresh_; }
  QAction* compareAction() const { return compare_; }
  QAction* exportAction() const { return export_; }
  QString statusText() const;

  // Selected runs, earlier (smaller id) first.
  std::vector<engine::RunId> selectedRuns() const;

  // Loads the runs and opens the comparison of `a` with `b`; nullptr (and failed()) when either cannot
  // be loaded. The dialog is owned by the panel and deletes itself when closed.
  RunCompareDialog* openComparison(engine::RunId a, engine::RunId b);
  // Writes the report of `run` (compared with `compareWith` when given) to `path`, the kind chosen by
  // its suffix; false (and failed()) on any error, with a message naming the run or the file.
  bool exportReport(engine::RunId run, std::optional<engine::RunId> compareWith, const QString& path);

 public slots:
  void refresh();
  void compareSelected();
  void exportSelected();

 signals:
  void exported(const QString& path);
  void failed(const QString& message);

 private:
  void updateActions();
  std::optional<engine::RunRecord> load(engine::RunId id);
  void fail(const QString& message);

  RunSource source_;
  RunTableModel* model_;
  QTableView* view_;
  QLabel* status_;
  QAction* refresh_;
  QAction* compare_;
  QAction* export_;
};

// Puts a RunsPanel over `source` in a dock of `window` (tabbed with the bottom docks) and returns the
// dock; the panel is the dock's widget.
QDockWidget* addRunsDock(QMainWindow* window, RunSource source);

}  // namespace headroom::ui
