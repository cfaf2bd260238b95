#include <QtTest>

#include <stdexcept>

#include "engine/metrics/snapshot_json.h"
#include "engine/serving/telemetry_event.h"

using namespace headroom::engine;

namespace {

Snapshot sampleSnapshot() {
  Snapshot snapshot;
  snapshot.time = timeFromSeconds(12.345678);
  snapshot.windowLength = std::chrono::milliseconds(500);
  snapshot.arrived = 41;
  snapshot.completed = 37;
  snapshot.sloMet = 33;
  snapshot.tokensOut = 9001;
  ClassSnapshot chat;
  chat.name = "chat";
  chat.rank = 0;
  chat.slo.ttft = std::chrono::milliseconds(1500);
  chat.slo.tbt = std::chrono::milliseconds(50);
  chat.slo.percentile = 99.0;
  chat.arrived = 30;
  chat.completed = 28;
  chat.relegated = 1;
  chat.preempted = 2;
  chat.sloMet = 25;
  chat.attainment = 25.0 / 28.0;
  chat.tokensOut = 7000;
  chat.queue = {28, 0.0123, 0.01, 0.02, 0.025, 0.031, 0.031, 0.04};
  chat.ttft = {28, 0.2, 0.19, 0.3, 0.35, 0.41, 0.41, 0.5};
  chat.tbt = {900, 0.021, 0.02, 0.022, 0.023, 0.03, 0.03, 0.06};
  chat.ttlt = {28, 3.1, 3.0, 4.0, 4.5, 5.2, 5.2, 6.0};
  ClassSnapshot batch;
  batch.name = "batch";
  batch.rank = 2;
  batch.slo.ttlt = std::chrono::seconds(900);
  batch.slo.percentile = 95.0;
  batch.arrived = 11;
  batch.completed = 0;  // no attainment, empty latencies
  snapshot.classes = {chat, batch};
  auto series = std::make_shared<MetricsSeries>();
  SeriesWindow first{timeFromSeconds(0.0), timeFromSeconds(0.5), {}};
  WindowClassStats chatWindow;
  chatWindow.arrivals = 3;
  chatWindow.completions = 2;
  chatWindow.sloMet = 2;
  chatWindow.tokensOut = 140;
  chatWindow.relegations = 1;
  chatWindow.ttft = {0.18, 0.29};
  chatWindow.queue = {0.01, std::nullopt};
  first.classes = {chatWindow, WindowClassStats{}};
  SeriesWindow second{timeFromSeconds(0.5), timeFromSeconds(30.0), {WindowClassStats{}, WindowClassStats{}}};
  series->push_back(first);
  series->push_back(second);
  snapshot.series = series;
  return snapshot;
}

void compareSnapshots(const Snapshot& actual, const Snapshot& expected) {
  QCOMPARE(actual.time, expected.time);
  QCOMPARE(actual.windowLength, expected.windowLength);
  QCOMPARE(actual.arrived, expected.arrived);
  QCOMPARE(actual.completed, expected.completed);
  QCOMPARE(actual.sloMet, expected.sloMet);
  QCOMPARE(actual.tokensOut, expected.tokensOut);
  QCOMPARE(actual.classes.size(), expected.classes.size());
  for (std::size_t c = 0; c < expected.classes.size(); ++c) {
    const ClassSnapshot& a = actual.classes[c];
    const ClassSnapshot& e = expected.classes[c];
    QCOMPARE(a.name, e.name);
    QCOMPARE(a.rank, e.rank);
    QCOMPARE(a.slo.ttft, e.slo.ttft);
    QCOMPARE(a.slo.tbt, e.slo.tbt);
    QCOMPARE(a.slo.ttlt, e.slo.ttlt);
    QCOMPARE(a.slo.percentile, e.slo.percentile);
    QCOMPARE(a.arrived, e.arrived);
    QCOMPARE(a.completed, e.completed);
    QCOMPARE(a.relegated, e.relegated);
    QCOMPARE(a.preempted, e.preempted);
    QCOMPARE(a.sloMet, e.sloMet);
    QCOMPARE(a.attainment, e.attainment);
    QCOMPARE(a.tokensOut, e.tokensOut);
    QVERIFY(a.queue == e.queue);
    QVERIFY(a.ttft == e.ttft);
    QVERIFY(a.tbt == e.tbt);
    QVERIFY(a.ttlt == e.ttlt);
  }
  QVERIFY(actual.series);
  QVERIFY(*actual.series == *expected.series);
}

}  // namespace

class TestSnapshotJson : public QObject {
  Q_OBJECT

