#include <QtTest>

#include <fstream>
#include <sstream>
#include <string>

#include "engine/io/json_input.h"
#include "engine/learn/dqn.h"
#include "engine/learn/tier_policy_file.h"

using namespace headroom::engine;

namespace {

TierPool twoGroups() {
  TierPool pool;
  pool.groupNames = {"small", "large"};
  pool.groupModels = {"llama-3.2-1b", "llama-3.1-70b"};
  pool.taskNames = {"mmlu"};
  pool.classNames = {"interactive", "batch"};
  return pool;
}

TierPolicy samplePolicy() {
  TierPolicy policy;
  policy.pool = twoGroups();
  policy.features = tierFeatureNames(policy.pool);
  const auto n = policy.features.size();
  policy.normalisation.mean.assign(n, 0.125);
  policy.normalisation.std.assign(n, 1.0 / 3.0);
  policy.layers = {static_cast<std::int32_t>(n), 4, 2};
  const Mlp mlp(policy.layers, 9);
  policy.parameters.assign(mlp.parameters().begin(), mlp.parameters().end());
  policy.training = {1200, 7, 0.4321, 3600.5};
  return policy;
}

void writeText(const QString& path, const std::string& text) {
  std::ofstream out(path.toStdString(), std::ios::binary);
  out << text;
}

QString errorOf(const QString& path) {
  try {
    const auto policy = loadTierPolicy(path.toStdString());
    checkTierPolicyPool(policy, twoGroups(), path.toStdString());
  } catch (const InputError& error) {
    return QString::fromStdString(error.what());
  }
  return {};
}

}  // namespace

class TestTierPolicyFile : public QObject {
  Q_OBJECT

 private slots:
  void roundTripsBitForBit() {
    QTemporaryDir dir;
    const TierPolicy policy = samplePolicy();
    const std::string text = tierPolicyJson(policy);
    QCOMPARE(tierPolicyJson(policy), text);
    const QString path = dir.filePath("policy.json");
    writeText(path, text);
    const TierPolicy back = loadTierPolicy(path.toStdString());
    QVERIFY(back.parameters == policy.parameters);
    QVERIFY(back.normalisation.mean == policy.normalisation.mean);
    QVERIFY(back.normalisation.std == policy.normalisation.std);
    QVERIFY(back.layers == policy.layers);
    QCOMPARE(back.training.decisions, std::int64_t{1200});
    QCOMPARE(back.training.seed, std::uint64_t{7});
    QCOMPARE(back.training.meanReward, 0.4321);
    QCOMPARE(tierPolicyJson(back), text);
    checkTierPolicyPool(back, twoGroups(), path.toStdString());
  }

  void badFilesAreRefusedWithTheReason_data() {
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("expected");
    QTest::newRow("another group") << "\"llama-3.1-70b\"" << "\"llama-3.1-8b\""
                                   << "/pool/groups: the policy was trained for groups small (llama-3.2-1b), large (llama-3.1-8b); this pool has small (llama-3.2-1b), large (llama-3.1-70b)";
    QTest::newRow("another class") << "\"batch\"]" << "\"bulk\"]" << "/features";
    QTest::newRow("NaN weight") << "\"parameters\": [" << "\"parameters\": [NaN," << "not valid JSON";
    QTest::newRow("infinite weight") << "\"parameters\": [" << "\"parameters\": [1e999," << "not valid JSON: number overflow";
    QTest::newRow("null weight") << "\"parameters\": [" << "\"parameters\": [null," << "/network/parameters/0";
    QTest::newRow("std zero") << "\"std\": [" << "\"std\": [0," << "/normalisation/std/0: must be a number > 0";
    QTest::newRow("extra weight") << "\"parameters\": [" << "\"parameters\": [0.5," << "/network/parameters: must hold";
    QTest::newRow("wrong layers") << "\"layers\": [" << "\"layers\": [3," << "/network/layers";
    QTest::newRow("other format") << "headroom-tier-policy" << "something-else" << "/format";
    QTest::newRow("other version") << "\"version\": 1" << "\"version\": 2" << "/version";
  }

  void badFilesAreRefusedWithTheReason() {
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    std::string text = tierPolicyJson(samplePolicy());
    const auto at = text.find(from.toStdString());
    QVERIFY(at != std::string::npos);
    text.replace(at, static_cast<std::size_t>(from.size()), to.toStdString());
    const QString path = dir.filePath("policy.json");
    writeText(path, text);
    const QString error = errorOf(path);
    QVERIFY2(error.contains(path) && error.contains(expected), qPrintable(error));
  }

  void aTruncatedFileIsRefused() {
    QTemporaryDir dir;
    const std::string text = tierPolicyJson(samplePolicy());
    const QString path = dir.filePath("policy.json");
    writeText(path, text.substr(0, text.size() / 2));
    const QString error = errorOf(path);
    QVERIFY2(error.contains(path) && error.contains("not valid JSON"), qPrintable(error));
    QVERIFY(errorOf(dir.filePath("missing.json")).contains("no such tier policy file"));
  }
};

QTEST_APPLESS_MAIN(TestTierPolicyFile)
#include "tst_tier_policy_file.moc"
