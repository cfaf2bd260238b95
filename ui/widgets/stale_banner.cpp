#include "ui/widgets/stale_banner.h"

#include <QLabel>
#include <QString>

namespace headroom::ui {

QLabel* makeStaleBanner(QWidget* parent, const QString& objectName) {
  auto* banner = new QLabel(parent);
  banner->setObjectName(objectName);
  banner->setStyleSheet(QStringLiteral("background: #616161; color: white; padding: 4px; font-weight: bold;"));
  banner->setVisible(false);
  return banner;
}

}  // namespace headroom::ui
