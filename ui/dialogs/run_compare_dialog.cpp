#include "ui/dialogs/run_compare_dialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

#include "ui/models/run_comparison_model.h"
#include "ui/report/report_text.h"
#include "ui/report/setting_changes.h"

namespace headroom::ui {

RunCompareDialog::RunCompareDialog(const engine::RunRecord& a, const engine::RunRecord& b, QWidget* parent)
    : QDialog(parent),
      model_(new RunComparisonModel(this)),
      view_(new QTableView(this)),
      heading_(new QLabel(this)),
      changes_(new QLabel(this)) {
  setWindowTitle(tr("Compare Runs"));
  model_->setComparison(compareRuns(a, b));
  heading_->setTextFormat(Qt::PlainText);
  heading_->setWordWrap(true);
  heading_->setText(tr("a: %1 (id %2, %3, %4)\nb: %5 (id %6, %7, %8)")
                        .arg(QString::fromStdString(a.summary.name))
                        .arg(a.summary.id)
                        .arg(QString::fromStdString(a.summary.scenarioName), runStatusText(a.summary.status))
                        .arg(QString::fromStdString(b.summary.name))
                        .arg(b.summary.id)
                        .arg(QString::fromStdString(b.summary.scenarioName), runStatusText(b.summary.status)));
  const QList<SettingChange> changes = settingChanges(a, b);
  QStringList lines;
  for (const auto& change : changes) {
    lines << tr("%1: %2 → %3").arg(change.label, change.valueA, change.valueB);
  }
  changes_->setTextFormat(Qt::PlainText);
  changes_->setWordWrap(true);
  changes_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  changes_->setText(lines.isEmpty() ? tr("Both runs ran with the same settings.")
                                    : tr("Changed from a to b:\n%1").arg(lines.join(QLatin1Char('\n'))));
  view_->setModel(model_);
  view_->verticalHeader()->setVisible(false);
  view_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  view_->setSelectionBehavior(QAbstractItemView::SelectRows);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(heading_);
  layout->addWidget(changes_);
  layout->addWidget(view_, 1);
  layout->addWidget(buttons);
  resize(1040, 440);
}

QString RunCompareDialog::headingText() const { return heading_->text(); }

QString RunCompareDialog::changesText() const { return changes_->text(); }

}  // namespace headroom::ui
