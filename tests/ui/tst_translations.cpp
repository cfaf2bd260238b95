// Translations: the German and English catalogues cover every string the console's sources mark for
// translation, are embedded in the library, and switch what the window shows.
#include <QFile>
#include <QMenuBar>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include "ui/mainwindow/language.h"
#include "ui/mainwindow/main_window.h"

using namespace headroom::ui;

namespace {

struct Entry {
  QString context;
  QString source;
  bool finished = false;
  QString translation;
};

// Every message of a .ts file: context, source and whether it has a finished translation.
QList<Entry> readTs(const QString& path) {
  QList<Entry> entries;
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return entries;
  QXmlStreamReader xml(&file);
  QString context;
  Entry entry;
  bool inMessage = false;
  while (!xml.atEnd()) {
    xml.readNext();
    if (!xml.isStartElement()) continue;
    const auto name = xml.name();
    if (name == QLatin1String("name") && !inMessage) {
      context = xml.readElementText();
    } else if (name == QLatin1String("message")) {
      inMessage = true;
      entry = Entry{context, {}, false};
    } else if (name == QLatin1String("source") && inMessage) {
      entry.source = xml.readElementText();
    } else if (name == QLatin1String("translation") && inMessage) {
      const bool unfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
      const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
      entry.finished = !unfinished && !text.trimmed().isEmpty();
      entry.translation = text;
      entries.append(entry);
      inMessage = false;
    }
  }
  return entries;
}

QString menuTitles(const QMainWindow& window) {
  QStringList titles;
  for (QAction* action : window.menuBar()->actions()) titles << action->text();
  return titles.join(QLatin1Char('|'));
}

}  // namespace

class TestTranslations : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HeadroomTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_translations"));
  }

  void catalogues_data() {
    QTest::addColumn<QString>("language");
    QTest::newRow("de") << QStringLiteral("de");
    QTest::newRow("en") << QStringLiteral("en");
  }

  // Extracts the strings from the sources afresh and checks each one is translated in the catalogue.
  void catalogues() {
    QFETCH(QString, language);
    const QString catalogue = QStringLiteral(HEADROOM_TRANSLATIONS_DIR_FOR_TESTS "/headroom_%1.ts").arg(language);
    const auto entries = readTs(catalogue);
    QVERIFY2(entries.size() > 100, qPrintable(catalogue));
    QSet<QString> translated;
    for (const auto& entry : entries) {
      QVERIFY2(entry.finished, qPrintable(entry.context + QStringLiteral(": ") + entry.source));
      // A hand edit once left the markup of hundreds of messages inside one translation.
      QVERIFY2(!entry.translation.contains(QLatin1String("</message>")) &&
                   !entry.translation.contains(QLatin1String("<source>")),
               qPrintable(QStringLiteral("markup inside the translation of %1: %2").arg(entry.context, entry.source)));
      translated.insert(entry.context + QLatin1Char('\x1f') + entry.source);
    }

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString extracted = dir.filePath(QStringLiteral("extracted.ts"));
    const QString uiDir = QStringLiteral(HEADROOM_UI_SOURCE_DIR_FOR_TESTS);
    const QString root = QFileInfo(uiDir).absolutePath();
    QProcess lupdate;
    lupdate.setWorkingDirectory(root);
    lupdate.start(QStringLiteral(HEADROOM_LUPDATE_PATH),
                  {QStringLiteral("-silent"), QStringLiteral("-I"), root, uiDir, root + QStringLiteral("/app/console"),
                   QStringLiteral("-ts"), extracted});
    QVERIFY(lupdate.waitForFinished(120000));
    QCOMPARE(lupdate.exitCode(), 0);
    const auto sources = readTs(extracted);
    QVERIFY(sources.size() > 100);
    for (const auto& entry : sources) {
      QVERIFY2(translated.contains(entry.context + QLatin1Char('\x1f') + entry.source),
               qPrintable(QStringLiteral("missing in %1: %2: %3").arg(language, entry.context, entry.source)));
      // Classes' tr() gives headroom::ui::*; free functions name one of these contexts.
      static const QStringList kFreeContexts = {
          QStringLiteral("main"),        QStringLiteral("PlanningDocks"), QStringLiteral("HtmlReport"),
          QStringLiteral("PdfReport"),   QStringLiteral("ReportChart"),   QStringLiteral("ReportDocument"),
          QStringLiteral("ReportFile"),  QStringLiteral("ReportText"),    QStringLiteral("ReportWriter")};
      QVERIFY2(entry.context.startsWith(QLatin1String("headroom::ui::")) || kFreeContexts.contains(entry.context),
               qPrintable(entry.context));
    }
  }

  void germanChangesTheWindow() {
    QCOMPARE(installTranslations(qApp, QStringLiteral("de")), QStringLiteral("de"));
    QCOMPARE(QCoreApplication::translate("headroom::ui::MainWindow", "&File"), QStringLiteral("&Datei"));
    {
      MainWindow window;
      const QString titles = menuTitles(window);
      QVERIFY2(titles.contains(QStringLiteral("&Datei")), qPrintable(titles));
      QVERIFY(titles.contains(QStringLiteral("&Wiedergabe")));
      QCOMPARE(window.playPauseAction()->text(), QStringLiteral("&Abspielen"));
      QCOMPARE(window.stateText(), QStringLiteral("Kein Szenario"));
    }
    QCOMPARE(installTranslations(qApp, QStringLiteral("en")), QStringLiteral("en"));
    MainWindow window;
    QVERIFY(menuTitles(window).contains(QStringLiteral("&File")));
    QCOMPARE(window.playPauseAction()->text(), QStringLiteral("&Play"));
  }

  void unknownSettingFallsBack() {
    const QString language = resolveLanguage(QStringLiteral("system"));
    QVERIFY(availableLanguages().contains(language));
    QCOMPARE(resolveLanguage(QStringLiteral("de")), QStringLiteral("de"));
    QVERIFY(availableLanguages().contains(resolveLanguage(QStringLiteral("xx"))));
  }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
