// `headroom-cli report` as an operator runs it: a workspace holding replayed runs, reports written as
// PDF, HTML and CSV without a display, and clear errors (exit 2) for a bad suffix, an unknown run or a
// file that is not a workspace.
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QRegularExpression>
#include <QtTest>

#include "engine/store/workspace.h"
#include "support/run_records.h"

using namespace headroom;

namespace {

struct CliResult {
  int exitCode = -1;
  QString out;
  QString err;
};

CliResult runCli(const QStringList& arguments) {
  QProcess process;
  QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
  environment.remove(QStringLiteral("QT_QPA_PLATFORM"));  // the command must choose offscreen itself
  environment.remove(QStringLiteral("DISPLAY"));
  process.setProcessEnvironment(environment);
  process.start(QStringLiteral(HEADROOM_CLI_PATH), arguments);
  if (!process.waitForFinished(120000)) return {};
  return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
          QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

engine::RunId storeRun(engine::Workspace& workspace, const engine::RunRecord& record) {
  std::optional<engine::PlanId> plan;
  if (record.plan) plan = workspace.savePlan(record.summary.name, *record.plan);
  const engine::RunId id = workspace.beginRun(record.summary.name, record.scenario, plan);
  workspace.appendSamples(id, *record.totals.series, record.totals);
  workspace.finishRun(id, engine::RunStatus::Finished);
  return id;
}

}  // namespace

class TestReportCli : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  QString workspacePath_;
  engine::RunId light_ = 0;
  engine::RunId heavy_ = 0;
  engine::RunId planned_ = 0;

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    workspacePath_ = dir_.filePath(QStringLiteral("runs.headroom"));
    auto workspace = engine::Workspace::create(workspacePath_.toStdString());
    const engine::Scenario scenario = test::reportScenario(3, 30.0, 2.0);
    light_ = storeRun(workspace, test::replayedRun(scenario, 0, "light"));
    heavy_ = storeRun(workspace, test::replayedRun(scenario, 0, "heavy", 3.0));
    // A run started from an applied plan, as the console records it: the stored plan linked by id.
    engine::RunRecord planned = test::replayedRun(scenario, 0, "planned");
    planned.plan = nlohmann::json{{"status", "optimal"},
                                  {"objective", "instances"},
                                  {"instances_total", 2},
                                  {"classes", {{{"name", "chat-0"}}, {{"name", "batch-1"}}, {{"name", "chat-2"}}}},
                                  {"instances",
                                   {{{"mode", "a100"}, {"rates_per_s", {{"chat-0", 1.5}, {"chat-2", 2.0}}}},
                                    {{"mode", "a100"}, {"rates_per_s", {{"chat-0", 0.5}, {"batch-1", 2.0}}}}}}};
    planned_ = storeRun(workspace, planned);
  }

  // The run of an applied plan has a plan page in the PDF and the HTML, and a plan file beside the CSV.
  void reportsThePlanOfAPlannedRun() {
    const auto report = [&](engine::RunId run, const QString& file) {
      const QString out = dir_.filePath(file);
      const CliResult result = runCli({QStringLiteral("report"), workspacePath_, QStringLiteral("--run"),
                                       QString::number(run), QStringLiteral("--out"), out});
      if (result.exitCode != 0) qWarning("%s", qPrintable(result.err));
      QFile written(out);
      return written.open(QIODevice::ReadOnly) ? written.readAll() : QByteArray();
    };
    const QByteArray html = report(planned_, QStringLiteral("planned.html"));
    QVERIFY(html.contains("id=\"plan\""));
    QVERIFY(html.contains("<td>a100</td>"));
    QVERIFY(!report(light_, QStringLiteral("unplanned.html")).contains("id=\"plan\""));

    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?![a-zA-Z])"));
    const auto pages = [](const QByteArray& pdf) { return QString::fromLatin1(pdf).count(page); };
    const QByteArray plannedPdf = report(planned_, QStringLiteral("planned.pdf"));
    const QByteArray lightPdf = report(light_, QStringLiteral("unplanned.pdf"));
    QVERIFY(pages(lightPdf) > 0);
    QCOMPARE(pages(plannedPdf), pages(lightPdf) + 1);

    QVERIFY(!report(planned_, QStringLiteral("planned.csv")).isEmpty());
    QFile plan(dir_.filePath(QStringLiteral("planned.plan.csv")));
    QVERIFY(plan.open(QIODevice::ReadOnly));
    const QStringList rows = QString::fromUtf8(plan.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(rows.size(), 1 + 4);  // a header and a row per instance and class with traffic
    QCOMPARE(rows[0], QStringLiteral("instance,mode,class,rate_per_s,predicted_latency_s"));
    QVERIFY(rows.contains(QStringLiteral("2,a100,batch-1,2.000000,")));
    QVERIFY(!QFile::exists(dir_.filePath(QStringLiteral("light.plan.csv"))));
  }

  void writesEachFormat_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("start");
    QTest::newRow("pdf") << "light.pdf" << QByteArray("%PDF-");
    QTest::newRow("html") << "light.html" << QByteArray("<!DOCTYPE html>");
    QTest::newRow("csv") << "light.csv" << QByteArray("start_s,end_s,class,");
  }

  void writesEachFormat() {
    QFETCH(QString, file);
    QFETCH(QByteArray, start);
    const QString out = dir_.filePath(file);
    const CliResult result = runCli({QStringLiteral("report"), workspacePath_, QStringLiteral("--run"),
                                     QString::number(light_), QStringLiteral("--out"), out});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY(result.out.contains(out));
    QFile written(out);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray bytes = written.readAll();
    QVERIFY(bytes.startsWith(start));
    if (file.endsWith(QLatin1String(".html"))) QVERIFY(bytes.contains("chat-0"));
    if (file.endsWith(QLatin1String(".csv"))) {
      QVERIFY(QFile::exists(dir_.filePath(QStringLiteral("light.totals.csv"))));
      QCOMPARE(bytes.count('\n'), 1 + 30 * 3);  // a header and a row per window per class
    }
  }

  void comparesWithAnotherRun() {
    const QString out = dir_.filePath(QStringLiteral("heavy.html"));
    const CliResult result =
        runCli({QStringLiteral("report"), workspacePath_, QStringLiteral("--run"), QString::number(heavy_),
                QStringLiteral("--compare"), QString::number(light_), QStringLiteral("--out"), out});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QFile written(out);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray html = written.readAll();
    QVERIFY(html.contains("id=\"comparison\""));
    QVERIFY(html.contains("light (a) with heavy (b)"));
  }

  void rejectsBadInput_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString out = QStringLiteral("--out");
    QTest::newRow("suffix") << QStringList{QStringLiteral("--run"), QStringLiteral("1"), out, QStringLiteral("r.docx")}
                            << "unknown report type";
    QTest::newRow("unknown run") << QStringList{QStringLiteral("--run"), QStringLiteral("99"), out, QStringLiteral("r.pdf")}
                                 << "no run with id 99";
    QTest::newRow("no run flag") << QStringList{out, QStringLiteral("r.pdf")} << "--run";
  }

  void rejectsBadInput() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    for (QString& argument : arguments) {
      if (argument.startsWith(QLatin1String("r."))) argument = dir_.filePath(argument);
    }
    const CliResult result = runCli(QStringList{QStringLiteral("report"), workspacePath_} + arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    QVERIFY(!QFile::exists(dir_.filePath(QStringLiteral("r.pdf"))));
  }

  void rejectsAFileThatIsNotAWorkspace() {
    const QString text = dir_.filePath(QStringLiteral("notes.txt"));
    QFile file(text);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a workspace\n");
    file.close();
    const CliResult result = runCli({QStringLiteral("report"), text, QStringLiteral("--run"), QStringLiteral("1"),
                                     QStringLiteral("--out"), dir_.filePath(QStringLiteral("n.pdf"))});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(text), qPrintable(result.err));
  }
};

QTEST_MAIN(TestReportCli)
#include "tst_report_cli.moc"
