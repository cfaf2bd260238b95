// `headroom-cli deploy`: the seed example's plan as Kubernetes manifests. The replicas and shares are
// the plan's, the configurations (they hold API keys) are Secrets, the same plan gives the same bytes, a plan over the GPU budget or with an unmapped mode
// writes nothing, every object validates offline against its schema (tests/k8s-schema), and where
// kubectl is installed `kubectl kustomize` renders the directory. With --replan the router re-plans on
// the planning file (one replica) and a KEDA ScaledObject per mode reads the gauge the router publishes.
#include <QtTest>

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <yaml-cpp/yaml.h>

#include "support/cli_run.h"
#include "support/http_test_client.h"
#include "support/metric_value.h"
#include "support/server_process.h"
#include "support/tool_run.h"
#include "support/test_files.h"
#include "support/wait_for.h"

using headroom::test::CliRun;
using headroom::test::runCli;
using headroom::test::ServerProcess;

namespace {

const QString kSourceDir = QStringLiteral(HEADROOM_SOURCE_DIR_FOR_TESTS);
const QString kMapping = QStringLiteral("gpu=llama-3.1-8b@h100-sxm");
// The planning file the seed plan is made from (mode gpu: max_instances 8).
const QString kPlanning = kSourceDir + "/resources/plans/seed-example.json";

QByteArray readAll(const QString& path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

YAML::Node loadYaml(const QString& path) { return YAML::Load(readAll(path).toStdString()); }

// The configuration file `fileName` of the Secret in `path` (an Opaque Secret with it in stringData);
// empty when the file holds no such Secret.
QJsonObject secretConfig(const QString& path, const std::string& fileName) {
  const YAML::Node secret = loadYaml(path);
  if (!secret["kind"] || secret["kind"].as<std::string>() != "Secret" || !secret["type"] ||
      secret["type"].as<std::string>() != "Opaque" || !secret["stringData"] || !secret["stringData"][fileName]) {
    return {};
  }
  return QJsonDocument::fromJson(QByteArray::fromStdString(secret["stringData"][fileName].as<std::string>())).object();
}

// The config-hash annotation of a Deployment's pods.
std::string configHash(const QString& deploymentPath) {
  const YAML::Node annotation = loadYaml(deploymentPath)["spec"]["template"]["metadata"]["annotations"]["headroom/config-hash"];
  return annotation ? annotation.as<std::string>() : std::string();
}

std::vector<std::string> argsOf(const YAML::Node& deployment) {
  return deployment["spec"]["template"]["spec"]["containers"][0]["args"].as<std::vector<std::string>>();
}

// The value after `flag` in `args` (every one, in order).
std::vector<std::string> flagValues(const std::vector<std::string>& args, const std::string& flag) {
  std::vector<std::string> values;
  for (std::size_t i = 0; i + 1 < args.size(); ++i) {
    if (args[i] == flag) values.push_back(args[i + 1]);
  }
  return values;
}

QString failure(const CliRun& run) {
  return QString::fromUtf8("exit %1\nstdout: %2\nstderr: %3").arg(run.exitCode).arg(QString::fromUtf8(run.out), QString::fromUtf8(run.err));
}

using headroom::test::runTool;
using headroom::test::ToolRun;

}  // namespace

// Why the offline schema check cannot run here, or empty when it can: it needs node and the npm packages
// scripts/install-deps.sh installs into tests/k8s-schema (from the npm registry).
static QString schemaToolsMissing() {
  if (QStandardPaths::findExecutable("node").isEmpty()) return "node is not installed (scripts/install-deps.sh installs it)";
  if (!QFileInfo::exists(kSourceDir + "/tests/k8s-schema/node_modules/kubernetes-models")) {
    return "tests/k8s-schema/node_modules is missing (scripts/install-deps.sh runs npm ci there; it needs the npm "
           "registry): the manifests were not checked against their schemas";
  }
  return {};
}

class TestDeploy : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  QString planPath_;
  QJsonObject plan_;

  CliRun deploy(const QString& out, const QStringList& more = {}) {
    return runCli(QStringList{"deploy", planPath_, "--out", out} + more);
  }

