#include <QtTest>

#include <stdexcept>

#include "serve/protocol/telemetry_event.h"
#include "support/sample_snapshot.h"

using namespace headroom::engine;
using namespace headroom::serve;
using namespace headroom::test;

class TestTelemetryEvent : public QObject {
  Q_OBJECT

 private slots:
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
    event.instance.tokenBudget = 2560;
    event.instance.queuedPrefill = std::chrono::microseconds(1'250'000);
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
    QCOMPARE(back.instance.tokenBudget, 2560);
    QCOMPARE(back.instance.queuedPrefill, event.instance.queuedPrefill);
    // A server from before the spare-capacity figures sends neither: they read as unknown (0).
    nlohmann::json older = toTelemetryJson(event);
    older["instance"].erase("token_budget");
    older["instance"].erase("queued_prefill_s");
    const TelemetryEvent olderBack = telemetryFromJson(older);
    QCOMPARE(olderBack.instance.tokenBudget, 0);
    QCOMPARE(olderBack.instance.queuedPrefill, Duration{});
    // The plain summary stays for readers that do not decode snapshots.
    const auto plain = nlohmann::json::parse(wire);
    QCOMPARE(plain["classes"][0]["name"].get<std::string>(), std::string("chat"));
    QCOMPARE(plain["time_s"].get<double>(), 12.345678);
  }

  void telemetryEventErrors() {
    QVERIFY_THROWS_EXCEPTION(InputError, parseTelemetryEvent("not json"));
    QVERIFY_THROWS_EXCEPTION(InputError, parseTelemetryEvent(R"({"instance": {}})"));
    TelemetryEvent event;
    event.snapshot = std::make_shared<const Snapshot>();
    nlohmann::json encoded = toTelemetryJson(event);
    encoded["instance"]["busy"] = 1;
    try {
      telemetryFromJson(encoded);
      QFAIL("no error");
    } catch (const InputError& error) {
      QCOMPARE(error.pointer().to_string(), std::string("/instance/busy"));
      QVERIFY2(QString(error.what()).contains("telemetry event: /instance/busy: must be true or false, got 1"), error.what());
    }
  }
};

QTEST_GUILESS_MAIN(TestTelemetryEvent)
#include "tst_telemetry_event.moc"
