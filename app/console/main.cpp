// headroom: the Qt operations console. Opens a workspace (the last one; on first start a demo workspace
// made from the bundled demo scenario) paused, or playing with --autoplay.
#include <QApplication>
#include <QCommandLineParser>
#include <QGuiApplication>
#include <QMessageBox>
#include <QSettings>

#include <cstdio>

#include "engine/core/resource_paths.h"
#ifdef HEADROOM_HAVE_CUDA
#include "engine/exec/cuda/cuda_executor_factory.h"
#endif
#include "ui/mainwindow/language.h"
#include "ui/mainwindow/main_window.h"
#include "ui/mainwindow/workspace_controller.h"

namespace {

constexpr int kExitBadInput = 2;

bool headless() {
  const QString platform = QGuiApplication::platformName();
  return platform == QLatin1String("offscreen") || platform == QLatin1String("minimal");
}

}  // namespace

int main(int argc, char* argv[]) {
#ifdef HEADROOM_HAVE_CUDA
  headroom::engine::registerCudaExecutor();
#endif
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
  const QCommandLineOption workspaceOption(
      QStringLiteral("workspace"),
      QApplication::translate("main", "Open the workspace <file> instead of the last one."),
      QApplication::translate("main", "file"));
  const QCommandLineOption scenarioOption(
      QStringLiteral("scenario"),
      QApplication::translate("main", "Open the scenario file <file>: alone, or as the new setup of the "
                                      "workspace given with --workspace."),
      QApplication::translate("main", "file"));
  const QCommandLineOption demoOption(
      QStringLiteral("demo"),
      QApplication::translate("main", "Open the demo workspace (three classes of users on three modeled "
                                      "instances), creating it when missing."));
  const QCommandLineOption autoplayOption(QStringLiteral("autoplay"),
                                          QApplication::translate("main", "Start replaying at once."));
  parser.addOption(workspaceOption);
  parser.addOption(demoOption);
  parser.addOption(scenarioOption);
  parser.addOption(autoplayOption);
  parser.process(app);

  headroom::ui::MainWindow window;
  const auto fail = [](const QString& message) {
    std::fprintf(stderr, "headroom: %s\n", message.toLocal8Bit().constData());
    if (!headless()) QMessageBox::critical(nullptr, QApplication::translate("main", "Headroom"), message);
    return kExitBadInput;
  };
  QString error;
  auto* workspace = window.workspaceController();
  if (parser.isSet(workspaceOption)) {
    const QString path = parser.value(workspaceOption);
    if (!workspace->openWorkspace(path, &error)) {
      return fail(QApplication::translate("main", "Cannot open workspace %1:\n%2").arg(path, error));
    }
  } else if (parser.isSet(demoOption)) {
    if (!workspace->openDemoWorkspace(&error)) {
      return fail(QApplication::translate("main", "Cannot open workspace %1:\n%2")
                      .arg(headroom::ui::WorkspaceController::demoWorkspacePath(), error));
    }
  } else if (parser.isSet(scenarioOption)) {
    // A scenario alone is opened without a workspace: nothing of the operator's last workspace changes.
  } else if (!workspace->openStartupWorkspace(&error)) {
    // No workspace could be opened or created: replay the bundled demo without one.
    std::fprintf(stderr, "headroom: %s\n", error.toLocal8Bit().constData());
    const QString demo = QString::fromStdString(headroom::engine::resourceFile("scenarios", "demo").string());
    QString demoError;
    if (!window.openScenario(demo, &demoError)) {
      return fail(QApplication::translate("main", "Cannot open scenario %1:\n%2").arg(demo, demoError));
    }
  } else if (!error.isEmpty()) {
    std::fprintf(stderr, "headroom: %s\n", error.toLocal8Bit().constData());
  }
  if (parser.isSet(scenarioOption)) {
    const QString path = parser.value(scenarioOption);
    if (!window.openScenario(path, &error)) {
      return fail(QApplication::translate("main", "Cannot open scenario %1:\n%2").arg(path, error));
    }
  }
  window.show();
  if (parser.isSet(autoplayOption)) window.bridge()->play();
  return QApplication::exec();
}
