// `headroom-cli route` with model tiers, in front of two real `headroom-cli serve` members running
// different modeled models (Llama-3.2-1B and Llama-3.1-8B on an A100, iterations as long as the model
// predicts): which model a request reaches, the answer saying so, the tier metrics, and the refusals.
#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cmath>
#include <memory>

#include "support/cli_run.h"
#include "support/http_test_client.h"
#include "support/metric_value.h"
#include "support/prometheus_lint.h"
#include "support/scripted_upstream.h"
#include "support/server_process.h"
#include "support/test_files.h"

using headroom::test::HttpConnection;
using headroom::test::HttpReply;
using headroom::test::ServerProcess;
using headroom::test::httpRequest;
using headroom::test::metricValue;
using headroom::test::runCli;
using headroom::test::sseData;
using headroom::test::writeFile;

namespace {

const std::pair<std::string, std::string> kAcme{"Authorization", "Bearer sk-acme-0123456789"};
const std::pair<std::string, std::string> kAdmin{"Authorization", "Bearer sk-admin-0123456789"};

constexpr const char* kSmall = "llama-3.2-1b";
constexpr const char* kLarge = "llama-3.1-8b";

// "batch" (GSM8K questions) has room for either model; "quick" (120 tokens within 0.6 s) only for the small one: an idle
// Llama-3.1-8B on an A100 is predicted at about 7 ms a decode step (0.85 s), Llama-3.2-1B at about 2 ms.
const char* const kClasses = R"(
    "classes": [
      {"name": "batch", "rank": 1, "slo": {"ttlt_s": 60}, "tasks": {"gsm8k": 1}},
      {"name": "quick", "rank": 0, "slo": {"ttlt_s": 0.6}}
    ],
    "tenants": [{"name": "acme", "classes": ["batch", "quick"], "default_class": "batch", "keys": ["sk-acme-0123456789"]}],
    "admin_keys": ["sk-admin-0123456789"])";

