// `headroom-cli observability`: the Grafana dashboard and Prometheus SLO burn-rate rules it writes for a
// serve or route configuration. promtool checks the rules and runs unit tests on them (series that must
// and must not fire); every dashboard query names only metrics a real `serve` and `route` export.
#include <QtTest>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cctype>
#include <regex>
#include <set>
#include <string>

#include <yaml-cpp/yaml.h>

#include "serve/fleet/alert_rules.h"
#include "serve/fleet/observed_service.h"
#include "support/cli_run.h"
#include "support/tool_run.h"
#include "support/http_test_client.h"
#include "support/metric_value.h"
#include "support/server_process.h"
#include "support/test_files.h"
#include "support/wait_for.h"

using headroom::test::CliRun;
using headroom::test::ServerProcess;
using headroom::test::httpRequest;
using headroom::test::metricValue;
using headroom::test::runCli;
using headroom::test::writeFile;

namespace {

const std::pair<std::string, std::string> kAcme{"Authorization", "Bearer sk-acme-0123456789"};

// chat watches p99 (budget 1%: fast above 14.4%, slow above 6%), batch p95 (budget 5%: 72% and 30%),
// instant p90 (budget 10%: 14.4x would be 144%, held at every request missing); instant's 1 ms TTFT is
// below one 20 ms iteration, so every one of its requests misses.
const char* const kClasses = R"(
    "classes": [
      {"name": "chat", "rank": 0, "slo": {"ttft_s": 1.0, "tbt_s": 0.1}},
      {"name": "batch", "rank": 1, "slo": {"ttlt_s": 60, "percentile": 95}},
      {"name": "instant", "rank": 0, "slo": {"ttft_s": 0.001, "percentile": 90}}
    ],
    "tenants": [{"name": "acme", "classes": ["chat", "batch", "instant"], "default_class": "chat", "keys": ["sk-acme-0123456789"]}],
    "admin_keys": ["sk-admin-0123456789"])";

QByteArray serveConfig() {
  return QByteArray(R"({"model_name": "test-model", "executor": {"kind": "constant", "iteration_s": 0.02},)") + kClasses + "}";
}

// The planning file the route re-plans with (`--replan-input`): the route's three classes on one mode.
const QByteArray kPlanning =
    "{\"classes\": [{\"name\": \"chat\", \"rate_per_s\": 0.1, \"bound_s\": 10},"
    " {\"name\": \"batch\", \"rate_per_s\": 0.1, \"bound_s\": 60},"
    " {\"name\": \"instant\", \"rate_per_s\": 0.1, \"bound_s\": 10}],"
    " \"modes\": [{\"name\": \"gpu\", \"max_instances\": 8, \"curve\": [ [0, 1], [5, 5], [6, 100] ]}]}";

QByteArray routeConfig(std::uint16_t memberPort) {
  const QByteArray member = "{\"name\": \"a\", \"url\": \"http://127.0.0.1:" + QByteArray::number(memberPort) + "\"}";
  return "{" + QByteArray(kClasses) + ", \"members\": [" + member + "]}";
}

// A class name with a quote, a backslash, braces and a hash, and a serve configuration with that one class.
QString oddClassName() { return QStringLiteral("we\"ird\\name: ") + "{{x}}" + " #1"; }

QByteArray oddClassConfig() {
  return QJsonDocument(QJsonObject{
                           {"model_name", "m"},
                           {"executor", QJsonObject{{"kind", "constant"}, {"iteration_s", 0.02}}},
                           {"classes", QJsonArray{QJsonObject{{"name", oddClassName()}, {"slo", QJsonObject{{"ttft_s", 1}}}}}},
                           {"tenants", QJsonArray{QJsonObject{{"name", "t"},
                                                              {"classes", QJsonArray{oddClassName()}},
                                                              {"keys", QJsonArray{"sk-0123456789abcdef"}}}}}})
      .toJson();
}

