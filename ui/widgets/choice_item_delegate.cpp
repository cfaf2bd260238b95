#include "ui/widgets/choice_item_delegate.h"

#include <QComboBox>

namespace headroom::ui {

ChoiceItemDelegate::ChoiceItemDelegate(int choicesRole, QObject* parent)
    : QStyledItemDelegate(parent), choicesRole_(choicesRole) {}

QWidget* ChoiceItemDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                          const QModelIndex& index) const {
  const QStringList choices = index.data(choicesRole_).toStringList();
  if (choices.isEmpty()) return QStyledItemDelegate::createEditor(parent, option, index);
  auto* combo = new QComboBox(parent);
  combo->addItems(choices);
  return combo;
}

void ChoiceItemDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
  if (auto* combo = qobject_cast<QComboBox*>(editor)) {
    const QString current = index.data(Qt::DisplayRole).toString();
    int at = combo->findText(current);
    if (at < 0 && !current.isEmpty()) {
      combo->addItem(current);  // a scenario may name a resource this build does not list
      at = combo->count() - 1;
    }
    combo->setCurrentIndex(at);
    return;
  }
  QStyledItemDelegate::setEditorData(editor, index);
}

void ChoiceItemDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const {
  if (auto* combo = qobject_cast<QComboBox*>(editor)) {
    model->setData(index, combo->currentText(), Qt::EditRole);
    return;
  }
  QStyledItemDelegate::setModelData(editor, model, index);
}

}  // namespace headroom::ui
