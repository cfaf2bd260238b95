// The console's Qt-free remote side against real `headroom-cli serve` and `route` processes on
// loopback: the telemetry client (snapshots, wrong keys, refused connections, backoff), class edits
// through the admin endpoint, and a plan's shares pushed to a router and read back.
#include <QtTest>

#include <QTemporaryDir>

#include <memory>
#include <thread>

#include "serve/client/remote_admin.h"
#include "serve/client/telemetry_client.h"
#include "net/upstream_client.h"
#include "support/http_test_client.h"
#include "support/server_process.h"
#include "support/test_files.h"
#include "support/wait_for.h"

using namespace headroom::engine;
using namespace headroom::serve;
using namespace headroom::net;
using headroom::test::ServerProcess;
using headroom::test::httpRequest;

namespace {

const std::pair<std::string, std::string> kAcme{"Authorization", "Bearer sk-acme-0123456789"};
const char* const kAdminKey = "sk-admin-0123456789";

const char* const kClasses = R"(
    "classes": [
      {"name": "chat", "rank": 0, "slo": {"ttft_s": 1.0, "tbt_s": 0.1}},
      {"name": "batch", "rank": 1, "slo": {"ttlt_s": 60}}
    ],
    "tenants": [{"name": "acme", "classes": ["chat", "batch"], "default_class": "chat", "keys": ["sk-acme-0123456789"]}],
    "admin_keys": ["sk-admin-0123456789"])";

QByteArray serveConfig() {
  return QByteArray(R"({"model_name": "test-model", "executor": {"kind": "constant", "iteration_s": 0.005},)") + kClasses + "}";
}

QByteArray routeConfig(std::uint16_t a, std::uint16_t b) {
  return QByteArray("{") + kClasses + R"(,
    "members": [{"name": "a", "url": "http://127.0.0.1:)" + QByteArray::number(a) + R"("},
                {"name": "b", "url": "http://127.0.0.1:)" + QByteArray::number(b) + R"("}]})";
}

using headroom::test::writeFile;

std::string url(std::uint16_t port) { return "http://127.0.0.1:" + std::to_string(port); }

RemoteTarget target(std::uint16_t port, std::string key) { return *remoteTarget(url(port), std::move(key)); }

using headroom::test::waitFor;

}  // namespace

