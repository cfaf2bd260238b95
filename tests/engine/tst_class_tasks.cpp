#include <QtTest>

#include <nlohmann/json.hpp>

#include "engine/core/qos_class_json.h"
#include "engine/io/input_problems.h"
#include "engine/workload/scenario_json.h"

using namespace headroom::engine;
using nlohmann::json;

namespace {

const std::filesystem::path kOrigin = "classes.json";

json classObject(const std::string& extra) {
  return json::parse(R"({"name": "chat", "rank": 0, "slo": {"ttft_s": 1})" + extra + "}");
}

QosClass read(const json& object) { return qosClassFromJson(JsonInput(kOrigin), object, JsonPointer("/classes/0"), 0); }

}  // namespace

class TestClassTasks : public QObject {
  Q_OBJECT

 private slots:
  void defaultsWhenAbsent() {
    const QosClass qos = read(classObject(""));
    QCOMPARE(qos.rewardWeight, 1.0);
    QVERIFY(qos.tasks.empty());
  }

  void weightAndTasksAreRead() {
    const QosClass qos = read(classObject(R"(, "reward_weight": 2, "tasks": {"mmlu": 0.25, "gsm8k": 0.75})"));
    QCOMPARE(qos.rewardWeight, 2.0);
    // In name order, as a JSON object holds them.
    QCOMPARE(qos.tasks, (std::vector<TaskShare>{{"gsm8k", 0.75}, {"mmlu", 0.25}}));
    QCOMPARE(read(classObject(R"(, "reward_weight": 1000)")).rewardWeight, kMaxRewardWeight);
    QCOMPARE(read(classObject(R"(, "reward_weight": 0.001)")).rewardWeight, 0.001);
  }

  void writtenOnlyWhenNotDefault() {
    QosClass qos = read(classObject(""));
    json written = qosClassToJson(qos);
    QVERIFY(!written.contains("reward_weight"));
    QVERIFY(!written.contains("tasks"));
    QCOMPARE(written.dump(), std::string(R"({"importance":"normal","name":"chat","rank":0,"slo":{"percentile":99.0,"ttft_s":1.0}})"));
    qos.rewardWeight = 2.5;
    qos.tasks = {{"gsm8k", 3.0}, {"mmlu", 1.0}};
    written = qosClassToJson(qos);
    QCOMPARE(written["reward_weight"], json(2.5));
    QCOMPARE(written["tasks"], json::parse(R"({"gsm8k": 3.0, "mmlu": 1.0})"));
    const QosClass back = read(written);
    QCOMPARE(back.rewardWeight, 2.5);
    QCOMPARE(back.tasks, qos.tasks);
  }

