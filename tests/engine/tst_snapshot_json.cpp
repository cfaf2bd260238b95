#include <QtTest>

#include <stdexcept>

#include "engine/metrics/snapshot_json.h"
#include "support/sample_snapshot.h"

using namespace headroom::engine;
using namespace headroom::test;

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
    // The one Slo encoding leaves an absent bound out; a null (as servers wrote it before) reads the same.
    QVERIFY(!encoded["classes"][1]["slo"].contains("ttft_s"));
    nlohmann::json older = encoded;
    older["classes"][1]["slo"]["ttft_s"] = nullptr;
    compareSnapshots(snapshotFromJson(older), snapshot);
    QCOMPARE(encoded["series"][0]["classes"][0]["queue"]["watched"].is_null(), true);
  }

  // A snapshot written before the gap between tokens was kept apart reads with no gaps recorded.
  void withoutTokenGapReadsEmptyGaps() {
    nlohmann::json older = toSnapshotJson(sampleSnapshot());
    QVERIFY(older["classes"][0].contains("token_gap"));
    QVERIFY(older["series"][0]["classes"][0].contains("token_gap"));
    older["classes"][0].erase("token_gap");
    older["series"][0]["classes"][0].erase("token_gap");
    const Snapshot back = snapshotFromJson(older);
    QVERIFY(back.classes[0].tokenGap.empty());
    QVERIFY(back.classes[0].tbt == sampleSnapshot().classes[0].tbt);
    QVERIFY(!back.series->front().classes[0].tokenGap.p50S);
    QVERIFY(nlohmann::json(toSnapshotJson(sampleSnapshot()))["classes"][0]["token_gap"]["p99"] == 0.03);
  }

  // A pool of model tiers adds the group names, per class the completions per group and the rewards,
  // per window the same counts; a snapshot without tiers writes none of these fields.
  void roundTripsModelTiers() {
    const nlohmann::json plain = toSnapshotJson(sampleSnapshot());
    QVERIFY(!plain.contains("group_names"));
    QVERIFY(!plain["classes"][0].contains("completed_by_group"));
    QVERIFY(!plain["classes"][0].contains("mean_reward"));
    QVERIFY(!plain["series"][0]["classes"][0].contains("completed_by_group"));

    Snapshot snapshot = sampleSnapshot();
    snapshot.groupNames = {"small", "large"};
    for (ClassSnapshot& cls : snapshot.classes) cls.completedByGroup = {0, 0};
    snapshot.classes[0].completedByGroup = {3, 5};
    snapshot.classes[0].rewardSum = 4.25;
    snapshot.classes[0].meanReward = 4.25 / 8.0;
    auto series = std::make_shared<MetricsSeries>(*snapshot.series);
    series->front().classes[0].completedByGroup[0] = 3;
    series->front().classes[0].completedByGroup[1] = 5;
    series->front().classes[0].rewardSum = 4.25;
    snapshot.series = series;
    const nlohmann::json encoded = toSnapshotJson(snapshot);
    QVERIFY(encoded["group_names"] == nlohmann::json({"small", "large"}));
    QVERIFY(encoded["classes"][0]["completed_by_group"] == nlohmann::json({3, 5}));
    QVERIFY(encoded["classes"][1]["mean_reward"].is_null());
    QVERIFY(encoded["series"][0]["classes"][0]["completed_by_group"] == nlohmann::json({3, 5}));
    compareSnapshots(snapshotFromJson(nlohmann::json::parse(encoded.dump())), snapshot);

    nlohmann::json bad = encoded;
    bad["classes"][0]["completed_by_group"][1] = "five";
    try {
      snapshotFromJson(bad);
      QFAIL("a count that is no integer was read");
    } catch (const InputError& error) {
      QCOMPARE(QString::fromStdString(error.pointer().to_string()), QString("/classes/0/completed_by_group/1"));
    }
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
    QTest::newRow("missing time") << "/time_s" << "" << "snapshot JSON: /time_s: required field is missing";
    QTest::newRow("class rank text") << "/classes/1/rank" << "\"x\"" << "snapshot JSON: /classes/1/rank: must be an integer >= 0, got \"x\"";
    QTest::newRow("latency") << "/classes/0/ttft/p99" << "null" << "snapshot JSON: /classes/0/ttft/p99: must be a number, got null";
    QTest::newRow("series class") << "/series/0/classes/0/ttft" << "3" << "snapshot JSON: /series/0/classes/0/ttft: must be an object (a snapshot part), got 3";
    QTest::newRow("classes not array") << "/classes" << "{}" << "snapshot JSON: /classes: must be an array, got an object";
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
    } catch (const InputError& error) {
      QVERIFY2(QString(error.what()).contains(expected), error.what());
    }
  }

};

QTEST_GUILESS_MAIN(TestSnapshotJson)
#include "tst_snapshot_json.moc"
