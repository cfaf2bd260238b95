#include "ui/widgets/class_editor.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/models/class_table_model.h"

namespace headroom::ui {

QWidget* ClassItemDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                         const QModelIndex& index) const {
  if (index.column() != ClassTableModel::Importance) return QStyledItemDelegate::createEditor(parent, option, index);
  auto* combo = new QComboBox(parent);
  combo->addItem(ClassTableModel::tr("high"), 0);
  combo->addItem(ClassTableModel::tr("normal"), 1);
  combo->addItem(ClassTableModel::tr("low"), 2);
  return combo;
}

void ClassItemDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
  if (auto* combo = qobject_cast<QComboBox*>(editor); combo && index.column() == ClassTableModel::Importance) {
    combo->setCurrentIndex(combo->findData(index.data(Qt::EditRole).toInt()));
    return;
  }
  QStyledItemDelegate::setEditorData(editor, index);
}

void ClassItemDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const {
  if (auto* combo = qobject_cast<QComboBox*>(editor); combo && index.column() == ClassTableModel::Importance) {
    model->setData(index, combo->currentData().toInt(), Qt::EditRole);
    return;
  }
  QStyledItemDelegate::setModelData(editor, model, index);
}

ClassEditor::ClassEditor(ClassTableModel* model, QWidget* parent)
    : QWidget(parent), model_(model), view_(new QTableView(this)), message_(new QLabel(this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  auto* bar = new QHBoxLayout;
  const auto addButton = [&](const QString& text, const QString& tip, void (ClassEditor::*slot)()) {
    auto* button = new QToolButton(this);
    button->setText(text);
    button->setToolTip(tip);
    bar->addWidget(button);
    connect(button, &QToolButton::clicked, this, slot);
  };
  addButton(tr("Add"), tr("Add a class (it replays from the next restart)"), &ClassEditor::addClass);
  addButton(tr("Remove"), tr("Remove the selected class"), &ClassEditor::removeSelected);
  addButton(tr("Up"), tr("Move the selected class up"), &ClassEditor::moveUp);
  addButton(tr("Down"), tr("Move the selected class down"), &ClassEditor::moveDown);
  bar->addStretch(1);
  layout->addLayout(bar);

  view_->setModel(model_);
  view_->setItemDelegate(new ClassItemDelegate(view_));
  view_->setSelectionBehavior(QAbstractItemView::SelectRows);
  view_->setSelectionMode(QAbstractItemView::SingleSelection);
  view_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                         QAbstractItemView::AnyKeyPressed);
  view_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  view_->horizontalHeader()->setStretchLastSection(false);
  view_->verticalHeader()->setVisible(false);
  layout->addWidget(view_, 1);

  message_->setWordWrap(true);
  message_->setTextFormat(Qt::PlainText);
  layout->addWidget(message_);

  connect(model_, &ClassTableModel::editRejected, this, &ClassEditor::showRejected);
  connect(model_, &ClassTableModel::classesEdited, this, [this] {
    if (!restartPending_) showMessage(QString(), false);
  });
}

QString ClassEditor::message() const { return message_->text(); }

void ClassEditor::showMessage(const QString& text, bool error) {
  message_->setText(text);
  message_->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
}

void ClassEditor::showRejected(int row, int column, const QString& reason) {
  Q_UNUSED(column);
  if (row >= 0 && row < model_->rowCount()) {
    const QString name = model_->data(model_->index(row, ClassTableModel::Name)).toString();
    showMessage(tr("%1: %2").arg(name, reason), true);
  } else {
    showMessage(reason, true);
  }
}

void ClassEditor::setRestartPending(bool pending) {
  restartPending_ = pending;
  showMessage(pending ? tr("The class set, order or rates changed: they apply when the replay restarts "
                           "(Stop, then Play).")
                      : QString(),
              false);
}

int ClassEditor::currentRow() const {
  const auto index = view_->currentIndex();
  return index.isValid() ? index.row() : -1;
}

void ClassEditor::addClass() {
  const int row = currentRow() >= 0 ? currentRow() + 1 : model_->rowCount();
  if (model_->insertRows(row, 1)) view_->selectRow(row);
}

void ClassEditor::removeSelected() {
  const int row = currentRow();
  if (row >= 0) model_->removeRows(row, 1);
}

void ClassEditor::moveBy(int delta) {
  const int row = currentRow();
  if (row < 0) return;
  const int target = row + delta;
  if (target < 0 || target >= model_->rowCount()) return;
  const bool moved = model_->moveRows({}, row, 1, {}, delta > 0 ? target + 1 : target);
  if (moved) view_->selectRow(target);
}

void ClassEditor::moveUp() { moveBy(-1); }

void ClassEditor::moveDown() { moveBy(1); }

}  // namespace headroom::ui
