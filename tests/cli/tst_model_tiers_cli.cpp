// headroom-cli replay on a pool of model tiers, driven like a user would: --tier-router and the model mix.
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

RunResult runCli(const QStringList& arguments) {
  QProcess process;
  QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
  environment.insert("HEADROOM_RESOURCE_DIR", HEADROOM_RESOURCE_DIR_FOR_TESTS);
  process.setProcessEnvironment(environment);
  process.start(QStringLiteral(HEADROOM_CLI_PATH), arguments);
  if (!process.waitForFinished(300000)) {
    process.kill();
    process.waitForFinished();
    return {-1, {}, "headroom-cli did not finish within 300 s"};
  }
  return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

// Twenty seconds of one class on 2 x Llama-3.2-1B and 1 x Llama-3.1-8B.
constexpr char kTieredScenario[] = R"({
  "name": "tiers", "seed": 3, "duration_s": 20,
  "pool": {"groups": [{"name": "small", "model": "llama-3.2-1b", "hardware": "a100-80g", "instances": 2},
                      {"name": "large", "model": "llama-3.1-8b", "hardware": "a100-80g", "instances": 1}],
           "tier_router": "greedy"},
  "classes": [{"name": "chat", "slo": {"ttft_s": 1}, "reward_weight": 2,
               "arrival": {"process": "poisson", "rate_per_s": 4},
               "prompt_tokens": {"dist": "fixed", "value": 256},
               "output_tokens": {"dist": "fixed", "value": 32}}]
})";

constexpr char kOneGroupScenario[] = R"({
  "name": "one", "seed": 3, "duration_s": 5, "model": "llama-3.1-8b", "hardware": "a100-80g",
  "pool": {"instances": 1},
  "classes": [{"name": "chat", "slo": {"ttft_s": 1},
               "arrival": {"process": "poisson", "rate_per_s": 2},
               "prompt_tokens": {"dist": "fixed", "value": 256},
               "output_tokens": {"dist": "fixed", "value": 32}}]
})";

}  // namespace

class TestModelTiersCli : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    tiered_ = headroom::test::writeFile(dir_, "tiers.json", kTieredScenario);
    oneGroup_ = headroom::test::writeFile(dir_, "one.json", kOneGroupScenario);
    QVERIFY(!tiered_.isEmpty() && !oneGroup_.isEmpty());
  }

  void scenarioRouterPrintsTheModelMix() {
    const RunResult run = runCli({"replay", tiered_});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains("tier router: greedy"), run.out.constData());
    QVERIFY2(run.out.contains("mean reward"), run.out.constData());
    QVERIFY2(run.out.contains("small ") && run.out.contains("large "), run.out.constData());
    QVERIFY2(run.out.contains("3 instance(s)"), run.out.constData());
  }

  void staticRouterSendsEverythingToItsGroup() {
    const RunResult run = runCli({"replay", tiered_, "--tier-router", "static:large", "--json", "-"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(json["groups"].toArray(), (QJsonArray{"small", "large"}));
    const QJsonObject chat = json["classes"].toArray().at(0).toObject();
    const QJsonObject mix = chat["completed_by_group"].toObject();
    QCOMPARE(mix["small"].toInt(), 0);
    QCOMPARE(mix["large"].toInt(), chat["completed"].toInt());
    QVERIFY(chat["completed"].toInt() > 0);
    QVERIFY(chat["mean_reward"].toDouble() > 0.0);
    const RunResult text = runCli({"replay", tiered_, "--tier-router", "static:large"});
    QVERIFY2(text.out.contains("tier router: static:large"), text.out.constData());
  }

  void badTierRoutersExitTwo_data() {
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("router");
    QTest::addColumn<QString>("message");
    QTest::newRow("no such form") << "tiered" << "fastest" << "static:GROUP, random, greedy, learned:POLICY.json";
    QTest::newRow("no such group") << "tiered" << "static:huge" << "static:small, static:large";
    QTest::newRow("one group") << "one" << "greedy" << "one group";
  }

  void badTierRoutersExitTwo() {
    QFETCH(QString, scenario);
    QFETCH(QString, router);
    QFETCH(QString, message);
    const RunResult run = runCli({"replay", scenario == "one" ? oneGroup_ : tiered_, "--tier-router", router});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    QVERIFY2(QString::fromUtf8(run.err).contains(router), run.err.constData());
  }

 private:
  QTemporaryDir dir_;
  QString tiered_;
  QString oneGroup_;
};

QTEST_GUILESS_MAIN(TestModelTiersCli)
#include "tst_model_tiers_cli.moc"
