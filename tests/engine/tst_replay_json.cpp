#include <QtTest>

#include <chrono>
#include <set>
#include <string>
#include <vector>

#include "engine/metrics/metrics_collector.h"
#include "engine/metrics/replay_json.h"

using namespace headroom::engine;
using namespace std::chrono_literals;

namespace {

std::vector<QosClass> twoClasses() {
  QosClass chat{"chat", 0, Importance::High, {}, 1.0, {}};
  chat.slo.ttft = 2s;
  chat.slo.tbt = 100ms;
  QosClass batch{"batch", 1, Importance::Low, {}, 1.0, {}};
  batch.slo.ttlt = 600s;
  return {chat, batch};
}

// Two chat requests (one late), one batch request that arrives but is never served.
Snapshot runSmallReplay() {
  MetricsCollector collector(twoClasses());
  for (int i = 0; i < 2; ++i) {
    RequestState state;
    state.request.id = RequestId(i);
    state.request.classId = 0;
    state.request.arrival = timeFromSeconds(i * 1.0);
    state.request.outputTokens = 2;
    collector.onArrival(state.request, state.request.arrival);
    state.firstScheduled = state.request.arrival + 100ms;
    collector.onFirstScheduled(state, state.firstScheduled);
    state.generatedTokens = 1;
    state.firstToken = state.request.arrival + (i == 0 ? 500ms : 3s);
    collector.onToken(state, state.firstToken, Duration::zero());
    state.generatedTokens = 2;
    state.lastToken = state.firstToken + 40ms;
    state.worstTokenPace = i == 0 ? 0ms : 1040ms;  // token 2 against arrival + 2 s TTFT + 100 ms
    collector.onToken(state, state.lastToken, 40ms);
    collector.onFinished(state, state.lastToken);
  }
  RequestState waiting;
  waiting.request.id = 9;
  waiting.request.classId = 1;
  waiting.request.arrival = timeFromSeconds(5.0);
  collector.onArrival(waiting.request, waiting.request.arrival);
  collector.onRelegated(waiting, timeFromSeconds(5.5));
  return collector.snapshot(timeFromSeconds(10.0));
}

std::set<std::string> keysOf(const nlohmann::json& object) {
  std::set<std::string> keys;
  for (const auto& item : object.items()) keys.insert(item.key());
  return keys;
}

}  // namespace

class TestReplayJson : public QObject {
  Q_OBJECT

 private slots:
  // A pool of model tiers adds the groups and per class the model mix and the mean reward.
  void modelTiers() {
    Snapshot snapshot = runSmallReplay();
    snapshot.groupNames = {"small", "large"};
    snapshot.classes[0].completedByGroup = {1, 1};
    snapshot.classes[0].rewardSum = 0.7;
    snapshot.classes[0].meanReward = 0.35;
    snapshot.classes[1].completedByGroup = {0, 0};
    const nlohmann::json json = toReplayJson(snapshot, "tiers", 10.0);
    QVERIFY(json["groups"] == nlohmann::json({"small", "large"}));
    QVERIFY(json["classes"][0]["completed_by_group"] == nlohmann::json({{"small", 1}, {"large", 1}}));
    QCOMPARE(json["classes"][0]["mean_reward"].get<double>(), 0.35);
    QVERIFY(json["classes"][1]["mean_reward"].is_null());
    const nlohmann::json plain = toReplayJson(runSmallReplay(), "plain", 10.0);
    QVERIFY(!plain.contains("groups"));
    QVERIFY(!plain["classes"][0].contains("completed_by_group"));
  }

