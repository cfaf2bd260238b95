#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace headroom::ui {

// The setting value meaning "follow the system locale".
inline constexpr const char* kSystemLanguage = "system";

// Languages the console ships, as codes ("en", "de").
QStringList availableLanguages();

// The language a setting resolves to: the setting itself when shipped, else the system locale's language
// when shipped, else English.
QString resolveLanguage(const QString& setting);

// Replaces the application's translators with those for `setting` (the console's own strings embedded
// under :/i18n, and Qt's own where installed). Returns the language applied. UI thread only.
QString installTranslations(QCoreApplication* app, const QString& setting);

}  // namespace headroom::ui
