#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <map>
#include <tuple>

#include "engine/workload/scenario.h"
#include "engine/workload/workload.h"

using namespace headroom::engine;

namespace {

using Row = std::tuple<RequestId, ClassId, std::int64_t, std::int32_t, std::int32_t>;

std::vector<Row> rows(const std::vector<Request>& requests) {
  std::vector<Row> result;
  result.reserve(requests.size());
  for (const Request& r : requests) {
    result.emplace_back(r.id, r.classId, r.arrival.time_since_epoch().count(), r.promptTokens,
                        r.outputTokens);
  }
  return result;
}

ClassSpec poissonClass(const std::string& name, double ratePerS, ArrivalKind kind = ArrivalKind::Poisson) {
  ClassSpec spec;
  spec.qos.name = name;
  spec.qos.slo.ttlt = durationFromSeconds(60);
  spec.arrival.kind = kind;
  spec.arrival.ratePerS = ratePerS;
  spec.promptTokens.kind = LengthKind::Lognormal;
  spec.promptTokens.median = 600;
  spec.promptTokens.p90 = 2000;
  spec.promptTokens.max = 8000;
  spec.outputTokens.kind = LengthKind::Uniform;
  spec.outputTokens.min = 10;
  spec.outputTokens.max = 300;
  return spec;
}

Scenario threeClasses(double durationS = 600) {
  Scenario scenario;
  scenario.name = "three";
  scenario.seed = 5;
  scenario.durationS = durationS;
  scenario.classes = {poissonClass("alan", 1.5), poissonClass("noel", 1.8), poissonClass("hari", 0.9)};
  return scenario;
}

std::map<ClassId, int> countsByClass(const std::vector<Request>& requests) {
  std::map<ClassId, int> counts;
  for (const Request& r : requests) ++counts[r.classId];
  return counts;
}

}  // namespace

