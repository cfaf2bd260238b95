#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <tuple>

#include "engine/workload/scenario.h"
#include "engine/workload/task_mix.h"
#include "engine/workload/workload.h"

using namespace headroom::engine;

namespace {

// Everything of a request but its task.
using Row = std::tuple<RequestId, ClassId, std::int64_t, std::int32_t, std::int32_t>;

std::vector<Row> rowsWithoutTasks(const std::vector<Request>& requests) {
  std::vector<Row> result;
  for (const Request& r : requests) {
    result.emplace_back(r.id, r.classId, r.arrival.time_since_epoch().count(), r.promptTokens, r.outputTokens);
  }
  return result;
}

ClassSpec poissonClass(const std::string& name, double ratePerS) {
  ClassSpec spec;
  spec.qos.name = name;
  spec.qos.slo.ttlt = durationFromSeconds(60);
  spec.arrival.kind = ArrivalKind::Poisson;
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

Scenario twoClasses() {
  Scenario scenario;
  scenario.name = "two";
  scenario.seed = 11;
  scenario.durationS = 2000;
  scenario.classes = {poissonClass("chat", 5.0), poissonClass("batch", 3.0)};
  return scenario;
}

Scenario withTaskMixes(Scenario scenario) {
  scenario.classes[0].qos.tasks = {{"gsm8k", 1.0}, {"mmlu", 3.0}};
  scenario.classes[1].qos.tasks = {{"mmlu", 0.2}, {"gsm8k", 0.6}};
  return scenario;
}

double shareOf(const std::vector<Request>& requests, ClassId classId, TaskId task) {
  int inClass = 0;
  int withTask = 0;
  for (const Request& r : requests) {
    if (r.classId != classId) continue;
    ++inClass;
    withTask += r.task == task ? 1 : 0;
  }
  return inClass == 0 ? -1.0 : static_cast<double>(withTask) / inClass;
}

}  // namespace

class TestTaskMix : public QObject {
  Q_OBJECT

 private slots:
  void aClassWithoutAMixGetsTheDefaultTask() {
    QosClass qos;
    qos.name = "chat";
    const std::vector<std::string> tasks = {"gsm8k", "mmlu"};
    const TaskMix mix(qos, tasks);
    Rng rng(1);
    for (int i = 0; i < 100; ++i) QCOMPARE(mix.draw(rng), TaskId{1});
  }

  void oneTaskDrawsNothingFromTheStream() {
    QosClass qos;
    qos.name = "chat";
    qos.tasks = {{"gsm8k", 2.0}};
    const TaskMix mix(qos, {"mmlu", "gsm8k"});
    Rng rng(7);
    QCOMPARE(mix.draw(rng), TaskId{1});
    Rng fresh(7);
    QCOMPARE(rng.nextU64(), fresh.nextU64());
  }

  void sharesAreNormalisedOverTenThousandDraws() {
    QosClass qos;
    qos.name = "chat";
    qos.tasks = {{"a", 1.0}, {"b", 3.0}, {"c", 6.0}};
    const TaskMix mix(qos, {"c", "b", "a"});
    Rng rng(42);
    std::array<int, 3> counts{};
    constexpr int kDraws = 10000;
    for (int i = 0; i < kDraws; ++i) ++counts.at(mix.draw(rng));
    // Binomial standard deviation at 10k draws is at most 0.005: 0.02 is four of them.
    QVERIFY2(std::abs(counts[2] / double(kDraws) - 0.1) < 0.02, qPrintable(QString::number(counts[2])));
    QVERIFY2(std::abs(counts[1] / double(kDraws) - 0.3) < 0.02, qPrintable(QString::number(counts[1])));
    QVERIFY2(std::abs(counts[0] / double(kDraws) - 0.6) < 0.02, qPrintable(QString::number(counts[0])));
  }

  void workloadTasksFollowEachClassesMix() {
    const Scenario scenario = withTaskMixes(twoClasses());
    QCOMPARE(taskNames(scenario), (std::vector<std::string>{"gsm8k", "mmlu"}));
    const auto requests = generateAll(scenario);
    QVERIFY(requests.size() > 10000);
    QVERIFY2(std::abs(shareOf(requests, 0, 0) - 0.25) < 0.02, qPrintable(QString::number(shareOf(requests, 0, 0))));
    QVERIFY2(std::abs(shareOf(requests, 1, 0) - 0.75) < 0.02, qPrintable(QString::number(shareOf(requests, 1, 0))));
    // Deterministic for a seed; another seed draws other tasks.
    const auto again = generateAll(scenario);
    QVERIFY(std::equal(requests.begin(), requests.end(), again.begin(), again.end(),
                       [](const Request& a, const Request& b) { return a.task == b.task; }));
  }

  void aTaskMixLeavesArrivalsAndLengthsUnchanged() {
    const Scenario plain = twoClasses();
    const Scenario mixed = withTaskMixes(plain);
    const auto without = generateAll(plain);
    const auto with = generateAll(mixed);
    QCOMPARE(rowsWithoutTasks(with), rowsWithoutTasks(without));
    for (const Request& r : without) QCOMPARE(r.task, TaskId{0});  // every class: "mmlu", the only task
    QVERIFY(std::any_of(with.begin(), with.end(), [&with](const Request& r) { return r.task != with.front().task; }));
  }

  void traceRequestsDrawTasksPerClass() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto azure = std::filesystem::path(dir.path().toStdString()) / "azure.csv";
    {
      std::ofstream out(azure, std::ios::binary);
      out << "TIMESTAMP,ContextTokens,GeneratedTokens\n";
      for (int i = 0; i < 10000; ++i) {
        const int centis = 5 * i;
        char line[96];
        std::snprintf(line, sizeof line, "2023-11-16 %02d:%02d:%02d.%02d00000,%d,%d\n", 10 + centis / 360000,
                      (centis / 6000) % 60, (centis / 100) % 60, centis % 100, 100 + i % 50, 1 + i % 7);
        out << line;
      }
    }
    Scenario plain = twoClasses();
    plain.durationS = 1e6;
    plain.trace = TraceSpec{azure, TraceFormat::Azure, {{"chat", 1.0}, {"batch", 1.0}}};
    const Scenario mixed = withTaskMixes(plain);
    const auto without = generateAll(plain);
    const auto with = generateAll(mixed);
    QCOMPARE(with.size(), std::size_t{10000});
    QCOMPARE(rowsWithoutTasks(with), rowsWithoutTasks(without));
    QVERIFY2(std::abs(shareOf(with, 0, 0) - 0.25) < 0.03, qPrintable(QString::number(shareOf(with, 0, 0))));
    QVERIFY2(std::abs(shareOf(with, 1, 0) - 0.75) < 0.03, qPrintable(QString::number(shareOf(with, 1, 0))));
  }
};

QTEST_GUILESS_MAIN(TestTaskMix)
#include "tst_task_mix.moc"
