// What the latency charts plot: sampled points from the metrics series (window, downsampling, bounds)
// and the chart's series after an update, with the cost of a frame for eight classes.
#include <QElapsedTimer>
#include <QtTest>

#include "engine/metrics/latency_of.h"
#include "ui/charts/class_latency_chart.h"
#include "ui/charts/series_sampler.h"

using namespace headroom;
using namespace headroom::ui;

namespace {

// `windows` one-second windows for `classes` classes; class c's TTFT p50 in window i is i + c seconds
// (and watched twice that); every tenth window is empty for class 0.
std::shared_ptr<engine::MetricsSeries> makeSeries(int windows, int classes) {
  auto series = std::make_shared<engine::MetricsSeries>();
  for (int i = 0; i < windows; ++i) {
    engine::SeriesWindow window;
    window.start = engine::timeFromSeconds(i);
    window.end = engine::timeFromSeconds(i + 1);
    for (int c = 0; c < classes; ++c) {
      engine::WindowClassStats stats;
      stats.tokensOut = 100 * (c + 1);
      if (!(c == 0 && i % 10 == 9)) {
        stats.ttft.p50S = i + c;
        stats.ttft.watchedS = 2.0 * (i + c);
        stats.queue.p50S = 0.5;
      }
      window.classes.push_back(stats);
    }
    series->push_back(window);
  }
  return series;
}

engine::Snapshot makeSnapshot(int windows, int classes) {
  engine::Snapshot snapshot;
  snapshot.time = engine::timeFromSeconds(windows);
  snapshot.windowLength = std::chrono::seconds(1);
  snapshot.series = makeSeries(windows, classes);
  for (int c = 0; c < classes; ++c) {
    engine::ClassSnapshot cls;
    cls.name = "class-" + std::to_string(c);
    cls.slo.ttft = std::chrono::seconds(30);
    cls.slo.percentile = 99.0;
    snapshot.classes.push_back(cls);
  }
  return snapshot;
}

}  // namespace

class TestLatencyChart : public QObject {
  Q_OBJECT

 private slots:
  void samplesTheWindow() {
    const auto series = makeSeries(100, 2);
    const auto points = sampleLatency(*series, 1, engine::LatencyMetric::Ttft, 50.0, 100.0, 1000);
    QCOMPARE(points.p50.size(), 50);  // windows ending at 51 .. 100
    QCOMPARE(points.p50.first(), QPointF(51.0, 51.0));
    QCOMPARE(points.watched.last(), QPointF(100.0, 200.0));
    QCOMPARE(points.maxS, 200.0);
    // Windows without samples give no point.
    const auto gaps = sampleLatency(*series, 0, engine::LatencyMetric::Ttft, 0.0, 100.0, 1000);
    QCOMPARE(gaps.p50.size(), 90);
    const auto none = sampleLatency(*series, 0, engine::LatencyMetric::Ttlt, 0.0, 100.0, 1000);
    QVERIFY(none.p50.isEmpty() && none.watched.isEmpty());
    QCOMPARE(none.maxS, 0.0);
    QVERIFY(sampleLatency(*series, 5, engine::LatencyMetric::Ttft, 0.0, 100.0, 1000).p50.isEmpty());
  }

  void downsamplesToTheLimit() {
    const auto series = makeSeries(3600, 1);
    const auto points = sampleLatency(*series, 0, engine::LatencyMetric::Ttft, 0.0, 3600.0, 1000);
    QVERIFY(points.p50.size() <= 1000);
    QVERIFY(points.p50.size() >= 900);
    // Merged windows keep the larger percentile: the last run (windows 3596..3599, the last one empty)
    // shows 3598's value, not the first window's.
    QCOMPARE(points.watched.last().y(), 2.0 * 3598);
    QCOMPARE(points.watched.last().x(), 3600.0);
    QCOMPARE(points.maxS, 2.0 * 3598);
    for (qsizetype i = 1; i < points.p50.size(); ++i) QVERIFY(points.p50[i].x() > points.p50[i - 1].x());
  }

