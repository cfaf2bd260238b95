// `headroom-cli route --replan`: the re-planner on a live router, its gauges, admin endpoint, audit log
// and dry-run diff; auto applies the shares; the budget refuses; bad flags exit 2.
#include <QtTest>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <memory>

#include "support/http_test_client.h"
#include "support/metric_value.h"
#include "support/prometheus_lint.h"
#include "support/replan_route.h"
#include "support/scripted_upstream.h"
#include "support/server_process.h"
#include "support/test_files.h"
#include "support/wait_for.h"

using headroom::test::httpRequest;
using headroom::test::HttpReply;
using headroom::test::metricValue;
using headroom::test::ScriptedUpstream;
using headroom::test::ServerProcess;
using headroom::test::waitFor;
using headroom::test::writeFile;
using namespace headroom::test::replan_route;

namespace {

QJsonObject jsonOf(const std::string& text) { return QJsonDocument::fromJson(QByteArray::fromStdString(text)).object(); }

QList<QJsonObject> logLines(const QString& path) {
  QList<QJsonObject> lines;
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return lines;
  for (const QByteArray& line : file.readAll().split('\n')) {
    if (!line.trimmed().isEmpty()) lines.push_back(QJsonDocument::fromJson(line).object());
  }
  return lines;
}

bool logHas(const QString& path, const QString& action) {
  for (const QJsonObject& line : logLines(path)) {
    if (line["action"].toString() == action) return true;
  }
  return false;
}

// Sends chat requests (well above one instance's rate) until the audit log shows `action`.
bool loadUntil(std::uint16_t port, const QString& log, const QString& action) {
  return waitFor(
      [&] {
        for (int i = 0; i < 3; ++i) httpRequest(port, "POST", "/v1/completions", kCompletion, {kAcme});
        return logHas(log, action);
      },
      std::chrono::seconds(60), std::chrono::milliseconds(100));
}

}  // namespace

