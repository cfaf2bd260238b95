#include "ui/dialogs/confirmation.h"

#include <QMessageBox>

namespace headroom::ui {

Confirmation messageBoxConfirmation() {
  return [](QWidget* parent, const QString& title, const QString& question) {
    return QMessageBox::question(parent, title, question, QMessageBox::Yes | QMessageBox::No, QMessageBox::No) ==
           QMessageBox::Yes;
  };
}

}  // namespace headroom::ui
