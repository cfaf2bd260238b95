// headroom-cli plan driven like a user would: real processes, real files, exit codes and JSON.
#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include "support/test_files.h"

namespace {

struct RunResult {
  int exitCode = -1;
  QByteArray out;
  QByteArray err;
};

RunResult runCli(const QStringList& arguments, const QString& cacheHome) {
  QProcess process;
  QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
  environment.insert("XDG_CACHE_HOME", cacheHome);
  process.setProcessEnvironment(environment);
  process.start(QStringLiteral(HEADROOM_CLI_PATH), arguments);
  if (!process.waitForFinished(300000)) {
    process.kill();
    return {};
  }
  return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

QString seedExample() { return QStringLiteral(HEADROOM_RESOURCE_DIR_FOR_TESTS) + "/plans/seed-example.json"; }

using headroom::test::writeFile;

QByteArray planningFile(const QByteArray& firstRate, const QByteArray& firstBound = "10") {
  return R"({"classes": [{"name": "a", "rate_per_s": )" + firstRate + R"(, "bound_s": )" + firstBound + R"(},
                         {"name": "b", "rate_per_s": 1, "bound_s": 20}],
             "modes": [{"name": "m", "max_instances": 4, "curve": [[0, 2], [1, 8], [2, 30]]}]})";
}

}  // namespace

class TestPlanCli : public QObject {
  Q_OBJECT

