// One SLO rule, one answer: the same class percentile fed through a scenario, a serve configuration and a
// planning file is accepted or refused by all three alike, with the same words. (The console's class
// table maps the same SloProblem code to translated text.)
#include <QtTest>

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/io/input_problems.h"
#include "engine/workload/scenario_json.h"
#include "serve/server/serve_config.h"
#include "solver/planning_file.h"

using namespace headroom;
using nlohmann::json;

namespace {

struct Answer {
  std::optional<double> percentile;  // when accepted
  std::string pointer;               // when refused
  std::string allowed;
};

template <typename Read>
Answer answerOf(Read read) {
  try {
    return {read(), {}, {}};
  } catch (const engine::InputError& error) {
    return {std::nullopt, error.pointer().to_string(), error.allowed()};
  }
}

Answer throughScenario(double percentile) {
  json root = json::parse(R"({"name": "s", "duration_s": 10, "model": "llama-3.1-8b", "hardware": "a100-80g",
    "classes": [{"name": "chat", "slo": {"ttft_s": 2}, "arrival": {"process": "poisson", "rate_per_s": 1},
                 "prompt_tokens": 100, "output_tokens": 10}]})");
  root["classes"][0]["slo"]["percentile"] = percentile;
  return answerOf([&] { return engine::scenarioFromJson(root, "s.json").classes[0].qos.slo.percentile; });
}

Answer throughServeConfig(double percentile) {
  json root = json::parse(R"({"model": "llama-3.1-8b", "hardware": "a100-80g",
    "classes": [{"name": "chat", "slo": {"ttft_s": 2}}],
    "tenants": [{"name": "t", "classes": ["chat"], "keys": ["sk-test-00000"]}]})");
  root["classes"][0]["slo"]["percentile"] = percentile;
  return answerOf([&] { return serve::parseServeConfig(root, "serve.json").classes[0].qos.slo.percentile; });
}

Answer throughPlanningFile(double percentile) {
  json root = json::parse(R"({"classes": [{"name": "chat", "rate_per_s": 1, "bound_s": 2, "metric": "ttft"}],
    "modes": [{"name": "m", "curve": [[0, 1], [1, 2]]}]})");
  root["classes"][0]["percentile"] = percentile;
  return answerOf([&] { return solver::parsePlanningJson(root, "plan.json").classes[0].percentile; });
}

}  // namespace

class TestSloPercentileRule : public QObject {
  Q_OBJECT

 private slots:
  void everyReaderGivesTheSameAnswer_data() {
    QTest::addColumn<double>("percentile");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("100: every request meets the bound") << 100.0 << true;
    QTest::newRow("99.9") << 99.9 << true;
    QTest::newRow("0: bounds nothing") << 0.0 << false;
    QTest::newRow("0.5") << 0.5 << true;
    QTest::newRow("100.5") << 100.5 << false;
  }

  void everyReaderGivesTheSameAnswer() {
    QFETCH(double, percentile);
    QFETCH(bool, accepted);
    const Answer scenario = throughScenario(percentile);
    const Answer serve = throughServeConfig(percentile);
    const Answer planning = throughPlanningFile(percentile);
    for (const Answer* answer : {&scenario, &serve, &planning}) {
      QCOMPARE(answer->percentile.has_value(), accepted);
      if (accepted) {
        QCOMPARE(*answer->percentile, percentile);
      } else {
        QVERIFY2(answer->pointer.ends_with("/percentile"), answer->pointer.c_str());
        QCOMPARE(answer->allowed, engine::englishText(engine::SloProblem::PercentileOutOfRange));
      }
    }
    if (!accepted) {
      QCOMPARE(scenario.pointer, std::string("/classes/0/slo/percentile"));
      QCOMPARE(serve.pointer, std::string("/classes/0/slo/percentile"));
      QCOMPARE(planning.pointer, std::string("/classes/0/percentile"));
    }
  }
};

QTEST_GUILESS_MAIN(TestSloPercentileRule)
#include "tst_slo_percentile_rule.moc"
