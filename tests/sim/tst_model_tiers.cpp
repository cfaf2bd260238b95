// Replays of pools of model tiers: groups of different models behind a tier router, the model mix and
// the reward in the metrics.
#include <QtTest>

#include <chrono>
#include <numeric>
#include <string>
#include <vector>

#include "engine/metrics/snapshot_json.h"
#include "engine/pool/model_quality.h"
#include "engine/sim/simulation.h"
#include "support/test_scenarios.h"

using namespace headroom::engine;
using namespace std::chrono_literals;

namespace {

PoolGroup groupOf(const std::string& name, const std::string& model, std::int32_t instances) {
  PoolGroup group;
  group.name = name;
  group.executor.kind = ExecutorKind::Modeled;
  group.executor.model = model;
  group.executor.hardware = "a100-80g";
  group.pool.instances = instances;
  return group;
}

// Two classes on 2 x Llama-3.2-1B ("small") and 1 x Llama-3.1-8B ("large"), both on an A100:
// "chat" (TTFT 1 s, weight 2, MMLU) and "math" (TTLT 20 s, weight 1, GSM8K), 512-token prompts and
// 64-token answers, `ratePerS` each.
Scenario tieredScenario(double ratePerS, double durationS, const std::string& tierRouter) {
  Scenario scenario = headroom::test::oneClassScenario(
      {.name = "tiers", .seed = 11, .durationS = durationS, .ratePerS = ratePerS, .iterationS = 0.02, .instances = 1});
  ClassSpec& chat = scenario.classes.front();
  chat.qos.rewardWeight = 2.0;
  chat.qos.tasks = {{"mmlu", 1.0}};
  chat.promptTokens.value = 512;
  chat.outputTokens.value = 64;
  ClassSpec math = chat;
  math.qos.name = "math";
  math.qos.rank = 1;
  math.qos.rewardWeight = 1.0;
  math.qos.tasks = {{"gsm8k", 1.0}};
  math.qos.slo.ttft.reset();
  math.qos.slo.ttlt = 20s;
  scenario.classes.push_back(math);
  setPoolGroups(scenario, {groupOf("small", "llama-3.2-1b", 2), groupOf("large", "llama-3.1-8b", 1)});
  scenario.tierRouter = tierRouter;
  return scenario;
}

TierRouterSpec routerSpec(const std::string& text) {
  const auto spec = parseTierRouterSpec(text);
  if (!spec) qFatal("bad tier router %s", text.c_str());
  return *spec;
}

Snapshot replayed(const Scenario& scenario, const std::optional<std::string>& tierRouter = std::nullopt) {
  ReplayOptions options;
  if (tierRouter) options.tierRouter = routerSpec(*tierRouter);
  return *replay(scenario, options).snapshot;
}

double totalReward(const Snapshot& snapshot) {
  double sum = 0.0;
  for (const ClassSnapshot& cls : snapshot.classes) sum += cls.rewardSum;
  return sum;
}

}  // namespace

class TestModelTiers : public QObject {
  Q_OBJECT

 private slots:
  void sameSeedSameSnapshot() {
    for (const char* router : {"greedy", "random"}) {
      const Scenario scenario = tieredScenario(6.0, 30.0, router);
      const nlohmann::json first = toSnapshotJson(replayed(scenario));
      const nlohmann::json second = toSnapshotJson(replayed(scenario));
      QVERIFY2(first == second, router);
      QVERIFY(first.contains("group_names"));
    }
  }

  void staticRoutesEveryRequestToItsGroup() {
    const Scenario scenario = tieredScenario(2.0, 30.0, "greedy");
    for (const auto& [router, group] : {std::pair{"static:small", 0}, std::pair{"static:large", 1},
                                        std::pair{"static:llama-3.1-8b", 1}}) {
      const Snapshot snapshot = replayed(scenario, std::string(router));
      QCOMPARE(snapshot.groupNames, (std::vector<std::string>{"small", "large"}));
      for (const ClassSnapshot& cls : snapshot.classes) {
        QVERIFY(cls.completed > 0);
        QCOMPARE(cls.completedByGroup[static_cast<std::size_t>(group)], cls.completed);
        QCOMPARE(cls.completedByGroup[static_cast<std::size_t>(1 - group)], std::int64_t{0});
      }
    }
  }

