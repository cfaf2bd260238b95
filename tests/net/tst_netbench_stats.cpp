// netbench's statistics and workload: nearest-rank percentiles, Student's t quantile and the 95% interval
// of a mean, the per-class summary of runs (share within the deadline per run, latency over all runs,
// dropped streams and bytes) with the ranking of variants, and the workload (the offered load, the same
// sequence for a seed, burst at t = 0).
#include <QtTest>

#include <chrono>
#include <cmath>
#include <vector>

#include "net/netbench/netbench_stats.h"
#include "net/netbench/netbench_summary.h"
#include "net/netbench/netbench_workload.h"

using namespace std::chrono_literals;
namespace nb = headroom::net::netbench;

class TestNetbenchStats : public QObject {
  Q_OBJECT

 private slots:
  void percentileIsNearestRank_data() {
    QTest::addColumn<std::vector<double>>("samples");
    QTest::addColumn<double>("p");
    QTest::addColumn<double>("expected");
    QTest::newRow("median of four is the second") << std::vector<double>{4, 1, 3, 2} << 50.0 << 2.0;
    QTest::newRow("median of five") << std::vector<double>{5, 1, 4, 2, 3} << 50.0 << 3.0;
    QTest::newRow("p100 is the max") << std::vector<double>{5, 1, 4, 2, 3} << 100.0 << 5.0;
    QTest::newRow("tiny p is the min") << std::vector<double>{5, 1, 4, 2, 3} << 0.1 << 1.0;
    QTest::newRow("one sample") << std::vector<double>{7} << 99.0 << 7.0;
    std::vector<double> hundred;
    for (int i = 100; i >= 1; --i) hundred.push_back(i);
    QTest::newRow("p99 of 1..100 is 99") << hundred << 99.0 << 99.0;
    QTest::newRow("p50 of 1..100 is 50") << hundred << 50.0 << 50.0;
    std::vector<double> twoHundred;
    for (int i = 1; i <= 200; ++i) twoHundred.push_back(i);
    QTest::newRow("p99 of 1..200 is 198") << twoHundred << 99.0 << 198.0;
  }
  void percentileIsNearestRank() {
    QFETCH(std::vector<double>, samples);
    QFETCH(double, p);
    QFETCH(double, expected);
    const auto value = nb::percentile(samples, p);
    QVERIFY(value.has_value());
    QCOMPARE(*value, expected);
  }

  void percentileOfNothingIsNone() { QVERIFY(!nb::percentile({}, 50).has_value()); }

  void studentQuantile() {
    QCOMPARE(nb::studentT95(1), 12.706);
    QCOMPARE(nb::studentT95(9), 2.262);
    QCOMPARE(nb::studentT95(30), 2.042);
    // Beyond the table: close to the exact values (t(0.975, 60) = 2.0003, t(0.975, 120) = 1.9799).
    QVERIFY(std::abs(nb::studentT95(60) - 2.0003) < 2e-3);
    QVERIFY(std::abs(nb::studentT95(120) - 1.9799) < 1e-3);
    QVERIFY(nb::studentT95(100000) > 1.9599 && nb::studentT95(100000) < 1.9601);
    // Continuous at the end of the table: 31 sits between 30 and 60.
    QVERIFY(nb::studentT95(31) < 2.042 && nb::studentT95(31) > 2.0003);
  }

  void meanWithTInterval() {
    // mean 5, sample sd sqrt(2.5) = 1.5811, n 5: half width 2.776 * 1.5811 / sqrt(5) = 1.9630.
    const std::vector<double> samples{3, 4, 5, 6, 7};
    const nb::MeanInterval interval = nb::meanWithInterval(samples);
    QCOMPARE(*interval.mean, 5.0);
    QVERIFY(interval.halfWidth.has_value());
    QVERIFY(std::abs(*interval.halfWidth - 1.9630) < 1e-3);
    const nb::MeanInterval same = nb::meanWithInterval(std::vector<double>{90, 90, 90});
    QCOMPARE(*same.halfWidth, 0.0);
    const nb::MeanInterval one = nb::meanWithInterval(std::vector<double>{42});
    QCOMPARE(*one.mean, 42.0);
    QVERIFY(!one.halfWidth.has_value());
    QVERIFY(!nb::meanWithInterval({}).mean.has_value());
  }