QByteArray memberConfig(const char* model) {
  return QByteArray(R"({"model": ")") + model + R"(", "hardware": "a100-80g", "executor": {"kind": "modeled"},)" + kClasses + "}";
}

// The route over the two members; `extra`: more top-level fields; `largeHardware`: false leaves the large
// member's hardware out.
QByteArray routeConfig(std::uint16_t small, std::uint16_t large, const QByteArray& extra = {}, bool largeHardware = true) {
  return QByteArray("{") + kClasses + R"(,
    "members": [{"name": "small", "url": "http://127.0.0.1:)" + QByteArray::number(small) + R"(", "model": ")" + kSmall +
         R"(", "hardware": "a100-80g"},
                {"name": "large", "url": "http://127.0.0.1:)" + QByteArray::number(large) + R"(", "model": ")" + kLarge + "\"" +
         (largeHardware ? R"(, "hardware": "a100-80g")" : "") + "}]" + (extra.isEmpty() ? QByteArray() : ", " + extra) + "}";
}

const QJsonObject jsonOf(const std::string& text) { return QJsonDocument::fromJson(QByteArray::fromStdString(text)).object(); }

std::string completion(const char* model, int maxTokens, const char* qosClass = "batch", bool stream = false) {
  return std::string(R"({"model": ")") + model + R"(", "prompt": "Which model answers?", "max_tokens": )" +
         std::to_string(maxTokens) + R"(, "qos_class": ")" + qosClass + "\"" + (stream ? R"(, "stream": true})" : "}");
}

QString modelOf(const HttpReply& reply) { return QString::fromStdString(reply.header("x-headroom-model")); }

}  // namespace

class TestTierRoute : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  std::unique_ptr<ServerProcess> small_;
  std::unique_ptr<ServerProcess> large_;

  std::unique_ptr<ServerProcess> startRoute(const QString& name, const QByteArray& extra = {}) {
    return std::make_unique<ServerProcess>(
        QStringList{"route", writeFile(dir_, name, routeConfig(small_->port(), large_->port(), extra))});
  }

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    small_ = std::make_unique<ServerProcess>(QStringList{"serve", writeFile(dir_, "small.json", memberConfig(kSmall))});
    large_ = std::make_unique<ServerProcess>(QStringList{"serve", writeFile(dir_, "large.json", memberConfig(kLarge))});
    QVERIFY2(small_->started() && large_->started(), "a member did not start");
  }

  void cleanupTestCase() {
    small_.reset();
    large_.reset();
  }

  // Greedy: the most accurate model predicted to meet the class's SLO. Requests name "auto"; the answer
  // names the model that served it, in its body and in X-Headroom-Model.
  void greedyPicksByDeadline() {
    auto route = startRoute("greedy.json");
    QVERIFY2(route->started(), "the router did not start");
    const std::uint16_t port = route->port();
    for (int i = 0; i < 3; ++i) {
      const HttpReply roomy = httpRequest(port, "POST", "/v1/completions", completion("auto", 4), {kAcme});
      QCOMPARE(roomy.status, 200);
      QCOMPARE(modelOf(roomy), QString(kLarge));
      QCOMPARE(jsonOf(roomy.body)["model"].toString(), QString(kLarge));
      QCOMPARE(QString::fromStdString(roomy.header("x-headroom-member")), QString("large"));
    }
    const HttpReply tight = httpRequest(port, "POST", "/v1/completions", completion("auto", 120, "quick"), {kAcme});
    QCOMPARE(tight.status, 200);
    QCOMPARE(modelOf(tight), QString(kSmall));
    QCOMPARE(jsonOf(tight.body)["model"].toString(), QString(kSmall));
    QCOMPARE(jsonOf(tight.body)["usage"]["completion_tokens"].toInt(), 120);

    // Streaming: the model is in the first headers, and the stream's tokens are judged as they come.
    HttpConnection connection(port);
    QVERIFY(connection.send("POST", "/v1/completions", completion("auto", 6, "batch", true), {kAcme}));
    const HttpReply stream = connection.read(std::chrono::seconds(30));
    QCOMPARE(stream.status, 200);
    QCOMPARE(modelOf(stream), QString(kLarge));
    QCOMPARE(sseData(stream.body).back(), std::string("[DONE]"));

    const std::string metrics = httpRequest(port, "GET", "/metrics").body;
    QCOMPARE(metricValue(metrics, R"(headroom_router_tier_requests_total{class="batch",model="llama-3.1-8b"})"), 4.0);
    QCOMPARE(metricValue(metrics, R"(headroom_router_tier_requests_total{class="quick",model="llama-3.2-1b"})"), 1.0);
    QCOMPARE(metricValue(metrics, R"(headroom_router_tier_requests_total{class="batch",model="llama-3.2-1b"})"), 0.0);
    // Every batch answer met its 60 s bound; each earned the 8B's accuracy on the class's task (GSM8K).
    QCOMPARE(metricValue(metrics, R"(headroom_router_tier_completions_total{class="batch",model="llama-3.1-8b",slo="met"})"), 4.0);
    QCOMPARE(metricValue(metrics, R"(headroom_router_tier_completions_total{class="batch",model="llama-3.1-8b",slo="missed"})"), 0.0);
    QCOMPARE(metricValue(metrics, R"(headroom_router_tier_rewarded_total{class="batch"})"), 4.0);
    const double meanReward = metricValue(metrics, R"(headroom_router_tier_reward_total{class="batch"})") / 4.0;
    QVERIFY2(std::abs(meanReward - 0.845) < 1e-9, qPrintable(QString::number(meanReward)));
    QCOMPARE(metricValue(metrics, R"(headroom_router_tier_completions_total{class="quick",model="llama-3.2-1b",slo="met"})") +
                 metricValue(metrics, R"(headroom_router_tier_completions_total{class="quick",model="llama-3.2-1b",slo="missed"})"),
             1.0);
    const std::vector<std::string> problems = headroom::test::prometheusLintProblems(metrics);
    QVERIFY2(problems.empty(), problems.empty() ? "" : problems.front().c_str());
    const QString promtool = QStandardPaths::findExecutable("promtool");
    if (!promtool.isEmpty()) {
      QProcess check;
      check.start(promtool, {"check", "metrics"});
      QVERIFY(check.waitForStarted());
      check.write(QByteArray::fromStdString(metrics));
      check.closeWriteChannel();
      QVERIFY(check.waitForFinished(60000));
      QVERIFY2(check.exitCode() == 0, check.readAll().constData());
    }

    // The router lists its members' models and "auto".
    const HttpReply models = httpRequest(port, "GET", "/v1/models", {}, {kAcme});
    QCOMPARE(models.status, 200);
    QStringList ids;
    for (const auto& entry : jsonOf(models.body)["data"].toArray()) ids << entry.toObject()["id"].toString();
    QCOMPARE(ids, (QStringList{kSmall, kLarge, "auto"}));

    // The members list says each member's model.
    const HttpReply members = httpRequest(port, "GET", "/v1/headroom/members", {}, {kAdmin});
    QCOMPARE(members.status, 200);
    const QJsonArray list = jsonOf(members.body)["members"].toArray();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list[0].toObject()["model"].toString(), QString(kSmall));
    QCOMPARE(list[1].toObject()["model"].toString(), QString(kLarge));
    QCOMPARE(route->stop(), 0);
  }

  // A concrete model goes to that model's members only, whatever the tier router would pick; a model no
  // member serves is 404 naming the models.
  void concreteModelGoesToItsMembers() {
    auto route = startRoute("concrete.json");
    QVERIFY2(route->started(), "the router did not start");
    for (int i = 0; i < 3; ++i) {
      const HttpReply reply = httpRequest(route->port(), "POST", "/v1/completions", completion(kSmall, 4), {kAcme});
      QCOMPARE(reply.status, 200);
      QCOMPARE(modelOf(reply), QString(kSmall));
      QCOMPARE(QString::fromStdString(reply.header("x-headroom-member")), QString("small"));
    }
    const HttpReply unknown = httpRequest(route->port(), "POST", "/v1/completions", completion("gpt-9", 4), {kAcme});
    QCOMPARE(unknown.status, 404);
    const QJsonObject error = jsonOf(unknown.body)["error"].toObject();
    QCOMPARE(error["code"].toString(), QString("model_not_found"));
    QVERIFY2(error["message"].toString().contains(kSmall) && error["message"].toString().contains(kLarge),
             qPrintable(error["message"].toString()));
    QCOMPARE(route->stop(), 0);
  }

  // static:MODEL sends every tiered request to that model, even where greedy would not.
  void staticSendsAllToItsModel() {
    auto route = startRoute("static.json", R"("tier_router": "static:llama-3.2-1b")");
    QVERIFY2(route->started(), "the router did not start");
    for (int i = 0; i < 3; ++i) {
      const HttpReply reply = httpRequest(route->port(), "POST", "/v1/completions", completion("auto", 4), {kAcme});
      QCOMPARE(reply.status, 200);
      QCOMPARE(modelOf(reply), QString(kSmall));
    }
    QCOMPARE(route->stop(), 0);
  }

  // A class in tiered_classes is routed by the tier router whatever model its requests name.
  void tieredClassesIgnoreTheNamedModel() {
    auto route = startRoute("tiered.json", R"("tiered_classes": ["batch"])");
    QVERIFY2(route->started(), "the router did not start");
    const HttpReply reply = httpRequest(route->port(), "POST", "/v1/completions", completion(kSmall, 4), {kAcme});
    QCOMPARE(reply.status, 200);
    QCOMPARE(modelOf(reply), QString(kLarge));
    QCOMPARE(jsonOf(reply.body)["model"].toString(), QString(kLarge));
    QCOMPARE(route->stop(), 0);
  }

  // A tiered request whose chosen model has no member left to try is served by another model, and the
  // answer says which. Here the large model's only member answers its health checks but 503 to work.
  void chosenModelWithNoMemberLeftFallsBackToAnother() {
    headroom::test::ScriptedUpstream failing([](const headroom::test::ScriptedUpstream::Request& request) {
      if (request.target == "/health") return headroom::test::ScriptedUpstream::response(200, R"({"status": "ok"})");
      return headroom::test::ScriptedUpstream::response(
          503, R"({"error": {"message": "stopping", "type": "server_error", "param": null, "code": null}})");
    });
    QVERIFY(failing.port() != 0);
    auto route = std::make_unique<ServerProcess>(
        QStringList{"route", writeFile(dir_, "failing.json", routeConfig(small_->port(), failing.port()))});
    QVERIFY2(route->started(), "the router did not start");
    // A first answer from the small model leaves the router an idle connection to it: the retry below
    // then starts sending at once, from within the failing member's callback.
    QCOMPARE(httpRequest(route->port(), "POST", "/v1/completions", completion(kSmall, 1), {kAcme}).status, 200);
    const HttpReply reply = httpRequest(route->port(), "POST", "/v1/completions", completion("auto", 4), {kAcme});
    QCOMPARE(reply.status, 200);
    QCOMPARE(modelOf(reply), QString(kSmall));
    QCOMPARE(jsonOf(reply.body)["model"].toString(), QString(kSmall));
    const std::string metrics = httpRequest(route->port(), "GET", "/metrics").body;
    // Chosen for the large model (idle, more accurate), served by the small one.
    QCOMPARE(metricValue(metrics, R"(headroom_router_tier_requests_total{class="batch",model="llama-3.1-8b"})"), 1.0);
    QCOMPARE(metricValue(metrics, R"(headroom_router_retries_total{class="batch"})"), 1.0);
    QCOMPARE(metricValue(metrics, R"(headroom_router_tier_completions_total{class="batch",model="llama-3.2-1b",slo="met"})"), 2.0);
    QCOMPARE(metricValue(metrics, R"(headroom_router_tier_completions_total{class="batch",model="llama-3.1-8b",slo="met"})"), 0.0);
    // A request naming the large model goes nowhere else (its member is down after the 503).
    QCOMPARE(httpRequest(route->port(), "POST", "/v1/completions", completion(kLarge, 4), {kAcme}).status, 503);
    QCOMPARE(route->stop(), 0);
  }

  // Greedy over a member without hardware cannot predict its finish: refused, exit 2, naming the
  // member and the field.
  void greedyWithoutHardwareIsRefused() {
    const QString config = writeFile(dir_, "no-hardware.json", routeConfig(small_->port(), large_->port(), {}, false));
    const auto run = runCli({"route", config, "--port", "0"}, 60000);
    QCOMPARE(run.exitCode, 2);
    const QString message = QString::fromUtf8(run.err + run.out);
    QVERIFY2(message.contains("/members/1/hardware") && message.contains("\"large\"") && message.contains("greedy"),
             qPrintable(message));
  }

  // A learned policy that cannot be read stops the router at start, exit 2, naming the file (resolved
  // beside the configuration).
  void unreadablePolicyIsRefused() {
    const QString config = writeFile(dir_, "learned.json",
                                     routeConfig(small_->port(), large_->port(), R"("tier_router": "learned:no-such-policy.json")"));
    const auto run = runCli({"route", config, "--port", "0"}, 60000);
    QCOMPARE(run.exitCode, 2);
    const QString message = QString::fromUtf8(run.err + run.out);
    QVERIFY2(message.contains(dir_.filePath("no-such-policy.json")), qPrintable(message));
  }
};

QTEST_GUILESS_MAIN(TestTierRoute)
#include "tst_tier_route.moc"