  void completionsByGroupSumToCompleted() {
    for (const char* router : {"greedy", "random"}) {
      const Snapshot snapshot = replayed(tieredScenario(8.0, 30.0, router));
      for (const ClassSnapshot& cls : snapshot.classes) {
        QCOMPARE(std::accumulate(cls.completedByGroup.begin(), cls.completedByGroup.end(), std::int64_t{0}),
                 cls.completed);
      }
      std::int64_t windowed = 0;
      for (const SeriesWindow& window : *snapshot.series) {
        for (const WindowClassStats& cls : window.classes) {
          QCOMPARE(std::accumulate(cls.completedByGroup.begin(), cls.completedByGroup.end(), std::int64_t{0}),
                   cls.completions);
          windowed += cls.completions;
        }
      }
      QVERIFY(windowed > snapshot.completed / 2);
    }
  }

  // All on the large model at a light load: each request that met its SLO earns its class's weight x the
  // 8B's accuracy on its task (the model file's figures).
  void meanRewardIsTheHandComputation() {
    const Snapshot snapshot = replayed(tieredScenario(0.5, 20.0, "static:large"));
    const ModelQuality quality = loadModelQuality("llama-3.1-8b");
    const double weights[] = {2.0, 1.0};
    const char* tasks[] = {"mmlu", "gsm8k"};
    for (std::size_t c = 0; c < 2; ++c) {
      const ClassSnapshot& cls = snapshot.classes[c];
      QVERIFY(cls.completed > 3);
      const double expected = weights[c] * quality.accuracyByTask.at(tasks[c]) * static_cast<double>(cls.sloMet) /
                              static_cast<double>(cls.completed);
      QVERIFY(cls.meanReward.has_value());
      QVERIFY2(std::abs(*cls.meanReward - expected) < 1e-12,
               qPrintable(QString("%1 vs %2").arg(*cls.meanReward).arg(expected)));
    }
  }

  // Far more than one 8B instance can serve: static-large misses most deadlines; greedy sends what the
  // large group cannot finish in time to the small one and earns far more.
  void greedyBeatsStaticLargestUnderOverload() {
    const Scenario scenario = tieredScenario(30.0, 30.0, "greedy");
    const Snapshot greedy = replayed(scenario);
    const Snapshot large = replayed(scenario, std::string("static:large"));
    const double greedyReward = totalReward(greedy);
    const double largeReward = totalReward(large);
    QVERIFY2(greedyReward > 2.0 * largeReward,
             qPrintable(QString("greedy %1, static:large %2").arg(greedyReward).arg(largeReward)));
    QVERIFY(greedy.classes[0].completedByGroup[0] > 0);
    QVERIFY(greedy.classes[0].completedByGroup[1] > 0);
  }

  // One group written as groups, or the same pool without them: the same report as ever, with no
  // model-tier fields.
  void oneGroupSnapshotIsUnchanged() {
    Scenario plain = headroom::test::demoScenario();
    plain.durationS = 60.0;
    Scenario grouped = plain;
    setPoolGroups(grouped, {PoolGroup{"only", plain.executor, plain.pool}});
    const nlohmann::json expected = toSnapshotJson(replayed(plain));
    QVERIFY(!expected.contains("group_names"));
    QVERIFY(!expected["classes"][0].contains("completed_by_group"));
    QVERIFY(toSnapshotJson(replayed(grouped)) == expected);
  }
};

QTEST_APPLESS_MAIN(TestModelTiers)
#include "tst_model_tiers.moc"
