#include "ui/mainwindow/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

#include <vector>

namespace headroom::ui {

namespace {

std::vector<QPointer<QTranslator>>& installed() {
  static std::vector<QPointer<QTranslator>> translators;
  return translators;
}

}  // namespace

QStringList availableLanguages() { return {QStringLiteral("en"), QStringLiteral("de")}; }

QString resolveLanguage(const QString& setting) {
  if (availableLanguages().contains(setting)) return setting;
  const QString system = QLocale::system().name().section(QLatin1Char('_'), 0, 0);
  return availableLanguages().contains(system) ? system : QStringLiteral("en");
}

QString installTranslations(QCoreApplication* app, const QString& setting) {
  for (auto& translator : installed()) {
    if (translator) {
      QCoreApplication::removeTranslator(translator);
      delete translator;
    }
  }
  installed().clear();
  const QString language = resolveLanguage(setting);
  auto* own = new QTranslator(app);
  if (own->load(QStringLiteral(":/i18n/headroom_%1.qm").arg(language))) {
    QCoreApplication::installTranslator(own);
    installed().emplace_back(own);
  } else {
    delete own;
  }
  auto* qt = new QTranslator(app);
  if (qt->load(QStringLiteral("qtbase_%1").arg(language), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
    QCoreApplication::installTranslator(qt);
    installed().emplace_back(qt);
  } else {
    delete qt;
  }
  QLocale::setDefault(QLocale(language));
  return language;
}

}  // namespace headroom::ui
