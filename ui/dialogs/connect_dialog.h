#pragma once

#include <QDialog>

#include "ui/bridge/remote_bridge.h"

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace headroom::ui {

// Pool > Connect…: the address of a remote server or router, its admin key and its kind. The address,
// the kind and the "remember key" choice are kept in QSettings (group "remote"); the key only when
// "Remember the key" is ticked (then in QSettings too, in clear text: the dialog says so).
class ConnectDialog : public QDialog {
  Q_OBJECT

 public:
  explicit ConnectDialog(QWidget* parent = nullptr);

  RemoteConnection connection() const;
  void setConnection(const RemoteConnection& connection);
  bool rememberKey() const;

  // Reads and writes the remembered choices.
  void restoreSettings();
  void saveSettings() const;

 private:
  QLineEdit* url_;
  QLineEdit* key_;
  QComboBox* kind_;
  QCheckBox* remember_;
};

}  // namespace headroom::ui