class TestRouteReplan : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  std::unique_ptr<ScriptedUpstream> a_;
  std::unique_ptr<ScriptedUpstream> b_;

  std::unique_ptr<ServerProcess> router(const QString& log, const QStringList& extra) {
    const QString config = writeFile(dir_, "route.json", routeConfig(a_->port(), b_->port()));
    const QString planning = writeFile(dir_, "planning.json", kPlanning);
    return std::make_unique<ServerProcess>(QStringList{"route", config, "--interval", "1", "--replan-input", planning,
                                                       "--replan-log", log} +
                                           extra);
  }

  int exitCodeOf(const QStringList& arguments, QByteArray* errors) {
    QProcess process;
    process.start(QStringLiteral(HEADROOM_CLI_PATH), arguments + QStringList{"--port", "0"});
    if (!process.waitForFinished(20000)) {
      process.kill();
      process.waitForFinished();
      return -1;
    }
    *errors = process.readAllStandardError();
    return process.exitCode();
  }

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    a_ = std::make_unique<ScriptedUpstream>(memberAnswer);
    b_ = std::make_unique<ScriptedUpstream>(memberAnswer);
  }

  // Advisory: the recommendation follows the load in the gauges, the admin endpoint, the diff and the
  // audit log; the router's routing stays as it was.
  void advisoryPublishesTheRecommendation() {
    const QString log = dir_.filePath("advisory.jsonl");
    auto process = router(log, {"--replan", "advisory"});
    QVERIFY(process->started());
    const std::uint16_t port = process->port();
    QVERIFY2(loadUntil(port, log, "scaled-up"), "no scale-up in the audit log");

    const std::string metrics = httpRequest(port, "GET", "/metrics", {}, {}).body;
    QVERIFY(headroom::test::prometheusLintProblems(metrics).empty());
    QVERIFY(metricValue(metrics, R"(headroom_router_desired_instances{mode="gpu"})") >= 2.0);
    QVERIFY(metricValue(metrics, R"(headroom_router_recommended_instances{mode="gpu"})") >= 0.0);
    QVERIFY(metricValue(metrics, "headroom_router_replan_changes_total") >= 1.0);

    const HttpReply status = httpRequest(port, "GET", "/v1/headroom/replan", {}, {kAdmin});
    QCOMPARE(status.status, 200);
    const QJsonObject body = jsonOf(status.body);
    QCOMPARE(body["mode"].toString(), QString("advisory"));
    QVERIFY(body["current"].toObject()["instances"].toInt() >= 2);
    QVERIFY(!body["last_decision"].toObject()["reason"].toString().isEmpty());
    QVERIFY(body["last_decision"].toObject()["rates"].toObject().contains("chat"));
    QCOMPARE(httpRequest(port, "GET", "/v1/headroom/replan", {}, {kAcme}).status, 403);
    const HttpReply diff = httpRequest(port, "GET", "/v1/headroom/replan?format=diff", {}, {kAdmin});
    QCOMPARE(diff.status, 200);
    QVERIFY2(diff.body.starts_with("gpu: replicas "), diff.body.c_str());

    // Every line of the audit log is one decision with the rates, both plans and a reason.
    for (const QJsonObject& line : logLines(log)) {
      QVERIFY(line.contains("rates") && line.contains("current") && line.contains("recommended"));
      QVERIFY(!line["reason"].toString().isEmpty());
    }
    const QJsonObject shares = jsonOf(httpRequest(port, "GET", "/v1/headroom/admin/shares", {}, {kAdmin}).body);
    QCOMPARE(shares["policy"].toString(), QString("least-loaded"));
    QCOMPARE(process->stop(), 0);
  }

  // Auto: an applied plan's per-class shares go to the router.
  void autoAppliesTheShares() {
    const QString log = dir_.filePath("auto.jsonl");
    auto process = router(log, {"--replan", "auto"});
    QVERIFY(process->started());
    QVERIFY2(loadUntil(process->port(), log, "scaled-up"), "no scale-up in the audit log");
    const QJsonObject shares = jsonOf(httpRequest(process->port(), "GET", "/v1/headroom/admin/shares", {}, {kAdmin}).body);
    QCOMPARE(shares["policy"].toString(), QString("weighted"));
    QVERIFY(shares["shares"].toObject().contains("chat"));
    QCOMPARE(process->stop(), 0);
  }

  // Advisory: an operator applies the last recommendation (POST /v1/headroom/replan/apply with its
  // number); its shares go to the router and the audit log says who applied it. A number that is no
  // longer the last, a tenant key, another method and a bad body are refused.
  void operatorAppliesTheRecommendation() {
    const QString log = dir_.filePath("apply.jsonl");
    auto process = router(log, {"--replan", "advisory"});
    QVERIFY(process->started());
    const std::uint16_t port = process->port();
    QVERIFY2(loadUntil(port, log, "scaled-up"), "no scale-up in the audit log");
    QCOMPARE(jsonOf(httpRequest(port, "GET", "/v1/headroom/admin/shares", {}, {kAdmin}).body)["policy"].toString(),
             QString("least-loaded"));

    // A solve comes every second: apply the last one that is not current yet, as the console does.
    HttpReply applied;
    std::int64_t sequence = 0;
    const bool done = waitFor(
        [&] {
          httpRequest(port, "POST", "/v1/completions", kCompletion, {kAcme});
          const QJsonObject last = jsonOf(httpRequest(port, "GET", "/v1/headroom/replan", {}, {kAdmin}).body)["last_decision"].toObject();
          if (last.isEmpty() || last["applied"].toBool() || !last["recommended"].toObject()["feasible"].toBool()) return false;
          sequence = last["sequence"].toInteger();
          applied = httpRequest(port, "POST", "/v1/headroom/replan/apply", "{\"sequence\": " + std::to_string(sequence) + "}", {kAdmin});
          return applied.status == 200;
        },
        std::chrono::seconds(60), std::chrono::milliseconds(50));
    QVERIFY2(done, applied.body.c_str());
    const QJsonObject after = jsonOf(applied.body);
    QCOMPARE(after["last_decision"].toObject()["action"].toString(), QString("accepted"));
    QCOMPARE(after["last_decision"].toObject()["sequence"].toInteger(), sequence + 1);
    QVERIFY(after["last_decision"].toObject()["reason"].toString().startsWith("accepted by an operator"));
    const QJsonObject shares = jsonOf(httpRequest(port, "GET", "/v1/headroom/admin/shares", {}, {kAdmin}).body);
    QCOMPARE(shares["policy"].toString(), QString("weighted"));
    QVERIFY(logHas(log, "accepted"));

    const HttpReply again = httpRequest(port, "POST", "/v1/headroom/replan/apply", "{\"sequence\": " + std::to_string(sequence) + "}", {kAdmin});
    QCOMPARE(again.status, 409);
    QVERIFY2(again.body.find("no longer the last one") != std::string::npos, again.body.c_str());
    QCOMPARE(httpRequest(port, "POST", "/v1/headroom/replan/apply", R"({"sequence": 1})", {kAcme}).status, 403);
    QCOMPARE(httpRequest(port, "GET", "/v1/headroom/replan/apply", {}, {kAdmin}).status, 405);
    const HttpReply bad = httpRequest(port, "POST", "/v1/headroom/replan/apply", R"({"sequence": 0})", {kAdmin});
    QCOMPARE(bad.status, 400);
    QVERIFY2(bad.body.find("/sequence") != std::string::npos, bad.body.c_str());
    QCOMPARE(httpRequest(port, "POST", "/v1/headroom/replan/apply", R"({"seq": 3})", {kAdmin}).status, 400);
    QCOMPARE(process->stop(), 0);
  }

  // A plan above the budget is refused and said so; the routing is not touched.
  void theBudgetHolds() {
    const QString log = dir_.filePath("budget.jsonl");
    auto process = router(log, {"--replan", "auto", "--budget", "1"});
    QVERIFY(process->started());
    QVERIFY2(loadUntil(process->port(), log, "refused"), "no refusal in the audit log");
    QVERIFY(!logHas(log, "scaled-up"));
    bool named = false;
    for (const QJsonObject& line : logLines(log)) named |= line["reason"].toString().contains("above the budget of 1");
    QVERIFY(named);
    // What KEDA or an HPA would follow stays within the budget too.
    const std::string metrics = httpRequest(process->port(), "GET", "/metrics", {}, {}).body;
    QCOMPARE(metricValue(metrics, R"(headroom_router_desired_instances{mode="gpu"})"), 1.0);
    const QJsonObject shares = jsonOf(httpRequest(process->port(), "GET", "/v1/headroom/admin/shares", {}, {kAdmin}).body);
    QCOMPARE(shares["policy"].toString(), QString("least-loaded"));
    QCOMPARE(process->stop(), 0);
  }

  void badFlagsExit2_data() {
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown mode") << QStringList{"--replan", "sideways"} << "sideways";
    QTest::newRow("no planning file") << QStringList{"--replan", "auto"} << "--replan-input";
    QTest::newRow("log without replan") << QStringList{"--replan-log", "x.jsonl"} << "needs --replan";
    QTest::newRow("budget without replan") << QStringList{"--budget", "4"} << "needs --replan";
    QTest::newRow("zero interval") << QStringList{"--replan", "auto", "--interval", "0"} << "--interval";
    QTest::newRow("negative budget") << QStringList{"--replan", "auto", "--budget", "-1"} << "--budget";
    QTest::newRow("unmapped mode") << QStringList{"--replan", "auto", "--mode-map", "cpu=llama-3.1-8b@h100-sxm"} << "cpu";
    QTest::newRow("planning file without the classes")
        << QStringList{"--replan", "auto", "--replan-input", "OTHER"} << "has no class \"chat\"";
    // The plan for the planning file's own rates is the one the router starts with: over the budget, or
    // with no plan at all, the router does not start.
    QTest::newRow("starting plan over the budget")
        << QStringList{"--replan", "advisory", "--replan-input", "BUSY", "--budget", "2"}
        << "needs 3 GPUs (gpu 3), above the budget of 2";
    QTest::newRow("starting plan GPUs per instance over the budget")
        << QStringList{"--replan", "advisory", "--mode-map", "gpu=llama-3.1-8b@h100-sxmx2", "--budget", "1"}
        << "needs 2 GPUs (gpu 1), above the budget of 1";
    QTest::newRow("no starting plan")
        << QStringList{"--replan", "advisory", "--replan-input", "UNPLANNABLE"} << "no plan for its own rates";
  }
  void badFlagsExit2() {
    QFETCH(QStringList, flags);
    QFETCH(QString, message);
    const QString config = writeFile(dir_, "bad-route.json", routeConfig(1, 2));
    const QString planning = writeFile(dir_, "bad-planning.json", kPlanning);
    const QString other = writeFile(dir_, "other-planning.json",
                                    "{\"classes\": [{\"name\": \"x\", \"rate_per_s\": 1, \"bound_s\": 10}],"
                                    " \"modes\": [{\"name\": \"gpu\", \"curve\": [ [0, 1], [5, 5] ]}]}");
    // chat at 12 req/s takes three instances of gpu (one carries between 5 and 6 within chat's bound);
    // at 100 req/s it would take more than gpu's eight.
    const QString busy = writeFile(dir_, "busy-planning.json", QByteArray(kPlanning).replace("\"rate_per_s\": 0.1, \"bound_s\": 10",
                                                                                             "\"rate_per_s\": 12, \"bound_s\": 10"));
    const QString unplannable = writeFile(dir_, "unplannable-planning.json",
                                          QByteArray(kPlanning).replace("\"rate_per_s\": 0.1, \"bound_s\": 10",
                                                                        "\"rate_per_s\": 100, \"bound_s\": 10"));
    const QMap<QString, QString> files{{"OTHER", other}, {"BUSY", busy}, {"UNPLANNABLE", unplannable}};
    QStringList arguments{"route", config};
    const bool namesInput = flags.contains("--replan-input");
    for (const QString& flag : flags) arguments << files.value(flag, flag);
    const bool replans = flags.contains("auto") || flags.contains("advisory");
    if (!namesInput && replans && message != "--replan-input") arguments << "--replan-input" << planning;
    QByteArray errors;
    QCOMPARE(exitCodeOf(arguments, &errors), 2);
    QVERIFY2(errors.contains(message.toUtf8()), errors.constData());
  }
};

QTEST_GUILESS_MAIN(TestRouteReplan)
#include "tst_route_replan.moc"
