#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <sstream>
#include <string>

#include "support/cli_run.h"

using headroom::test::CliRun;
using headroom::test::runCli;

namespace {

const QString kScenario = QStringLiteral(HEADROOM_TEST_DATA_DIR "/tiers/two-tiers.json");
const QString kOneGroup = QStringLiteral(HEADROOM_TEST_DATA_DIR "/tiers/one-group.json");
constexpr const char* kDecisions = "3000";

std::string readAll(const QString& path) {
  std::ifstream in(path.toStdString(), std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void writeAll(const QString& path, const std::string& text) {
  std::ofstream out(path.toStdString(), std::ios::binary | std::ios::trunc);
  out << text;
}

QString why(const CliRun& run) {
  return QString("exit %1\nstdout: %2\nstderr: %3").arg(run.exitCode).arg(QString(run.out)).arg(QString(run.err));
}

CliRun train(const QString& out, const QString& seed = "3") {
  return runCli({"train-router", kScenario, "--out", out, "--decisions", kDecisions, "--seed", seed, "--progress"});
}

CliRun replayLearned(const QString& policy) {
  return runCli({"replay", kScenario, "--tier-router", "learned:" + policy});
}

}  // namespace

class TestTrainRouter : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    policy_ = dir_.filePath("policy.json");
    const CliRun run = train(policy_);
    QVERIFY2(run.exitCode == 0, qPrintable(why(run)));
    QVERIFY2(run.err.contains("training [") && run.err.contains("epsilon"), qPrintable(why(run)));
    QVERIFY2(run.out.contains("policy written to"), qPrintable(why(run)));
  }

  void theTrainedPolicyReplays() {
    const CliRun run = replayLearned(policy_);
    QVERIFY2(run.exitCode == 0, qPrintable(why(run)));
  }

  void sameSeedGivesTheSameBytes() {
    const QString again = dir_.filePath("again.json");
    const CliRun run = train(again);
    QVERIFY2(run.exitCode == 0, qPrintable(why(run)));
    QVERIFY(!readAll(policy_).empty());
    QVERIFY(readAll(policy_) == readAll(again));
  }

  void aPoolOfOneGroupIsRefused() {
    const QString out = dir_.filePath("one.json");
    const CliRun run = runCli({"train-router", kOneGroup, "--out", out, "--decisions", kDecisions});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("/pool/groups") && run.err.contains("at least 2"), qPrintable(why(run)));
    QVERIFY(!QFile::exists(out));
  }

  void anUnwritableOutIsRefusedBeforeTraining() {
    const QString out = dir_.filePath("no-such-folder/policy.json");
    const CliRun run = runCli({"train-router", kScenario, "--out", out, "--decisions", kDecisions});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--out") && run.err.contains(out.toUtf8()), qPrintable(why(run)));
  }

  void badPoliciesExitTwoWithTheReason_data() {
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("expected");
    QTest::newRow("another pool") << "\"llama-3.1-8b\"" << "\"llama-3.1-70b\""
                                  << "the policy was trained for groups small (llama-3.2-1b), large (llama-3.1-70b); this pool has small (llama-3.2-1b), large (llama-3.1-8b)";
    QTest::newRow("NaN weight") << "\"parameters\": [" << "\"parameters\": [NaN," << "not valid JSON";
    QTest::newRow("null weight") << "\"parameters\": [" << "\"parameters\": [null," << "/network/parameters/0";
    QTest::newRow("truncated") << "\"training\"" << "" << "not valid JSON";
  }

  void badPoliciesExitTwoWithTheReason() {
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, expected);
    std::string text = readAll(policy_);
    const auto at = text.find(from.toStdString());
    QVERIFY(at != std::string::npos);
    if (from == "\"training\"") {
      text.resize(at);  // cut short
    } else {
      text.replace(at, static_cast<std::size_t>(from.size()), to.toStdString());
    }
    const QString bad = dir_.filePath("bad.json");
    writeAll(bad, text);
    const CliRun run = replayLearned(bad);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(bad.toUtf8()) && run.err.contains(expected.toUtf8()), qPrintable(why(run)));
  }

 private:
  QTemporaryDir dir_;
  QString policy_;
};

QTEST_GUILESS_MAIN(TestTrainRouter)
#include "tst_train_router.moc"
