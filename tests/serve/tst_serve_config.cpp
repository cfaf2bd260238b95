#include <QtTest>

#include <QTemporaryDir>

#include <filesystem>
#include <fstream>

#include "serve/server/access_policy.h"
#include "serve/router/route_config.h"
#include "serve/server/serve_config.h"

using namespace headroom::engine;
using namespace headroom::serve;
using nlohmann::json;

namespace {

json validServe() {
  return json::parse(R"({
    "executor": {"kind": "constant", "iteration_s": 0.01},
    "classes": [{"name": "chat", "slo": {"ttft_s": 1, "tbt_s": 0.1}, "queue_limit": 4},
                {"name": "batch", "rank": 5, "slo": {"ttlt_s": 60}, "overload": "relegate", "relegated_limit": 9}],
    "tenants": [{"name": "acme", "classes": ["chat", "batch"], "default_class": "batch", "keys": ["sk-acme-00000"]},
                {"name": "bulk", "classes": ["batch"], "keys": ["sk-bulk-00000", "sk-bulk-11111"]}],
    "admin_keys": ["sk-admin-0000"]
  })");
}

QString resource(const char* name) { return QStringLiteral(HEADROOM_RESOURCE_DIR_FOR_TESTS) + "/serving/" + name; }

}  // namespace

class TestServeConfig : public QObject {
  Q_OBJECT

 private slots:
  void validConfigIsRead() {
    const ServeConfig config = parseServeConfig(validServe(), "x.json");
    QCOMPARE(config.classes.size(), 2u);
    QCOMPARE(config.classes[0].queueLimit, 4);
    QCOMPARE(config.classes[0].qos.rank, 0);
    QCOMPARE(config.classes[1].qos.rank, 5);
    QCOMPARE(config.classes[1].overload, OverloadAction::Relegate);
    QCOMPARE(config.classes[1].relegatedLimit, 9);
    QCOMPARE(config.executor.kind, ExecutorKind::Constant);
    QCOMPARE(config.modelName, std::string("headroom"));
    QCOMPARE(config.limits.maxBodyBytes, std::int64_t{1} << 20);
    QCOMPARE(config.limits.drainTime, Duration{std::chrono::seconds(30)});
  }

  // The shutdown drain time: seconds, 0 allowed (end what runs at once).
  void drainTimeIsRead() {
    nlohmann::json root = validServe();
    root["limits"] = {{"drain_s", 2.5}};
    QCOMPARE(parseServeConfig(root, "x.json").limits.drainTime, Duration{std::chrono::milliseconds(2500)});
    root["limits"] = {{"drain_s", 0}};
    QCOMPARE(parseServeConfig(root, "x.json").limits.drainTime, Duration{0});
  }

  void bundledExamplesLoad() {
    const ServeConfig serve = loadServeConfig(resource("serve.json").toStdString());
    QCOMPARE(serve.classes.size(), 3u);
    QCOMPARE(serve.modelName, std::string("llama-3.1-8b"));
    const RouteConfig route = loadRouteConfig(resource("route.json").toStdString());
    QCOMPARE(route.members.size(), 3u);
    QCOMPARE(route.members[2].kind, MemberKind::OpenAi);
    QCOMPARE(route.members[2].priorityByClass, (std::vector<int>{0, 5, 10}));
    QCOMPARE(route.policy, RoutePolicy::Weighted);
    QCOMPARE(route.shares[2], (std::vector<double>{0, 1, 2}));
    const ServeConfig cpu = loadServeConfig(resource("serve-cpu.json").toStdString());
    QCOMPARE(cpu.executor.kind, ExecutorKind::Cpu);
    QCOMPARE(cpu.executor.model, std::string("llama-tiny"));
    QCOMPARE(cpu.executor.weights, std::string("random"));
    QCOMPARE(cpu.executor.profile, std::string("cpu-llama-tiny"));
  }

  void computingExecutorsReadLikeScenarios() {
    json root = validServe();
    root["executor"] = {{"kind", "cuda"}, {"model", "llama-tiny"}, {"weights", "ckpt/model.safetensors"},
                        {"weights_seed", 5}};
    const ServeConfig config = parseServeConfig(root, "/srv/conf/serve.json");
    QCOMPARE(config.executor.kind, ExecutorKind::Cuda);
    QCOMPARE(config.executor.weights, std::string("/srv/conf/ckpt/model.safetensors"));
    QCOMPARE(config.executor.weightsSeed, std::uint64_t{5});
    QCOMPARE(config.modelName, std::string("llama-tiny"));
    root["model"] = "llama-3.1-8b";
    QVERIFY_THROWS_EXCEPTION(InputError, parseServeConfig(root, "serve.json"));
  }