  // The plan's requests per second of `cls` summed over its instances of `mode`.
  double planRate(const QString& mode, const QString& cls) const {
    double sum = 0.0;
    for (const QJsonValue& instance : plan_["instances"].toArray()) {
      if (instance["mode"].toString() == mode) sum += instance["rates_per_s"][cls].toDouble();
    }
    return sum;
  }

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    planPath_ = dir_.filePath("seed-plan.json");
    const CliRun run = runCli({"plan", kSourceDir + "/resources/plans/seed-example.json", "--json", planPath_});
    QVERIFY2(run.exitCode == 0, qPrintable(failure(run)));
    plan_ = QJsonDocument::fromJson(readAll(planPath_)).object();
    QCOMPARE(plan_["instances_per_mode"][QStringLiteral("gpu")].toInt(), 3);  // the seed's worked example: priority routing, 3
  }

  void replicasAndSharesAreThePlans() {
    const QString out = dir_.filePath("kustomize");
    const CliRun run = deploy(out, {"--mode-map", kMapping, "--gpu-budget", "3"});
    QVERIFY2(run.exitCode == 0, qPrintable(failure(run)));

    const YAML::Node serve = loadYaml(out + "/headroom-serve-gpu-deployment.yaml");
    QCOMPARE(serve["kind"].as<std::string>(), std::string("Deployment"));
    QCOMPARE(serve["spec"]["replicas"].as<int>(), plan_["instances_per_mode"][QStringLiteral("gpu")].toInt());
    const YAML::Node container = serve["spec"]["template"]["spec"]["containers"][0];
    QCOMPARE(container["resources"]["limits"]["nvidia.com/gpu"].as<std::string>(), std::string("1"));
    QCOMPARE(container["readinessProbe"]["httpGet"]["path"].as<std::string>(), std::string("/health"));
    QCOMPARE(container["image"].as<std::string>().rfind("headroom:", 0), std::size_t{0});

    const QJsonObject serveConfig = secretConfig(out + "/headroom-serve-gpu-config.yaml", "serve.json");
    QCOMPARE(serveConfig["model"].toString(), QStringLiteral("llama-3.1-8b"));
    QCOMPARE(serveConfig["hardware"].toString(), QStringLiteral("h100-sxm"));
    QCOMPARE(serveConfig["classes"].toArray().size(), plan_["classes"].toArray().size());

    const QJsonObject route = secretConfig(out + "/router-config.yaml", "route.json");
    QCOMPARE(route["members"].toArray().size(), 1);
    QCOMPARE(route["members"][0][QStringLiteral("url")].toString(), QStringLiteral("http://headroom-serve-gpu:8000"));
    QCOMPARE(route["routing"][QStringLiteral("policy")].toString(), QStringLiteral("weighted"));
    for (const QJsonValue& cls : plan_["classes"].toArray()) {
      const QString name = cls["name"].toString();
      const QJsonArray shares = route["routing"][QStringLiteral("shares")][name].toArray();
      QCOMPARE(shares.size(), 1);
      QVERIFY2(std::abs(shares[0].toDouble() - planRate("gpu", name)) < 1e-12, qPrintable(name));
      QVERIFY(shares[0].toDouble() > 0.0);
    }

    const YAML::Node quota = loadYaml(out + "/gpu-quota.yaml");
    QCOMPARE(quota["spec"]["hard"]["requests.nvidia.com/gpu"].as<std::string>(), std::string("3"));
    const YAML::Node kustomization = loadYaml(out + "/kustomization.yaml");
    QCOMPARE(kustomization["resources"].size(), std::size_t{9});  // 4 per mode, 4 for the router, the quota
  }

  void gatewayApiWeightsAndPriorities() {
    const QString out = dir_.filePath("gateway");
    const CliRun run = deploy(out, {"--mode-map", kMapping, "--target", "gateway-api"});
    QVERIFY2(run.exitCode == 0, qPrintable(failure(run)));
    const YAML::Node pool = loadYaml(out + "/headroom-serve-gpu-inferencepool.yaml");
    QCOMPARE(pool["apiVersion"].as<std::string>(), std::string("inference.networking.k8s.io/v1"));
    QCOMPARE(pool["spec"]["targetPorts"][0]["number"].as<int>(), 8000);

    const QString routeText = QString::fromUtf8(readAll(out + "/httproute.yaml"));
    QVERIFY2(routeText.contains("trusted hop"), "the HTTPRoute must say that the class header needs a trusted hop");
    const YAML::Node route = YAML::Load(routeText.toStdString());
    QCOMPARE(route["apiVersion"].as<std::string>(), std::string("gateway.networking.k8s.io/v1"));
    const YAML::Node rules = route["spec"]["rules"];
    QCOMPARE(rules.size(), std::size_t(plan_["classes"].toArray().size() + 1));  // one per class, one without the header
    for (std::size_t r = 0; r + 1 < rules.size(); ++r) {
      QCOMPARE(rules[r]["matches"][0]["headers"][0]["name"].as<std::string>(), std::string("X-Headroom-Class"));
      QCOMPARE(rules[r]["backendRefs"][0]["kind"].as<std::string>(), std::string("InferencePool"));
      QCOMPARE(rules[r]["backendRefs"][0]["weight"].as<int>(), 1000);  // one mode: all of the class
    }

    // Rank 0 is the most urgent: the highest priority.
    int previous = 1 << 30;
    for (const QJsonValue& cls : plan_["classes"].toArray()) {
      const YAML::Node objective = loadYaml(out + "/headroom-gpu-" + cls["name"].toString() + "-objective.yaml");
      QCOMPARE(objective["apiVersion"].as<std::string>(), std::string("llm-d.ai/v1alpha2"));
      QCOMPARE(objective["spec"]["poolRef"]["name"].as<std::string>(), std::string("headroom-serve-gpu"));
      const int priority = objective["spec"]["priority"].as<int>();
      QVERIFY2(priority < previous, qPrintable(cls["name"].toString()));
      previous = priority;
    }
  }

  void samePlanSameBytes() {
    const QString first = dir_.filePath("first");
    const QString second = dir_.filePath("second");
    for (const QString& out : {first, second, first}) {  // the last one replaces what deploy wrote before
      const CliRun run = deploy(out, {"--mode-map", kMapping, "--target", "gateway-api", "--gpu-budget", "4"});
      QVERIFY2(run.exitCode == 0, qPrintable(failure(run)));
    }
    const QStringList files = QDir(first).entryList(QDir::Files, QDir::Name);
    QCOMPARE(QDir(second).entryList(QDir::Files, QDir::Name), files);
    QVERIFY(files.size() > 10);
    for (const QString& file : files) QVERIFY2(readAll(first + "/" + file) == readAll(second + "/" + file), qPrintable(file));
  }

  void refusedPlansWriteNothing_data() {
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<QStringList>("said");
    QTest::newRow("over budget") << QStringList{"--mode-map", kMapping, "--gpu-budget", "2"}
                                 << QStringList{"needs 3 GPUs", "budget is 2"};
    QTest::newRow("unmapped mode") << QStringList{} << QStringList{"mode \"gpu\"", "--mode-map gpu="};
    QTest::newRow("mapping of an unknown mode") << QStringList{"--mode-map", kMapping, "--mode-map", "cpu=llama-3.1-8b@a100-80g"}
                                                << QStringList{"\"cpu\"", "its modes: gpu"};
    QTest::newRow("unknown hardware") << QStringList{"--mode-map", "gpu=llama-3.1-8b@b300"} << QStringList{"gpu=llama-3.1-8b@b300"};
    QTest::newRow("70b on one GPU by default is 4") << QStringList{"--mode-map", "gpu=llama-3.1-70b@h100-sxm", "--gpu-budget", "11"}
                                                    << QStringList{"needs 12 GPUs", "3 x 4 GPU"};
  }

  void refusedPlansWriteNothing() {
    QFETCH(QStringList, flags);
    QFETCH(QStringList, said);
    const QString out = dir_.filePath("refused");
    const CliRun run = deploy(out, flags);
    QVERIFY2(run.exitCode == 2, qPrintable(failure(run)));
    for (const QString& words : said) QVERIFY2(QString::fromUtf8(run.err).contains(words), qPrintable(failure(run)));
    QVERIFY2(!QFileInfo::exists(out), "nothing may be written");
    const QStringList left = QDir(dir_.path()).entryList(QStringList{".refused*"}, QDir::AllEntries | QDir::Hidden);
    QVERIFY2(left.isEmpty(), qPrintable(left.join(", ")));
  }

  void serveConfigGivesTenantsAndKeys() {
    const QString config = headroom::test::writeFile(dir_, "serve-base.json", R"({
      "scheduler": {"policy": "priority"},
      "classes": [{"name": "user1", "rank": 0, "slo": {"ttlt_s": 204}}, {"name": "user2", "rank": 1, "slo": {"ttlt_s": 301}},
                  {"name": "user3", "rank": 2, "slo": {"ttlt_s": 352}, "queue_limit": 64}],
      "tenants": [{"name": "acme", "classes": ["user1", "user2", "user3"], "default_class": "user2", "keys": ["sk-acme-0123456789"]}],
      "admin_keys": ["sk-admin-0123456789"], "limits": {"drain_s": 50}})");
    const QString out = dir_.filePath("with-config");
    const CliRun run = deploy(out, {"--mode-map", kMapping, "--serve-config", config});
    QVERIFY2(run.exitCode == 0, qPrintable(failure(run)));
    const QJsonObject serve = secretConfig(out + "/headroom-serve-gpu-config.yaml", "serve.json");
    QCOMPARE(serve[QStringLiteral("tenants")][0][QStringLiteral("keys")][0].toString(), QStringLiteral("sk-acme-0123456789"));
    QCOMPARE(serve[QStringLiteral("scheduler")][QStringLiteral("policy")].toString(), QStringLiteral("priority"));
    QCOMPARE(serve[QStringLiteral("model")].toString(), QStringLiteral("llama-3.1-8b"));
    const QJsonObject route = secretConfig(out + "/router-config.yaml", "route.json");
    QCOMPARE(route[QStringLiteral("admin_keys")][0].toString(), QStringLiteral("sk-admin-0123456789"));
    QVERIFY(!QString::fromUtf8(readAll(out + "/router-config.yaml")).contains("placeholder"));
    // The keys are in Secrets only: every file that holds one is a Secret, mounted where the server
    // reads its configuration; a changed configuration (a new key) rolls the pods (config-hash).
    QStringList withKeys;
    for (const QString& file : QDir(out).entryList({"*.yaml"}, QDir::Files, QDir::Name)) {
      const QString text = QString::fromUtf8(readAll(out + "/" + file));
      QVERIFY2(!text.contains("kind: ConfigMap"), qPrintable(file));
      if (!text.contains("sk-acme-0123456789") && !text.contains("sk-admin-0123456789")) continue;
      withKeys << file;
      QCOMPARE(loadYaml(out + "/" + file)["kind"].as<std::string>(), std::string("Secret"));
    }
    QCOMPARE(withKeys, (QStringList{"headroom-serve-gpu-config.yaml", "router-config.yaml"}));
    for (const auto& [deployment, secret] : {std::pair{"headroom-serve-gpu-deployment.yaml", "headroom-serve-gpu-config"},
                                             std::pair{"router-deployment.yaml", "headroom-router-config"}}) {
      const YAML::Node pod = loadYaml(out + "/" + deployment)["spec"]["template"]["spec"];
      QCOMPARE(pod["volumes"][0]["secret"]["secretName"].as<std::string>(), std::string(secret));
      QCOMPARE(pod["containers"][0]["volumeMounts"][0]["mountPath"].as<std::string>(), std::string("/etc/headroom"));
    }
    const QString rotated =
        headroom::test::writeFile(dir_, "serve-rotated.json", readAll(config).replace("sk-acme-0123456789", "sk-acme-9876543210"));
    const QString rotatedOut = dir_.filePath("with-rotated-key");
    const CliRun rotation = deploy(rotatedOut, {"--mode-map", kMapping, "--serve-config", rotated});
    QVERIFY2(rotation.exitCode == 0, qPrintable(failure(rotation)));
    for (const char* deployment : {"/headroom-serve-gpu-deployment.yaml", "/router-deployment.yaml"}) {
      const std::string before = configHash(out + deployment);
      QCOMPARE(before.size(), std::size_t{16});
      QVERIFY2(configHash(rotatedOut + deployment) != before, deployment);
    }

    // The drain time (50 s) and 10 s for the last replies.
    QCOMPARE(loadYaml(out + "/headroom-serve-gpu-deployment.yaml")["spec"]["template"]["spec"]["terminationGracePeriodSeconds"].as<int>(), 60);

    const QString lacking = headroom::test::writeFile(dir_, "serve-lacking.json", R"({
      "classes": [{"name": "user1", "slo": {"ttlt_s": 204}}, {"name": "user3", "slo": {"ttlt_s": 352}}],
      "tenants": [{"name": "acme", "classes": ["user1", "user3"], "keys": ["sk-acme-0123456789"]}]})");
    const QString refused = dir_.filePath("lacking");
    const CliRun bad = deploy(refused, {"--mode-map", kMapping, "--serve-config", lacking});
    QVERIFY2(bad.exitCode == 2, qPrintable(failure(bad)));
    QVERIFY2(QString::fromUtf8(bad.err).contains("serve-lacking.json: /classes") && QString::fromUtf8(bad.err).contains("\"user2\""),
             qPrintable(failure(bad)));
    QVERIFY(!QFileInfo::exists(refused));
  }

  // Each --mode-map takes one value: a plan named after it is the plan.
  void modeMapBeforeThePlan() {
    const QString out = dir_.filePath("flags-first");
    const CliRun run = runCli({"deploy", "--mode-map", kMapping, planPath_, "--out", out});
    QVERIFY2(run.exitCode == 0, qPrintable(failure(run)));
    QVERIFY(QFileInfo::exists(out + "/kustomization.yaml"));
  }

  void foreignDirectoryIsLeftAlone() {
    const QString out = dir_.filePath("foreign");
    QVERIFY(QDir().mkpath(out));
    QVERIFY(!headroom::test::writeFile(dir_, "foreign/notes.txt", "mine").isEmpty());
    const CliRun run = deploy(out, {"--mode-map", kMapping});
    QVERIFY2(run.exitCode == 2, qPrintable(failure(run)));
    QVERIFY(QString::fromUtf8(run.err).contains("not written by headroom-cli deploy"));
    QCOMPARE(QDir(out).entryList(QDir::Files), QStringList{"notes.txt"});

    // A file added to a directory deploy wrote is not deleted by the next deploy.
    const QString ours = dir_.filePath("ours");
    QCOMPARE(deploy(ours, {"--mode-map", kMapping}).exitCode, 0);
    QVERIFY(!headroom::test::writeFile(dir_, "ours/overlay-patch.yaml", "kept").isEmpty());
    const CliRun again = deploy(ours, {"--mode-map", kMapping});
    QVERIFY2(again.exitCode == 2, qPrintable(failure(again)));
    QVERIFY2(QString::fromUtf8(again.err).contains("overlay-patch.yaml"), qPrintable(failure(again)));
    QCOMPARE(readAll(ours + "/overlay-patch.yaml"), QByteArray("kept"));
    QVERIFY(QFileInfo::exists(ours + "/kustomization.yaml"));
  }

  // Deploying again into a directory deploy wrote replaces it whole: files the new plan no longer makes
  // go, a refused deploy leaves the last one as it was, and no staging directory is left beside it.
  void redeployReplacesItsOwnDirectory() {
    const QString out = dir_.filePath("redeployed/");  // a trailing slash names the same directory
    const CliRun gateway = deploy(out, {"--mode-map", kMapping, "--target", "gateway-api"});
    QVERIFY2(gateway.exitCode == 0, qPrintable(failure(gateway)));
    QVERIFY(QFileInfo::exists(out + "httproute.yaml"));
    const CliRun refused = deploy(out, {"--mode-map", kMapping, "--gpu-budget", "1"});
    QVERIFY2(refused.exitCode == 2, qPrintable(failure(refused)));
    QVERIFY(QFileInfo::exists(out + "httproute.yaml"));
    const CliRun kustomize = deploy(out, {"--mode-map", kMapping});
    QVERIFY2(kustomize.exitCode == 0, qPrintable(failure(kustomize)));
    QVERIFY(!QFileInfo::exists(out + "httproute.yaml"));
    const QStringList files = QDir(out).entryList(QDir::Files, QDir::Name);
    QCOMPARE(static_cast<std::size_t>(files.size()), loadYaml(out + "kustomization.yaml")["resources"].size() + 1);
    const QStringList left = QDir(dir_.path()).entryList(QStringList{".redeployed*"}, QDir::AllEntries | QDir::Hidden);
    QVERIFY2(left.isEmpty(), qPrintable(left.join(", ")));

    // A folder `headroom-cli observability` wrote is not deploy's.
    const QString config = headroom::test::writeFile(
        dir_, "serve-for-observability.json",
        R"({"model_name": "m", "executor": {"kind": "constant", "iteration_s": 0.02},
            "classes": [{"name": "chat", "slo": {"ttft_s": 1}}],
            "tenants": [{"name": "t", "classes": ["chat"], "keys": ["sk-0123456789abcdef"]}]})");
    const QString observed = dir_.filePath("observed");
    const CliRun observability = runCli({"observability", "--config", config, "--out", observed});
    QVERIFY2(observability.exitCode == 0, qPrintable(failure(observability)));
    const CliRun over = deploy(observed, {"--mode-map", kMapping});
    QVERIFY2(over.exitCode == 2, qPrintable(failure(over)));
    QVERIFY2(QString::fromUtf8(over.err).contains("not written by headroom-cli deploy"), qPrintable(failure(over)));
    QCOMPARE(QDir(observed).entryList(QDir::Files, QDir::Name), (QStringList{"alert-rules.yaml", "grafana-dashboard.json"}));
  }

  // deploy --replan: the router re-plans on the planning file (one replica, the file beside its
  // configuration, the fleet's budget and mode mappings), and KEDA scales each mode to the re-planner's plan.
  void replanRouterAndScaledObjects() {
    const QString out = dir_.filePath("replan-auto");
    const CliRun run = deploy(out, {"--mode-map", kMapping, "--gpu-budget", "4", "--replan", "auto", "--replan-input", kPlanning,
                                    "--replan-interval", "30"});
    QVERIFY2(run.exitCode == 0, qPrintable(failure(run)));

    const YAML::Node router = loadYaml(out + "/router-deployment.yaml");
    QCOMPARE(router["spec"]["replicas"].as<int>(), 1);
    const std::vector<std::string> args = argsOf(router);
    QCOMPARE(args.front(), std::string("route"));
    QCOMPARE(flagValues(args, "--replan"), std::vector<std::string>{"auto"});
    QCOMPARE(flagValues(args, "--replan-input"), std::vector<std::string>{"/etc/headroom/planning.json"});
    QCOMPARE(flagValues(args, "--interval"), std::vector<std::string>{"30"});
    QCOMPARE(flagValues(args, "--budget"), std::vector<std::string>{"4"});
    QCOMPARE(flagValues(args, "--mode-map"), std::vector<std::string>{"gpu=llama-3.1-8b@h100-sxmx1"});
    QVERIFY2(QString::fromUtf8(readAll(out + "/router-deployment.yaml")).contains("One replica"),
             "the router's manifest must say why it runs one replica");
    // One replica: the PDB still lets a drain evict it.
    QCOMPARE(loadYaml(out + "/router-pdb.yaml")["spec"]["maxUnavailable"].as<int>(), 1);
    QVERIFY(!loadYaml(out + "/router-pdb.yaml")["spec"]["minAvailable"]);

    // The planning file as given, beside the router's configuration in its Secret.
    const YAML::Node secret = loadYaml(out + "/router-config.yaml");
    QCOMPARE(QByteArray::fromStdString(secret["stringData"]["planning.json"].as<std::string>()), readAll(kPlanning));
    QVERIFY(!secretConfig(out + "/router-config.yaml", "route.json").isEmpty());

    // KEDA owns the mode's replica count.
    const YAML::Node serve = loadYaml(out + "/headroom-serve-gpu-deployment.yaml");
    QVERIFY2(!serve["spec"]["replicas"], "a count stated beside a ScaledObject is put back by every kubectl apply");
    const YAML::Node scaled = loadYaml(out + "/headroom-serve-gpu-scaledobject.yaml");
    QCOMPARE(scaled["apiVersion"].as<std::string>(), std::string("keda.sh/v1alpha1"));
    QCOMPARE(scaled["kind"].as<std::string>(), std::string("ScaledObject"));
    const YAML::Node spec = scaled["spec"];
    QCOMPARE(spec["scaleTargetRef"]["kind"].as<std::string>(), std::string("Deployment"));
    QCOMPARE(spec["scaleTargetRef"]["name"].as<std::string>(), std::string("headroom-serve-gpu"));
    QCOMPARE(spec["minReplicaCount"].as<int>(), 0);  // the re-planner plans idle classes at no rate
    QCOMPARE(spec["maxReplicaCount"].as<int>(), 8);  // the planning file's max_instances
    QCOMPARE(spec["fallback"]["replicas"].as<int>(), 3);  // the plan's count while the gauge cannot be read
    QCOMPARE(spec["triggers"].size(), std::size_t{1});
    const YAML::Node trigger = spec["triggers"][0];
    QCOMPARE(trigger["type"].as<std::string>(), std::string("prometheus"));
    // AverageValue with a threshold of 1: replicas = the gauge's value.
    QCOMPARE(trigger["metricType"].as<std::string>(), std::string("AverageValue"));
    QCOMPARE(trigger["metadata"]["threshold"].as<std::string>(), std::string("1"));
    QCOMPARE(trigger["metadata"]["query"].as<std::string>(), std::string(R"(max(headroom_router_desired_instances{mode="gpu"}))"));
    QCOMPARE(trigger["metadata"]["serverAddress"].as<std::string>(), std::string("http://prometheus-operated.monitoring.svc:9090"));
    QCOMPARE(trigger["metadata"]["ignoreNullValues"].as<std::string>(), std::string("false"));
    const YAML::Node behavior = spec["advanced"]["horizontalPodAutoscalerConfig"]["behavior"];
    QCOMPARE(behavior["scaleUp"]["stabilizationWindowSeconds"].as<int>(), 0);
    QCOMPARE(behavior["scaleDown"]["stabilizationWindowSeconds"].as<int>(), 0);
    const QString scaledText = QString::fromUtf8(readAll(out + "/headroom-serve-gpu-scaledobject.yaml"));
    QVERIFY2(scaledText.contains("AverageValue") && scaledText.contains("# "), "the ScaledObject must say why AverageValue");

    const YAML::Node resources = loadYaml(out + "/kustomization.yaml")["resources"];
    QCOMPARE(resources.size(), std::size_t{10});  // 4 per mode, 4 for the router, the quota, the ScaledObject
    bool listed = false;
    for (const YAML::Node& file : resources) listed = listed || file.as<std::string>() == "headroom-serve-gpu-scaledobject.yaml";
    QVERIFY(listed);

    // advisory and another Prometheus; the same flags give the same bytes.
    const QString advisory = dir_.filePath("replan-advisory");
    for (const QString& each : {advisory, dir_.filePath("replan-advisory-again")}) {
      const CliRun again = deploy(each, {"--mode-map", kMapping, "--replan", "advisory", "--replan-input", kPlanning, "--prometheus",
                                         "http://prometheus.observability:9090"});
      QVERIFY2(again.exitCode == 0, qPrintable(failure(again)));
    }
    QCOMPARE(flagValues(argsOf(loadYaml(advisory + "/router-deployment.yaml")), "--replan"), std::vector<std::string>{"advisory"});
    QCOMPARE(flagValues(argsOf(loadYaml(advisory + "/router-deployment.yaml")), "--interval"), std::vector<std::string>{"60"});
    QVERIFY(flagValues(argsOf(loadYaml(advisory + "/router-deployment.yaml")), "--budget").empty());
    QCOMPARE(loadYaml(advisory + "/headroom-serve-gpu-scaledobject.yaml")["spec"]["triggers"][0]["metadata"]["serverAddress"].as<std::string>(),
             std::string("http://prometheus.observability:9090"));
    const QStringList files = QDir(advisory).entryList(QDir::Files, QDir::Name);
    QCOMPARE(QDir(dir_.filePath("replan-advisory-again")).entryList(QDir::Files, QDir::Name), files);
    for (const QString& file : files) {
      QVERIFY2(readAll(advisory + "/" + file) == readAll(dir_.filePath("replan-advisory-again/") + file), qPrintable(file));
    }

    // A changed planning file rolls the router (its config-hash), not the modes.
    const QString changed = headroom::test::writeFile(dir_, "planning-changed.json", readAll(kPlanning).replace("[15, 600]", "[15, 601]"));
    const QString changedOut = dir_.filePath("replan-changed");
    const CliRun rolled = deploy(changedOut, {"--mode-map", kMapping, "--replan", "advisory", "--replan-input", changed, "--prometheus",
                                              "http://prometheus.observability:9090"});
    QVERIFY2(rolled.exitCode == 0, qPrintable(failure(rolled)));
    QVERIFY(configHash(changedOut + "/router-deployment.yaml") != configHash(advisory + "/router-deployment.yaml"));
    QCOMPARE(configHash(changedOut + "/headroom-serve-gpu-deployment.yaml"), configHash(advisory + "/headroom-serve-gpu-deployment.yaml"));
  }

  void replanRefusalsWriteNothing_data() {
    QTest::addColumn<QByteArray>("planning");  // empty: the seed's planning file
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<QStringList>("said");
    const QStringList replan{"--mode-map", kMapping, "--replan", "auto"};
    QTest::newRow("no planning file") << QByteArray() << replan << QStringList{"--replan needs --replan-input"};
    QTest::newRow("planning file without a class") << QByteArray(
        R"({"classes": [{"name": "user1", "rate_per_min": 15, "bound_s": 204}, {"name": "user2", "rate_per_min": 18, "bound_s": 301}],
            "modes": [{"name": "gpu", "max_instances": 8, "curve_per_min": [[0, 40], [15, 600]]}]})")
                                                  << replan << QStringList{"has no class \"user3\"", "its classes: user1, user2"};
    QTest::newRow("planning file without the mode") << QByteArray(
        R"({"classes": [{"name": "user1", "rate_per_min": 15, "bound_s": 204}, {"name": "user2", "rate_per_min": 18, "bound_s": 301},
                        {"name": "user3", "rate_per_min": 9, "bound_s": 352}],
            "modes": [{"name": "cpu", "max_instances": 8, "curve_per_min": [[0, 40], [15, 600]]}]})")
                                                    << replan << QStringList{"has no mode \"gpu\"", "its modes: cpu"};
    QTest::newRow("planning file with fewer instances") << QByteArray(
        R"({"classes": [{"name": "user1", "rate_per_min": 15, "bound_s": 204}, {"name": "user2", "rate_per_min": 18, "bound_s": 301},
                        {"name": "user3", "rate_per_min": 9, "bound_s": 352}],
            "modes": [{"name": "gpu", "max_instances": 2, "curve_per_min": [[0, 40], [15, 600]]}]})")
                                                        << replan << QStringList{"at most 2", "the plan has 3"};
    QTest::newRow("unknown replan mode") << QByteArray() << QStringList{"--mode-map", kMapping, "--replan", "manual", "--replan-input", kPlanning}
                                         << QStringList{"--replan", "manual"};
    QTest::newRow("interval 0") << QByteArray() << replan + QStringList{"--replan-input", kPlanning, "--replan-interval", "0"}
                                << QStringList{"--replan-interval"};
    QTest::newRow("negative interval") << QByteArray() << replan + QStringList{"--replan-input", kPlanning, "--replan-interval", "-5"}
                                       << QStringList{"--replan-interval"};
    QTest::newRow("planning file without --replan") << QByteArray() << QStringList{"--mode-map", kMapping, "--replan-input", kPlanning}
                                                    << QStringList{"--replan-input needs --replan advisory|auto"};
    QTest::newRow("interval without --replan") << QByteArray() << QStringList{"--mode-map", kMapping, "--replan-interval", "60"}
                                               << QStringList{"--replan-interval needs --replan advisory|auto"};
    QTest::newRow("Prometheus that is no URL") << QByteArray()
                                               << replan + QStringList{"--replan-input", kPlanning, "--prometheus", "prometheus:9090"}
                                               << QStringList{"--prometheus \"prometheus:9090\"", "http://"};
  }

  void replanRefusalsWriteNothing() {
    QFETCH(QByteArray, planning);
    QFETCH(QStringList, flags);
    QFETCH(QStringList, said);
    if (!planning.isEmpty()) flags << "--replan-input" << headroom::test::writeFile(dir_, "planning-refused.json", planning);
    const QString out = dir_.filePath("replan-refused");
    const CliRun run = deploy(out, flags);
    QVERIFY2(run.exitCode == 2, qPrintable(failure(run)));
    for (const QString& words : said) QVERIFY2(QString::fromUtf8(run.err).contains(words), qPrintable(failure(run)));
    QVERIFY2(!QFileInfo::exists(out), "nothing may be written");
    const QStringList left = QDir(dir_.path()).entryList(QStringList{".replan-refused*"}, QDir::AllEntries | QDir::Hidden);
    QVERIFY2(left.isEmpty(), qPrintable(left.join(", ")));
  }

  // A plan on two modes: a ScaledObject each, bounded by its own max_instances. auto is refused: it hands
  // the router the plan's shares instance by instance, and the router has one member per mode.
  void replanTwoModes() {
    const QString plan = headroom::test::writeFile(dir_, "two-mode-plan.json", R"({"status": "optimal",
      "instances_per_mode": {"big": 1, "small": 2}, "instances_total": 3,
      "instances": [{"mode": "big", "rates_per_s": {"chat": 0.5}}, {"mode": "small", "rates_per_s": {"chat": 0.25}},
                    {"mode": "small", "rates_per_s": {"chat": 0.25}}],
      "classes": [{"name": "chat", "rate_per_s": 1.0, "bound_s": 60, "metric": "ttlt", "percentile": 95, "rank": 0}]})");
    const QString planning = headroom::test::writeFile(dir_, "two-mode-planning.json", R"({
      "classes": [{"name": "chat", "rate_per_s": 1.0, "bound_s": 60}],
      "modes": [{"name": "big", "max_instances": 4, "curve": [[0, 10], [1, 50], [2, 100]]},
                {"name": "small", "max_instances": 6, "curve": [[0, 20], [0.5, 50], [1, 100]]}]})");
    const QStringList flags{"--mode-map", "big=llama-3.1-8b@h100-sxm", "--mode-map", "small=llama-3.1-8b@a100-80g", "--replan-input", planning};
    const QString out = dir_.filePath("two-modes");
    const CliRun advisory = runCli(QStringList{"deploy", plan, "--out", out, "--replan", "advisory"} + flags);
    QVERIFY2(advisory.exitCode == 0, qPrintable(failure(advisory)));
    for (const auto& [mode, max] : {std::pair{"big", 4}, std::pair{"small", 6}}) {
      const YAML::Node spec = loadYaml(out + "/headroom-serve-" + mode + "-scaledobject.yaml")["spec"];
      QCOMPARE(spec["scaleTargetRef"]["name"].as<std::string>(), std::string("headroom-serve-") + mode);
      QCOMPARE(spec["maxReplicaCount"].as<int>(), max);
      QCOMPARE(spec["triggers"][0]["metadata"]["query"].as<std::string>(),
               std::string("max(headroom_router_desired_instances{mode=\"") + mode + "\"})");
    }
    QCOMPARE(flagValues(argsOf(loadYaml(out + "/router-deployment.yaml")), "--mode-map"),
             (std::vector<std::string>{"big=llama-3.1-8b@h100-sxmx1", "small=llama-3.1-8b@a100-80gx1"}));

    const QString refused = dir_.filePath("two-modes-auto");
    const CliRun autoRun = runCli(QStringList{"deploy", plan, "--out", refused, "--replan", "auto"} + flags);
    QVERIFY2(autoRun.exitCode == 2, qPrintable(failure(autoRun)));
    QVERIFY2(QString::fromUtf8(autoRun.err).contains("one member per mode") && QString::fromUtf8(autoRun.err).contains("--replan advisory"),
             qPrintable(failure(autoRun)));
    QVERIFY(!QFileInfo::exists(refused));
  }

  // The router runs as the manifest says (its arguments, its route.json and planning.json from the
  // Secret) and publishes the series the ScaledObject reads at the plan's count. That series is the plan
  // the re-planner holds: after a solve that sees no request (its raw answer, the desired gauge, drops
  // to 0) it still says 3, so KEDA does not take the fleet down during the warm-up and the cooldown.
  void routerPublishesWhatKedaReads() {
    const QString out = dir_.filePath("replan-run");
    const CliRun run = deploy(out, {"--mode-map", kMapping, "--replan", "advisory", "--replan-input", kPlanning, "--replan-interval", "1"});
    QVERIFY2(run.exitCode == 0, qPrintable(failure(run)));
    const YAML::Node secret = loadYaml(out + "/router-config.yaml");
    const QString config = dir_.filePath("replan-run-config");
    QVERIFY(QDir().mkpath(config));
    for (const char* file : {"route.json", "planning.json"}) {
      QFile written(config + "/" + file);
      QVERIFY(written.open(QIODevice::WriteOnly));
      written.write(QByteArray::fromStdString(secret["stringData"][file].as<std::string>()));
    }
    QStringList args;
    const std::vector<std::string> manifestArgs = argsOf(loadYaml(out + "/router-deployment.yaml"));
    for (std::size_t i = 0; i < manifestArgs.size(); ++i) {
      QString arg = QString::fromStdString(manifestArgs[i]);
      if (arg == "--port") {  // ServerProcess picks a free one
        ++i;
        continue;
      }
      if (arg == "0.0.0.0") arg = "127.0.0.1";
      args << arg.replace("/etc/headroom", config);
    }
    ServerProcess router(args);
    QVERIFY(router.port() != 0);

    const std::string query = loadYaml(out + "/headroom-serve-gpu-scaledobject.yaml")["spec"]["triggers"][0]["metadata"]["query"].as<std::string>();
    const std::string series = query.substr(4, query.size() - 5);  // max(SERIES)
    std::string metrics;
    const bool solved = headroom::test::waitFor(
        [&] {
          metrics = headroom::test::httpRequest(router.port(), "GET", "/metrics", {}, {}).body;
          return headroom::test::metricValue(metrics, R"(headroom_router_recommended_instances{mode="gpu"})") == 0.0;
        },
        std::chrono::seconds(60), std::chrono::milliseconds(100));
    QVERIFY2(solved, ("no solve without requests recommended 0 instances within 60 s:\n" + metrics).c_str());
    QCOMPARE(headroom::test::metricValue(metrics, series), 3.0);
  }

  void everyObjectValidatesAgainstItsSchema() {
    const QString node = QStandardPaths::findExecutable("node");
    const QString schemaDir = kSourceDir + "/tests/k8s-schema";
    if (const QString missing = schemaToolsMissing(); !missing.isEmpty()) QSKIP(qPrintable(missing));
    for (const QString& target : {QStringLiteral("kustomize"), QStringLiteral("gateway-api"), QStringLiteral("replan")}) {
      const QString out = dir_.filePath("schema-" + target);
      const QStringList flags = target == "replan" ? QStringList{"--replan", "auto", "--replan-input", kPlanning}
                                                   : QStringList{"--target", target};
      const CliRun run = deploy(out, QStringList{"--mode-map", kMapping, "--gpu-budget", "8"} + flags);
      QVERIFY2(run.exitCode == 0, qPrintable(failure(run)));
      QStringList files;
      for (const QString& file : QDir(out).entryList({"*.yaml"}, QDir::Files, QDir::Name)) files << out + "/" + file;
      const ToolRun check = runTool(node, QStringList{schemaDir + "/validate.mjs"} + files);
      QVERIFY2(check.exitCode == 0, qPrintable(check.output));
      QVERIFY2(check.output.contains(QString("%1 valid, 0 invalid").arg(files.size())), qPrintable(check.output));
    }
  }

  // The checker itself must fail on a wrong object, or its passing says nothing.
  void schemaCheckRefusesWrongObjects_data() {
    QTest::addColumn<QByteArray>("yaml");
    QTest::newRow("replicas as text") << QByteArray(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  replicas: \"3\"\n  selector: {matchLabels: {a: b}}\n"
        "  template:\n    metadata: {labels: {a: b}}\n    spec: {containers: [{name: c, image: i}]}\n");
    QTest::newRow("HTTPRoute weight as text") << QByteArray(
        "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r}\n"
        "spec: {rules: [{backendRefs: [{name: s, port: 80, weight: heavy}]}]}\n");
    QTest::newRow("objective with an unknown field") << QByteArray(
        "apiVersion: llm-d.ai/v1alpha2\nkind: InferenceObjective\nmetadata: {name: o}\nspec: {poolRef: {name: p}, priority: 1, criticality: high}\n");
    QTest::newRow("pool without ports") << QByteArray(
        "apiVersion: inference.networking.k8s.io/v1\nkind: InferencePool\nmetadata: {name: p}\nspec: {selector: {matchLabels: {a: b}}}\n");
    QTest::newRow("Secret with a value that is no text") << QByteArray(
        "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ntype: Opaque\nstringData: {serve.json: 5}\n");
    QTest::newRow("ScaledObject maximum as text") << QByteArray(
        "apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata: {name: s}\nspec:\n  scaleTargetRef: {name: d}\n"
        "  maxReplicaCount: eight\n  triggers: [{type: prometheus, metadata: {query: q, threshold: \"1\"}}]\n");
    QTest::newRow("ScaledObject threshold as a number") << QByteArray(
        "apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata: {name: s}\nspec:\n  scaleTargetRef: {name: d}\n"
        "  triggers: [{type: prometheus, metadata: {query: q, threshold: 1}}]\n");
    QTest::newRow("a kind no schema knows") << QByteArray("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n");
  }

  void schemaCheckRefusesWrongObjects() {
    if (const QString missing = schemaToolsMissing(); !missing.isEmpty()) QSKIP(qPrintable(missing));
    QFETCH(QByteArray, yaml);
    const QString node = QStandardPaths::findExecutable("node");
    QVERIFY2(!node.isEmpty(), "node is not installed (scripts/install-deps.sh installs it)");
    const QString file = headroom::test::writeFile(dir_, "wrong.yaml", yaml);
    const ToolRun check = runTool(node, {kSourceDir + "/tests/k8s-schema/validate.mjs", file});
    QVERIFY2(check.exitCode == 1, qPrintable(check.output));
    QVERIFY2(check.output.contains("0 valid, 1 invalid"), qPrintable(check.output));
  }

  void kubectlKustomizeRenders() {
    const QString kubectl = QStandardPaths::findExecutable("kubectl");
    if (kubectl.isEmpty()) QSKIP("kubectl is not installed: `kubectl kustomize` was not run on the output");
    for (const QString& target : {QStringLiteral("kustomize"), QStringLiteral("gateway-api"), QStringLiteral("replan")}) {
      const QString out = dir_.filePath("kubectl-" + target);
      const bool replan = target == "replan";
      const QStringList flags = replan ? QStringList{"--replan", "advisory", "--replan-input", kPlanning} : QStringList{"--target", target};
      const CliRun run = deploy(out, QStringList{"--mode-map", kMapping, "--gpu-budget", "3"} + flags);
      QVERIFY2(run.exitCode == 0, qPrintable(failure(run)));
      const ToolRun rendered = runTool(kubectl, {"kustomize", out});
      QVERIFY2(rendered.exitCode == 0, qPrintable(rendered.output));
      std::size_t objects = 0;
      std::size_t scaledObjects = 0;
      for (const YAML::Node& document : YAML::LoadAll(rendered.output.toStdString())) {
        if (!document.IsMap()) continue;
        ++objects;
        if (document["kind"].as<std::string>() == "ScaledObject") ++scaledObjects;
        if (document["kind"].as<std::string>() == "Deployment" && document["metadata"]["name"].as<std::string>() == "headroom-serve-gpu") {
          // Re-planning: KEDA owns the count and the Deployment states none.
          if (replan) QVERIFY(!document["spec"]["replicas"]);
          else QCOMPARE(document["spec"]["replicas"].as<int>(), 3);
        }
      }
      QCOMPARE(objects, loadYaml(out + "/kustomization.yaml")["resources"].size());
      QCOMPARE(scaledObjects, std::size_t{replan ? 1u : 0u});
    }
  }
};

QTEST_GUILESS_MAIN(TestDeploy)
#include "tst_deploy.moc"