 private slots:
  void roundTripsEveryField() {
    const Snapshot snapshot = sampleSnapshot();
    const nlohmann::json encoded = toSnapshotJson(snapshot);
    compareSnapshots(snapshotFromJson(encoded), snapshot);
    // Through text too, as the wire carries it.
    compareSnapshots(snapshotFromJson(nlohmann::json::parse(encoded.dump())), snapshot);
    QVERIFY(encoded["classes"][1]["attainment"].is_null());
    QVERIFY(encoded["classes"][1]["slo"]["ttft_s"].is_null());
    QCOMPARE(encoded["series"][0]["classes"][0]["queue"]["watched"].is_null(), true);
  }

  void emptySnapshotRoundTrips() {
    const Snapshot empty;
    const Snapshot back = snapshotFromJson(toSnapshotJson(empty));
    QVERIFY(back.classes.empty());
    QVERIFY(back.series && back.series->empty());
    QCOMPARE(back.time, kTimeZero);
  }

  void errorsNameTheField_data() {
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("replacement");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing time") << "/time_s" << "" << "/time_s is missing";
    QTest::newRow("class rank text") << "/classes/1/rank" << "\"x\"" << "/classes/1/rank must be an integer";
    QTest::newRow("latency") << "/classes/0/ttft/p99" << "null" << "/classes/0/ttft/p99 must be a number";
    QTest::newRow("series class") << "/series/0/classes/0/ttft" << "3" << "/series/0/classes/0/ttft must be an object";
    QTest::newRow("classes not array") << "/classes" << "{}" << "/classes must be an array";
  }

  void errorsNameTheField() {
    QFETCH(QString, pointer);
    QFETCH(QString, replacement);
    QFETCH(QString, expected);
    nlohmann::json encoded = toSnapshotJson(sampleSnapshot());
    const nlohmann::json::json_pointer at(pointer.toStdString());
    if (replacement.isEmpty()) {
      encoded[at.parent_pointer()].erase(at.back());
    } else {
      encoded[at] = nlohmann::json::parse(replacement.toStdString());
    }
    try {
      snapshotFromJson(encoded);
      QFAIL("no error");
    } catch (const std::invalid_argument& error) {
      QVERIFY2(QString(error.what()).contains(expected), error.what());
    }
  }

  void telemetryEventRoundTrips() {
    TelemetryEvent event;
    event.model = "llama-3.1-8b";
    event.snapshot = std::make_shared<const Snapshot>(sampleSnapshot());
    event.instance.id = 3;
    event.instance.busy = true;
    event.instance.load = {4, 1, 2, 7, 12345};
    event.instance.kvUsedFraction = 0.375;
    event.instance.lastBatchTokens = 512;
    event.instance.lastBatchSize = 9;
    event.instance.iterations = 777;
    event.instance.busyTime = std::chrono::microseconds(4'200'001);
    const std::string wire = toTelemetryJson(event).dump();
    const TelemetryEvent back = parseTelemetryEvent(wire);
    QCOMPARE(back.model, event.model);
    compareSnapshots(*back.snapshot, *event.snapshot);
    QCOMPARE(back.instance.id, 3);
    QCOMPARE(back.instance.busy, true);
    QCOMPARE(back.instance.load.waiting, 4);
    QCOMPARE(back.instance.load.relegated, 1);
    QCOMPARE(back.instance.load.prefilling, 2);
    QCOMPARE(back.instance.load.decoding, 7);
    QCOMPARE(back.instance.load.outstandingTokens, 12345);
    QCOMPARE(back.instance.kvUsedFraction, 0.375);
    QCOMPARE(back.instance.lastBatchTokens, 512);
    QCOMPARE(back.instance.lastBatchSize, 9);
    QCOMPARE(back.instance.iterations, 777);
    QCOMPARE(back.instance.busyTime, event.instance.busyTime);
    // The plain summary stays for readers that do not decode snapshots.
    const auto plain = nlohmann::json::parse(wire);
    QCOMPARE(plain["classes"][0]["name"].get<std::string>(), std::string("chat"));
    QCOMPARE(plain["time_s"].get<double>(), 12.345678);
  }

  void telemetryEventErrors() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, parseTelemetryEvent("not json"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, parseTelemetryEvent(R"({"instance": {}})"));
    TelemetryEvent event;
    event.snapshot = std::make_shared<const Snapshot>();
    nlohmann::json encoded = toTelemetryJson(event);
    encoded["instance"]["busy"] = 1;
    try {
      telemetryFromJson(encoded);
      QFAIL("no error");
    } catch (const std::invalid_argument& error) {
      QVERIFY2(QString(error.what()).contains("/instance/busy"), error.what());
    }
  }
};

QTEST_GUILESS_MAIN(TestSnapshotJson)
#include "tst_snapshot_json.moc"
