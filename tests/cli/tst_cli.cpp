// headroom-cli driven like a user would: real processes, real files.
#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include "support/cli_run.h"
#include "support/test_files.h"

namespace {

using RunResult = headroom::test::CliRun;
using headroom::test::runCli;

QString scenario(const char* name) {
  return QStringLiteral(HEADROOM_RESOURCE_DIR_FOR_TESTS) + "/scenarios/" + name;
}

// A small, fast scenario on a constant executor; `extra` is spliced into its first class.
QByteArray smallScenario(const QByteArray& extraClassField = {}, const QByteArray& outputTokens = "8") {
  return R"({
    "name": "small", "seed": 3, "duration_s": 120,
    "executor": {"kind": "constant", "iteration_s": 0.05},
    "scheduler": {"policy": "priority", "chunking": "fixed:256"},
    "classes": [
      {"name": "chat", "rank": 0, "slo": {"ttft_s": 1.0, "tbt_s": 0.2},
       "arrival": {"process": "poisson", "rate_per_s": 2.0},
       "prompt_tokens": 100, "output_tokens": )" +
         outputTokens + extraClassField + R"(},
      {"name": "batch", "rank": 1, "slo": {"ttlt_s": 30},
       "arrival": {"process": "poisson", "rate_per_s": 1.0},
       "prompt_tokens": 200, "output_tokens": 8}
    ]})";
}

using headroom::test::writeFile;

}  // namespace

class TestCli : public QObject {
  Q_OBJECT

 private slots:
  void replayDemoPrintsClassTable() {
    const RunResult result = runCli({"replay", scenario("demo.json")});
    QCOMPARE(result.exitCode, 0);
    for (const char* word : {"alan", "noel", "hari", "TTFT p50/p95/p99", "attain", "goodput"}) {
      QVERIFY2(result.out.contains(word), word);
    }
  }

  void replayJsonHasTheDocumentedShape() {
    QTemporaryDir dir;
    const QString input = writeFile(dir, "small.json", smallScenario({}, "1"));
    const QString output = dir.filePath("out.json");
    const RunResult result = runCli({"replay", input, "--json", output});
    QCOMPARE(result.exitCode, 0);
    QFile file(output);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(json["scenario"].toString(), QString("small"));
    QVERIFY(json["requests"].toInt() > 200);
    QCOMPARE(json["duration_s"].toDouble(), 120.0);
    QVERIFY(json["goodput_per_s"].toDouble() > 0.0);
    const QJsonArray classes = json["classes"].toArray();
    QCOMPARE(classes.size(), 2);
    const QJsonObject chat = classes[0].toObject();
    for (const char* key : {"name", "arrived", "completed", "relegated", "preempted", "slo_attainment", "queue_s",
                            "ttft_s", "tbt_s", "token_gap_s", "ttlt_s"}) {
      QVERIFY2(chat.contains(key), key);
    }
    for (const char* key : {"mean", "p50", "p90", "p95", "p99", "max"}) {
      QVERIFY2(chat["ttft_s"].toObject().contains(key), key);
    }
    // One output token per request: no gaps between tokens, so TBT has no samples.
    QVERIFY(chat["tbt_s"].isNull());
    QVERIFY(chat["token_gap_s"].isNull());
    QCOMPARE(chat["completed"].toInt(), chat["arrived"].toInt());  // drained
  }

  void replayIsDeterministic() {
    const RunResult first = runCli({"replay", scenario("demo.json"), "--json", "-"});
    const RunResult second = runCli({"replay", scenario("demo.json"), "--json", "-"});
    QCOMPARE(first.exitCode, 0);
    QVERIFY(!first.out.isEmpty());
    QCOMPARE(first.out, second.out);
    const RunResult otherSeed = runCli({"replay", scenario("demo.json"), "--json", "-", "--seed", "99"});
    QVERIFY(first.out != otherSeed.out);
  }

  void overridesChangeTheRun() {
    QTemporaryDir dir;
    const QString input = writeFile(dir, "small.json", smallScenario());
    const RunResult base = runCli({"replay", input, "--json", "-"});
    const RunResult scaled = runCli({"replay", input, "--json", "-", "--rate-scale", "2"});
    QCOMPARE(scaled.exitCode, 0);
    const int baseRequests = QJsonDocument::fromJson(base.out).object()["requests"].toInt();
    const int scaledRequests = QJsonDocument::fromJson(scaled.out).object()["requests"].toInt();
    QVERIFY(scaledRequests > 1.8 * baseRequests && scaledRequests < 2.2 * baseRequests);
  }

  void badScenarioIsRejectedAndNothingWritten() {
    QTemporaryDir dir;
    const QString input = writeFile(dir, "bad.json", smallScenario(R"(, "colour": "blue")"));
    const QString output = dir.filePath("out.json");
    const RunResult result = runCli({"replay", input, "--json", output});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("bad.json"), result.err.constData());
    QVERIFY2(result.err.contains("/classes/0"), result.err.constData());
    QVERIFY2(result.err.contains("colour"), result.err.constData());
    QVERIFY(!QFile::exists(output));
  }

  void badFlagsAreRejected_data() {
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("policy") << QStringList{"--policy", "lifo"} << "fcfs, priority, edf, srpf, hybrid";
    QTest::newRow("chunking") << QStringList{"--chunking", "fixed:0"} << "fixed:N";
    QTest::newRow("relegation") << QStringList{"--relegation", "maybe"} << "relegation";
    QTest::newRow("router") << QStringList{"--router", "random"} << "least-loaded";
    QTest::newRow("rate") << QStringList{"--rate-scale", "-1"} << "rate-scale";
  }

  void badFlagsAreRejected() {
    QFETCH(QStringList, flags);
    QFETCH(QString, mentions);
    const RunResult result = runCli(QStringList{"replay", scenario("demo.json")} + flags);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(QString(result.err).contains(mentions), result.err.constData());
  }

  void missingScenarioFile() {
    const RunResult result = runCli({"replay", "/nonexistent/scenario.json"});
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.err.contains("/nonexistent/scenario.json"));
  }

  void capacityFindsARateScale() {
    QTemporaryDir dir;
    const QString input = writeFile(dir, "small.json", smallScenario());
    const RunResult result = runCli({"capacity", input, "--json", "-", "--tolerance", "0.05"});
    QCOMPARE(result.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(result.out).object();
    QVERIFY(json["rate_scale"].toDouble() > 0.0);
    QCOMPARE(json["target_attainment"].toDouble(), 0.99);
    for (const QJsonValue& cls : json["classes"].toArray()) {
      QVERIFY(cls.toObject()["slo_attainment"].toDouble() >= 0.99);
    }
  }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