  void shape() {
    const nlohmann::json json = toReplayJson(runSmallReplay(), "two-classes", 10.0);
    QVERIFY(json.is_object());
    QCOMPARE(keysOf(json),
             (std::set<std::string>{"scenario", "requests", "duration_s", "goodput_per_s", "classes"}));
    QCOMPARE(json["scenario"].get<std::string>(), std::string("two-classes"));
    QCOMPARE(json["requests"].get<std::int64_t>(), 3);
    QCOMPARE(json["duration_s"].get<double>(), 10.0);
    QCOMPARE(json["goodput_per_s"].get<double>(), 0.1);
    QVERIFY(json["classes"].is_array());
    QCOMPARE(json["classes"].size(), std::size_t(2));

    const std::set<std::string> classKeys{"name",    "arrived", "completed", "relegated",   "preempted", "slo_attainment",
                                          "queue_s", "ttft_s",  "tbt_s",     "token_gap_s", "ttlt_s"};
    const std::set<std::string> statKeys{"mean", "p50", "p90", "p95", "p99", "max"};
    const nlohmann::json& chat = json["classes"][0];
    QCOMPARE(keysOf(chat), classKeys);
    QCOMPARE(chat["name"].get<std::string>(), std::string("chat"));
    QCOMPARE(chat["arrived"].get<std::int64_t>(), 2);
    QCOMPARE(chat["completed"].get<std::int64_t>(), 2);
    QCOMPARE(chat["relegated"].get<std::int64_t>(), 0);
    QCOMPARE(chat["preempted"].get<std::int64_t>(), 0);
    QCOMPARE(chat["slo_attainment"].get<double>(), 0.5);
    for (const char* metric : {"queue_s", "ttft_s", "tbt_s", "token_gap_s", "ttlt_s"}) {
      QVERIFY2(chat[metric].is_object(), metric);
      QCOMPARE(keysOf(chat[metric]), statKeys);
    }
    QCOMPARE(chat["queue_s"]["p50"].get<double>(), 0.1);
    QCOMPARE(chat["ttft_s"]["max"].get<double>(), 3.0);
    QCOMPARE(chat["ttft_s"]["mean"].get<double>(), 1.75);
    QCOMPARE(chat["tbt_s"]["p99"].get<double>(), 1.04);  // judged: the late request's token 2
    QCOMPARE(chat["tbt_s"]["p50"].get<double>(), 0.0);
    QCOMPARE(chat["token_gap_s"]["p99"].get<double>(), 0.04);
    QCOMPARE(chat["ttlt_s"]["max"].get<double>(), 3.04);
  }

  void emptyMetricsAreNull() {
    const nlohmann::json json = toReplayJson(runSmallReplay(), "two-classes", 10.0);
    const nlohmann::json& batch = json["classes"][1];
    QCOMPARE(batch["name"].get<std::string>(), std::string("batch"));
    QCOMPARE(batch["arrived"].get<std::int64_t>(), 1);
    QCOMPARE(batch["completed"].get<std::int64_t>(), 0);
    QCOMPARE(batch["relegated"].get<std::int64_t>(), 1);
    QVERIFY(batch["slo_attainment"].is_null());
    for (const char* metric : {"queue_s", "ttft_s", "tbt_s", "token_gap_s", "ttlt_s"}) {
      QVERIFY2(batch[metric].is_null(), metric);
    }

    const nlohmann::json nothing = toReplayJson(MetricsCollector(twoClasses()).snapshot(kTimeZero), "idle", 0.0);
    QCOMPARE(nothing["requests"].get<std::int64_t>(), 0);
    QCOMPARE(nothing["goodput_per_s"].get<double>(), 0.0);
    QCOMPARE(nothing["classes"].size(), std::size_t(2));
    QVERIFY(nothing["classes"][0]["ttft_s"].is_null());
  }

  void deterministic() {
    const std::string first = toReplayJson(runSmallReplay(), "two-classes", 10.0).dump(2);
    const std::string second = toReplayJson(runSmallReplay(), "two-classes", 10.0).dump(2);
    QCOMPARE(first, second);
    QCOMPARE(nlohmann::json::parse(first), toReplayJson(runSmallReplay(), "two-classes", 10.0));
    QVERIFY(first != toReplayJson(runSmallReplay(), "other", 10.0).dump(2));
  }
};

QTEST_GUILESS_MAIN(TestReplayJson)
#include "tst_replay_json.moc"