  void errorsNameTheField_data() {
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("replacement");
    QTest::addColumn<QString>("expectedPath");
    QTest::addColumn<QString>("expectedText");
    QTest::newRow("queue limit type") << "/classes/0/queue_limit" << R"("4")" << "/classes/0/queue_limit" << "integer";
    QTest::newRow("queue limit zero") << "/classes/0/queue_limit" << "0" << "/classes/0/queue_limit" << ">= 1, got 0";
    QTest::newRow("overload value") << "/classes/1/overload" << R"("drop")" << "/classes/1/overload" << "reject, relegate";
    QTest::newRow("slo negative") << "/classes/0/slo/ttft_s" << "-1" << "/classes/0/slo/ttft_s" << "seconds";
    QTest::newRow("unknown class field") << "/classes/0/colour" << R"("red")" << "/classes/0/colour" << "allowed fields";
    QTest::newRow("tenant class unknown") << "/tenants/0/classes/1" << R"("gold")" << "/tenants/0/classes/1" << "chat, batch";
    QTest::newRow("default not own") << "/tenants/1/default_class" << R"("chat")" << "/tenants/1/default_class" << "own classes";
    QTest::newRow("short key") << "/tenants/0/keys/0" << R"("abc")" << "/tenants/0/keys/0" << "8 characters";
    QTest::newRow("duplicate key") << "/tenants/1/keys/1" << R"("sk-acme-00000")" << "/tenants/1/keys/1" << "more than once";
    QTest::newRow("policy") << "/scheduler" << R"({"policy": "lifo"})" << "/scheduler/policy" << "fcfs, priority";
    QTest::newRow("limits") << "/limits" << R"({"max_body_bytes": 1})" << "/limits/max_body_bytes" << ">= 64, got 1";
    QTest::newRow("per-client limit zero") << "/limits" << R"({"max_connections_per_client": 0})"
                                           << "/limits/max_connections_per_client" << ">= 1, got 0";
    QTest::newRow("per-client over overall") << "/limits" << R"({"max_connections": 10, "max_connections_per_client": 11})"
                                             << "/limits/max_connections_per_client" << "must not exceed max_connections (10), got 11";
    QTest::newRow("header timeout") << "/limits" << R"({"header_timeout_s": 0})" << "/limits/header_timeout_s" << "seconds";
    QTest::newRow("body timeout") << "/limits" << R"({"body_timeout_s": "1"})" << "/limits/body_timeout_s" << "seconds";
    QTest::newRow("drain negative") << "/limits" << R"({"drain_s": -1})" << "/limits/drain_s" << "seconds";
    QTest::newRow("executor kind") << "/executor/kind" << R"("magic")" << "/executor/kind" << "constant, modeled, cpu, cuda";
    QTest::newRow("cpu without model") << "/executor" << R"({"kind": "cpu"})" << "/executor/model" << "llama-tiny";
    QTest::newRow("cpu weights type") << "/executor" << R"({"kind": "cpu", "model": "llama-tiny", "weights": 3})"
                                      << "/executor/weights" << "string";
    QTest::newRow("cuda seed") << "/executor" << R"({"kind": "cuda", "model": "llama-tiny", "weights_seed": -1})"
                               << "/executor/weights_seed" << "integer";
    QTest::newRow("cpu unknown field") << "/executor" << R"({"kind": "cpu", "model": "llama-tiny", "gpu": 0})"
                                       << "/executor/gpu" << "allowed fields";
    QTest::newRow("top-level field") << "/port" << "80" << "/port" << "allowed fields";
    QTest::newRow("safety factor") << "/scheduler" << R"({"dynamic_safety_factor": 0})" << "/scheduler/dynamic_safety_factor"
                                   << "in (0, 100]";
    QTest::newRow("percentile 0") << "/classes/0/slo/percentile" << "0" << "/classes/0/slo/percentile" << "in (0, 100]";
  }

  void errorsNameTheField() {
    QFETCH(QString, pointer);
    QFETCH(QString, replacement);
    QFETCH(QString, expectedPath);
    QFETCH(QString, expectedText);
    json root = validServe();
    root[json::json_pointer(pointer.toStdString())] = json::parse(replacement.toStdString());
    try {
      parseServeConfig(root, "serve.json");
      QFAIL("no error");
    } catch (const InputError& error) {
      QCOMPARE(QString::fromStdString(error.pointer().to_string()), expectedPath);
      const QString message = QString::fromUtf8(error.what());
      QVERIFY2(message.startsWith("serve.json: " + expectedPath), qPrintable(message));
      QVERIFY2(message.contains(expectedText), qPrintable(message));
    }
  }

