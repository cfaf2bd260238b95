#include "ui/dialogs/connect_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>

namespace headroom::ui {

namespace key {
constexpr auto kUrl = "remote/url";
constexpr auto kKind = "remote/kind";
constexpr auto kRememberKey = "remote/rememberKey";
constexpr auto kApiKey = "remote/apiKey";
}  // namespace key

ConnectDialog::ConnectDialog(QWidget* parent)
    : QDialog(parent),
      url_(new QLineEdit(this)),
      key_(new QLineEdit(this)),
      kind_(new QComboBox(this)),
      remember_(new QCheckBox(tr("Remember the key (kept unencrypted in the settings)"), this)) {
  setObjectName(QStringLiteral("connectDialog"));
  setWindowTitle(tr("Connect to a Remote Pool"));
  url_->setObjectName(QStringLiteral("urlEdit"));
  url_->setPlaceholderText(QStringLiteral("http://127.0.0.1:8080"));
  key_->setObjectName(QStringLiteral("keyEdit"));
  key_->setEchoMode(QLineEdit::Password);
  key_->setPlaceholderText(tr("An admin key of the server or router"));
  kind_->addItem(tr("Server (headroom-cli serve)"), static_cast<int>(RemoteKind::Server));
  kind_->addItem(tr("Router (headroom-cli route)"), static_cast<int>(RemoteKind::Router));
  auto* form = new QFormLayout(this);
  form->addRow(tr("&Address:"), url_);
  form->addRow(tr("Admin &key:"), key_);
  form->addRow(tr("K&ind:"), kind_);
  form->addRow(remember_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  buttons->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));
  form->addRow(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

RemoteConnection ConnectDialog::connection() const {
  return {url_->text().trimmed(), key_->text(), static_cast<RemoteKind>(kind_->currentData().toInt())};
}

void ConnectDialog::setConnection(const RemoteConnection& connection) {
  url_->setText(connection.url);
  key_->setText(connection.apiKey);
  kind_->setCurrentIndex(std::max(0, kind_->findData(static_cast<int>(connection.kind))));
}

bool ConnectDialog::rememberKey() const { return remember_->isChecked(); }

void ConnectDialog::restoreSettings() {
  const QSettings settings;
  RemoteConnection remembered;
  remembered.url = settings.value(key::kUrl).toString();
  remembered.kind = settings.value(key::kKind).toInt() == static_cast<int>(RemoteKind::Router) ? RemoteKind::Router
                                                                                               : RemoteKind::Server;
  remember_->setChecked(settings.value(key::kRememberKey, false).toBool());
  if (remember_->isChecked()) remembered.apiKey = settings.value(key::kApiKey).toString();
  setConnection(remembered);
}

void ConnectDialog::saveSettings() const {
  QSettings settings;
  const RemoteConnection chosen = connection();
  settings.setValue(key::kUrl, chosen.url);
  settings.setValue(key::kKind, static_cast<int>(chosen.kind));
  settings.setValue(key::kRememberKey, rememberKey());
  if (rememberKey()) {
    settings.setValue(key::kApiKey, chosen.apiKey);
  } else {
    settings.remove(key::kApiKey);
  }
}

}  // namespace headroom::ui