// A promtool unit test over `rules` (made from oddClassConfig()): half of the odd class's requests miss
// for two hours, so the fast alert fires with the class's own name in its labels and annotations.
QByteArray oddBurnTestFile(const QString& rules) {
  const QString name = oddClassName();
  QString quoted = name;
  quoted.replace("\\", "\\\\").replace("\"", "\\\"");
  auto series = [&](const char* metric, const char* values) {
    return QJsonObject{{"series", QString(metric) + "{class=\"" + quoted + "\"}"}, {"values", values}};
  };
  const QJsonObject alert{
      {"exp_labels", QJsonObject{{"class", name}, {"severity", "page"}}},
      {"exp_annotations",
       QJsonObject{{"summary", "Class " + name + " is spending its SLO error budget 14.4 times as fast as allowed"},
                   {"description", "More than 14.4% of class " + name +
                                       "'s finished requests missed its SLO over the last 1h and 5m (SLO p99, error budget 1%)."}}}};
  const QJsonObject test{
      {"interval", "1m"},
      {"input_series", QJsonArray{series("headroom_requests_completed_total", "0+100x120"),
                                  series("headroom_requests_slo_met_total", "0+50x120")}},
      {"alert_rule_test", QJsonArray{QJsonObject{{"eval_time", "120m"}, {"alertname", "HeadroomSloFastBurn"}, {"exp_alerts", QJsonArray{alert}}}}}};
  return QJsonDocument(QJsonObject{{"rule_files", QJsonArray{rules}}, {"evaluation_interval", "1m"}, {"tests", QJsonArray{test}}}).toJson();
}

QByteArray readAll(const QString& path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString describe(const CliRun& run) {
  return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
      .arg(run.exitCode)
      .arg(QString::fromUtf8(run.out), QString::fromUtf8(run.err));
}

using headroom::test::runTool;
using headroom::test::ToolRun;

// Sample names of a Prometheus text exposition (histograms as their _bucket, _sum and _count series).
std::set<std::string> exportedNames(const std::string& text) {
  std::set<std::string> names;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    start = end + 1;
    if (line.empty() || line.starts_with('#')) continue;
    names.insert(line.substr(0, line.find_first_of("{ ")));
  }
  return names;
}

// The metric names a PromQL expression reads: identifiers outside string literals, label matchers,
// ranges and by/without lists that neither call a function nor are operators.
std::set<std::string> queriedMetrics(const std::string& expr) {
  std::string plain;
  char closing = 0;  // inside a label matcher ('}') or a range ('['), which name no metric
  for (std::size_t i = 0; i < expr.size(); ++i) {
    const char c = expr[i];
    if (c == '"') {  // a string literal, wherever it is
      for (++i; i < expr.size() && expr[i] != '"'; ++i) {
        if (expr[i] == '\\') ++i;
      }
      continue;
    }
    if (closing != 0) {
      if (c == closing) closing = 0;
      continue;
    }
    if (c == '{') closing = '}';
    else if (c == '[') closing = ']';
    else plain += c;
  }
  // Label lists of aggregations and vector matching: sum by (le) (...), a / ignoring(le) b.
  static const std::regex labelList(R"(\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\))");
  plain = std::regex_replace(plain, labelList, " ");
  static const std::set<std::string> keywords{"and", "or", "unless", "bool", "offset"};
  std::set<std::string> names;
  std::size_t i = 0;
  auto identifierChar = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == ':'; };
  while (i < plain.size()) {
    const char c = plain[i];
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') {
      while (i < plain.size() && (identifierChar(plain[i]) || plain[i] == '.')) ++i;  // a number
      continue;
    }
    if (!identifierChar(c)) {
      ++i;
      continue;
    }
    const std::size_t begin = i;
    while (i < plain.size() && identifierChar(plain[i])) ++i;
    const std::string word = plain.substr(begin, i - begin);
    std::size_t next = i;
    while (next < plain.size() && plain[next] == ' ') ++next;
    const bool call = next < plain.size() && plain[next] == '(';
    if (!call && !keywords.contains(word)) names.insert(word);
  }
  return names;
}

// Every rule's `expr` of a rule file as YAML reads it, one a line (however the file quotes them).
std::string ruleExpressions(const QByteArray& ruleFile) {
  std::string exprs;
  for (const YAML::Node& group : YAML::Load(ruleFile.toStdString())["groups"]) {
    for (const YAML::Node& rule : group["rules"]) exprs += rule["expr"].as<std::string>() + "\n";
  }
  return exprs;
}

