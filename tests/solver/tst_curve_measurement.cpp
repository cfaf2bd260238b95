// Measured latency curves: shape, saturation, the on-disk cache, and plans from scenarios verified by replay.
#include <QtTest>

#include <QTemporaryDir>
#include <chrono>
#include <fstream>

#include "engine/workload/scenario.h"
#include "solver/curve_measurement.h"
#include "solver/planner.h"
#include "solver/planning_scenario.h"
#include "support/test_files.h"

using namespace headroom::solver;

namespace {

// Two classes on a constant executor (fast to replay); `extra` is spliced in at the top level.
QByteArray scenarioText(const QByteArray& chatRate = "6.0", const QByteArray& extra = {}) {
  return R"({
    "name": "small", "seed": 3, "duration_s": 600,
    "executor": {"kind": "constant", "iteration_s": 0.05},
    "scheduler": {"policy": "priority", "chunking": "fixed:256"},)" + extra + R"(
    "classes": [
      {"name": "chat", "rank": 0, "slo": {"ttft_s": 1.0, "percentile": 95},
       "arrival": {"process": "poisson", "rate_per_s": )" + chatRate + R"(},
       "prompt_tokens": 100, "output_tokens": 8},
      {"name": "batch", "rank": 1, "slo": {"ttlt_s": 30, "percentile": 95},
       "arrival": {"process": "poisson", "rate_per_s": 4.0},
       "prompt_tokens": 400, "output_tokens": 8}
    ]})";
}

// The scenario loaders take std::filesystem::path.
std::filesystem::path writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content) {
  return headroom::test::writeFile(dir, name, content).toStdString();
}

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

class TestCurveMeasurement : public QObject {
  Q_OBJECT

 private slots:
  void curvesAreMonotoneAndFindTheBound() {
    QTemporaryDir dir;
    const PlanningScenario planning = loadPlanningScenario(writeFile(dir, "s.json", scenarioText()));
    CurveSweepOptions options;
    options.cacheDir = dir.filePath("cache").toStdString();
    const std::vector<PlanningClass> classes = planningClasses(planning);
    QVERIFY(classes[0].metric == LatencyMetric::Ttft);
    QVERIFY(classes[1].metric == LatencyMetric::Ttlt);
    std::vector<std::string> lines;
    const MeasuredCurves measured =
        measureClassCurves(planning.scenario, planning.modes[0], classes, options, [&](const std::string& line) { lines.push_back(line); });
    QVERIFY(!measured.fromCache);
    QCOMPARE(static_cast<std::size_t>(measured.replays), lines.size());
    QCOMPARE(measured.classCurves.size(), std::size_t{2});
    for (std::size_t cls = 0; cls < 2; ++cls) {
      const LatencyCurve& curve = measured.classCurves[cls];
      QVERIFY(curve.points().size() >= 8);
      for (std::size_t i = 1; i < curve.points().size(); ++i) {
        QVERIFY(curve.points()[i].ratePerS > curve.points()[i - 1].ratePerS);
        QVERIFY(curve.points()[i].latencyS >= curve.points()[i - 1].latencyS);
      }
      // The sweep brackets the bound: the capacity lies inside the curve, close to its last point.
      const double capacity = curve.capacityPerS(classes[cls].boundS);
      QVERIFY(capacity > 0.0);
      QVERIFY(capacity <= curve.saturationRatePerS());
      QVERIFY(capacity >= 0.85 * curve.saturationRatePerS());
      QVERIFY(!curve.latencyAtS(curve.saturationRatePerS() * 1.01).has_value());
    }
    // Both curves are measured on the same mix (chat 6 : batch 4), chat's indexed by chat's own rate and
    // batch's by the summed rate: converted to the summed rate, they saturate at the same load.
    const double mixPerChat = 10.0 / 6.0;
    qInfo("saturation: chat %.3f req/s (x%.3f = %.3f summed), batch %.3f summed",
          measured.classCurves[0].saturationRatePerS(), mixPerChat,
          measured.classCurves[0].saturationRatePerS() * mixPerChat, measured.classCurves[1].saturationRatePerS());
    QVERIFY(std::abs(measured.classCurves[0].saturationRatePerS() * mixPerChat -
                     measured.classCurves[1].saturationRatePerS()) <
            0.15 * measured.classCurves[1].saturationRatePerS());
    // One iteration is 50 ms: a chat request never sees its first token sooner.
    QVERIFY(measured.classCurves[0].zeroLoadLatencyS() >= 0.05 - 1e-9);
  }

  void secondMeasurementComesFromTheCache() {
    QTemporaryDir dir;
    const PlanningScenario planning = loadPlanningScenario(writeFile(dir, "s.json", scenarioText()));
    CurveSweepOptions options;
    options.cacheDir = dir.filePath("cache").toStdString();
    const std::vector<PlanningClass> classes = planningClasses(planning);
    auto start = std::chrono::steady_clock::now();
    const MeasuredCurves first = measureClassCurves(planning.scenario, planning.modes[0], classes, options);
    const double firstS = secondsSince(start);
    start = std::chrono::steady_clock::now();
    const MeasuredCurves second = measureClassCurves(planning.scenario, planning.modes[0], classes, options);
    const double secondS = secondsSince(start);
    QVERIFY(second.fromCache);
    QCOMPARE(second.replays, 0);
    QVERIFY(second.classCurves == first.classCurves);
    QVERIFY2(secondS * 20.0 < firstS, qPrintable(QString("%1 s then %2 s").arg(firstS).arg(secondS)));
    const QStringList entries = QDir(dir.filePath("cache")).entryList(QDir::Files);
    QCOMPARE(entries.size(), 1);  // one entry, no partial file left behind
    QVERIFY(entries[0].endsWith(".json"));

    // Another rate mix is another key.
    PlanningScenario changed = loadPlanningScenario(writeFile(dir, "t.json", scenarioText("3.0")));
    const MeasuredCurves other = measureClassCurves(changed.scenario, changed.modes[0], planningClasses(changed), options);
    QVERIFY(!other.fromCache);
    QCOMPARE(QDir(dir.filePath("cache")).entryList(QDir::Files).size(), 2);

    // A damaged entry is measured again, not trusted.
    {
      std::ofstream out(dir.filePath("cache/" + entries[0]).toStdString(), std::ios::trunc);
      out << "{\"version\": 1, \"key\": ";
    }
    const MeasuredCurves again = measureClassCurves(planning.scenario, planning.modes[0], classes, options);
    QVERIFY(!again.fromCache);
    QVERIFY(again.classCurves == first.classCurves);
  }

