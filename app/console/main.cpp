// headroom: the Qt operations console. Opens a scenario (the bundled demo by default) paused, or playing
// with --autoplay.
#include <QApplication>
#include <QCommandLineParser>
#include <QGuiApplication>
#include <QMessageBox>
#include <QSettings>

#include <cstdio>

#include "engine/core/resource_paths.h"
#include "ui/mainwindow/language.h"
#include "ui/mainwindow/main_window.h"

namespace {

constexpr int kExitBadInput = 2;

bool headless() {
  const QString platform = QGuiApplication::platformName();
  return platform == QLatin1String("offscreen") || platform == QLatin1String("minimal");
}

}  // namespace

int main(int argc, char* argv[]) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("Headroom"));
  QApplication::setApplicationName(QStringLiteral("headroom"));
  QApplication::setApplicationVersion(QStringLiteral(HEADROOM_VERSION));

  const QString language = QSettings().value(QStringLiteral("ui/language"),
                                             QString::fromLatin1(headroom::ui::kSystemLanguage)).toString();
  headroom::ui::installTranslations(&app, language);
  QApplication::setApplicationDisplayName(QApplication::translate("main", "Headroom"));

  QCommandLineParser parser;
  parser.setApplicationDescription(
      QApplication::translate("main", "Operations console for multi-class LLM serving: live per-class "
                                      "dashboard, SLO editing and scenario replay."));
  parser.addHelpOption();
  parser.addVersionOption();
  const QCommandLineOption scenarioOption(
      QStringLiteral("scenario"),
      QApplication::translate("main", "Open the scenario file <file> instead of the bundled demo."),
      QApplication::translate("main", "file"));
  const QCommandLineOption autoplayOption(QStringLiteral("autoplay"),
                                          QApplication::translate("main", "Start replaying at once."));
  parser.addOption(scenarioOption);
  parser.addOption(autoplayOption);
  parser.process(app);

  headroom::ui::MainWindow window;
  const QString path = parser.isSet(scenarioOption)
                           ? parser.value(scenarioOption)
                           : QString::fromStdString(headroom::engine::resourceFile("scenarios", "demo").string());
  QString error;
  if (!window.openScenario(path, &error)) {
    const QString message = QApplication::translate("main", "Cannot open scenario %1:\n%2").arg(path, error);
    std::fprintf(stderr, "headroom: %s\n", message.toLocal8Bit().constData());
    if (!headless()) QMessageBox::critical(nullptr, QApplication::translate("main", "Headroom"), message);
    return kExitBadInput;
  }
  window.show();
  if (parser.isSet(autoplayOption)) window.bridge()->play();
  return QApplication::exec();
}