  void summaryPerClassAndRun() {
    const std::vector<nb::NetbenchClass> classes{{"fast", 100, 1000ms, 0}, {"slow", 100, 2000ms, 1}};
    nb::RunOutcome first;
    first.requests = {
        {0, 500ms, false, 0},         // fast, met
        {0, 1500ms, false, 0},        // fast, late
        {0, std::nullopt, true, 150}, // fast, dropped
        {1, 1500ms, false, 0},        // slow, met
    };
    nb::RunOutcome second;
    second.requests = {
        {0, 200ms, false, 0},   // fast, met
        {0, 1000ms, false, 0},  // fast, met: exactly at the deadline
        {1, 3000ms, false, 0},  // slow, late
    };
    const std::vector<nb::RunOutcome> runs{first, second};
    const nb::VariantSummary summary = nb::summarize("edf", classes, runs);
    QCOMPARE(summary.runs, std::size_t(2));
    QCOMPARE(summary.classes.size(), std::size_t(2));
    const nb::ClassSummary& fast = summary.classes[0];
    QCOMPARE(fast.requests, std::size_t(5));
    QCOMPARE(fast.completed, std::size_t(4));
    QCOMPARE(fast.withinDeadline, std::size_t(3));
    QCOMPARE(fast.streamsDropped, std::size_t(1));
    QCOMPARE(fast.bytesDropped, std::uint64_t(150));
    // Runs' shares: 1/3 and 2/2: mean 66.67%, half width 12.706 * sd(33.33, 100) / sqrt(2) = 12.706 * 33.33.
    QVERIFY(std::abs(*fast.withinDeadlinePercent.mean - 200.0 / 3) < 1e-9);
    QVERIFY(std::abs(*fast.withinDeadlinePercent.halfWidth - 12.706 * 100.0 / 3) < 1e-6);
    // Latency over completed requests of both runs: 0.2, 0.5, 1.0, 1.5.
    QVERIFY(std::abs(*fast.latencyMeanS - 0.8) < 1e-12);
    QCOMPARE(*fast.latencyP50S, 0.5);
    QCOMPARE(*fast.latencyP99S, 1.5);
    const nb::ClassSummary& slow = summary.classes[1];
    QCOMPARE(slow.withinDeadline, std::size_t(1));
    QCOMPARE(*slow.withinDeadlinePercent.mean, 50.0);

    // A class without requests has no figures.
    const std::vector<nb::NetbenchClass> three{classes[0], classes[1], {"none", 1, 1000ms, 2}};
    const nb::VariantSummary withEmpty = nb::summarize("rr", three, runs);
    QVERIFY(!withEmpty.classes[2].withinDeadlinePercent.mean.has_value());
    QVERIFY(!withEmpty.classes[2].latencyMeanS.has_value());
  }

  void rankingByShareThenLatency() {
    const auto variant = [](std::string name, double share, double latencyS) {
      nb::VariantSummary v;
      v.variant = std::move(name);
      nb::ClassSummary row;
      row.withinDeadlinePercent.mean = share;
      row.latencyMeanS = latencyS;
      v.classes.push_back(row);
      return v;
    };
    std::vector<nb::VariantSummary> variants{variant("rr", 70, 0.5), variant("edf", 98, 0.4), variant("abs", 98, 0.3),
                                             variant("fcfs", 60, 0.2)};
    nb::VariantSummary unavailable;
    unavailable.variant = "tls-tcp";
    unavailable.unavailable = "needs --link netns";
    variants.push_back(unavailable);
    const std::vector<std::string> expected{"abs", "edf", "rr", "fcfs"};
    QCOMPARE(nb::rankVariants(variants, 0), expected);
  }

  void poissonLoadAndDeterminism() {
    nb::WorkloadSettings settings;  // the seed's classes, 80 requests, load 0.5 of 5 Mbit/s
    // Mean request 39,466.7 bytes; 625,000 bytes/s at load 0.5: 7.918 requests/s, a 126.3 ms gap.
    QVERIFY(std::abs(std::chrono::duration<double, std::milli>(nb::meanArrivalGap(settings)).count() - 126.29) < 0.01);
    settings.rateShared = true;
    QVERIFY(std::abs(std::chrono::duration<double, std::milli>(nb::meanArrivalGap(settings)).count() - 252.59) < 0.01);
    settings.rateShared = false;

    const auto a = nb::makeWorkload(settings, 7);
    const auto b = nb::makeWorkload(settings, 7);
    const auto c = nb::makeWorkload(settings, 8);
    QCOMPARE(a.size(), std::size_t(80));
    bool differs = false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      QCOMPARE(a[i].index, i);
      QCOMPARE(a[i].classIndex, b[i].classIndex);
      QCOMPARE(a[i].start, b[i].start);
      QCOMPARE(a[i].bytes, settings.classes[a[i].classIndex].requestBytes);
      if (i > 0) QVERIFY(a[i].start >= a[i - 1].start);
      differs = differs || a[i].classIndex != c[i].classIndex || a[i].start != c[i].start;
    }
    QVERIFY(differs);

    // Over many requests the gaps average the mean gap and every class is drawn about a third of the time.
    settings.requests = 30000;
    const auto many = nb::makeWorkload(settings, 1);
    const double meanGapMs = std::chrono::duration<double, std::milli>(many.back().start).count() / (many.size() - 1);
    QVERIFY2(std::abs(meanGapMs - 126.29) < 126.29 * 0.03, qPrintable(QString::number(meanGapMs)));
    std::vector<std::size_t> perClass(3, 0);
    for (const auto& r : many) ++perClass[r.classIndex];
    for (std::size_t n : perClass) QVERIFY2(n > 9500 && n < 10500, qPrintable(QString::number(n)));
  }

  void burstStartsEverythingAtZero() {
    nb::WorkloadSettings settings;
    settings.arrival = nb::ArrivalMode::Burst;
    settings.requests = 20;
    for (const auto& r : nb::makeWorkload(settings, 3)) QCOMPARE(r.start, std::chrono::nanoseconds(0));
  }

  void badWorkloadSettingsAreRefused() {
    nb::WorkloadSettings settings;
    settings.requests = 0;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, nb::makeWorkload(settings, 1));
    settings.requests = 5;
    settings.load = 0;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, nb::makeWorkload(settings, 1));
    settings.load = 0.5;
    settings.classes.clear();
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, nb::makeWorkload(settings, 1));
  }

  void namesParse() {
    QCOMPARE(nb::parseArrivalMode("burst"), std::optional(nb::ArrivalMode::Burst));
    QVERIFY(!nb::parseArrivalMode("bursty").has_value());
    QCOMPARE(nb::arrivalModeName(nb::ArrivalMode::Poisson), std::string_view("poisson"));
  }
};

QTEST_APPLESS_MAIN(TestNetbenchStats)
#include "tst_netbench_stats.moc"
