// Run reports: what the document computes from a replayed run, the PDF's pages, the HTML's sections and
// charts, the CSV's rows against the series, file errors, and the time to write an 8-class 10-minute PDF.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QAbstractTextDocumentLayout>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QtTest>

#include <map>

#include "support/run_records.h"
#include "ui/report/report_document.h"
#include "ui/report/report_writer.h"
#include "ui/report/report_text.h"
#include "ui/report/run_comparison.h"

using namespace headroom;
using namespace headroom::ui;

namespace {

QByteArray readAll(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return {};
  return file.readAll();
}

// Pages of a PDF as Qt writes it: page objects are "/Type /Page" (the page tree is "/Type /Pages").
int pdfPageCount(const QByteArray& pdf) {
  static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?![a-zA-Z])"));
  return static_cast<int>(QString::fromLatin1(pdf).count(page));
}

QList<QStringList> csvRows(const QByteArray& bytes) {
  QList<QStringList> rows;
  for (const QString& line : QString::fromUtf8(bytes).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts)) {
    rows.append(line.split(QLatin1Char(',')));
  }
  return rows;
}

nlohmann::json samplePlan() {
  return nlohmann::json{{"status", "optimal"},
                        {"objective", "instances"},
                        {"instances_total", 2},
                        {"cost", 2.0},
                        {"classes", {{{"name", "chat-0"}}, {{"name", "batch-1"}}}},
                        {"instances",
                         {{{"mode", "a100"}, {"rates_per_s", {{"chat-0", 1.5}}}},
                          {{"mode", "a100"}, {"rates_per_s", {{"chat-0", 0.5}, {"batch-1", 2.0}}}}}}};
}

}  // namespace

class TestReportWriter : public QObject {
  Q_OBJECT

 private:
  engine::RunRecord run_;

 private slots:
  void initTestCase() {
    QLocale::setDefault(QLocale::c());
    run_ = test::replayedRun(test::reportScenario(3, 40.0, 2.0), 5, "three classes");
    QVERIFY(run_.totals.series->size() >= 40);
    QVERIFY(run_.totals.completed > 100);
  }