  void measuresThroughputAndBounds() {
    const auto series = makeSeries(100, 2);
    QCOMPARE(recentTokensPerS(*series, 0, 100.0, 10.0), 100.0);
    QCOMPARE(recentTokensPerS(*series, 1, 100.0, 10.0), 200.0);
    QCOMPARE(recentTokensPerS(*series, static_cast<std::size_t>(-1), 100.0, 10.0), 300.0);
    QCOMPARE(recentTokensPerS(engine::MetricsSeries{}, 0, 100.0, 10.0), 0.0);
    engine::Slo slo;
    slo.ttlt = std::chrono::seconds(60);
    QVERIFY(defaultMetric(slo) == engine::LatencyMetric::Ttlt);
    QCOMPARE(engine::sloBoundS(slo, engine::LatencyMetric::Ttlt), std::optional(60.0));
    QVERIFY(!engine::sloBoundS(slo, engine::LatencyMetric::Ttft));
    QVERIFY(!engine::sloBoundS(slo, engine::LatencyMetric::Queue));
    slo.tbt = std::chrono::milliseconds(50);
    QVERIFY(defaultMetric(slo) == engine::LatencyMetric::Ttft);
  }

  void chartShowsSeriesAndTheSloLine() {
    ClassLatencyChart chart;
    const auto snapshot = makeSnapshot(600, 2);
    chart.update(snapshot, 1, engine::LatencyMetric::Ttft, 300.0);
    QCOMPARE(chart.p50Count(), 300);
    QCOMPARE(chart.watchedCount(), 300);
    QCOMPARE(chart.boundLineS(), 30.0);
    QVERIFY(chart.titleText().contains(QStringLiteral("class-1")));
    QVERIFY(chart.titleText().contains(QStringLiteral("TTFT")));
    chart.update(snapshot, 1, engine::LatencyMetric::Queue, 60.0);
    QCOMPARE(chart.p50Count(), 60);
    QCOMPARE(chart.watchedCount(), 0);
    QCOMPARE(chart.boundLineS(), 0.0);  // queue time has no bound
    chart.update(snapshot, 7, engine::LatencyMetric::Ttft, 60.0);  // no such class
    QCOMPARE(chart.p50Count(), 0);
  }

  void eightClassFrameStaysCheap() {
    // Eight charts over a full hour of series (3,600 windows, downsampled to 1,000 points each).
    std::vector<std::unique_ptr<ClassLatencyChart>> charts;
    for (int c = 0; c < 8; ++c) {
      charts.push_back(std::make_unique<ClassLatencyChart>());
      charts.back()->resize(400, 300);
      charts.back()->show();
    }
    const auto snapshot = makeSnapshot(3600, 8);
    for (int c = 0; c < 8; ++c) charts[static_cast<std::size_t>(c)]->update(snapshot, static_cast<std::size_t>(c), engine::LatencyMetric::Ttft, 3600.0);
    constexpr int kFrames = 20;
    QElapsedTimer timer;
    timer.start();
    for (int frame = 0; frame < kFrames; ++frame) {
      for (int c = 0; c < 8; ++c) {
        charts[static_cast<std::size_t>(c)]->update(snapshot, static_cast<std::size_t>(c), engine::LatencyMetric::Ttft, 3600.0);
      }
      QCoreApplication::processEvents();
    }
    const double msPerFrame = static_cast<double>(timer.nsecsElapsed()) / 1e6 / kFrames;
    qInfo("8 classes x 2 series x <=1000 points: %.2f ms per frame (update + repaint)", msPerFrame);
    for (const auto& chart : charts) QVERIFY(chart->p50Count() <= ClassLatencyChart::kMaxPoints);
    QVERIFY2(msPerFrame < 250.0, qPrintable(QString::number(msPerFrame)));
  }
};

QTEST_MAIN(TestLatencyChart)
#include "tst_latency_chart.moc"