class TestRemotePool : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<headroom::net::UpstreamClient> transport_;

  std::uint16_t port() const { return server_->port(); }

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    server_ = std::make_unique<ServerProcess>(QStringList{"serve", writeFile(dir_, "serve.json", serveConfig())});
    QVERIFY(server_->started());
    transport_ = std::make_unique<headroom::net::UpstreamClient>(2);
  }

  void cleanupTestCase() { transport_.reset(); }

  void telemetryFollowsTheServer() {
    TelemetryClient client(*transport_, target(port(), kAdminKey));
    QVERIFY(waitFor([&] { return client.latest() != nullptr; }));
    QCOMPARE(client.status().state, TelemetryClient::State::Streaming);
    const auto first = client.latest();
    QCOMPARE(first->model, std::string("test-model"));
    QCOMPARE(first->snapshot->classes.size(), std::size_t{2});
    QCOMPARE(first->snapshot->classes[0].name, std::string("chat"));
    QVERIFY(first->snapshot->classes[0].slo.ttft == std::chrono::seconds(1));
    const std::int64_t before = first->snapshot->classes[1].completed;
    for (int i = 0; i < 3; ++i) {
      const auto reply = httpRequest(port(), "POST", "/v1/completions",
                                     R"({"model": "test-model", "prompt": "hi", "max_tokens": 4, "qos_class": "batch"})", {kAcme});
      QCOMPARE(reply.status, 200);
    }
    QVERIFY(waitFor([&] { return client.latest()->snapshot->classes[1].completed >= before + 3; }));
    const auto after = client.latest();
    QVERIFY(after->snapshot->classes[1].ttlt.count >= 3);
    QVERIFY(after->snapshot->classes[1].ttlt.p50S > 0.0);
    QVERIFY(after->instance.iterations > first->instance.iterations);
    QVERIFY(after->snapshot->time > first->snapshot->time);
    QVERIFY(!client.status().lastError);
  }

  void wrongKeysStopWithAClearError_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("kind");
    QTest::newRow("unknown key") << "sk-wrong" << static_cast<int>(RemoteErrorKind::Unauthorized);
    QTest::newRow("no key") << "" << static_cast<int>(RemoteErrorKind::Unauthorized);
    QTest::newRow("tenant key") << "sk-acme-0123456789" << static_cast<int>(RemoteErrorKind::Forbidden);
  }

  void wrongKeysStopWithAClearError() {
    QFETCH(QString, key);
    QFETCH(int, kind);
    TelemetryClient client(*transport_, target(port(), key.toStdString()));
    QVERIFY(waitFor([&] { return client.status().state == TelemetryClient::State::Stopped; }));
    const TelemetryClient::Status status = client.status();
    QCOMPARE(static_cast<int>(status.lastError.kind), kind);
    QVERIFY(status.lastError.status == 401 || status.lastError.status == 403);
    QVERIFY2(!status.lastError.detail.empty(), describe(status.lastError).c_str());
    QCOMPARE(status.connections, 1);  // no retry with a key that will not work
    QVERIFY(client.latest() == nullptr);
  }

  void refusedConnectionsRetryWithBackoff() {
    // A server that was there and is gone: its port refuses.
    ServerProcess gone(QStringList{"serve", writeFile(dir_, "gone.json", serveConfig())});
    QVERIFY(gone.started());
    const std::uint16_t deadPort = gone.port();
    gone.stop();
    TelemetryClient::Options options;
    options.initialBackoff = std::chrono::milliseconds(50);
    options.maxBackoff = std::chrono::milliseconds(200);
    QElapsedTimer timer;
    timer.start();
    TelemetryClient client(*transport_, target(deadPort, kAdminKey), options);
    QVERIFY(waitFor([&] { return client.status().connections >= 4; }));
    // 50 + 100 + 200 ms of backoff at least passed between the four attempts.
    QVERIFY(timer.elapsed() >= 340);
    const TelemetryClient::Status status = client.status();
    QCOMPARE(status.lastError.kind, RemoteErrorKind::Unreachable);
    QVERIFY(status.state != TelemetryClient::State::Stopped);
    QVERIFY(client.latest() == nullptr);
  }

  void classEditsGoToTheServer() {
    nlohmann::json classes = nlohmann::json::parse(R"([
      {"name": "chat", "rank": 0, "slo": {"ttft_s": 0.75, "tbt_s": 0.1}},
      {"name": "batch", "rank": 1, "slo": {"ttlt_s": 45}}])");
    const RemoteReply reply = putServerClasses(*transport_, target(port(), kAdminKey), classes);
    QVERIFY2(!reply.error, describe(reply.error).c_str());
    QCOMPARE(reply.status, 200);
    const auto read = callRemote(*transport_, target(port(), kAdminKey), "GET", "/v1/headroom/admin/classes");
    QCOMPARE(read.status, 200);
    const auto body = nlohmann::json::parse(read.body);
    QCOMPARE(body["classes"][0]["slo"]["ttft_s"].get<double>(), 0.75);
    QCOMPARE(body["classes"][1]["slo"]["ttlt_s"].get<double>(), 45.0);
    // The telemetry shows the new SLO too, from the first snapshot the instance publishes after the change
    // (it applies and publishes on its own thread, so an event already on its way may still show the old one).
    TelemetryClient client(*transport_, target(port(), kAdminKey));
    QVERIFY(waitFor([&] {
      const auto latest = client.latest();
      return latest && latest->snapshot->classes[0].slo.ttft == std::chrono::milliseconds(750);
    }));
    // A tenant key may not.
    const RemoteReply refused = putServerClasses(*transport_, target(port(), "sk-acme-0123456789"), classes);
    QCOMPARE(refused.error.kind, RemoteErrorKind::Forbidden);
  }

  void planSharesFromAPlan() {
    const auto plan = nlohmann::json::parse(R"({"instances": [
      {"mode": "a100", "rates_per_s": {"chat": 3.0, "batch": 0.0}},
      {"mode": "a100", "rates_per_s": {"chat": 1.0}}]})");
    const nlohmann::json body = routerSharesFromPlan(plan);
    QCOMPARE(body["policy"].get<std::string>(), std::string("weighted"));
    QCOMPARE(body["shares"]["chat"], nlohmann::json::parse("[3.0, 1.0]"));
    QVERIFY(!body["shares"].contains("batch"));  // nothing planned: least-loaded
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, routerSharesFromPlan(nlohmann::json::parse(R"({"instances": []})")));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             routerSharesFromPlan(nlohmann::json::parse(R"({"instances": [{"rates_per_s": {"chat": -1}}]})")));
  }

  void pushSharesChangesTheRouter() {
    ServerProcess b(QStringList{"serve", writeFile(dir_, "b.json", serveConfig())});
    QVERIFY(b.started());
    ServerProcess router(QStringList{"route", writeFile(dir_, "route.json", routeConfig(port(), b.port()))});
    QVERIFY(router.started());
    const auto plan = nlohmann::json::parse(R"({"instances": [
      {"mode": "a100", "rates_per_s": {"chat": 0.25, "batch": 2.0}},
      {"mode": "a100", "rates_per_s": {"chat": 0.75}}]})");
    const RemoteReply pushed = pushSharesToRouter(*transport_, url(router.port()), kAdminKey, plan);
    QVERIFY2(!pushed.error, describe(pushed.error).c_str());
    const auto read = callRemote(*transport_, target(router.port(), kAdminKey), "GET", "/v1/headroom/admin/shares");
    QCOMPARE(read.status, 200);
    const auto shares = nlohmann::json::parse(read.body);
    QCOMPARE(shares["policy"].get<std::string>(), std::string("weighted"));
    QCOMPARE(shares["shares"]["chat"], nlohmann::json::parse("[0.25, 0.75]"));
    QCOMPARE(shares["shares"]["batch"], nlohmann::json::parse("[2.0, 0.0]"));

    const RemoteReply wrongKey = pushSharesToRouter(*transport_, url(router.port()), "sk-nope", plan);
    QCOMPARE(wrongKey.error.kind, RemoteErrorKind::Unauthorized);
    const auto threeInstances = nlohmann::json::parse(R"({"instances": [
      {"rates_per_s": {"chat": 1}}, {"rates_per_s": {"chat": 1}}, {"rates_per_s": {"chat": 1}}]})");
    const RemoteReply mismatch = pushSharesToRouter(*transport_, url(router.port()), kAdminKey, threeInstances);
    QCOMPARE(mismatch.error.kind, RemoteErrorKind::HttpStatus);
    QCOMPARE(mismatch.status, 400);
    QVERIFY2(!mismatch.error.detail.empty(), mismatch.error.detail.c_str());
    const RemoteReply unknownClass = pushSharesToRouter(
        *transport_, url(router.port()), kAdminKey,
        nlohmann::json::parse(R"({"instances": [{"rates_per_s": {"gold": 1}}, {"rates_per_s": {}}]})"));
    QCOMPARE(unknownClass.status, 400);
    // The refused pushes left the shares as they were.
    const auto again = nlohmann::json::parse(
        callRemote(*transport_, target(router.port(), kAdminKey), "GET", "/v1/headroom/admin/shares").body);
    QCOMPARE(again["shares"], shares["shares"]);
    QCOMPARE(pushSharesToRouter(*transport_, "ftp://x", kAdminKey, plan).error.kind, RemoteErrorKind::BadUrl);
  }
};

QTEST_GUILESS_MAIN(TestRemotePool)
#include "tst_remote_pool.moc"