QJsonObject jsonObjectOf(const QByteArray& text) { return QJsonDocument::fromJson(text).object(); }

}  // namespace

class TestObservability : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  QString promtool_;

  // Runs `observability` on `config` into a fresh folder `name`; the folder's path.
  QString generate(const QString& config, const QString& name, const QStringList& extra = {}) {
    const QString out = dir_.filePath(name);
    const CliRun run = runCli(QStringList{"observability", "--config", config, "--out", out} + extra);
    if (run.exitCode != 0) qWarning().noquote() << describe(run);
    return run.exitCode == 0 ? out : QString();
  }

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    promtool_ = QStandardPaths::findExecutable("promtool");
  }

  void writesTheSameBytesEveryTime() {
    const QString config = writeFile(dir_, "serve.json", serveConfig());
    const QString first = generate(config, "first");
    const QString second = generate(config, "second");
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    for (const char* name : {"grafana-dashboard.json", "alert-rules.yaml"}) {
      const QByteArray a = readAll(first + "/" + name);
      QVERIFY2(!a.isEmpty(), name);
      QCOMPARE(readAll(second + "/" + name), a);
    }
    // A folder observability wrote is replaced whole, also when a file of it was removed or changed; no
    // staging folder is left.
    QVERIFY(QFile::remove(first + "/grafana-dashboard.json"));
    QVERIFY(!writeFile(dir_, "first/alert-rules.yaml", readAll(first + "/alert-rules.yaml") + "# edited\n").isEmpty());
    QCOMPARE(generate(config, "first"), first);
    QCOMPARE(QDir(first).entryList(QDir::Files, QDir::Name), (QStringList{"alert-rules.yaml", "grafana-dashboard.json"}));
    QCOMPARE(readAll(first + "/alert-rules.yaml"), readAll(second + "/alert-rules.yaml"));
    QCOMPARE(readAll(first + "/grafana-dashboard.json"), readAll(second + "/grafana-dashboard.json"));
    const QStringList leftovers = QDir(dir_.path()).entryList({".first*", ".second*"}, QDir::AllEntries | QDir::Hidden);
    QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(", ")));
  }

  // An operator's files are never overwritten or mixed with ours: a folder observability did not write,
  // or one it wrote that holds another file, is refused (exit 2, naming it) and left as it was.
  void leavesOtherFoldersAlone() {
    const QString config = writeFile(dir_, "serve.json", serveConfig());
    QVERIFY(QDir(dir_.path()).mkdir("foreign"));
    QVERIFY(!writeFile(dir_, "foreign/alert-rules.yaml", "groups: []\n").isEmpty());
    const CliRun foreign = runCli({"observability", "--config", config, "--out", dir_.filePath("foreign")});
    QVERIFY2(foreign.exitCode == 2, qPrintable(describe(foreign)));
    QVERIFY2(QString::fromUtf8(foreign.err).contains("not written by headroom-cli observability"), qPrintable(describe(foreign)));
    QCOMPARE(QDir(dir_.filePath("foreign")).entryList(QDir::Files), QStringList{"alert-rules.yaml"});
    QCOMPARE(readAll(dir_.filePath("foreign/alert-rules.yaml")), QByteArray("groups: []\n"));

    const QString ours = generate(config, "ours");
    QVERIFY(!ours.isEmpty());
    const QByteArray rules = readAll(ours + "/alert-rules.yaml");
    QVERIFY(!writeFile(dir_, "ours/notes.txt", "kept").isEmpty());
    const CliRun again = runCli({"observability", "--config", config, "--out", ours});
    QVERIFY2(again.exitCode == 2, qPrintable(describe(again)));
    QVERIFY2(QString::fromUtf8(again.err).contains("notes.txt"), qPrintable(describe(again)));
    QCOMPARE(QDir(ours).entryList(QDir::Files, QDir::Name), (QStringList{"alert-rules.yaml", "grafana-dashboard.json", "notes.txt"}));
    QCOMPARE(readAll(ours + "/alert-rules.yaml"), rules);
    QCOMPARE(readAll(ours + "/notes.txt"), QByteArray("kept"));
    const QStringList leftovers = QDir(dir_.path()).entryList({".foreign*", ".ours*"}, QDir::AllEntries | QDir::Hidden);
    QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(", ")));
  }

  void refusesBadInputAndWritesNothing_data() {
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("message");
    QTest::newRow("percentile out of range")
        << QByteArray(serveConfig()).replace(R"("percentile": 95)", R"("percentile": 101)") << QStringList{}
        << "/classes/1/slo/percentile";
    QTest::newRow("a route configuration read as a server's")
        << routeConfig(8000) << QStringList{"--kind", "serve"} << "/members";
    QTest::newRow("not JSON") << QByteArray("{\"classes\": [") << QStringList{} << "not valid JSON";
    QTest::newRow("unknown kind") << serveConfig() << QStringList{"--kind", "cluster"} << "--kind";
  }

  void refusesBadInputAndWritesNothing() {
    QFETCH(QByteArray, config);
    QFETCH(QStringList, extra);
    QFETCH(QString, message);
    const QString path = writeFile(dir_, "bad.json", config);
    const QString out = dir_.filePath("bad-out");
    const CliRun run = runCli(QStringList{"observability", "--config", path, "--out", out} + extra);
    QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
    QVERIFY2(QString::fromUtf8(run.err).contains(message), qPrintable(describe(run)));
    QVERIFY(!QFileInfo::exists(out));
  }

  void refusesAnOutputThatIsAFile() {
    const QString config = writeFile(dir_, "serve.json", serveConfig());
    const QString file = writeFile(dir_, "a-file", "untouched");
    const CliRun run = runCli({"observability", "--config", config, "--out", file});
    QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
    QVERIFY2(QString::fromUtf8(run.err).contains("not a folder"), qPrintable(describe(run)));
    QCOMPARE(readAll(file), QByteArray("untouched"));
  }

  void promtoolAcceptsTheRules() {
    if (promtool_.isEmpty()) QSKIP("promtool is not installed (Debian: prometheus); the rules were not checked");
    const QString out = generate(writeFile(dir_, "serve.json", serveConfig()), "checked");
    QVERIFY(!out.isEmpty());
    const ToolRun check = runTool(promtool_, {"check", "rules", out + "/alert-rules.yaml"});
    QVERIFY2(check.exitCode == 0, qPrintable(check.output));
    QVERIFY2(check.output.contains("SUCCESS: 10 rules found"), qPrintable(check.output));  // 4 ratios, 3 x 2 alerts
    // A budget over 1/14.4 cannot burn 14.4 times over: the threshold is every request missing.
    const std::string exprs = ruleExpressions(readAll(out + "/alert-rules.yaml"));
    QVERIFY2(exprs.find(R"(class:headroom_slo_errors:ratio_rate1h{class="instant"} >= 1 and)") != std::string::npos, exprs.c_str());
    QVERIFY2(exprs.find(R"(class:headroom_slo_errors:ratio_rate1h{class="chat"} > 0.144 and)") != std::string::npos, exprs.c_str());
    QVERIFY2(exprs.find(R"(class:headroom_slo_errors:ratio_rate6h{class="batch"} > 0.3 and)") != std::string::npos, exprs.c_str());
    // A class name with quotes, a backslash, braces and a hash is quoted in PromQL and YAML alike.
    const QString oddName = oddClassName();
    const QByteArray odd = oddClassConfig();
    const QString oddOut = generate(writeFile(dir_, "odd.json", odd), "odd");
    QVERIFY(!oddOut.isEmpty());
    const ToolRun oddCheck = runTool(promtool_, {"check", "rules", oddOut + "/alert-rules.yaml"});
    QVERIFY2(oddCheck.exitCode == 0 && oddCheck.output.contains("SUCCESS: 6 rules found"), qPrintable(oddCheck.output));
    const ToolRun oddBurn = runTool(promtool_, {"test", "rules", writeFile(dir_, "odd-tests.yaml", oddBurnTestFile(oddOut + "/alert-rules.yaml"))});
    QVERIFY2(oddBurn.exitCode == 0, qPrintable(oddBurn.output));
    const QJsonObject dashboard = jsonObjectOf(readAll(oddOut + "/grafana-dashboard.json"));
    QCOMPARE(dashboard["panels"].toArray()[0].toObject()["title"].toString(), "Class " + oddName);
  }

  // Seven hours of one-minute samples of the class's counters (100 requests a minute) per case, judged
  // at the end: a burn of 20% in the last hour after six healthy ones fires the fast alert only (the 6 h
  // ratio is 3.3%); 8% for seven hours fires the slow one only, for chat (p99), and nothing for batch
  // (p95: 8% is under its 30%); 0.5% fires nothing. A wrong expectation must make promtool fail.
  void promtoolUnitTestsFireWhatMustFire() {
    if (promtool_.isEmpty()) QSKIP("promtool is not installed (Debian: prometheus); the rules were not unit-tested");
    const QString config = writeFile(dir_, "serve.json", serveConfig());
    const QString out = generate(config, "unit");
    QVERIFY(!out.isEmpty());
    const auto rules = headroom::serve::buildAlertRules(headroom::serve::loadObservedService(config.toStdString()));
    // The expected alert as the rule file states it: its labels and annotations.
    auto expected = [&](const std::string& alert, const std::string& className) {
      for (const auto& group : rules.groups) {
        for (const auto& rule : group.rules) {
          if (rule.alert != alert || rule.expr.find("{class=\"" + className + "\"}") == std::string::npos) continue;
          QJsonObject labels{{"class", QString::fromStdString(className)}, {"severity", alert == "HeadroomSloFastBurn" ? "page" : "ticket"}};
          QJsonObject annotations;
          for (const auto& [name, value] : rule.annotations) {  // as Prometheus expands them
            annotations[QString::fromStdString(name)] =
                QString::fromStdString(value).replace("{{ $labels.class }}", QString::fromStdString(className));
          }
          return QJsonArray{QJsonObject{{"exp_labels", labels}, {"exp_annotations", annotations}}};
        }
      }
      return QJsonArray{};
    };
    auto series = [](const QString& metric, const QString& className, const QString& values) {
      return QJsonObject{{"series", QString("%1{class=\"%2\", instance=\"a\"}").arg(metric, className)}, {"values", values}};
    };
    const QString completed = "headroom_requests_completed_total";
    const QString met = "headroom_requests_slo_met_total";
    auto check = [](const QString& alert, const QJsonArray& alerts) {
      return QJsonObject{{"eval_time", "420m"}, {"alertname", alert}, {"exp_alerts", alerts}};
    };
    const QJsonArray fastOnly{
        series(completed, "chat", "0+100x420"), series(met, "chat", "0+100x360 36080+80x59")};
    const QJsonArray slowOnly{series(completed, "chat", "0+100x420"), series(met, "chat", "0+92x420"),
                              series(completed, "batch", "0+100x420"), series(met, "batch", "0+92x420")};
    const QJsonArray healthy{series(completed, "chat", "0+100x420"), series(met, "chat", "0+99.5x420")};
    const QJsonArray fastAlert = expected("HeadroomSloFastBurn", "chat");
    const QJsonArray slowAlert = expected("HeadroomSloSlowBurn", "chat");
    QVERIFY(!fastAlert.isEmpty() && !slowAlert.isEmpty());
    auto testFile = [&](const QJsonArray& fastInHealthy) {
      const QJsonArray tests{
          QJsonObject{{"name", "fast burn"}, {"interval", "1m"}, {"input_series", fastOnly},
                      {"alert_rule_test", QJsonArray{check("HeadroomSloFastBurn", fastAlert), check("HeadroomSloSlowBurn", {})}}},
          QJsonObject{{"name", "slow burn"}, {"interval", "1m"}, {"input_series", slowOnly},
                      {"alert_rule_test", QJsonArray{check("HeadroomSloFastBurn", {}), check("HeadroomSloSlowBurn", slowAlert)}}},
          QJsonObject{{"name", "healthy"}, {"interval", "1m"}, {"input_series", healthy},
                      {"alert_rule_test", QJsonArray{check("HeadroomSloFastBurn", fastInHealthy), check("HeadroomSloSlowBurn", {})}}}};
      // JSON is YAML: promtool reads it as a test file.
      return QJsonDocument(QJsonObject{{"rule_files", QJsonArray{out + "/alert-rules.yaml"}},
                                       {"evaluation_interval", "5m"},  // the rules at 420m are what counts
                                       {"tests", tests}})
          .toJson();
    };
    const ToolRun pass = runTool(promtool_, {"test", "rules", writeFile(dir_, "burn-tests.yaml", testFile({}))});
    QVERIFY2(pass.exitCode == 0, qPrintable(pass.output));
    const ToolRun wrong = runTool(promtool_, {"test", "rules", writeFile(dir_, "wrong-tests.yaml", testFile(fastAlert))});
    QVERIFY2(wrong.exitCode != 0, qPrintable("a healthy series was expected to fire and promtool did not object:\n" + wrong.output));
  }

  // Start a real serve and a real route (re-planning, so it exports the re-planner's gauges) in front of
  // it, read their /metrics, and check that every query of both dashboards names a metric one of them
  // exports, and that the rows and SLO lines are there.
  void dashboardQueriesNameExportedMetrics() {
    const QString serveFile = writeFile(dir_, "serve.json", serveConfig());
    ServerProcess member(QStringList{"serve", serveFile});
    QVERIFY(member.port() != 0);
    const QString routeFile = writeFile(dir_, "route.json", routeConfig(member.port()));
    const QString planning = writeFile(dir_, "planning.json", kPlanning);
    ServerProcess router(QStringList{"route", routeFile, "--replan", "advisory", "--replan-input", planning, "--interval", "1"});
    QVERIFY(router.port() != 0);
    // One request that meets chat's SLO, one that misses instant's: the server counts them apart.
    for (const char* className : {"chat", "instant"}) {
      const headroom::test::HttpReply reply =
          httpRequest(router.port(), "POST", "/v1/completions", R"({"model": "test-model", "prompt": "hi", "max_tokens": 3})",
                      {kAcme, {"X-Headroom-Class", className}});
      QVERIFY2(reply.status == 200, reply.body.c_str());
    }
    headroom::test::HttpReply serveMetrics;
    const bool counted = headroom::test::waitFor([&] {
      serveMetrics = httpRequest(member.port(), "GET", "/metrics");
      return metricValue(serveMetrics.body, R"(headroom_requests_completed_total{class="instant"})") == 1.0 &&
             metricValue(serveMetrics.body, R"(headroom_requests_completed_total{class="chat"})") == 1.0;
    }, std::chrono::seconds(30));
    QVERIFY2(counted, serveMetrics.body.c_str());
    QCOMPARE(metricValue(serveMetrics.body, R"(headroom_requests_slo_met_total{class="chat"})"), 1.0);
    QCOMPARE(metricValue(serveMetrics.body, R"(headroom_requests_slo_met_total{class="instant"})"), 0.0);
    const headroom::test::HttpReply routeMetrics = httpRequest(router.port(), "GET", "/metrics");
    QCOMPARE(serveMetrics.status, 200);
    QCOMPARE(routeMetrics.status, 200);
    const std::set<std::string> served = exportedNames(serveMetrics.body);
    std::set<std::string> fleet = served;
    fleet.merge(exportedNames(routeMetrics.body));
    QVERIFY(served.contains("headroom_ttft_seconds_bucket"));
    QVERIFY(fleet.contains("headroom_router_requests_total"));
    // The re-planner's gauges: the plan it holds (started on the planning file's, at least one instance of
    // gpu) and the last solve's (none for classes idle since the requests above).
    QVERIFY2(metricValue(routeMetrics.body, R"(headroom_router_desired_instances{mode="gpu"})") >= 1.0, routeMetrics.body.c_str());
    QVERIFY2(metricValue(routeMetrics.body, R"(headroom_router_recommended_instances{mode="gpu"})") >= 0.0, routeMetrics.body.c_str());

    // The rules' counters are the server's.
    for (const std::string_view counter : {headroom::serve::kJudgedCounter, headroom::serve::kMetCounter}) {
      QVERIFY2(served.contains(std::string(counter)), std::string(counter).c_str());
    }

    for (const auto& [file, kind, exported] :
         {std::tuple{serveFile, QString("serve"), &served}, std::tuple{routeFile, QString("route"), static_cast<const std::set<std::string>*>(&fleet)}}) {
      const QString out = generate(file, "dashboard-" + kind);
      QVERIFY(!out.isEmpty());
      const QJsonObject dashboard = jsonObjectOf(readAll(out + "/grafana-dashboard.json"));
      QCOMPARE(dashboard["title"].toString(), "Headroom " + kind + ": " + kind);
      QStringList rows;
      QMap<QString, QJsonObject> panelsOfChat;  // title -> panel, in the chat row
      QMap<QString, QJsonObject> panelsOfBatch;
      QStringList replannerPanels;
      QStringList desiredLegends;
      QString row;
      int queries = 0;
      for (const QJsonValue& value : dashboard["panels"].toArray()) {
        const QJsonObject panel = value.toObject();
        if (panel["type"].toString() == "row") {
          row = panel["title"].toString();
          rows << row;
          continue;
        }
        if (row == "Class chat") panelsOfChat[panel["title"].toString()] = panel;
        if (row == "Class batch") panelsOfBatch[panel["title"].toString()] = panel;
        if (row == "Re-planner") replannerPanels << panel["title"].toString();
        if (panel["title"].toString() == "Instances: desired vs recommended") {
          for (const QJsonValue& target : panel["targets"].toArray()) desiredLegends << target.toObject()["legendFormat"].toString();
        }
        const QJsonArray targets = panel["targets"].toArray();
        QVERIFY2(!targets.isEmpty(), qPrintable(row + " / " + panel["title"].toString() + ": no query"));
        for (const QJsonValue& target : targets) {
          const std::string expr = target.toObject()["expr"].toString().toStdString();
          const std::set<std::string> metrics = queriedMetrics(expr);
          QVERIFY2(!metrics.empty(), expr.c_str());
          for (const std::string& metric : metrics) {
            QVERIFY2(exported->contains(metric),
                     qPrintable(QString("%1 dashboard, %2 / %3: %4 is not exported (query %5)")
                                    .arg(kind, row, panel["title"].toString(), QString::fromStdString(metric),
                                         QString::fromStdString(expr))));
          }
          ++queries;
        }
      }
      QStringList expectedRows{"Class chat", "Class batch", "Class instant", "Pool"};
      if (kind == "route") expectedRows << "Re-planner";
      QCOMPARE(rows, expectedRows);
      QVERIFY(queries >= 20);
      auto thresholdOf = [](const QJsonObject& panel) {
        const QJsonArray steps = panel["fieldConfig"]["defaults"]["thresholds"]["steps"].toArray();
        return steps.size() == 2 ? steps[1].toObject()["value"].toDouble() : -1.0;
      };
      QCOMPARE(thresholdOf(panelsOfChat["Attainment"]), 0.99);
      QCOMPARE(thresholdOf(panelsOfChat["TTFT"]), 1.0);
      QCOMPARE(thresholdOf(panelsOfChat["TBT (judged)"]), 0.1);
      QCOMPARE(thresholdOf(panelsOfChat["End to end"]), -1.0);  // chat has no TTLT bound
      QCOMPARE(thresholdOf(panelsOfBatch["Attainment"]), 0.95);
      QCOMPARE(thresholdOf(panelsOfBatch["End to end"]), 60.0);
      QVERIFY(panelsOfChat["TTFT"]["targets"].toArray()[0].toObject()["expr"].toString().startsWith("histogram_quantile(0.99,"));
      for (const char* title : {"Queue time", "Rejected (429)", "Relegations", "Cancelled and failed"}) {
        QVERIFY2(panelsOfChat.contains(QString(title)), title);
      }
      QCOMPARE(panelsOfChat.contains("Router: requests and errors"), kind == "route");
      if (kind == "route") {
        const QStringList replanner{"Instances: desired vs recommended", "Plan changes", "Desired vs serving instances"};
        QCOMPARE(replannerPanels, replanner);
        QCOMPARE(desiredLegends, (QStringList{"desired {{mode}}", "recommended {{mode}}"}));
      }
    }
  }

  void queriedMetricsReadsPromql() {
    const std::set<std::string> names = queriedMetrics(
        R"(histogram_quantile(0.99, sum by (le) (rate(a_bucket{class="x{y}"}[$__rate_interval]))) / ignoring(le) b_total and 1 - avg(c))");
    QCOMPARE(names, (std::set<std::string>{"a_bucket", "b_total", "c"}));
  }
};

QTEST_GUILESS_MAIN(TestObservability)
#include "tst_observability.moc"