class TestWorkload : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;

  std::filesystem::path write(const std::string& name, const std::string& text) {
    const auto path = std::filesystem::path(dir_.path().toStdString()) / name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    // 20,000 azure rows, 0.05 s apart.
    std::string azure = "TIMESTAMP,ContextTokens,GeneratedTokens\n";
    for (int i = 0; i < 20000; ++i) {
      const int centis = 5 * i;
      char line[96];
      std::snprintf(line, sizeof line, "2023-11-16 %02d:%02d:%02d.%02d00000,%d,%d\n", 10 + centis / 360000,
                    (centis / 6000) % 60, (centis / 100) % 60, centis % 100, 100 + i % 50, 1 + i % 7);
      azure += line;
    }
    write("azure.csv", azure);
    write(
        "ours.csv",
        "arrival_s,class,prompt_tokens,output_tokens\n5,batch,1,1\n5,chat,2,2\n6,batch,3,3\n7.5,chat,4,4\n");
    write("burst.csv",
          "Timestamp,Model,Request tokens,Response tokens,Total tokens,Log "
          "Type\n0,m,10,0,10,x\n1,m,10,5,15,x\n");
  }

  void sameSeedSameSequence() {
    const Scenario scenario = threeClasses();
    const auto a = rows(generateAll(scenario));
    QVERIFY(a.size() > 2000);
    QCOMPARE(rows(generateAll(scenario)), a);
    QCOMPARE(rows(generateAll(scenario, {1.0, scenario.seed})), a);
  }

  void differentSeedDiffers() {
    const Scenario scenario = threeClasses();
    const auto a = rows(generateAll(scenario));
    QVERIFY(rows(generateAll(scenario, {1.0, 6})) != a);
    Scenario reseeded = scenario;
    reseeded.seed = 6;
    QCOMPARE(rows(generateAll(reseeded)), rows(generateAll(scenario, {1.0, 6})));
  }

  void sortedWithSequentialIdsInsideTheDuration() {
    const Scenario scenario = threeClasses(300);
    const auto requests = generateAll(scenario);
    for (std::size_t i = 0; i < requests.size(); ++i) {
      const Request& r = requests[i];
      QCOMPARE(r.id, RequestId{i});
      QVERIFY(r.classId < 3);
      QVERIFY(r.arrival >= kTimeZero && r.arrival < timeFromSeconds(300));
      QVERIFY(r.promptTokens >= 1 && r.promptTokens <= 8000);
      QVERIFY(r.outputTokens >= 10 && r.outputTokens <= 300);
      if (i > 0) {
        const Request& p = requests[i - 1];
        QVERIFY(p.arrival < r.arrival || (p.arrival == r.arrival && p.classId <= r.classId));
      }
    }
  }

  void classSharesFollowTheRates() {
    const auto requests = generateAll(threeClasses(4000));
    const auto counts = countsByClass(requests);
    const double total = static_cast<double>(requests.size());
    QVERIFY(std::abs(total / 4000 - 4.2) < 0.03 * 4.2);
    QVERIFY(std::abs(counts.at(0) / total - 15.0 / 42) < 0.01);
    QVERIFY(std::abs(counts.at(1) / total - 18.0 / 42) < 0.01);
    QVERIFY(std::abs(counts.at(2) / total - 9.0 / 42) < 0.01);
  }

  void tiesGoToTheLowerClassIndex() {
    Scenario scenario;
    scenario.durationS = 10;
    scenario.classes = {poissonClass("a", 2.0, ArrivalKind::Constant),
                        poissonClass("b", 2.0, ArrivalKind::Constant)};
    const auto requests = generateAll(scenario);
    QCOMPARE(requests.size(), std::size_t{38});  // 0.5, 1.0, ... 9.5 for each class
    for (std::size_t i = 0; i < requests.size(); ++i) {
      QCOMPARE(requests[i].classId, ClassId(i % 2));
      QCOMPARE(requests[i].arrival, timeFromSeconds(0.5 * static_cast<double>(i / 2 + 1)));
    }
  }

  void addingAClassLeavesTheOthersAlone() {
    Scenario one = threeClasses();
    one.classes.resize(1);
    Scenario two = threeClasses();
    two.classes.resize(2);
    std::vector<Request> firstOfTwo;
    for (const Request& r : generateAll(two)) {
      if (r.classId == 0) firstOfTwo.push_back(r);
    }
    const auto alone = generateAll(one);
    QCOMPARE(firstOfTwo.size(), alone.size());
    for (std::size_t i = 0; i < alone.size(); ++i) {
      QCOMPARE(firstOfTwo[i].arrival, alone[i].arrival);
      QCOMPARE(firstOfTwo[i].promptTokens, alone[i].promptTokens);
      QCOMPARE(firstOfTwo[i].outputTokens, alone[i].outputTokens);
    }
  }

  void rateScaleMultipliesArrivals() {
    const Scenario scenario = threeClasses(2000);
    const double base = static_cast<double>(generateAll(scenario).size());
    const double doubled = static_cast<double>(generateAll(scenario, {2.0, {}}).size());
    const double halved = static_cast<double>(generateAll(scenario, {0.5, {}}).size());
    QVERIFY2(std::abs(doubled / base - 2.0) < 0.06, qPrintable(QString::number(doubled / base)));
    QVERIFY2(std::abs(halved / base - 0.5) < 0.02, qPrintable(QString::number(halved / base)));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Workload(scenario, {0.0, {}}));
  }

  void phasesShapeTheStream() {
    Scenario scenario;
    scenario.durationS = 300;
    scenario.classes = {poissonClass("a", 10.0)};
    scenario.classes[0].arrival.phases = {{100, 0, 30, PhaseShape::Step}, {200, 0, 10, PhaseShape::Step}};
    int middle = 0;
    int outside = 0;
    for (const Request& r : generateAll(scenario)) {
      const double t = toSeconds(r.arrival);
      (t >= 100 && t < 200 ? middle : outside) += 1;
    }
    QVERIFY(std::abs(middle - 3000) < 5 * std::sqrt(3000.0));
    QVERIFY(std::abs(outside - 2000) < 5 * std::sqrt(2000.0));
  }

  void lazyEvenForHugeScenarios() {
    Scenario scenario;
    scenario.durationS = 1e8;
    scenario.classes = {poissonClass("a", 1e4)};  // 10^12 requests in all
    QElapsedTimer timer;
    timer.start();
    Workload workload(scenario);
    for (int i = 0; i < 1000; ++i) QVERIFY(workload.next());
    QVERIFY(timer.elapsed() < 1000);
  }

  void throughput() {
    Scenario scenario;
    scenario.durationS = 1e6;
    scenario.classes = {poissonClass("a", 100.0)};
    Workload workload(scenario);
    constexpr int kRequests = 3'000'000;
    std::int64_t checksum = 0;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < kRequests; ++i) checksum += workload.next()->promptTokens;
    const double perS = kRequests / (static_cast<double>(timer.nsecsElapsed()) * 1e-9);
    qInfo("synthetic poisson class: %.2f M requests/s (checksum %lld)", perS / 1e6,
          static_cast<long long>(checksum));