  void errors_data() {
    QTest::addColumn<QString>("extra");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("allowed");
    QTest::addColumn<QString>("found");
    const QString weightRule = "must be a number in (0, 1000] (1 by default, 2 for traffic worth double)";
    QTest::newRow("weight zero") << R"(, "reward_weight": 0)" << "/classes/0/reward_weight" << weightRule << "0";
    QTest::newRow("weight negative") << R"(, "reward_weight": -1)" << "/classes/0/reward_weight" << weightRule << "-1";
    QTest::newRow("weight too big") << R"(, "reward_weight": 1000.5)" << "/classes/0/reward_weight" << weightRule
                                    << "1000.5";
    QTest::newRow("weight a string") << R"(, "reward_weight": "2")" << "/classes/0/reward_weight" << weightRule
                                     << "\"2\"";
    const QString tasksRule = "must be a non-empty object: task name";
    QTest::newRow("tasks empty") << R"(, "tasks": {})" << "/classes/0/tasks" << tasksRule << "an object";
    QTest::newRow("tasks an array") << R"(, "tasks": ["mmlu"])" << "/classes/0/tasks" << tasksRule << "an array";
    QTest::newRow("tasks a string") << R"(, "tasks": "mmlu")" << "/classes/0/tasks" << tasksRule << "\"mmlu\"";
    const QString shareRule = "must be a number > 0 (a share of the class's requests, any scale)";
    QTest::newRow("share zero") << R"(, "tasks": {"mmlu": 0})" << "/classes/0/tasks/mmlu" << shareRule << "0";
    QTest::newRow("share negative") << R"(, "tasks": {"mmlu": 1, "gsm8k": -2})" << "/classes/0/tasks/gsm8k"
                                    << shareRule << "-2";
    QTest::newRow("share a string") << R"(, "tasks": {"mmlu": "1"})" << "/classes/0/tasks/mmlu" << shareRule << "\"1\"";
    QTest::newRow("task name empty") << R"(, "tasks": {"": 1})" << "/classes/0/tasks/"
                                     << "a task name must be a non-empty string" << "\"\"";
    QTest::newRow("task name blank") << R"(, "tasks": {"  ": 1})" << "/classes/0/tasks/  "
                                     << "a task name must be a non-empty string" << "\"  \"";
    const std::string longName(65, 'x');
    QTest::newRow("task name too long") << QString::fromStdString(R"(, "tasks": {")" + longName + R"(": 1})")
                                        << QString::fromStdString("/classes/0/tasks/" + longName)
                                        << "a task name must be at most 64 bytes long"
                                        << QString::fromStdString("\"" + longName + "\"");
  }
  void errors() {
    QFETCH(QString, extra);
    QFETCH(QString, pointer);
    QFETCH(QString, allowed);
    QFETCH(QString, found);
    try {
      read(classObject(extra.toStdString()));
      QFAIL("accepted");
    } catch (const InputError& e) {
      QCOMPARE(e.file(), kOrigin);
      QCOMPARE(QString::fromStdString(e.pointer().to_string()), pointer);
      QVERIFY2(e.allowed().starts_with(allowed.toStdString()), e.what());
      QCOMPARE(QString::fromStdString(e.found()), found);
    }
  }

  void rulesLiveInOnePlace() {
    QVERIFY(!checkRewardWeight(1.0));
    QVERIFY(!checkRewardWeight(kMaxRewardWeight));
    QVERIFY(checkRewardWeight(0.0) == TierClassProblem::RewardWeightOutOfRange);
    QVERIFY(checkRewardWeight(std::nan("")) == TierClassProblem::RewardWeightOutOfRange);
    QVERIFY(checkRewardWeight(INFINITY) == TierClassProblem::RewardWeightOutOfRange);
    QVERIFY(!checkTaskMix({}));
    const std::vector<TaskShare> repeated = {{"mmlu", 1.0}, {"gsm8k", 1.0}, {"mmlu", 2.0}};
    const auto issue = checkTaskMix(repeated);
    QVERIFY(issue);
    QVERIFY(issue->problem == TierClassProblem::TaskNameTaken);
    QCOMPARE(issue->task, std::size_t{2});
    const std::vector<TaskShare> notANumber = {{"mmlu", std::nan("")}};
    QVERIFY(checkTaskMix(notANumber)->problem == TierClassProblem::ShareNotPositive);
    QCOMPARE(englishText(TierClassProblem::TaskNameTaken), std::string("task names of one class must be unique"));
  }

  // A scenario's classes take the fields (the class reader's fields come from kQosClassFields).
  void scenarioClassesTakeThem() {
    const json document = json::parse(R"({"name": "s", "duration_s": 10, "model": "m", "hardware": "h",
      "classes": [{"name": "chat", "reward_weight": 2, "tasks": {"gsm8k": 1}, "slo": {"ttft_s": 1},
                   "arrival": {"process": "poisson", "rate_per_s": 1}, "prompt_tokens": 100, "output_tokens": 10}]})");
    const Scenario scenario = scenarioFromJson(document, "s.json");
    QCOMPARE(scenario.classes[0].qos.rewardWeight, 2.0);
    QCOMPARE(taskNames(scenario), std::vector<std::string>{"gsm8k"});
    const json written = scenarioToJson(scenario);
    QCOMPARE(written["classes"][0]["reward_weight"], json(2.0));
    QCOMPARE(written["classes"][0]["tasks"], json::parse(R"({"gsm8k": 1.0})"));
  }
};

QTEST_GUILESS_MAIN(TestClassTasks)
#include "tst_class_tasks.moc"
