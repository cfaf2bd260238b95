#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

#include <nlohmann/json.hpp>

#include "engine/workload/scenario_json.h"
#include "support/scenario_difference.h"

using namespace headroom::engine;
using headroom::test::scenarioDifference;
using nlohmann::json;

// Every field differs from its default, so a field the writer forgets shows as a difference.
namespace {

Scenario everyFieldSet() {
  Scenario s;
  s.name = "every field";
  s.file = "/somewhere/every.json";
  s.seed = 18446744073709551615ULL;
  s.durationS = 1234.567891;
  s.executor.kind = ExecutorKind::Modeled;
  s.executor.model = "llama-3.1-70b";
  s.executor.hardware = "h100-sxm";
  s.executor.tensorParallel = 4;
  s.pool.instances = 2;
  s.pool.router = RouterKind::Weighted;
  s.pool.weights = {{1.0, 0.0}, {0.25, 0.75}, {3.0, 1.0}, {1.0, 1.0}};
  s.scheduler.policy = OrderingPolicy::Srpf;
  s.scheduler.alphaSPerToken = 0.0031;
  s.scheduler.chunking = {ChunkingMode::Fixed, 384};
  s.scheduler.relegation = Relegation::Off;
  s.scheduler.selectivePreemption = false;
  s.scheduler.maxBatchTokens = 4096;
  s.scheduler.maxBatchSize = 77;
  s.scheduler.dynamicSafetyFactor = 1.35;
  s.scheduler.dynamicFloorTokens = 64;
  s.scheduler.kvBlockTokens = 32;
  s.scheduler.kvBlocksOverride = 123456789012LL;

  ClassSpec chat;
  chat.qos = {"chat/é", 3, Importance::High, {}, 2.5, {{"gsm8k", 3.0}, {"mmlu", 0.5}}};
  chat.qos.slo.ttft = Duration{1'500'001};
  chat.qos.slo.tbt = Duration{33'333};
  chat.qos.slo.percentile = 99.9;
  chat.arrival = {ArrivalKind::Gamma, 2.5, 3.25, {}};
  chat.arrival.phases = {{10.0, 0.0, 5.0, PhaseShape::Step}, {20.0, 40.5, 1.0, PhaseShape::Ramp},
                         {50.0, 0.0, 0.0, PhaseShape::Step}};
  chat.promptTokens.kind = LengthKind::Lognormal;
  chat.promptTokens.median = 612.5;
  chat.promptTokens.p90 = 2047.25;
  chat.promptTokens.max = 9000;
  chat.outputTokens.kind = LengthKind::Uniform;
  chat.outputTokens.min = 3;
  chat.outputTokens.max = 300;

  ClassSpec batch;
  batch.qos = {"batch", 0, Importance::Low, {}, 1.0, {}};
  batch.qos.slo.ttlt = durationFromSeconds(1800);
  batch.qos.slo.percentile = 50.0;
  batch.arrival = {ArrivalKind::Constant, 0.125, 1.0, {}};
  batch.promptTokens.kind = LengthKind::Empirical;
  batch.promptTokens.values = {5, 50, 5000};
  batch.outputTokens.kind = LengthKind::Fixed;
  batch.outputTokens.value = 42;

  ClassSpec poisson = batch;
  poisson.qos = {"poisson", 1, Importance::Normal, {}, 0.25, {{"mmlu", 1.0}}};
  poisson.qos.slo.ttft = Duration{1};
  poisson.arrival = {ArrivalKind::Poisson, 0.0, 1.0, {}};

  ClassSpec all = chat;
  all.qos = {"all three", 2, Importance::Normal, {}, 1.0, {}};
  all.qos.slo.ttft = Duration{2'000'000};
  all.qos.slo.tbt = Duration{100'000};
  all.qos.slo.ttlt = Duration{60'000'000};

  s.classes = {chat, batch, poisson, all};
  return s;
}

}  // namespace

class TestScenarioJson : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;

  std::filesystem::path write(const std::string& name, const std::string& text) {
    const auto path = std::filesystem::path(dir_.path().toStdString()) / name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

 private slots:
  void initTestCase() { QVERIFY(dir_.isValid()); }

  void everyFieldRoundTrips() {
    const Scenario original = everyFieldSet();
    const Scenario back = scenarioFromJson(scenarioToJson(original), original.file);
    const std::string difference = scenarioDifference(original, back);
    QVERIFY2(difference.empty(), difference.c_str());
  }

  void roundTripSurvivesText() {
    const Scenario original = everyFieldSet();
    const json reparsed = json::parse(scenarioToJson(original).dump());
    const std::string difference = scenarioDifference(original, scenarioFromJson(reparsed, original.file));
    QVERIFY2(difference.empty(), difference.c_str());
  }

  void constantExecutorRoundTrips() {
    Scenario original = everyFieldSet();
    original.executor = {ExecutorKind::Constant, "llama-3.2-1b", "", 0, Duration{12'345}};
    original.pool = {5, RouterKind::LeastLoaded, {}};
    original.scheduler.kvBlocksOverride.reset();
    const std::string difference =
        scenarioDifference(original, scenarioFromJson(scenarioToJson(original), original.file));
    QVERIFY2(difference.empty(), difference.c_str());
    QVERIFY(!scenarioToJson(original).contains("hardware"));
  }

  void traceScenarioRoundTrips() {
    const auto trace = write("azure.csv",
                             "TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:15:46.6805900,10,2\n"
                             "2023-11-16 18:15:48.1805900,20,3\n");
    const auto scenarioFile = write("trace.json", R"({"name": "t", "model": "llama-3.1-8b", "hardware": "a100-80g",
      "classes": [{"name": "a", "slo": {"ttft_s": 1}}, {"name": "b", "slo": {"ttlt_s": 9}}],
      "trace": {"path": "azure.csv", "format": "azure", "class_mix": {"a": 3, "b": 1}}})");
    const Scenario loaded = loadScenario(scenarioFile);
    QVERIFY(loaded.trace);
    QCOMPARE(loaded.trace->path, trace);
    const json document = scenarioToJson(loaded);
    QVERIFY(!document["classes"][0].contains("arrival"));
    QCOMPARE(document["trace"]["path"].get<std::string>(), trace.string());
    const std::string difference =
        scenarioDifference(loaded, scenarioFromJson(document, scenarioFile));
    QVERIFY2(difference.empty(), difference.c_str());
  }

  void shippedScenariosRoundTrip() {
    const std::filesystem::path folder = std::filesystem::path(HEADROOM_RESOURCE_DIR_FOR_TESTS) / "scenarios";
    int checked = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
      if (entry.path().extension() != ".json") continue;
      const Scenario loaded = loadScenario(entry.path());
      const std::string difference = scenarioDifference(loaded, scenarioFromJson(scenarioToJson(loaded), loaded.file));
      QVERIFY2(difference.empty(), (entry.path().string() + ": " + difference).c_str());
      ++checked;
    }
    QVERIFY(checked >= 3);
  }

  void differenceIsDetected() {
    const Scenario original = everyFieldSet();
    Scenario changed = original;
    changed.classes[1].outputTokens.value = 43;
    QCOMPARE(scenarioDifference(original, changed), std::string("classes[1].outputTokens.value: 42 vs 43"));
  }

  void errorsNameTheOrigin() {
    json document = scenarioToJson(everyFieldSet());
    document["scheduler"]["dynamic_safety_factor"] = -1;
    try {
      scenarioFromJson(document, "/stored/workspace.headroom");
      QFAIL("a negative safety factor was accepted");
    } catch (const InputError& e) {
      QCOMPARE(e.file(), std::filesystem::path("/stored/workspace.headroom"));
      QCOMPARE(e.pointer().to_string(), std::string("/scheduler/dynamic_safety_factor"));
      QCOMPARE(e.found(), std::string("-1"));
    }
  }
};

QTEST_GUILESS_MAIN(TestScenarioJson)
#include "tst_scenario_json.moc"
