#include <QtTest>

#include <nlohmann/json.hpp>

#include "solver/planning_file.h"

using namespace headroom::solver;
using json = nlohmann::json;

namespace {

json validDocument() {
  return json::parse(R"({
    "classes": [
      {"name": "a", "rate_per_s": 0.5, "bound_s": 10},
      {"name": "b", "rate_per_min": 12, "bound_s": 5, "metric": "ttft", "percentile": 99}
    ],
    "modes": [{"name": "m", "cost": 2, "max_instances": 4, "curve": [[0, 1], [1, 4], [2, 20]]}]
  })");
}

}  // namespace

class TestPlanningFile : public QObject {
  Q_OBJECT

 private slots:
  void readsAndDefaults() {
    const PlanningInput input = parsePlanningJson(validDocument(), "plan.json");
    QCOMPARE(input.classes.size(), std::size_t{2});
    QCOMPARE(input.classes[0].ratePerS, 0.5);
    QCOMPARE(input.classes[1].ratePerS, 0.2);
    QVERIFY(input.classes[0].metric == LatencyMetric::Ttlt);
    QCOMPARE(input.classes[0].percentile, 95.0);
    QVERIFY(input.classes[1].metric == LatencyMetric::Ttft);
    // Ranks by bound when none is given: b (5 s) before a (10 s).
    QCOMPARE(input.classes[1].rank, 0);
    QCOMPARE(input.classes[0].rank, 1);
    QCOMPARE(input.modes[0].cost, 2.0);
    QCOMPARE(input.modes[0].maxInstances, 4);
    QCOMPARE(input.modes[0].curve.saturationRatePerS(), 2.0);
  }

  void curvePerMinuteIsConverted() {
    json doc = validDocument();
    doc["modes"][0].erase("curve");
    doc["modes"][0]["curve_per_min"] = json::parse("[[0, 1], [60, 4]]");
    const PlanningInput input = parsePlanningJson(doc, "plan.json");
    QCOMPARE(input.modes[0].curve.saturationRatePerS(), 1.0);
  }

  void explicitRanksAreKept() {
    json doc = validDocument();
    doc["classes"][0]["rank"] = 0;
    doc["classes"][1]["rank"] = 1;
    const PlanningInput input = parsePlanningJson(doc, "plan.json");
    QCOMPARE(input.classes[0].rank, 0);
    QCOMPARE(input.classes[1].rank, 1);
  }

  void rejectsBadInput_data() {
    QTest::addColumn<QString>("pointer");  // where in validDocument() to put `value` ("" = remove the field)
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("jsonPath");
    QTest::addColumn<QString>("message");
    QTest::newRow("negative rate") << "/classes/0/rate_per_s" << "-1" << "/classes/0/rate_per_s" << ">= 0";
    QTest::newRow("rate not a number") << "/classes/0/rate_per_s" << "\"fast\"" << "/classes/0/rate_per_s" << "got \"fast\"";
    QTest::newRow("no rate") << "/classes/0/rate_per_s" << "" << "/classes/0/rate_per_s" << "rate_per_s or rate_per_min";
    QTest::newRow("two rates") << "/classes/1/rate_per_s" << "1" << "/classes/1/rate_per_min" << "not both";
    QTest::newRow("zero bound") << "/classes/0/bound_s" << "0" << "/classes/0/bound_s" << "> 0";
    QTest::newRow("unknown metric") << "/classes/0/metric" << "\"tbt\"" << "/classes/0/metric" << "ttft, ttlt, queue";
    QTest::newRow("percentile above 100") << "/classes/0/percentile" << "101" << "/classes/0/percentile" << "(0, 100]";
    QTest::newRow("negative rank") << "/classes/0/rank" << "-1" << "/classes/0/rank" << "integer >= 0";
    QTest::newRow("rank on one class only") << "/classes/1/rank" << "0" << "/classes/0/rank" << "another class gives a rank";
    QTest::newRow("unknown class field") << "/classes/0/deadline" << "3" << "/classes/0/deadline" << "allowed fields here";
    QTest::newRow("duplicate class") << "/classes/1/name" << "\"a\"" << "/classes/1/name" << "unique";
    QTest::newRow("no classes") << "/classes" << "[]" << "/classes" << "non-empty array";
    QTest::newRow("no modes") << "/modes" << "[]" << "/modes" << "non-empty array";
    QTest::newRow("modes missing") << "/modes" << "" << "/modes" << "required";
    QTest::newRow("curve not a list") << "/modes/0/curve" << "{\"0\": 1}" << "/modes/0/curve" << "list of [rate, latency_s]";
    QTest::newRow("curve point not a pair") << "/modes/0/curve/1" << "[1, 2, 3]" << "/modes/0/curve/1" << "pair";
    QTest::newRow("curve point negative") << "/modes/0/curve/1/1" << "-2" << "/modes/0/curve/1/1" << ">= 0";
    QTest::newRow("curve repeats a rate") << "/modes/0/curve/1/0" << "0" << "/modes/0/curve/1/0" << "must differ from the other points' rates, got 0";
    QTest::newRow("no curve") << "/modes/0/curve" << "" << "/modes/0/curve" << "required";
    QTest::newRow("zero cost") << "/modes/0/cost" << "0" << "/modes/0/cost" << "> 0";
    QTest::newRow("fractional max instances") << "/modes/0/max_instances" << "1.5" << "/modes/0/max_instances" << "integer";
    QTest::newRow("unknown top-level field") << "/shares" << "{}" << "/shares" << "allowed fields here: classes, modes";
  }

  void rejectsBadInput() {
    QFETCH(QString, pointer);
    QFETCH(QString, value);
    QFETCH(QString, jsonPath);
    QFETCH(QString, message);
    json doc = validDocument();
    const json::json_pointer where(pointer.toStdString());
    if (value.isEmpty()) {
      doc[where.parent_pointer()].erase(where.back());
    } else {
      doc[where] = json::parse(value.toStdString());
    }
    try {
      parsePlanningJson(doc, "plan.json");
      QFAIL("accepted");
    } catch (const headroom::engine::InputError& error) {
      QCOMPARE(QString::fromStdString(error.pointer().to_string()), jsonPath);
      QCOMPARE(QString::fromStdString(error.file().string()), QString("plan.json"));
      const QString text = QString::fromUtf8(error.what());
      QVERIFY2(text.startsWith("plan.json: " + jsonPath + ": "), qPrintable(text));
      QVERIFY2(text.contains(message), qPrintable(text));
    }
  }

  void missingFileIsNamed() {
    try {
      loadPlanningFile("/nonexistent/plan.json");
      QFAIL("accepted");
    } catch (const headroom::engine::InputError& error) {
      QVERIFY(QString::fromUtf8(error.what()).contains("/nonexistent/plan.json"));
    }
  }

  void tellsScenariosFromPlanningFiles() {
    QVERIFY(!looksLikeScenario(validDocument()));
    QVERIFY(looksLikeScenario(json::parse(R"({"name": "s", "model": "llama-3.1-8b", "classes": []})")));
    QVERIFY(looksLikeScenario(json::parse(R"({"classes": [{"name": "a", "slo": {"ttlt_s": 3}}]})")));
  }
};

QTEST_GUILESS_MAIN(TestPlanningFile)
#include "tst_planning_file.moc"