  void choosesTheFormatBySuffix_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("format");
    QTest::newRow("pdf") << "out/run.pdf" << static_cast<int>(ReportFormat::Pdf);
    QTest::newRow("PDF") << "RUN.PDF" << static_cast<int>(ReportFormat::Pdf);
    QTest::newRow("html") << "run.html" << static_cast<int>(ReportFormat::Html);
    QTest::newRow("htm") << "run.htm" << static_cast<int>(ReportFormat::Html);
    QTest::newRow("csv") << "/tmp/run.v2.csv" << static_cast<int>(ReportFormat::Csv);
    QTest::newRow("txt") << "run.txt" << -1;
    QTest::newRow("none") << "run" << -1;
  }

  void choosesTheFormatBySuffix() {
    QFETCH(QString, path);
    QFETCH(int, format);
    const auto chosen = reportFormatForPath(path);
    QCOMPARE(chosen ? static_cast<int>(*chosen) : -1, format);
  }

  void namesTheTotalsFile() {
    QCOMPARE(totalsCsvPath(QStringLiteral("run.csv")), QStringLiteral("run.totals.csv"));
    QCOMPARE(totalsCsvPath(QStringLiteral("/tmp/out/run.v2.csv")), QStringLiteral("/tmp/out/run.v2.totals.csv"));
  }

  void documentFollowsTheRun() {
    ReportDocument document(run_);
    QCOMPARE(document.classes().size(), std::size_t{3});
    QCOMPARE(document.latencyCharts().size(), std::size_t{3});
    const double spanS = goodputSpanS(run_.summary);
    QCOMPARE(spanS, 40.0);
    for (std::size_t c = 0; c < 3; ++c) {
      const auto& cls = run_.totals.classes[c];
      QCOMPARE(document.classes()[c].goodputPerS, static_cast<double>(cls.sloMet) / spanS);
      const ReportChart& chart = document.latencyCharts()[c];
      QVERIFY(chart.title.contains(QString::fromStdString(cls.name)));
      // The SLO line is the class's bound on its watched metric: TTFT for chat, TTLT for batch.
      QVERIFY(chart.bound.has_value());
      QCOMPARE(*chart.bound, c % 2 == 0 ? 0.5 : 4.0);
      QCOMPARE(chart.lines.size(), 2);
      // One point per window holding a sample, taken from the series as it is.
      qsizetype expected = 0;
      const auto metricOf = [&](const engine::WindowClassStats& stats) { return c % 2 == 0 ? stats.ttft : stats.ttlt; };
      double largest = 0.0;
      for (const auto& window : *run_.totals.series) {
        const auto latency = metricOf(window.classes[c]);
        if (latency.watchedS) {
          ++expected;
          largest = std::max(largest, *latency.watchedS);
        }
      }
      QCOMPARE(chart.lines[1].points.size(), expected);
      QVERIFY(expected > 20);
      double plotted = 0.0;
      for (const auto& point : chart.lines[1].points) plotted = std::max(plotted, point.y());
      QCOMPARE(plotted, largest);
    }
    QCOMPARE(document.throughputChart().lines.size(), 1);
    const auto& firstWindow = run_.totals.series->front();
    std::int64_t firstTokens = 0;
    for (const auto& stats : firstWindow.classes) firstTokens += stats.tokensOut;
    QCOMPARE(document.throughputChart().lines[0].points.front(), QPointF(1.0, static_cast<double>(firstTokens)));
    QVERIFY(!document.plan());
    QVERIFY(!document.comparison());
    const auto hasFact = [](const QList<ReportFact>& facts, const QString& label, const QString& value) {
      for (const auto& fact : facts) {
        if (fact.label == label) return fact.value == value;
      }
      return false;
    };
    QVERIFY(hasFact(document.settings(), QStringLiteral("Instances"), QStringLiteral("2")));
    QVERIFY(hasFact(document.settings(), QStringLiteral("Scheduler policy"), QStringLiteral("hybrid")));
    QVERIFY(hasFact(document.settings(), QStringLiteral("Chunking"), QStringLiteral("dynamic")));
    QVERIFY(hasFact(document.settings(), QStringLiteral("Relegation"), QStringLiteral("on")));
    QVERIFY(hasFact(document.settings(), QStringLiteral("Seed"), QStringLiteral("7")));
    QVERIFY(hasFact(document.overview(), QStringLiteral("Status"), QStringLiteral("finished")));
    QVERIFY(hasFact(document.overview(), QStringLiteral("Started"), QStringLiteral("2026-11-21 14:03:07 UTC")));
  }

  // A pool of model tiers lists each group and the tier router instead of one model and instance count.
  void groupedScenarioSettingsListEachGroup() {
    engine::Scenario scenario;
    scenario.executor.model = "llama-3.2-1b";
    scenario.executor.hardware = "a100-80g";
    const auto labelled = [](const QList<ReportFact>& facts, const QString& label) -> std::optional<QString> {
      for (const auto& fact : facts) {
        if (fact.label == label) return fact.value;
      }
      return std::nullopt;
    };
    const auto single = ReportDocument::scenarioSettings(scenario);
    QCOMPARE(labelled(single, QStringLiteral("Model")), std::optional(QStringLiteral("llama-3.2-1b")));
    QVERIFY(!labelled(single, QStringLiteral("Tier router")));

    engine::PoolGroup small{"1b", scenario.executor, {}};
    small.pool.instances = 2;
    engine::PoolGroup big{"70b", scenario.executor, {}};
    big.executor.model = "llama-3.1-70b";
    big.executor.hardware = "h100-sxm";
    big.executor.tensorParallel = 4;
    engine::setPoolGroups(scenario, {small, big});
    scenario.tierRouter = "static:70b";
    const auto grouped = ReportDocument::scenarioSettings(scenario);
    QVERIFY(!labelled(grouped, QStringLiteral("Model")));
    QVERIFY(!labelled(grouped, QStringLiteral("Instances")));
    const auto first = labelled(grouped, QStringLiteral("Group 1b"));
    QVERIFY(first && first->startsWith(QStringLiteral("llama-3.2-1b on a100-80g, tensor parallel model default, 2 ")));
    const auto second = labelled(grouped, QStringLiteral("Group 70b"));
    QVERIFY(second && second->startsWith(QStringLiteral("llama-3.1-70b on h100-sxm, tensor parallel 4, 1 ")));
    QCOMPARE(labelled(grouped, QStringLiteral("Tier router")), std::optional(QStringLiteral("static:70b")));
  }

  void longSeriesAreMergedForCharts() {
    const QList<QPointF> points{{1, 1}, {2, 5}, {3, 2}, {4, 2}, {5, 7}};
    const QList<QPointF> merged = downsampleMax(points, 2);
    QCOMPARE(merged.size(), 2);
    QCOMPARE(merged[0], QPointF(3, 5));
    QCOMPARE(merged[1], QPointF(5, 7));
    QCOMPARE(downsampleMax(points, 10), points);
    QCOMPARE(niceTickStep(600.0, 8), 100.0);
    QCOMPARE(niceTickStep(0.9, 6), 0.2);
  }

  void planIsSummarised() {
    engine::RunRecord run = run_;
    run.plan = samplePlan();
    ReportDocument document(run);
    QVERIFY(document.plan());
    const ReportPlan& plan = *document.plan();
    QCOMPARE(plan.instanceHeader,
             QStringList({"Instance", "Mode", "chat-0 (req/s)", "batch-1 (req/s)"}));
    QCOMPARE(plan.instanceRows.size(), 2);
    QCOMPARE(plan.instanceRows[0], QStringList({"1", "a100", "1.500", "—"}));
    QCOMPARE(plan.instanceRows[1], QStringList({"2", "a100", "0.500", "2.000"}));
    QVERIFY(plan.json.contains(QStringLiteral("\"instances_total\": 2")));
  }

  void writesAMultiPagePdf() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.pdf"));
    QString error;
    QVERIFY2(writeReport(ReportDocument(run_), path, &error), qPrintable(error));
    const QByteArray pdf = readAll(path);
    QVERIFY(pdf.startsWith("%PDF-"));
    // Title, classes, two chart pages (3 latency charts + throughput, two per page).
    const int pages = pdfPageCount(pdf);
    QCOMPARE(pages, 4);

    engine::RunRecord withPlan = run_;
    withPlan.plan = samplePlan();
    const QString planPath = dir.filePath(QStringLiteral("plan.pdf"));
    QVERIFY2(writeReport(ReportDocument(withPlan, run_), planPath, &error), qPrintable(error));
    QCOMPARE(pdfPageCount(readAll(planPath)), pages + 2);  // + the comparison and the plan
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 2);  // no temporary files left
  }

  void writesSelfContainedHtml() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.html"));
    engine::RunRecord other = test::replayedRun(run_.scenario, 6, "busier", 2.0);
    QString error;
    QVERIFY2(writeReport(ReportDocument(run_, other), path, &error), qPrintable(error));
    const QString html = QString::fromUtf8(readAll(path));
    QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
    for (const auto& cls : run_.totals.classes) QVERIFY(html.contains(QString::fromStdString(cls.name)));
    QVERIFY(html.contains(QStringLiteral("id=\"comparison\"")));
    QVERIFY(html.contains(QStringLiteral("busier")));
    QVERIFY(!html.contains(QStringLiteral("src=\"http")));  // nothing outside the file
    static const QRegularExpression image(QStringLiteral("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\""));
    int images = 0;
    for (auto it = image.globalMatch(html); it.hasNext();) {
      const auto match = it.next();
      QImage decoded;
      QVERIFY(decoded.loadFromData(QByteArray::fromBase64(match.captured(1).toLatin1()), "PNG"));
      QCOMPARE(decoded.size(), QSize(960, 320));
      ++images;
    }
    QCOMPARE(images, 4);  // one per class and the throughput chart
  }

  // The class table fits the page: laid out at the page's width (the body's 1000 px), no SLO cell breaks
  // over more than one line, which a squeezed table does one word at a time.
  void htmlClassTableFitsThePage() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("classes.html"));
    engine::RunRecord run = run_;
    for (auto& cls : run.totals.classes) {
      cls.slo.ttft = engine::durationFromSeconds(0.5);
      cls.slo.tbt = engine::durationFromSeconds(0.1);
      cls.slo.ttlt = engine::durationFromSeconds(4.0);
      cls.slo.percentile = 99.9;
    }
    QString error;
    QVERIFY2(writeReport(ReportDocument(run), path, &error), qPrintable(error));
    const QString html = QString::fromUtf8(readAll(path));
    const qsizetype start = html.indexOf(QStringLiteral("<section id=\"classes\">"));
    QVERIFY(start >= 0);
    const QString section = html.mid(start, html.indexOf(QStringLiteral("</section>"), start) - start);
    QTextDocument page;
    page.setDefaultFont(QFont(QStringLiteral("Sans Serif"), 10));
    page.setHtml(section);
    page.setTextWidth(1000.0);
    page.documentLayout();  // lay it out
    const QString slo = sloText(run.totals.classes.front().slo);
    int found = 0;
    for (QTextBlock block = page.begin(); block.isValid(); block = block.next()) {
      if (block.text() != slo) continue;
      ++found;
      QVERIFY2(block.layout()->lineCount() == 1,
               qPrintable(QStringLiteral("the SLO cell \"%1\" takes %2 lines").arg(slo).arg(block.layout()->lineCount())));
    }
    QCOMPARE(found, 3);
    QVERIFY(page.size().width() <= 1000.0 + 1.0);
  }

  // A comparison has the all-classes row and says which settings changed.
  void htmlComparisonHasAllClassesAndChangedSettings() {
    QTemporaryDir dir;
    engine::RunRecord baseline = run_;
    baseline.scenario.pool.instances = 4;
    QString error;
    const QString path = dir.filePath(QStringLiteral("compare.html"));
    QVERIFY2(writeReport(ReportDocument(run_, baseline), path, &error), qPrintable(error));
    const QString html = QString::fromUtf8(readAll(path));
    QVERIFY(html.contains(QStringLiteral("<td>All classes</td>")));
    QVERIFY(html.contains(QStringLiteral("Settings changed from a to b")));
    QVERIFY2(html.contains(QStringLiteral("<tr><td>Instances</td><td class=\"nowrap\">4</td><td class=\"nowrap\">2</td></tr>")),
             qPrintable(html.mid(html.indexOf(QStringLiteral("Settings changed")), 600)));
    QVERIFY2(writeReport(ReportDocument(run_, run_), path, &error), qPrintable(error));
    QVERIFY(QString::fromUtf8(readAll(path)).contains(QStringLiteral("None: both runs ran with the same settings.")));
  }

  void writesCsvWindowsAndTotals() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.csv"));
    QString error;
    QVERIFY2(writeReport(ReportDocument(run_), path, &error), qPrintable(error));
    const auto rows = csvRows(readAll(path));
    QCOMPARE(rows.front().join(QLatin1Char(',')), csvWindowsHeader());
    QCOMPARE(rows.front().size(), 16);
    const auto& series = *run_.totals.series;
    QCOMPARE(rows.size(), 1 + static_cast<qsizetype>(series.size() * 3));
    // Totals also count the window still open at the end; the series holds the closed ones.
    std::map<QString, qint64> arrivals;
    std::map<QString, qint64> tokens;
    std::map<QString, qint64> seriesTokens;
    for (const auto& window : series) {
      for (std::size_t c = 0; c < 3; ++c) {
        seriesTokens[QString::fromStdString(run_.totals.classes[c].name)] += window.classes[c].tokensOut;
      }
    }
    for (qsizetype r = 1; r < rows.size(); ++r) {
      QCOMPARE(rows[r].size(), 16);
      arrivals[rows[r][2]] += rows[r][3].toLongLong();
      tokens[rows[r][2]] += rows[r][6].toLongLong();
    }
    for (const auto& cls : run_.totals.classes) {
      QCOMPARE(arrivals[QString::fromStdString(cls.name)], cls.arrived);
      QCOMPARE(tokens[QString::fromStdString(cls.name)], seriesTokens[QString::fromStdString(cls.name)]);
      QVERIFY(tokens[QString::fromStdString(cls.name)] > cls.tokensOut * 9 / 10);
    }
    QCOMPARE(rows[1][0], QStringLiteral("0.000000"));
    QCOMPARE(rows[1][1], QStringLiteral("1.000000"));

    const auto totals = csvRows(readAll(totalsCsvPath(path)));
    QCOMPARE(totals.front().join(QLatin1Char(',')), csvTotalsHeader());
    QCOMPARE(totals.size(), 1 + 3 + 1);
    for (qsizetype r = 1; r < totals.size(); ++r) QCOMPARE(totals[r].size(), totals.front().size());
    const auto& first = run_.totals.classes.front();
    QCOMPARE(totals[1][0], QString::fromStdString(first.name));
    QCOMPARE(totals[1][6].toLongLong(), first.sloMet);
    QCOMPARE(totals[1][7].toDouble(), std::round(*first.attainment * 1e6) / 1e6);
    QCOMPARE(totals[1][22], QStringLiteral("0.500000"));  // TTFT SLO
    QCOMPARE(totals.back()[0], QStringLiteral("all"));
    QCOMPARE(totals.back()[2].toLongLong(), run_.totals.arrived);
  }

  void errorsNameTheFile() {
    QTemporaryDir dir;
    QString error;
    const QString missing = dir.filePath(QStringLiteral("no-such-folder/run.pdf"));
    QVERIFY(!writeReport(ReportDocument(run_), missing, &error));
    QVERIFY2(error.contains(missing), qPrintable(error));
    const QString text = dir.filePath(QStringLiteral("run.txt"));
    QVERIFY(!writeReport(ReportDocument(run_), text, &error));
    QVERIFY(error.contains(text));
    QVERIFY(error.contains(QStringLiteral(".pdf")));
    QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());

    // A failed write leaves an existing report as it was.
    const QString existing = dir.filePath(QStringLiteral("keep.csv"));
    QVERIFY(writeReport(ReportDocument(run_), existing, &error));
    const QByteArray before = readAll(existing);
    QVERIFY(QFile::remove(totalsCsvPath(existing)));
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("keep.totals.csv")));  // a folder where the totals go
    engine::RunRecord other = run_;
    other.totals.classes.pop_back();
    QVERIFY(!writeReport(ReportDocument(other), existing, &error));
    QVERIFY(error.contains(QStringLiteral("keep.totals.csv")));
    QCOMPARE(readAll(existing), before);
  }

  void comparesRunsClassByClass() {
    engine::RunRecord busier = test::replayedRun(run_.scenario, 6, "busier", 3.0);
    busier.totals.classes.erase(busier.totals.classes.begin());  // b lacks chat-0
    engine::ClassSnapshot extra;
    extra.name = "extra";
    extra.slo.ttlt = std::chrono::seconds(9);
    extra.completed = 4;
    extra.sloMet = 2;
    extra.attainment = 0.5;
    busier.totals.classes.push_back(extra);
    const RunComparison comparison = compareRuns(run_, busier);
    QCOMPARE(comparison.classes.size(), std::size_t{4});
    QCOMPARE(comparison.classes[0].name, std::string("chat-0"));
    QVERIFY(comparison.classes[0].attainmentA);
    QVERIFY(!comparison.classes[0].attainmentB);
    QVERIFY(!comparison.classes[0].attainmentDelta());
    const auto& batch = comparison.classes[1];
    const auto& batchA = run_.totals.classes[1];
    const auto& batchB = busier.totals.classes[0];
    QVERIFY(batch.metric == engine::LatencyMetric::Ttlt);
    // A comparison watches a bounded latency, never queue time.
    QVERIFY(!watchable(engine::LatencyMetric::Queue));
    QVERIFY(!watchable(engine::LatencyMetric::TokenGap));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, watchedLatencyS(batchA, engine::LatencyMetric::Queue));
    QCOMPARE(*batch.attainmentDelta(), *batchB.attainment - *batchA.attainment);
    QCOMPARE(*batch.goodputPerSA, static_cast<double>(batchA.sloMet) / 40.0);
    QCOMPARE(*batch.goodputDeltaPerS(), static_cast<double>(batchB.sloMet) / goodputSpanS(busier.summary) -
                                            static_cast<double>(batchA.sloMet) / 40.0);
    QCOMPARE(*batch.watchedSA, batchA.ttlt.watchedS);
    QCOMPARE(*batch.watchedDeltaS(), batchB.ttlt.watchedS - batchA.ttlt.watchedS);
    QVERIFY(*batch.goodputDeltaPerS() > 0.0);  // three times the load, still mostly met
    QCOMPARE(comparison.classes[3].name, std::string("extra"));
    QVERIFY(!comparison.classes[3].attainmentA);
    QCOMPARE(*comparison.classes[3].attainmentB, 0.5);
  }

  void stoppedRunsMeasureGoodputOverTheTimeReached() {
    engine::RunSummary summary;
    summary.durationS = 600.0;
    summary.simulatedS = 150.0;
    QCOMPARE(goodputSpanS(summary), 150.0);
    summary.simulatedS = 612.0;
    QCOMPARE(goodputSpanS(summary), 600.0);
    summary.simulatedS = 0.0;
    QCOMPARE(goodputSpanS(summary), 600.0);
    summary.status = engine::RunStatus::Finished;  // the last request may finish before the window ends
    summary.simulatedS = 598.5;
    QCOMPARE(goodputSpanS(summary), 600.0);
    summary.status = engine::RunStatus::Stopped;
    QCOMPARE(goodputSpanS(summary), 598.5);
  }

  void timesAnEightClassTenMinutePdf() {
    const engine::RunRecord run = test::replayedRun(test::reportScenario(8, 600.0, 1.0), 9, "eight classes");
    QCOMPARE(run.totals.classes.size(), std::size_t{8});
    QVERIFY(run.totals.series->size() >= 600);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("eight.pdf"));
    QElapsedTimer timer;
    timer.start();
    const ReportDocument document(run);
    QString error;
    QVERIFY2(writePdfReport(document, path, &error), qPrintable(error));
    const qint64 elapsedMs = timer.elapsed();
    const QByteArray pdf = readAll(path);
    QCOMPARE(pdfPageCount(pdf), 2 + 5);  // title, classes, 9 charts two per page
    qInfo("8 classes, %zu windows: PDF of %d pages, %lld KiB, written in %lld ms", run.totals.series->size(),
          pdfPageCount(pdf), static_cast<long long>(pdf.size() / 1024), static_cast<long long>(elapsedMs));
  }
};

QTEST_MAIN(TestReportWriter)
#include "tst_report_writer.moc"