#ifdef NDEBUG
    // Optimised builds must keep well above the 5 M/s target; allow for a busy machine.
    QVERIFY2(perS > 2.5e6, qPrintable(QString::number(perS)));
#endif
  }

  void traceClassMixSharesAndRateScale() {
    const auto azure = std::filesystem::path(dir_.path().toStdString()) / "azure.csv";
    Scenario scenario = threeClasses();
    scenario.classes.resize(2);
    scenario.durationS = 1e6;
    scenario.trace = TraceSpec{azure, TraceFormat::Azure, {{"alan", 1.0}, {"noel", 3.0}}};
    const auto requests = generateAll(scenario);
    QCOMPARE(requests.size(), std::size_t{20000});
    const auto counts = countsByClass(requests);
    QVERIFY2(std::abs(counts.at(1) / 20000.0 - 0.75) < 0.015, qPrintable(QString::number(counts.at(1))));
    QCOMPARE(requests[3].arrival, timeFromSeconds(0.15));
    QCOMPARE(requests[3].promptTokens, 103);
    QCOMPARE(requests.back().arrival, timeFromSeconds(0.05 * 19999));
    QCOMPARE(rows(generateAll(scenario)), rows(requests));
    QVERIFY(rows(generateAll(scenario, {1.0, 99})) != rows(requests));

    const auto fast = generateAll(scenario, {2.0, {}});
    QCOMPARE(fast.size(), requests.size());
    for (std::size_t i = 0; i < fast.size(); i += 997) {
      QCOMPARE(fast[i].arrival, timeFromSeconds(toSeconds(requests[i].arrival) / 2.0));
      QCOMPARE(fast[i].classId, requests[i].classId);
    }
  }

  void traceDurationCutsInTraceTime() {
    const auto azure = std::filesystem::path(dir_.path().toStdString()) / "azure.csv";
    Scenario scenario = threeClasses();
    scenario.durationS = 100;
    scenario.trace = TraceSpec{azure, TraceFormat::Azure, {{"hari", 1.0}}};
    const auto requests = generateAll(scenario, {4.0, {}});
    QCOMPARE(requests.size(), std::size_t{2000});  // rows at 0, 0.05, ... 99.95 s of the trace
    QCOMPARE(requests.back().arrival, timeFromSeconds(99.95 / 4.0));
    for (const Request& r : requests) QCOMPARE(r.classId, ClassId{2});
  }

  void headroomTraceKeepsItsClassesAndWholeLength() {
    const auto file = write("trace-scenario.json", R"({
      "name": "t", "model": "m", "hardware": "h",
      "classes": [{"name": "chat", "slo": {"ttft_s": 1}}, {"name": "batch", "slo": {"ttlt_s": 60}}],
      "trace": {"path": "ours.csv", "format": "headroom"}
    })");
    const auto requests = generateAll(loadScenario(file));
    QCOMPARE(requests.size(), std::size_t{4});
    // Rows at equal times go to the lower class index first; the last row (at the trace's end) is kept.
    QCOMPARE(requests[0].classId, ClassId{0});
    QCOMPARE(requests[0].promptTokens, 2);
    QCOMPARE(requests[1].classId, ClassId{1});
    QCOMPARE(requests[3].arrival, timeFromSeconds(2.5));
    QCOMPARE(requests[3].id, RequestId{3});
  }

  void burstGptSkippedRowsAreCounted() {
    Scenario scenario = threeClasses();
    scenario.trace = TraceSpec{std::filesystem::path(dir_.path().toStdString()) / "burst.csv",
                               TraceFormat::BurstGpt,
                               {{"alan", 1.0}}};
    Workload workload(scenario);
    QCOMPARE(workload.skippedTraceRows(), std::size_t{1});
    const auto first = workload.next();
    QVERIFY(first);
    QCOMPARE(first->arrival, kTimeZero);
    QCOMPARE(first->outputTokens, 5);
    QVERIFY(!workload.next());
  }
};

QTEST_GUILESS_MAIN(TestWorkload)
#include "tst_workload.moc"
