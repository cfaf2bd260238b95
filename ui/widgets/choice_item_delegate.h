#pragma once

#include <QStyledItemDelegate>

namespace headroom::ui {

// Edits a cell whose model gives a list of allowed values (a QStringList in `choicesRole`) with a combo
// box of them; other cells get the default editors. The chosen text goes to the model with setData.
class ChoiceItemDelegate : public QStyledItemDelegate {
  Q_OBJECT

 public:
  ChoiceItemDelegate(int choicesRole, QObject* parent = nullptr);

  QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
  void setEditorData(QWidget* editor, const QModelIndex& index) const override;
  void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;

 private:
  int choicesRole_;
};

}  // namespace headroom::ui