  void connectionLimitsAndTimeoutsAreRead() {
    json root = validServe();
    root["limits"] = json::parse(R"({"max_connections": 100, "max_connections_per_client": 10, "header_timeout_s": 2.5,
                                     "body_timeout_s": 30, "idle_timeout_s": 5})");
    const ServeLimits limits = parseServeConfig(root, "serve.json").limits;
    QCOMPARE(limits.maxConnections, 100);
    QCOMPARE(limits.maxConnectionsPerClient, 10);
    QVERIFY(limits.headerTimeout == std::chrono::milliseconds(2500));
    QVERIFY(limits.bodyTimeout == std::chrono::seconds(30));
    QVERIFY(limits.idleTimeout == std::chrono::seconds(5));
    const ServeLimits defaults = parseServeConfig(validServe(), "serve.json").limits;
    QVERIFY(defaults.maxConnectionsPerClient <= defaults.maxConnections);
    QVERIFY(defaults.headerTimeout < defaults.bodyTimeout);
  }

  // max_connections must fit under the open-file limit with the descriptors a connection needs.
  void connectionLimitMustFitTheOpenFileLimit() {
    ServeLimits limits;
    limits.maxConnections = 1000;
    checkOpenFileLimit(limits, 1000 + kReservedFileDescriptors, 1, "serve.json");
    try {
      checkOpenFileLimit(limits, 1000 + kReservedFileDescriptors, 2, "route.json");
      QFAIL("no error");
    } catch (const InputError& error) {
      const QString message = QString::fromUtf8(error.what());
      QCOMPARE(QString::fromStdString(error.pointer().to_string()), QString("/limits/max_connections"));
      QVERIFY2(message.startsWith("route.json: /limits/max_connections: must be at most 500 "), qPrintable(message));
      QVERIFY2(message.contains("RLIMIT_NOFILE 1064") && message.endsWith("got 1000"), qPrintable(message));
    }
  }

  void schedulerTakesTheScenarioFields() {
    json root = validServe();
    root["scheduler"] = json::parse(R"({"policy": "edf", "dynamic_safety_factor": 1.5, "dynamic_floor_tokens": 64})");
    const ServeConfig config = parseServeConfig(root, "serve.json");
    QVERIFY(config.scheduler.policy == OrderingPolicy::Edf);
    QCOMPARE(config.scheduler.dynamicSafetyFactor, 1.5);
    QCOMPARE(config.scheduler.dynamicFloorTokens, 64);
  }

  void accessPolicyBindsKeysToClasses() {
    const ServeConfig config = parseServeConfig(validServe());
    const AccessPolicy& access = config.access;
    QCOMPARE(access.tenantOf("sk-acme-00000"), std::optional<std::int32_t>(0));
    QCOMPARE(access.tenantOf("sk-bulk-11111"), std::optional<std::int32_t>(1));
    QVERIFY(!access.tenantOf("sk-acme-0000"));
    QVERIFY(!access.tenantOf(""));
    QVERIFY(access.isAdmin("sk-admin-0000"));
    QVERIFY(!access.isAdmin("sk-acme-00000"));
    QCOMPARE(access.chooseClass(0, std::nullopt).classId, ClassId{1});
    QCOMPARE(access.chooseClass(0, "chat").decision, AccessPolicy::ClassDecision::Allowed);
    QCOMPARE(access.chooseClass(1, "chat").decision, AccessPolicy::ClassDecision::NotAllowed);
    QCOMPARE(access.chooseClass(1, "gold").decision, AccessPolicy::ClassDecision::UnknownClass);
    QCOMPARE(AccessPolicy::bearerToken("Bearer abc"), std::string_view("abc"));
    QCOMPARE(AccessPolicy::bearerToken("bearer   abc  "), std::string_view("abc"));
    QCOMPARE(AccessPolicy::bearerToken("abc"), std::string_view("abc"));
    QCOMPARE(AccessPolicy::bearerToken(""), std::string_view(""));
  }

  void endpointUrls() {
    QCOMPARE(parseEndpointUrl("http://127.0.0.1:8000")->port, 8000);
    QCOMPARE(parseEndpointUrl("http://gpu-host")->port, 80);
    QVERIFY(parseEndpointUrl("https://gpu-host:8443/")->tls);
    QCOMPARE(parseEndpointUrl("https://gpu-host:8443/")->host, std::string("gpu-host"));
    QVERIFY(!parseEndpointUrl("ftp://x"));
    QVERIFY(!parseEndpointUrl("http://x:0"));
    QVERIFY(!parseEndpointUrl("http://x:99999"));
    QVERIFY(!parseEndpointUrl("http://x/v1"));
    QVERIFY(!parseEndpointUrl("http://:80"));
  }

  void routeSharesAreChecked() {
    json root = validServe();
    root.erase("executor");
    root["members"] = json::array({{{"url", "http://127.0.0.1:1"}}, {{"url", "http://127.0.0.1:2"}}});
    root["routing"] = json::parse(R"({"policy": "weighted", "shares": {"chat": [1, 3]}})");
    const RouteConfig config = parseRouteConfig(root);
    QCOMPARE(config.shares[0], (std::vector<double>{1, 3}));
    QVERIFY(config.shares[1].empty());
    root["routing"]["shares"]["chat"] = json::parse("[0, 0]");
    QVERIFY_THROWS_EXCEPTION(InputError, parseRouteConfig(root));
    root["routing"]["shares"]["chat"] = json::parse("[1]");
    QVERIFY_THROWS_EXCEPTION(InputError, parseRouteConfig(root));
    root["routing"] = json::parse(R"({"policy": "least-loaded", "shares": {"chat": [1, 1]}})");
    QVERIFY_THROWS_EXCEPTION(InputError, parseRouteConfig(root));
    root.erase("routing");
    root["members"][0]["priority"] = json::parse(R"({"chat": 1})");
    QVERIFY_THROWS_EXCEPTION(InputError, parseRouteConfig(root));
  }

  void routeHealthChecksAreConfigured() {
    json root = validServe();
    root.erase("executor");
    root["members"] = json::array({{{"url", "http://127.0.0.1:1"}}});
    const RouteConfig defaults = parseRouteConfig(root);
    QCOMPARE(defaults.healthCheckInterval.count(), Duration(std::chrono::seconds(1)).count());
    QCOMPARE(defaults.healthCheckTimeout.count(), Duration(std::chrono::seconds(2)).count());
    root["health_check_interval_s"] = 0.25;
    root["health_check_timeout_s"] = 0.5;
    const RouteConfig config = parseRouteConfig(root);
    QCOMPARE(config.healthCheckInterval.count(), Duration(std::chrono::milliseconds(250)).count());
    QCOMPARE(config.healthCheckTimeout.count(), Duration(std::chrono::milliseconds(500)).count());
    root["health_check_interval_s"] = 0;
    try {
      parseRouteConfig(root);
      QFAIL("a zero interval was accepted");
    } catch (const InputError& error) {
      QVERIFY2(std::string(error.what()).find("/health_check_interval_s") != std::string::npos, error.what());
    }
  }

  void quicRouteExampleLoads() {
    // The example names its member's certificate beside it; the pair is made on the serving host.
    QTemporaryDir dir;
    QVERIFY(QFile::copy(resource("route-quic.json"), dir.filePath("route-quic.json")));
    std::ofstream(dir.filePath("quic-cert.pem").toStdString()) << "-----BEGIN CERTIFICATE-----\n";
    const RouteConfig route = loadRouteConfig(dir.filePath("route-quic.json").toStdString());
    QVERIFY(route.members[0].endpoint.quic);
    QVERIFY(!route.members[1].endpoint.quic);
    QCOMPARE(route.streamClasses[0].deadline->count(), Duration(std::chrono::seconds(2)).count());
  }

  void quicMembersAreConfigured() {
    QTemporaryDir dir;
    std::ofstream(dir.filePath("member.pem").toStdString()) << "-----BEGIN CERTIFICATE-----\n";
    const std::filesystem::path file = dir.filePath("route.json").toStdString();
    json root = validServe();
    root.erase("executor");
    root["members"] = json::array({{{"name", "edge"}, {"transport", "quic"}, {"url", "quic://10.0.0.1:4433"}, {"certificate", "member.pem"},
                                    {"stream_scheduler", "ml"}, {"congestion_control", "bbr"}},
                                   {{"name", "near"}, {"url", "quic://10.0.0.2:4433"}, {"certificate", "member.pem"}},
                                   {{"name", "plain"}, {"url", "http://10.0.0.3:8000"}}});
    root["stream_scheduler"] = "abs";
    root["congestion_control"] = "cubic";
    root["stream_classes"] = {{"chat", {{"deadline_s", 1.5}}}, {"batch", {{"level", 3}}}};
    const RouteConfig config = parseRouteConfig(root, file);
    QVERIFY(config.members[0].endpoint.quic);
    QCOMPARE(config.members[0].endpoint.port, std::uint16_t{4433});
    QCOMPARE(config.members[0].endpoint.pinnedCertificate, file.parent_path() / "member.pem");
    QVERIFY(config.members[0].endpoint.streamScheduler == headroom::net::quic::StreamSchedulerKind::MultiLevel);
    QVERIFY(config.members[1].endpoint.streamScheduler == headroom::net::quic::StreamSchedulerKind::AbsolutePriority);
    QVERIFY(!config.members[2].endpoint.quic);
    QVERIFY(config.members[0].endpoint.congestionControl == headroom::net::quic::CongestionControl::Bbr);
    QVERIFY(config.members[1].endpoint.congestionControl == headroom::net::quic::CongestionControl::Cubic);  // route-wide
    QCOMPARE(config.streamClasses[0].level, std::uint8_t{0});  // chat's rank
    QCOMPARE(config.streamClasses[0].deadline->count(), Duration(std::chrono::milliseconds(1500)).count());
    QCOMPARE(config.streamClasses[1].level, std::uint8_t{3});
    QVERIFY(!config.streamClasses[1].deadline);

    // Each refusal names the field and what is allowed.
    const auto refused = [&](json changed, const std::string& expected) {
      try {
        parseRouteConfig(changed, file);
      } catch (const InputError& error) {
        if (std::string(error.what()).find(expected) != std::string::npos) return true;
        qWarning("%s", error.what());
        return false;
      }
      qWarning("accepted: %s", changed.dump().c_str());
      return false;
    };
    json changed = root;
    changed["members"][1].erase("certificate");
    QVERIFY(refused(changed, "/members/1/certificate: required field is missing (the member's certificate"));
    changed = root;
    changed["members"][1]["certificate"] = "missing.pem";
    QVERIFY(refused(changed, "/members/1/certificate: must name a readable PEM certificate file"));
    changed = root;
    changed["members"][0]["stream_scheduler"] = "wfq";
    QVERIFY(refused(changed, "/members/0/stream_scheduler: must be one of: rr, fcfs, abs, edf, ml"));
    changed = root;
    changed["members"][0]["congestion_control"] = "reno";
    QVERIFY(refused(changed, "/members/0/congestion_control: must be one of: cubic, bbr, bbr2"));
    changed = root;
    changed["congestion_control"] = "vegas";
    QVERIFY(refused(changed, "/congestion_control: must be one of: cubic, bbr, bbr2"));
    changed = root;
    changed["members"][2]["congestion_control"] = "bbr";
    QVERIFY(refused(changed, "/members/2/congestion_control: only allowed for members of transport \"quic\""));
    changed = root;
    changed["stream_scheduler"] = "lifo";
    QVERIFY(refused(changed, "/stream_scheduler: must be one of: rr, fcfs, abs, edf, ml"));
    changed = root;
    changed["members"][0]["transport"] = "h3";
    QVERIFY(refused(changed, "/members/0/transport: must be one of: http, quic"));
    changed = root;
    changed["members"][2]["transport"] = "quic";
    QVERIFY(refused(changed, "/members/2/url: must be quic://host:port for transport \"quic\""));
    changed = root;
    changed["members"][2]["certificate"] = "member.pem";
    QVERIFY(refused(changed, "/members/2/certificate: only allowed for members of transport \"quic\""));
    changed = root;
    changed["stream_classes"]["gold"] = json::object();
    QVERIFY(refused(changed, "/stream_classes/gold: must name a class of this configuration"));
    changed = root;
    changed["stream_classes"]["chat"]["level"] = 256;
    QVERIFY(refused(changed, "/stream_classes/chat/level"));
    changed = root;
    changed["stream_classes"]["chat"]["deadline_s"] = 0;
    QVERIFY(refused(changed, "/stream_classes/chat/deadline_s"));
    QVERIFY(!parseEndpointUrl("quic://10.0.0.1"));  // no default port for QUIC
  }

  void planSharesFollowRates() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("plan.json").toStdString();
    std::ofstream(path) << R"({"instances": [{"rates_per_s": {"chat": 3}}, {"rates_per_s": {"chat": 1, "batch": 2}}]})";
    const ServeConfig config = parseServeConfig(validServe());
    const auto shares = loadPlanShares(path, config.classes, 2);
    QCOMPARE(shares[0], (std::vector<double>{3, 1}));
    QCOMPARE(shares[1], (std::vector<double>{0, 2}));
    QVERIFY_THROWS_EXCEPTION(InputError, loadPlanShares(path, config.classes, 3));
  }
};

QTEST_GUILESS_MAIN(TestServeConfig)
#include "tst_serve_config.moc"
