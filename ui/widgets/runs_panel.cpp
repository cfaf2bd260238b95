#include "ui/widgets/runs_panel.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMainWindow>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>
#include <exception>
#include <utility>

#include "ui/dialogs/run_compare_dialog.h"
#include "ui/models/run_table_model.h"
#include "ui/report/report_document.h"
#include "ui/report/report_writer.h"

namespace headroom::ui {

RunsPanel::RunsPanel(RunSource source, QWidget* parent)
    : QWidget(parent),
      source_(std::move(source)),
      model_(new RunTableModel(this)),
      view_(new QTableView(this)),
      status_(new QLabel(this)),
      refresh_(new QAction(tr("&Refresh"), this)),
      compare_(new QAction(tr("&Compare"), this)),
      export_(new QAction(tr("&Export…"), this)) {
  refresh_->setToolTip(tr("Read the run list from the workspace again"));
  compare_->setToolTip(tr("Compare the two selected runs class by class"));
  export_->setToolTip(tr("Write the selected run's report as PDF, HTML or CSV; with two runs selected the report "
                         "compares the later with the earlier"));
  connect(refresh_, &QAction::triggered, this, &RunsPanel::refresh);
  connect(compare_, &QAction::triggered, this, &RunsPanel::compareSelected);
  connect(export_, &QAction::triggered, this, &RunsPanel::exportSelected);

  auto* toolbar = new QToolBar(this);
  toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
  toolbar->addAction(refresh_);
  toolbar->addAction(compare_);
  toolbar->addAction(export_);

  view_->setModel(model_);
  view_->verticalHeader()->setVisible(false);
  view_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  view_->horizontalHeader()->setStretchLastSection(true);
  view_->setSelectionBehavior(QAbstractItemView::SelectRows);
  view_->setSelectionMode(QAbstractItemView::ExtendedSelection);
  connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RunsPanel::updateActions);
  connect(model_, &QAbstractItemModel::modelReset, this, &RunsPanel::updateActions);

  status_->setTextFormat(Qt::PlainText);
  status_->setWordWrap(true);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(toolbar);
  layout->addWidget(view_, 1);
  layout->addWidget(status_);
  refresh();
}

void RunsPanel::setSource(RunSource source) {
  source_ = std::move(source);
  refresh();
}

QString RunsPanel::statusText() const { return status_->text(); }

void RunsPanel::refresh() {
  std::vector<engine::RunSummary> runs;
  if (source_.list) {
    try {
      runs = source_.list();
    } catch (const std::exception& error) {
      fail(tr("Cannot read the runs: %1").arg(QString::fromUtf8(error.what())));
    }
  }
  model_->setRuns(std::move(runs));
  if (!source_.list) {
    status_->setText(tr("No workspace is open."));
  } else if (model_->rowCount() == 0) {
    status_->setText(tr("No runs yet: every replay is stored as a run."));
  } else {
    status_->setText(tr("%n run(s)", nullptr, model_->rowCount()));
  }
}

std::vector<engine::RunId> RunsPanel::selectedRuns() const {
  std::vector<engine::RunId> ids;
  for (const QModelIndex& index : view_->selectionModel()->selectedRows()) {
    if (const auto run = model_->runAt(index.row())) ids.push_back(run->id);
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

void RunsPanel::updateActions() {
  const std::size_t selected = selectedRuns().size();
  const bool canLoad = static_cast<bool>(source_.load);
  compare_->setEnabled(canLoad && selected == 2);
  export_->setEnabled(canLoad && (selected == 1 || selected == 2));
}

void RunsPanel::fail(const QString& message) {
  status_->setText(message);
  emit failed(message);
}

std::optional<engine::RunRecord> RunsPanel::load(engine::RunId id) {
  if (!source_.load) {
    fail(tr("No workspace is open."));
    return std::nullopt;
  }
  try {
    return source_.load(id);
  } catch (const std::exception& error) {
    fail(tr("Cannot load run %1: %2").arg(id).arg(QString::fromUtf8(error.what())));
    return std::nullopt;
  }
}

RunCompareDialog* RunsPanel::openComparison(engine::RunId a, engine::RunId b) {
  const auto runA = load(a);
  if (!runA) return nullptr;
  const auto runB = load(b);
  if (!runB) return nullptr;
  auto* dialog = new RunCompareDialog(*runA, *runB, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->show();
  return dialog;
}

void RunsPanel::compareSelected() {
  const auto ids = selectedRuns();
  if (ids.size() == 2) openComparison(ids[0], ids[1]);
}

bool RunsPanel::exportReport(engine::RunId run, std::optional<engine::RunId> compareWith, const QString& path) {
  const auto record = load(run);
  if (!record) return false;
  std::optional<engine::RunRecord> other;
  if (compareWith) {
    other = load(*compareWith);
    if (!other) return false;
  }
  QApplication::setOverrideCursor(Qt::WaitCursor);
  QString error;
  const bool written = writeReport(ReportDocument(*record, std::move(other)), path, &error);
  QApplication::restoreOverrideCursor();
  if (!written) {
    fail(error);
    return false;
  }
  status_->setText(tr("Report written to %1").arg(QDir::toNativeSeparators(path)));
  emit exported(path);
  return true;
}

void RunsPanel::exportSelected() {
  const auto ids = selectedRuns();
  if (ids.empty() || ids.size() > 2) return;
  const engine::RunId run = ids.back();
  const std::optional<engine::RunId> compareWith = ids.size() == 2 ? std::optional(ids.front()) : std::nullopt;
  const QString pdf = tr("PDF report (*.pdf)");
  const QString html = tr("HTML report (*.html *.htm)");
  const QString csv = tr("CSV tables (*.csv)");
  QString filter = pdf;
  const auto summary = model_->runAt(model_->rowOf(run));
  const QString suggested = summary ? QString::fromStdString(summary->name).replace(QLatin1Char('/'), QLatin1Char('-'))
                                    : QStringLiteral("run");
  QString path = QFileDialog::getSaveFileName(this, tr("Export Run Report"), suggested + QStringLiteral(".pdf"),
                                              QStringList{pdf, html, csv}.join(QStringLiteral(";;")), &filter);
  if (path.isEmpty()) return;
  if (!reportFormatForPath(path)) {
    path += filter == html ? QStringLiteral(".html") : filter == csv ? QStringLiteral(".csv") : QStringLiteral(".pdf");
  }
  exportReport(run, compareWith, path);
}

QDockWidget* addRunsDock(QMainWindow* window, RunSource source) {
  auto* dock = new QDockWidget(RunsPanel::tr("Runs"), window);
  dock->setObjectName(QStringLiteral("runsDock"));
  dock->setWidget(new RunsPanel(std::move(source), dock));
  window->addDockWidget(Qt::BottomDockWidgetArea, dock);
  return dock;
}

}  // namespace headroom::ui