 private slots:
  void seedExamplePrintsPlanAndBaselines() {
    QTemporaryDir dir;
    const RunResult result = runCli({"plan", seedExample()}, dir.path());
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains("optimal, 3 instance(s)"));
    QVERIFY(result.out.contains("fcfs"));
    QVERIFY(result.out.contains("siloed"));
  }

  void jsonHasTheDocumentedShape() {
    QTemporaryDir dir;
    const QString output = dir.filePath("plan.json");
    const RunResult result = runCli({"plan", seedExample(), "--json", output}, dir.path());
    QCOMPARE(result.exitCode, 0);
    QFile file(output);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(json["status"].toString(), QString("optimal"));
    QCOMPARE(json["instances_total"].toInt(), 3);
    QCOMPARE(json["cost"].toDouble(), 3.0);
    QVERIFY(json["solve_time_s"].isDouble());
    const QJsonArray instances = json["instances"].toArray();
    QCOMPARE(instances.size(), 3);
    double user1 = 0.0;
    for (const QJsonValue& instance : instances) {
      QCOMPARE(instance["mode"].toString(), QString("gpu"));
      user1 += instance["rates_per_s"]["user1"].toDouble();
      QVERIFY(instance["predicted_latency_s"]["user1"].toDouble() <= 204.0);
    }
    QVERIFY(qAbs(user1 - 0.25) < 1e-9);
    QCOMPARE(json["baselines"]["fcfs"]["status"].toString(), QString("optimal"));
    QCOMPARE(json["baselines"]["fcfs"]["instances_total"].toInt(), 5);
    QCOMPARE(json["baselines"]["siloed"]["instances_total"].toInt(), 6);
    QVERIFY(!json.contains("verification"));
  }

  void jsonToStdoutIsOnlyJson() {
    QTemporaryDir dir;
    const RunResult result = runCli({"plan", seedExample(), "--json", "-", "--objective", "cost"}, dir.path());
    QCOMPARE(result.exitCode, 0);
    QJsonParseError error{};
    const QJsonObject json = QJsonDocument::fromJson(result.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(json["objective"].toString(), QString("cost"));
  }

  void infeasibleExitsThreeWithItsReason() {
    QTemporaryDir dir;
    const QString input = writeFile(dir, "tight.json", planningFile("1", "1"));
    const QString output = dir.filePath("plan.json");
    const RunResult result = runCli({"plan", input, "--json", output}, dir.path());
    QCOMPARE(result.exitCode, 3);
    QVERIFY(result.err.contains("below its service floor of 2 s on mode m"));
    QFile file(output);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(json["status"].toString(), QString("infeasible"));
    QCOMPARE(json["infeasible_classes"].toArray().at(0).toObject()["name"].toString(), QString("a"));
  }

  // Llama-3.1-8B on an A100: chat prompts of 2000 to 3000 tokens take up to about 0.5 s to prefill
  // alone. The curve's lowest point comes in just under the 0.5 s bound, which alone would buy a pool of
  // about ten instances that then misses; the service floor says no number of instances meets it.
  void boundBelowServiceFloorExitsThreeNamingClassFloorAndBound_data() {
    QTest::addColumn<QByteArray>("modes");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("meetingMode");
    QTest::newRow("one mode") << QByteArray() << 3 << QString();
    QTest::newRow("a faster mode meets it")
        << QByteArray(R"(, "modes": [{"name": "a100", "hardware": "a100-80g"}, {"name": "h100", "hardware": "h100-sxm"}])")
        << 0 << QString("h100");
  }

  void boundBelowServiceFloorExitsThreeNamingClassFloorAndBound() {
    QFETCH(QByteArray, modes);
    QFETCH(int, exitCode);
    QFETCH(QString, meetingMode);
    QTemporaryDir dir;
    const QString input = writeFile(dir, "floor.json", R"({
      "name": "floor", "seed": 3, "duration_s": 600, "model": "llama-3.1-8b", "hardware": "a100-80g",
      "scheduler": {"policy": "priority", "chunking": "fixed:256"},
      "classes": [
        {"name": "chat", "rank": 0, "slo": {"ttft_s": 0.5, "percentile": 95},
         "arrival": {"process": "poisson", "rate_per_s": 2},
         "prompt_tokens": {"dist": "uniform", "min": 2000, "max": 3000}, "output_tokens": 20},
        {"name": "batch", "rank": 1, "slo": {"ttlt_s": 120, "percentile": 95},
         "arrival": {"process": "poisson", "rate_per_s": 1}, "prompt_tokens": 1000, "output_tokens": 100}
      ])" + modes + "}");
    const QString output = dir.filePath("plan.json");
    const RunResult result = runCli({"plan", input, "--json", output}, dir.path());
    QVERIFY2(result.exitCode == exitCode, (result.out + result.err).constData());
    const QByteArray said = exitCode == 3 ? result.err : result.out;
    QVERIFY2(said.contains("chat: its bound of 0.5 s (p95 ttft) is below its service floor of 0.5"), said.constData());
    QFile file(output);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonArray misses = json["below_service_floor"].toArray();
    QCOMPARE(misses.size(), 1);
    const QJsonObject miss = misses.at(0).toObject();
    QCOMPARE(miss["name"].toString(), QString("chat"));
    QCOMPARE(miss["metric"].toString(), QString("ttft"));
    QCOMPARE(miss["bound_s"].toDouble(), 0.5);
    QVERIFY(miss["floor_s"].toDouble() > 0.5);
    QVERIFY(miss["floor_s"].toDouble() < 0.6);
    if (meetingMode.isEmpty()) {
      QVERIFY(said.contains("no mode meets it"));
      QCOMPARE(json["status"].toString(), QString("infeasible"));
      QVERIFY(miss["meeting_mode"].isNull());
    } else {
      QVERIFY(said.contains(("mode " + meetingMode + " meets it").toUtf8()));
      QCOMPARE(miss["mode"].toString(), QString("a100"));
      QCOMPARE(miss["meeting_mode"].toString(), meetingMode);
      QVERIFY(miss["meeting_floor_s"].toDouble() <= 0.5);
      // Chat is planned on the mode that meets its bound only.
      for (const QJsonValue& instance : json["instances"].toArray()) {
        if (instance["rates_per_s"].toObject().contains("chat")) QCOMPARE(instance["mode"].toString(), meetingMode);
      }
    }
  }

  void badInputExitsTwoNamingTheField_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("expected");
    QTest::newRow("negative rate") << planningFile("-1") << QStringList{} << "/classes/0/rate_per_s";
    QTest::newRow("no modes") << QByteArray(R"({"classes": [{"name": "a", "rate_per_s": 1, "bound_s": 3}], "modes": []})")
                              << QStringList{} << "/modes";
    QTest::newRow("curve not a list") << QByteArray(R"({"classes": [{"name": "a", "rate_per_s": 1, "bound_s": 3}],
        "modes": [{"name": "m", "curve": 5}]})") << QStringList{} << "/modes/0/curve";
    QTest::newRow("not JSON") << QByteArray("{") << QStringList{} << "not valid JSON";
    QTest::newRow("unknown objective") << planningFile("1") << QStringList{"--objective", "speed"} << "speed";
    QTest::newRow("verify without a scenario") << planningFile("1") << QStringList{"--verify"} << "needs a scenario";
  }

  void badInputExitsTwoNamingTheField() {
    QFETCH(QByteArray, content);
    QFETCH(QStringList, extra);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString input = writeFile(dir, "input.json", content);
    const QString output = dir.filePath("plan.json");
    const RunResult result = runCli(QStringList{"plan", input, "--json", output} + extra, dir.path());
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(expected.toUtf8()), result.err.constData());
    QVERIFY(!QFile::exists(output));
  }

  void verifyOnScenarioReportsEveryClass_data() {
    QTest::addColumn<QByteArray>("batchPromptTokens");
    QTest::addColumn<bool>("allHeld");
    // Curves are measured on the scenario's whole mix (lower classes riding along), indexed by the
    // summed rate of the classes ranked at or above a class: the plan holds with alike requests and when
    // the lower class brings 4x longer prompts. (A plan that fails its replay is checked in
    // tst_curve_measurement.)
    QTest::newRow("alike requests") << QByteArray("100") << true;
    QTest::newRow("batch prompts 4x longer") << QByteArray("400") << true;
  }

  void verifyOnScenarioReportsEveryClass() {
    QFETCH(QByteArray, batchPromptTokens);
    QFETCH(bool, allHeld);
    QTemporaryDir dir;
    const QString input = writeFile(dir, "scenario.json", R"({
      "name": "small", "seed": 3, "duration_s": 300,
      "executor": {"kind": "constant", "iteration_s": 0.05},
      "scheduler": {"policy": "priority", "chunking": "fixed:256"},
      "classes": [
        {"name": "chat", "rank": 0, "slo": {"ttft_s": 1.0, "percentile": 95},
         "arrival": {"process": "poisson", "rate_per_s": 30}, "prompt_tokens": 100, "output_tokens": 8},
        {"name": "batch", "rank": 1, "slo": {"ttlt_s": 30, "percentile": 95},
         "arrival": {"process": "poisson", "rate_per_s": 20}, "prompt_tokens": )" + batchPromptTokens + R"(,
         "output_tokens": 8}
      ]})");
    const QString output = dir.filePath("plan.json");
    const RunResult result = runCli({"plan", input, "--verify", "--progress", "--json", output}, dir.path());
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.err.contains("class chat"));  // curve progress
    QVERIFY(result.out.contains("verification by replay"));
    QCOMPARE(result.out.contains("missed by"), !allHeld);
    QFile file(output);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject verification = json["verification"].toObject();
    const QJsonArray classes = verification["classes"].toArray();
    QCOMPARE(classes.size(), 2);
    bool every = true;
    for (const QJsonValue& item : classes) {
      const double replayed = item["replayed_s"].toDouble();
      const double bound = item["bound_s"].toDouble();
      QVERIFY(item["replayed_s"].isDouble());
      QVERIFY(item["predicted_s"].toDouble() <= bound);
      QCOMPARE(item["held"].toBool(), replayed <= bound);
      QCOMPARE(item["missed_by_s"].toDouble(), item["held"].toBool() ? 0.0 : replayed - bound);
      every = every && item["held"].toBool();
    }
    QCOMPARE(verification["all_held"].toBool(), every);
    QCOMPARE(every, allHeld);
    // The curves are cached under XDG_CACHE_HOME: a second plan replays nothing for them.
    QVERIFY(!QDir(dir.filePath("headroom/curves")).entryList(QDir::Files).isEmpty());
    const RunResult second = runCli({"plan", input, "--progress"}, dir.path());
    QCOMPARE(second.exitCode, 0);
    QVERIFY(second.err.contains("curves from the cache"));
  }
};

QTEST_GUILESS_MAIN(TestPlanCli)
#include "tst_plan_cli.moc"
