#include <QtTest>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <new>
#include <stdexcept>
#include <vector>

#include "engine/metrics/metrics_collector.h"

using namespace headroom::engine;
using namespace std::chrono_literals;

std::atomic<std::int64_t> gAllocations{0};

void* operator new(std::size_t size) {
  ++gAllocations;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace {

enum : ClassId { kInteractive, kBatch, kBoth, kUnbounded };

std::vector<QosClass> testClasses() {
  QosClass interactive{"interactive", 0, Importance::High, {}, 1.0, {}};
  interactive.slo.ttft = 6s;
  interactive.slo.tbt = 50ms;
  interactive.slo.percentile = 99.0;
  QosClass batch{"batch", 1, Importance::Normal, {}, 1.0, {}};
  batch.slo.ttlt = 600s;
  batch.slo.percentile = 90.0;
  QosClass both{"both", 2, Importance::Low, {}, 1.0, {}};
  both.slo.ttft = 1s;
  both.slo.ttlt = 10s;
  QosClass unbounded{"unbounded", 3, Importance::Low, {}, 1.0, {}};
  return {interactive, batch, both, unbounded};
}

RequestState makeState(RequestId id, ClassId cls, double arrivalS, int outputTokens) {
  RequestState state;
  state.request.id = id;
  state.request.classId = cls;
  state.request.arrival = timeFromSeconds(arrivalS);
  state.request.promptTokens = 100;
  state.request.outputTokens = outputTokens;
  state.prefillTarget = 100;
  return state;
}

// Serves an arrived request: first scheduled, one token at each of tokenTimesS, then finished at the
// last token. The state's outputTokens must equal the number of tokens.
void serve(MetricsCollector& collector, RequestState& state, double scheduledS,
           const std::vector<double>& tokenTimesS) {
  state.started = true;
  state.firstScheduled = timeFromSeconds(scheduledS);
  collector.onFirstScheduled(state, state.firstScheduled);
  TimePoint previous{};
  for (double t : tokenTimesS) {
    const TimePoint now = timeFromSeconds(t);
    ++state.generatedTokens;
    if (state.generatedTokens == 1) state.firstToken = now;
    state.lastToken = now;
    collector.onToken(state, now, state.generatedTokens == 1 ? Duration::zero() : now - previous);
    previous = now;
  }
  collector.onFinished(state, state.lastToken);
}

void play(MetricsCollector& collector, RequestState& state, double scheduledS,
          const std::vector<double>& tokenTimesS) {
  collector.onArrival(state.request, state.request.arrival);
  serve(collector, state, scheduledS, tokenTimesS);
}

bool near(const std::optional<double>& value, double expected) {
  return value.has_value() && qAbs(*value - expected) < 1e-9;
}

std::int64_t totalArrivals(const MetricsSeries& series, ClassId cls) {
  std::int64_t sum = 0;
  for (const SeriesWindow& w : series) sum += w.classes[cls].arrivals;
  return sum;
}

void verifyContiguous(const MetricsSeries& series) {
  for (std::size_t i = 1; i < series.size(); ++i) QCOMPARE(series[i].start, series[i - 1].end);
  for (const SeriesWindow& w : series) QVERIFY(w.end > w.start);
}

}  // namespace

class TestMetricsCollector : public QObject {
  Q_OBJECT

 private slots:
  void latenciesFromEvents() {
    MetricsCollector collector(testClasses());
    RequestState state = makeState(1, kInteractive, 1.0, 3);
    state.worstTokenPace = 30ms;  // as the scheduler judged it
    play(collector, state, 1.5, {2.0, 2.05, 2.15});

    const Snapshot snap = collector.snapshot(timeFromSeconds(3.0));
    QCOMPARE(snap.time, timeFromSeconds(3.0));
    const ClassSnapshot& cls = snap.classes[kInteractive];
    QCOMPARE(cls.name, std::string("interactive"));
    QCOMPARE(cls.arrived, 1);
    QCOMPARE(cls.completed, 1);
    QCOMPARE(cls.tokensOut, 3);
    QCOMPARE(cls.queue.count, 1);
    QCOMPARE(cls.queue.p50S, 0.5);
    QCOMPARE(cls.queue.maxS, 0.5);
    QCOMPARE(cls.ttft.count, 1);
    QCOMPARE(cls.ttft.meanS, 1.0);
    QCOMPARE(cls.ttft.p99S, 1.0);
    QCOMPARE(cls.tokenGap.count, 2);
    QCOMPARE(cls.tokenGap.p50S, 0.05);
    QCOMPARE(cls.tokenGap.p99S, 0.1);
    QCOMPARE(cls.tokenGap.maxS, 0.1);
    QVERIFY(qAbs(cls.tokenGap.meanS - 0.075) < 1e-12);
    QCOMPARE(cls.tbt.count, 1);  // one judged figure per finished request
    QCOMPARE(cls.tbt.p50S, 0.03);
    QCOMPARE(cls.ttlt.count, 1);
    QVERIFY(qAbs(cls.ttlt.p50S - 1.15) < 1e-12);
    QCOMPARE(cls.attainment, std::optional<double>(1.0));

    const ClassSnapshot& idle = snap.classes[kBatch];
    QCOMPARE(idle.arrived, 0);
    QVERIFY(idle.queue.empty());
    QVERIFY(idle.ttlt.empty());
    QVERIFY(!idle.attainment.has_value());

    QCOMPARE(snap.arrived, 1);
    QCOMPARE(snap.completed, 1);
    QCOMPARE(snap.sloMet, 1);
    QCOMPARE(snap.tokensOut, 3);
    QCOMPARE(snap.goodputPerS(4.0), 0.25);
    QCOMPARE(snap.goodputPerS(0.0), 0.0);
    QCOMPARE(collector.classMetrics(kInteractive).tokenGap.count(), 2);
    QCOMPARE(collector.classMetrics(kInteractive).tbt.count(), 1);
  }

  void percentilesOverManyRequests() {
    MetricsCollector collector(testClasses());
    // Queue times 1 ms .. 1000 ms: p50 = 500 ms, p90 = 900 ms, the batch class watches p90.
    for (int i = 1; i <= 1000; ++i) {
      RequestState state = makeState(RequestId(i), kBatch, i * 2.0, 1);
      play(collector, state, i * 2.0 + i * 0.001, {i * 2.0 + 1.5});
    }
    const ClassSnapshot cls = collector.snapshot(timeFromSeconds(2100.0)).classes[kBatch];
    QCOMPARE(cls.queue.count, 1000);
    QVERIFY(qAbs(cls.queue.p50S - 0.5) <= 0.005);
    QVERIFY(qAbs(cls.queue.p90S - 0.9) <= 0.009);
    QVERIFY(qAbs(cls.queue.p99S - 0.99) <= 0.0099);
    QCOMPARE(cls.queue.watchedS, cls.queue.p90S);
    QVERIFY(qAbs(cls.queue.meanS - 0.5005) < 1e-9);
    QCOMPARE(cls.queue.maxS, 1.0);
    QCOMPARE(cls.ttlt.p50S, 1.5);
    QVERIFY(cls.tbt.empty());
  }

  void attainment_data() {
    QTest::addColumn<int>("cls");
    QTest::addColumn<double>("ttftS");
    QTest::addColumn<bool>("tbtMissed");
    QTest::addColumn<double>("ttltS");
    QTest::addColumn<bool>("met");
    QTest::newRow("interactive within") << int(kInteractive) << 5.0 << false << 20.0 << true;
    QTest::newRow("interactive ttft at bound") << int(kInteractive) << 6.0 << false << 20.0 << true;
    QTest::newRow("interactive ttft late") << int(kInteractive) << 6.001 << false << 7.0 << false;
    QTest::newRow("interactive tbt flag") << int(kInteractive) << 0.5 << true << 2.0 << false;
    QTest::newRow("interactive long ttlt unbounded") << int(kInteractive) << 0.5 << false << 5000.0 << true;
    QTest::newRow("batch within") << int(kBatch) << 300.0 << false << 599.0 << true;
    QTest::newRow("batch ttlt at bound") << int(kBatch) << 300.0 << false << 600.0 << true;
    QTest::newRow("batch ttlt late") << int(kBatch) << 1.0 << false << 600.5 << false;
    QTest::newRow("batch tbt flag unbounded") << int(kBatch) << 1.0 << true << 10.0 << true;
    QTest::newRow("both within") << int(kBoth) << 0.9 << false << 9.0 << true;
    QTest::newRow("both ttlt late") << int(kBoth) << 0.9 << false << 11.0 << false;
    QTest::newRow("both ttft late") << int(kBoth) << 1.1 << false << 9.0 << false;
    QTest::newRow("unbounded anything") << int(kUnbounded) << 900.0 << true << 9000.0 << true;
  }

  void attainment() {
    QFETCH(int, cls);
    QFETCH(double, ttftS);
    QFETCH(bool, tbtMissed);
    QFETCH(double, ttltS);
    QFETCH(bool, met);
    MetricsCollector collector(testClasses());
    RequestState state = makeState(7, ClassId(cls), 10.0, 2);
    state.tbtDeadlineMissed = tbtMissed;
    play(collector, state, 10.0, {10.0 + ttftS, 10.0 + ttltS});

    const ClassSnapshot snap = collector.snapshot(timeFromSeconds(10.0 + ttltS)).classes[cls];
    QCOMPARE(snap.completed, 1);
    QCOMPARE(snap.sloMet, met ? 1 : 0);
    QCOMPARE(snap.attainment, std::optional<double>(met ? 1.0 : 0.0));
    QVERIFY(qAbs(snap.ttft.p50S - ttftS) <= 0.01 * ttftS);
    QVERIFY(qAbs(snap.ttlt.p50S - ttltS) <= 0.01 * ttltS);
  }

  void relegatedAndPreempted() {
    MetricsCollector collector(testClasses());
    // Relegated, preempted twice, still finishes within its TTLT: counted as relegated and as met.
    RequestState kept = makeState(1, kBatch, 0.0, 2);
    collector.onArrival(kept.request, kept.request.arrival);
    kept.relegated = true;
    collector.onRelegated(kept, timeFromSeconds(0.1));
    collector.onPreempted(kept, timeFromSeconds(0.2));
    kept.preemptions = 1;
    collector.onPreempted(kept, timeFromSeconds(0.3));
    kept.preemptions = 2;
    kept.firstScheduled = timeFromSeconds(0.4);
    collector.onFirstScheduled(kept, kept.firstScheduled);
    kept.generatedTokens = 1;
    kept.firstToken = timeFromSeconds(0.5);
    collector.onToken(kept, kept.firstToken, Duration::zero());
    kept.generatedTokens = 2;
    collector.onToken(kept, timeFromSeconds(0.6), 100ms);
    collector.onFinished(kept, timeFromSeconds(0.6));

    // Relegated and finishing past its bound: not met.
    RequestState late = makeState(2, kBatch, 1.0, 1);
    late.relegated = true;
    collector.onArrival(late.request, late.request.arrival);
    collector.onRelegated(late, timeFromSeconds(1.0));
    serve(collector, late, 700.0, {700.5});

    // Relegated, never finishes (yet): arrived and relegated, not completed.
    RequestState pending = makeState(3, kBatch, 2.0, 4);
    collector.onArrival(pending.request, pending.request.arrival);
    collector.onRelegated(pending, timeFromSeconds(800.0));

    const ClassSnapshot cls = collector.snapshot(timeFromSeconds(801.0)).classes[kBatch];
    QCOMPARE(cls.arrived, 3);
    QCOMPARE(cls.relegated, 3);
    QCOMPARE(cls.preempted, 2);
    QCOMPARE(cls.completed, 2);
    QCOMPARE(cls.sloMet, 1);
    QCOMPARE(cls.attainment, std::optional<double>(0.5));
    QCOMPARE(cls.tokenGap.count, 1);
    QCOMPARE(cls.tokenGap.p50S, 0.1);
  }

  void windowsCloseOnEventsAndAdvance() {
    MetricsCollector collector(testClasses(), 1s);
    RequestState a = makeState(1, kInteractive, 0.2, 1);
    collector.onArrival(a.request, a.request.arrival);
    collector.onFirstScheduled(a, timeFromSeconds(0.5));
    RequestState b = makeState(2, kInteractive, 0.7, 1);
    collector.onArrival(b.request, b.request.arrival);
    QVERIFY(collector.series().empty());

    RequestState c = makeState(3, kBatch, 1.3, 1);
    collector.onArrival(c.request, c.request.arrival);
    QCOMPARE(collector.series().size(), std::size_t(1));
    collector.onFirstScheduled(b, timeFromSeconds(1.9));

    collector.advanceTo(timeFromSeconds(1.999999));
    QCOMPARE(collector.series().size(), std::size_t(1));
    collector.advanceTo(timeFromSeconds(2.0));
    QCOMPARE(collector.series().size(), std::size_t(2));
    // An event exactly at a window's end belongs to the next window.
    collector.onArrival(makeState(4, kBatch, 3.0, 1).request, timeFromSeconds(3.0));
    collector.advanceTo(timeFromSeconds(4.5));

    const Snapshot snap = collector.snapshot(timeFromSeconds(4.5));
    const MetricsSeries& series = *snap.series;
    QCOMPARE(series.size(), std::size_t(4));
    verifyContiguous(series);
    QCOMPARE(series[0].start, kTimeZero);
    QCOMPARE(series[3].end, timeFromSeconds(4.0));
    QCOMPARE(series[0].classes[kInteractive].arrivals, 2);
    QCOMPARE(series[0].classes[kBatch].arrivals, 0);
    QVERIFY(near(series[0].classes[kInteractive].queue.p50S, 0.3));
    QVERIFY(near(series[0].classes[kInteractive].queue.watchedS, 0.3));
    QCOMPARE(series[1].classes[kInteractive].arrivals, 0);
    QCOMPARE(series[1].classes[kBatch].arrivals, 1);
    QVERIFY(near(series[1].classes[kInteractive].queue.p50S, 1.2));
    QVERIFY(!series[1].classes[kBatch].queue.p50S.has_value());
    QVERIFY(!series[1].classes[kInteractive].ttft.p50S.has_value());
    QCOMPARE(series[2].classes[kBatch].arrivals, 0);
    QCOMPARE(series[3].classes[kBatch].arrivals, 1);
    QCOMPARE(series[3].start, timeFromSeconds(3.0));
  }

  void windowPercentilesUseTheWatchedOne() {
    MetricsCollector collector(testClasses(), 10s);
    // 100 batch requests in window [0, 10) with TTLT 10 ms .. 1 s; the batch class watches p90.
    std::vector<RequestState> states;
    for (int i = 1; i <= 100; ++i) {
      states.push_back(makeState(RequestId(i), kBatch, 0.01 * i, 1));
      collector.onArrival(states.back().request, states.back().request.arrival);
    }
    for (RequestState& state : states) {
      const TimePoint finish = state.request.arrival + (state.request.arrival - kTimeZero);
      state.firstToken = finish;
      collector.onFinished(state, finish);
    }
    collector.advanceTo(timeFromSeconds(10.0));
    const WindowClassStats& w = collector.series().at(0).classes[kBatch];
    QCOMPARE(w.completions, 100);
    QCOMPARE(w.sloMet, 100);
    QVERIFY(qAbs(*w.ttlt.p50S - 0.5) <= 0.005);
    QVERIFY(qAbs(*w.ttlt.watchedS - 0.9) <= 0.009);
  }

  void shortIdleGapKeepsEachWindow() {
    MetricsCollector collector(testClasses(), 1s);
    collector.onArrival(makeState(1, kBoth, 0.5, 1).request, timeFromSeconds(0.5));
    collector.onArrival(makeState(2, kBoth, 6.5, 1).request, timeFromSeconds(6.5));
    const MetricsSeries& series = collector.series();
    QCOMPARE(series.size(), std::size_t(6));
    verifyContiguous(series);
    for (std::size_t i = 0; i < series.size(); ++i) {
      QCOMPARE(series[i].end - series[i].start, Duration{1s});
      QCOMPARE(series[i].classes.size(), std::size_t(4));
      QCOMPARE(series[i].classes[kBoth].arrivals, i == 0 ? 1 : 0);
    }
  }

  void longIdleGapStaysSmall() {
    MetricsCollector collector(testClasses(), 1s);
    collector.onArrival(makeState(1, kBoth, 0.5, 1).request, timeFromSeconds(0.5));
    // About 11.6 days of nothing at 1 s windows: one coalesced empty window, not a million.
    const double farS = 1'000'000.25;
    collector.onArrival(makeState(2, kBoth, farS, 1).request, timeFromSeconds(farS));
    collector.advanceTo(timeFromSeconds(farS + 1.0));
    const MetricsSeries& series = collector.series();
    QCOMPARE(series.size(), std::size_t(3));
    verifyContiguous(series);
    QCOMPARE(series[1].start, timeFromSeconds(1.0));
    QCOMPARE(series[1].end, timeFromSeconds(1'000'000.0));
    QCOMPARE(series[1].classes[kBoth].arrivals, 0);
    QCOMPARE(series[2].classes[kBoth].arrivals, 1);
    QCOMPARE(series[2].end, timeFromSeconds(1'000'001.0));

    // advanceTo alone over a long gap is as cheap.
    collector.advanceTo(timeFromSeconds(5e9));
    QVERIFY(collector.series().size() <= std::size_t(4));
    verifyContiguous(collector.series());
    QCOMPARE(collector.series().back().end, timeFromSeconds(5e9));
  }

  void downsamplingKeepsTheSeriesBounded() {
    const std::size_t maxWindows = 8;
    MetricsCollector collector(testClasses(), 1s, maxWindows);
    // One request per second; its queue time is (second mod 7) x 10 ms.
    auto queueS = [](std::int64_t second) { return static_cast<double>(second % 7) * 0.01; };
    const int seconds = 1000;
    for (int s = 0; s < seconds; ++s) {
      RequestState state = makeState(RequestId(s), kInteractive, s + 0.25, 1);
      collector.onArrival(state.request, state.request.arrival);
      collector.onFirstScheduled(state, timeFromSeconds(s + 0.25 + queueS(s)));
      QVERIFY(collector.series().size() <= maxWindows);
    }
    collector.advanceTo(timeFromSeconds(seconds));
    const MetricsSeries& series = collector.series();
    QVERIFY(series.size() <= maxWindows);
    QVERIFY(series.size() >= maxWindows / 2);
    verifyContiguous(series);
    QCOMPARE(series.front().start, kTimeZero);
    QCOMPARE(series.back().end, timeFromSeconds(seconds));
    QCOMPARE(totalArrivals(series, kInteractive), seconds);
    QVERIFY(collector.windowsPerEntry() >= seconds / std::int64_t(maxWindows));
    for (const SeriesWindow& w : series) {
      const std::int64_t first = w.start.time_since_epoch() / 1s;
      const std::int64_t last = w.end.time_since_epoch() / 1s;
      double expected = 0.0;
      for (std::int64_t s = first; s < last; ++s) expected = std::max(expected, queueS(s));
      QVERIFY(near(w.classes[kInteractive].queue.p50S, expected));
      QCOMPARE(w.classes[kInteractive].arrivals, last - first);
      // Entries before the last all span the current resolution.
      if (&w != &series.back()) QCOMPARE(last - first, collector.windowsPerEntry());
    }
  }

  void snapshotsShareTheSeriesUntilAWindowCloses() {
    MetricsCollector collector(testClasses(), 1s);
    collector.onArrival(makeState(1, kBatch, 0.5, 1).request, timeFromSeconds(0.5));
    collector.advanceTo(timeFromSeconds(1.0));
    const Snapshot first = collector.snapshot(timeFromSeconds(1.1));
    const Snapshot second = collector.snapshot(timeFromSeconds(1.2));
    QCOMPARE(first.series.get(), second.series.get());
    QCOMPARE(first.series->size(), std::size_t(1));
    collector.advanceTo(timeFromSeconds(2.0));
    const Snapshot third = collector.snapshot(timeFromSeconds(2.0));
    QVERIFY(third.series.get() != first.series.get());
    QCOMPARE(first.series->size(), std::size_t(1));
    QCOMPARE(third.series->size(), std::size_t(2));
    QCOMPARE(third.windowLength, Duration{1s});
  }

  void eventCallbacksDoNotAllocate() {
    MetricsCollector collector(testClasses(), 1s);
    collector.keepBuckets({1e-6, 0.5, 1.0});
    RequestState state = makeState(1, kInteractive, 0.0, 1'000'000);
    const std::int64_t before = gAllocations.load();
    collector.onArrival(state.request, kTimeZero);
    collector.onFirstScheduled(state, TimePoint{10us});
    for (int i = 1; i <= 500'000; ++i) {
      state.generatedTokens = i;
      collector.onToken(state, TimePoint{Duration{10 + i}}, 1us);
    }
    collector.onRelegated(state, TimePoint{600'000us});
    collector.onPreempted(state, TimePoint{600'001us});
    collector.onFinished(state, TimePoint{600'002us});
    collector.advanceTo(TimePoint{999'999us});
    QCOMPARE(gAllocations.load() - before, 0);
    QCOMPARE(collector.classMetrics(kInteractive).tokensOut, 500'000);
    QCOMPARE(collector.classMetrics(kInteractive).tokenGap.count(), 499'999);
    QCOMPARE(collector.bucketedLatencies()[kInteractive].tokenGap.cumulative(0), 499'999u);
  }

  // Fixed-bound buckets are recorded beside the log histograms from the same events, only once asked
  // for, with one set of bounds for every class (eventCallbacksDoNotAllocate covers allocation).
  void bucketedLatenciesCountTheSameEvents() {
    MetricsCollector collector(testClasses());
    QVERIFY(collector.bucketedLatencies().empty());
    collector.keepBuckets({0.1, 1.0, 0.6});
    QCOMPARE(collector.bucketedLatencies().size(), testClasses().size());
    RequestState state = makeState(1, kInteractive, 1.0, 3);
    play(collector, state, 1.5, {2.0, 2.05, 2.15});  // queue 0.5, ttft 1.0, tbt 0.05 and 0.1, ttlt 1.15
    const auto& buckets = collector.bucketedLatencies()[kInteractive];
    QCOMPARE(buckets.queue.boundsS(), (std::vector<double>{0.1, 0.6, 1.0}));
    QCOMPARE(buckets.queue.cumulative(0), 0u);
    QCOMPARE(buckets.queue.cumulative(1), 1u);
    QCOMPARE(buckets.ttft.cumulative(1), 0u);
    QCOMPARE(buckets.ttft.cumulative(2), 1u);  // le is inclusive: 1.0 <= 1.0
    QCOMPARE(buckets.tokenGap.cumulative(0), 2u);
    QCOMPARE(buckets.ttlt.cumulative(2), 0u);
    QCOMPARE(buckets.ttlt.cumulative(3), 1u);
    QCOMPARE(buckets.tokenGap.count(), static_cast<std::uint64_t>(collector.classMetrics(kInteractive).tokenGap.count()));
    QCOMPARE(buckets.tbt.count(), static_cast<std::uint64_t>(collector.classMetrics(kInteractive).tbt.count()));
    QCOMPARE(buckets.ttlt.count(), static_cast<std::uint64_t>(collector.classMetrics(kInteractive).ttlt.count()));
    QCOMPARE(collector.bucketedLatencies()[kBatch].ttlt.count(), 0u);
    for (const auto& other : collector.bucketedLatencies()) QCOMPARE(other.ttft.boundsS(), buckets.ttft.boundsS());
    // New SLOs judge later requests; they restart no histogram.
    std::vector<QosClass> classes = testClasses();
    classes[kInteractive].slo.ttft = 123ms;
    collector.setClasses(classes);
    QCOMPARE(collector.bucketedLatencies()[kInteractive].ttft.count(), 1u);
    QCOMPARE(collector.bucketedLatencies()[kInteractive].ttft.boundsS(), (std::vector<double>{0.1, 0.6, 1.0}));
  }

  // Attainment per class and bound: each finished request judged against the bounds its class has when
  // it finishes, as sloMet judges the whole request.
  void sloCountsJudgeEachBoundAsTheSloDoes() {
    MetricsCollector collector(testClasses());
    QCOMPARE(collector.sloCounts().size(), testClasses().size());
    RequestState fast = makeState(1, kInteractive, 0.0, 2);
    play(collector, fast, 0.1, {0.5, 0.52});  // ttft 0.5 <= 6 s; no TBT deadline missed
    RequestState late = makeState(2, kInteractive, 1.0, 2);
    late.tbtDeadlineMissed = true;
    play(collector, late, 1.1, {8.0, 8.2});  // ttft 7 s > 6 s
    RequestState both = makeState(3, kBoth, 0.0, 1);
    play(collector, both, 0.1, {0.5});  // ttft 0.5 <= 1 s, ttlt 0.5 <= 10 s
    const auto& interactive = collector.sloCounts()[kInteractive];
    QCOMPARE(interactive.ttft.judged, 2u);
    QCOMPARE(interactive.ttft.met, 1u);
    QCOMPARE(interactive.tbt.judged, 2u);
    QCOMPARE(interactive.tbt.met, 1u);
    QCOMPARE(interactive.ttlt.judged, 0u);  // the class has no TTLT bound
    QCOMPARE(collector.classMetrics(kInteractive).sloMet, 1);
    QCOMPARE(collector.sloCounts()[kBoth].ttlt.met, 1u);
    QCOMPARE(collector.sloCounts()[kBatch].ttlt.judged, 0u);
    // A tighter TTFT bound: the next request is judged by it, the counts so far stay.
    std::vector<QosClass> classes = testClasses();
    classes[kInteractive].slo.ttft = 100ms;
    collector.setClasses(classes);
    RequestState next = makeState(4, kInteractive, 10.0, 1);
    play(collector, next, 10.1, {10.5});  // ttft 0.5 s > 0.1 s
    QCOMPARE(collector.sloCounts()[kInteractive].ttft.judged, 3u);
    QCOMPARE(collector.sloCounts()[kInteractive].ttft.met, 1u);
  }

  void rejectsBadInput() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, MetricsCollector(testClasses(), Duration::zero()));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, MetricsCollector(testClasses(), 1s, 1));
    MetricsCollector collector(testClasses());
    Request stranger;
    stranger.classId = 4;
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, collector.onArrival(stranger, kTimeZero));
    QCOMPARE(collector.snapshot(kTimeZero).arrived, 0);
  }

  // A request whose client left is counted as cancelled with the work it got, never as completed, and
  // is not judged against its SLO.
  void cancelledIsNotCompleted() {
    MetricsCollector collector(testClasses());
    RequestState state = makeState(1, kInteractive, 0.0, 50);
    collector.onArrival(state.request, state.request.arrival);
    state.started = true;
    collector.onFirstScheduled(state, timeFromSeconds(0.1));
    state.cachedTokens = 100;
    state.generatedTokens = 1;
    collector.onToken(state, timeFromSeconds(0.2), Duration::zero());
    state.cachedTokens = 101;
    state.generatedTokens = 2;
    collector.onToken(state, timeFromSeconds(0.25), 50ms);
    collector.onCancelled(state, timeFromSeconds(0.3));
    RequestState queued = makeState(2, kInteractive, 0.0, 50);  // never started
    collector.onArrival(queued.request, queued.request.arrival);
    collector.onCancelled(queued, timeFromSeconds(0.3));

    const ClassSnapshot cls = collector.snapshot(timeFromSeconds(1.0)).classes[kInteractive];
    QCOMPARE(cls.arrived, 2);
    QCOMPARE(cls.completed, 0);
    QCOMPARE(cls.sloMet, 0);
    QVERIFY(!cls.attainment.has_value());
    QCOMPARE(cls.ttlt.count, 0);
    const ClassMetrics& total = collector.classMetrics(kInteractive);
    QCOMPARE(total.cancelled, 2);
    QCOMPARE(total.cancelledPromptTokens, 100);
    QCOMPARE(total.cancelledOutputTokens, 2);
  }

  // Model tiers: completions counted per serving group; the reward is the class weight x the group's
  // accuracy on the task when the SLO was met (the same judgement as sloMet), 0 when it was missed.
  void modelTiersCountGroupsAndRewards() {
    std::vector<QosClass> classes = testClasses();
    classes[kBoth].rewardWeight = 2.0;
    MetricsCollector collector(classes, 1s);
    collector.setModelTiers({"small", "large"}, {{0.5, 0.25}, {0.8, 0.9}});
    std::vector<std::pair<RequestId, double>> heard;
    collector.setOutcomeListener([&heard](const Request& request, double reward, TimePoint) {
      heard.emplace_back(request.id, reward);
    });
    // kBoth: TTFT 1 s, TTLT 10 s.
    RequestState met = makeState(1, kBoth, 0.0, 2);
    met.request.group = 1;
    met.request.task = 1;
    play(collector, met, 0.1, {0.5, 0.6});  // met: 2 x 0.9
    RequestState missed = makeState(2, kBoth, 0.0, 2);
    missed.request.group = 1;
    play(collector, missed, 0.1, {1.5, 1.6});  // TTFT missed: 0
    RequestState small = makeState(3, kBoth, 0.0, 2);
    small.request.group = 0;
    play(collector, small, 0.1, {0.5, 0.6});  // met: 2 x 0.5
    const Snapshot snapshot = collector.snapshot(timeFromSeconds(5.0));
    QCOMPARE(snapshot.groupNames, (std::vector<std::string>{"small", "large"}));
    const ClassSnapshot& cls = snapshot.classes[kBoth];
    QCOMPARE(cls.completedByGroup, (std::vector<std::int64_t>{1, 2}));
    QCOMPARE(cls.rewardSum, 2.8);
    QVERIFY(near(cls.meanReward, 2.8 / 3.0));
    QVERIFY(snapshot.classes[kBatch].completedByGroup == (std::vector<std::int64_t>{0, 0}));
    QVERIFY(!snapshot.classes[kBatch].meanReward.has_value());
    QCOMPARE(heard.size(), std::size_t{3});
    QCOMPARE(heard[0].second, 1.8);
    QCOMPARE(heard[1].second, 0.0);
    QCOMPARE(heard[2].second, 1.0);
    // The closed window holds the same, and merging windows sums them.
    collector.advanceTo(timeFromSeconds(5.0));
    std::array<std::int64_t, kMaxPoolGroups> byGroup{};
    double rewards = 0.0;
    for (const SeriesWindow& window : collector.series()) {
      for (std::size_t g = 0; g < kMaxPoolGroups; ++g) byGroup[g] += window.classes[kBoth].completedByGroup[g];
      rewards += window.classes[kBoth].rewardSum;
    }
    QCOMPARE(byGroup[0], 1);
    QCOMPARE(byGroup[1], 2);
    QCOMPARE(rewards, 2.8);
  }

  void withoutTiersNothingIsCounted() {
    MetricsCollector collector(testClasses(), 1s);
    RequestState state = makeState(1, kBoth, 0.0, 2);
    play(collector, state, 0.1, {0.5, 0.6});
    const Snapshot snapshot = collector.snapshot(timeFromSeconds(5.0));
    QVERIFY(snapshot.groupNames.empty());
    QVERIFY(snapshot.classes[kBoth].completedByGroup.empty());
    QVERIFY(!snapshot.classes[kBoth].meanReward.has_value());
    QCOMPARE(collector.classMetrics(kBoth).completedByGroup[0], 0);
  }

  void modelTiersRefuseBadTables() {
    MetricsCollector collector(testClasses(), 1s);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, collector.setModelTiers({"a", "b"}, {{0.5}}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             collector.setModelTiers(std::vector<std::string>(kMaxPoolGroups + 1, "g"),
                                                     std::vector<std::vector<double>>(kMaxPoolGroups + 1, {0.5})));
  }

  void rewardsDoNotAllocate() {
    MetricsCollector collector(testClasses(), 1s);
    collector.setModelTiers({"small", "large"}, {{0.5}, {0.8}});
    double heard = 0.0;
    collector.setOutcomeListener([&heard](const Request&, double reward, TimePoint) { heard += reward; });
    RequestState state = makeState(1, kBoth, 0.0, 2);
    state.request.group = 1;
    const std::vector<double> tokenTimesS{0.5, 0.6};
    const std::int64_t before = gAllocations.load();
    play(collector, state, 0.1, tokenTimesS);
    QCOMPARE(gAllocations.load() - before, 0);
    QCOMPARE(heard, 0.8);
  }
};

QTEST_GUILESS_MAIN(TestMetricsCollector)
#include "tst_metrics_collector.moc"
