#pragma once

#include <QStyledItemDelegate>
#include <QWidget>

class QLabel;
class QTableView;
class QToolButton;

namespace headroom::ui {

class ClassTableModel;

// Edits the importance column with a combo box; other columns get the default editors.
class ClassItemDelegate : public QStyledItemDelegate {
  Q_OBJECT

 public:
  using QStyledItemDelegate::QStyledItemDelegate;
  QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
  void setEditorData(QWidget* editor, const QModelIndex& index) const override;
  void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;
};

// The classes table with add, remove, move up and move down, and a line under it that shows why the
// last edit was rejected or that a change waits for the replay to restart. UI thread only.
class ClassEditor : public QWidget {
  Q_OBJECT

 public:
  ClassEditor(ClassTableModel* model, QWidget* parent = nullptr);

  QTableView* view() const { return view_; }
  QString message() const;

 public slots:
  void addClass();
  void removeSelected();
  void moveUp();
  void moveDown();
  void showRejected(int row, int column, const QString& reason);
  void setRestartPending(bool pending);

 private:
  int currentRow() const;
  void moveBy(int delta);
  void showMessage(const QString& text, bool error);

  ClassTableModel* model_;
  QTableView* view_;
  QLabel* message_;
  bool restartPending_ = false;
};

}  // namespace headroom::ui