  void modesFieldGivesModesAndKeepsErrorsOnTheFile() {
    QTemporaryDir dir;
    const auto path = writeFile(dir, "m.json", scenarioText("6.0", R"("modes": [
        {"name": "slow", "iteration_s": 0.1, "cost": 1, "max_instances": 10},
        {"name": "fast", "iteration_s": 0.025, "cost": 3}],)"));
    const PlanningScenario planning = loadPlanningScenario(path);
    QCOMPARE(planning.modes.size(), std::size_t{2});
    QCOMPARE(planning.modes[1].cost, 3.0);
    QCOMPARE(planning.modes[0].maxInstances, 10);
    QCOMPARE(planning.scenario.file, path);

    const auto bad = writeFile(dir, "bad.json", scenarioText("-1", R"("modes": [{"name": "x"}],)"));
    try {
      loadPlanningScenario(bad);
      QFAIL("accepted");
    } catch (const headroom::engine::InputError& error) {
      QCOMPARE(error.file(), bad);
      QCOMPARE(QString::fromStdString(error.pointer().to_string()), QString("/classes/0/arrival/rate_per_s"));
      QVERIFY(QString::fromUtf8(error.what()).startsWith(QString::fromStdString(bad.string()) + ": /classes/0"));
    }
    const auto unknown = writeFile(dir, "unknown.json", scenarioText("6.0", R"("modes": [{"name": "x", "gpus": 2}],)"));
    try {
      loadPlanningScenario(unknown);
      QFAIL("accepted");
    } catch (const headroom::engine::InputError& error) {
      QCOMPARE(QString::fromStdString(error.pointer().to_string()), QString("/modes/0/gpus"));
    }
  }

  void planFromScenarioHoldsInReplay() {
    QTemporaryDir dir;
    const PlanningScenario planning = loadPlanningScenario(writeFile(dir, "s.json", scenarioText("60.0")));
    CurveSweepOptions options;
    options.cacheDir = dir.filePath("cache").toStdString();
    const PlanningInput input = planningInputFromScenario(planning, options);
    const PlanReport report = planCapacity(input, PlanOptions{});
    QVERIFY(report.recommended.solutionFound);
    QVERIFY(report.recommended.instancesTotal >= 2);  // 64 req/s is past one instance's reach
    QVERIFY(report.recommended.instancesTotal <= report.siloed.instancesTotal);
    const Verification verification = verifyPlan(planning, input, report.recommended);
    QCOMPARE(verification.replays, 1);
    QCOMPARE(verification.classes.size(), std::size_t{2});
    for (const ClassVerification& item : verification.classes) {
      QVERIFY(item.replayedS.has_value());
      QVERIFY(item.predictedS.has_value());
      QVERIFY2(item.held, qPrintable(QString::fromStdString(item.name) + QString(" replayed %1 s").arg(*item.replayedS)));
    }
    QVERIFY(verification.allHeld);
  }

  // A plan squeezed onto one instance (all of the traffic on the first) must fail its replay, and the
  // verification says which class missed and by how much.
  void squeezedPlanFailsVerification() {
    QTemporaryDir dir;
    const PlanningScenario planning = loadPlanningScenario(writeFile(dir, "s.json", scenarioText("60.0")));
    CurveSweepOptions options;
    options.cacheDir = dir.filePath("cache").toStdString();
    const PlanningInput input = planningInputFromScenario(planning, options);
    Plan squeezed = planCapacity(input, PlanOptions{}).recommended;
    QVERIFY(squeezed.instances.size() >= 2);
    PlannedInstance& only = squeezed.instances.front();
    for (std::size_t i = 1; i < squeezed.instances.size(); ++i) {
      for (std::size_t c = 0; c < only.ratePerS.size(); ++c) only.ratePerS[c] += squeezed.instances[i].ratePerS[c];
    }
    squeezed.instances.resize(1);
    squeezed.instancesPerMode.assign(squeezed.instancesPerMode.size(), 0);
    squeezed.instancesPerMode[only.modeIndex] = 1;
    squeezed.instancesTotal = 1;
    const Verification verification = verifyPlan(planning, input, squeezed);
    QVERIFY(!verification.allHeld);
    bool someMissed = false;
    for (const ClassVerification& item : verification.classes) {
      QVERIFY(item.replayedS.has_value());
      if (!item.held) {
        someMissed = true;
        QVERIFY(*item.replayedS > item.boundS);
      }
    }
    QVERIFY(someMissed);
  }
};

QTEST_GUILESS_MAIN(TestCurveMeasurement)
#include "tst_curve_measurement.moc"
