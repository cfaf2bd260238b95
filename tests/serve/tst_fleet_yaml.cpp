// The pieces of `headroom-cli deploy` below the command: YAML emission (every string reads back as the
// same string, whatever it looks like), the --mode-map form, and refusals of buildFleet.
#include <QtTest>

#include <stdexcept>

#include <yaml-cpp/yaml.h>

#include "serve/fleet/fleet_manifests.h"
#include "serve/fleet/fleet_plan.h"
#include "serve/fleet/mode_hardware.h"
#include "serve/fleet/yaml_document.h"

using headroom::serve::FleetClass;
using headroom::serve::FleetMode;
using headroom::serve::FleetOptions;
using headroom::serve::FleetPlan;
using headroom::serve::ModeHardware;
using headroom::serve::parseModeHardware;
using headroom::serve::yamlDocument;
using ordered_json = nlohmann::ordered_json;

namespace {

FleetPlan twoModePlan() {
  FleetPlan plan;
  plan.classes = {FleetClass{"chat", 1.0, 2.0, headroom::engine::LatencyMetric::Ttft, 99.0, 0},
                  FleetClass{"batch", 3.0, 600.0, headroom::engine::LatencyMetric::Ttlt, 95.0, 1}};
  plan.modes = {FleetMode{"small", 2, {1.0, 1.0}}, FleetMode{"big", 1, {0.0, 2.0}}, FleetMode{"unused", 0, {0.0, 0.0}}};
  return plan;
}

}  // namespace

class TestFleetYaml : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { qputenv("HEADROOM_RESOURCE_DIR", HEADROOM_RESOURCE_DIR_FOR_TESTS); }

  void stringsReadBackAsStrings_data() {
    QTest::addColumn<QString>("text");
    for (const char* text : {"8000", "1", "0x10", "1e3", "0.5", ".5", "true", "False", "yes", "no", "on", "off", "y", "N",
                             "null", "~", "", " leading", "trailing ", "- item", "a: b", "#hash", "x #y", "@at", "*star",
                             "&anchor", "!tag", "%percent", "{flow}", "[list]", "'quoted'", "\"double\"", "|", ">", "-1",
                             "+1", "-.inf", ".NaN", "2026-08-18", "12:30", "0o17", "--host", "http://a:8000", "nvidia.com/gpu",
                             "headroom:0.1.0", "line one\nline two\n", "no final newline\nx", "two final newlines\n\n",
                             " indented first line\nx\n", "\nleading newline\n", "trailing space \nx\n", "tab\there", "ünïcode"}) {
      QTest::newRow(qPrintable(QString::fromUtf8(text).replace('\n', "\\n").replace('\t', "\\t"))) << QString::fromUtf8(text);
    }
  }

  void stringsReadBackAsStrings() {
    QFETCH(QString, text);
    const std::string value = text.toStdString();
    const std::string yaml = yamlDocument(ordered_json{{"key", value}, {value.empty() ? "empty" : value, "as key"}});
    const YAML::Node node = YAML::Load(yaml);
    QVERIFY2(node["key"].IsScalar(), yaml.c_str());
    QCOMPARE(QString::fromStdString(node["key"].as<std::string>()), text);
    QCOMPARE(node["key"].Tag() == "!" || node["key"].Tag() == "?", true);  // "!": quoted, "?": plain; never another type
    if (node["key"].Tag() == "?") {
      // A plain scalar must not look like a YAML 1.1 / 1.2 number, boolean or null.
      bool number = false;
      text.toDouble(&number);
      QVERIFY2(!number, yaml.c_str());
      QVERIFY2(!QStringList({"true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"}).contains(text.toLower()), yaml.c_str());
    }
    QCOMPARE(QString::fromStdString(node[value.empty() ? "empty" : value].as<std::string>()), QStringLiteral("as key"));
  }

  void numbersAndOrder() {
    const ordered_json value = {{"z", 3}, {"a", 0.25}, {"m", true}, {"list", ordered_json::array()}, {"map", ordered_json::object()}};
    const std::string yaml = yamlDocument(value, {"first comment", "second"});
    QCOMPARE(QString::fromStdString(yaml),
             QStringLiteral("# first comment\n# second\nz: 3\na: 0.25\nm: true\nlist: []\nmap: {}\n"));
  }

  void modeMap_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("hardware");
    QTest::addColumn<int>("degree");
    QTest::newRow("default degree") << "gpu=llama-3.1-8b@h100-sxm" << "gpu" << "llama-3.1-8b" << "h100-sxm" << 1;
    QTest::newRow("70b default degree") << "big=llama-3.1-70b@h200" << "big" << "llama-3.1-70b" << "h200" << 4;
    QTest::newRow("given degree") << "big=llama-3.1-70b@h100-sxmx8" << "big" << "llama-3.1-70b" << "h100-sxm" << 8;
  }

  void modeMap() {
    QFETCH(QString, text);
    const ModeHardware mapped = parseModeHardware(text.toStdString());
    QTEST(QString::fromStdString(mapped.mode), "mode");
    QTEST(QString::fromStdString(mapped.model), "model");
    QTEST(QString::fromStdString(mapped.hardware), "hardware");
    QTEST(static_cast<int>(mapped.tensorParallel), "degree");
  }

  void modeMapRefusals_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("said");
    QTest::newRow("no model") << "gpu=@h100-sxm" << "MODE=MODEL@HARDWARE";
    QTest::newRow("no hardware") << "gpu=llama-3.1-8b" << "MODE=MODEL@HARDWARE";
    QTest::newRow("no mode") << "=llama-3.1-8b@h100-sxm" << "MODE=MODEL@HARDWARE";
    QTest::newRow("unknown model") << "gpu=llama-9@h100-sxm" << "llama-9";
    QTest::newRow("unknown hardware") << "gpu=llama-3.1-8b@tpu" << "tpu";
    QTest::newRow("degree 0") << "gpu=llama-3.1-8b@h100-sxmx0" << "[1, 64]";
    QTest::newRow("uneven split") << "gpu=llama-3.1-8b@h100-sxmx3" << "gpu=llama-3.1-8b@h100-sxmx3";
  }

  void modeMapRefusals() {
    QFETCH(QString, text);
    QFETCH(QString, said);
    try {
      (void)parseModeHardware(text.toStdString());
      QFAIL("accepted");
    } catch (const std::invalid_argument& error) {
      QVERIFY2(QString::fromUtf8(error.what()).contains(said), error.what());
    }
  }

  void twoModesShareByRate() {
    FleetOptions options;
    options.image = "headroom:test";
    options.modes = {parseModeHardware("small=llama-3.1-8b@a100-80g"), parseModeHardware("big=llama-3.1-70b@h100-sxm")};
    options.target = headroom::serve::FleetTarget::GatewayApi;
    const auto manifests = headroom::serve::buildFleet(twoModePlan(), options);
    QCOMPARE(headroom::serve::fleetGpus(twoModePlan(), options.modes), 2 * 1 + 1 * 4);
    const headroom::serve::Manifest* route = nullptr;
    for (const auto& manifest : manifests) {
      QVERIFY2(manifest.file.find("unused") == std::string::npos, manifest.file.c_str());  // no instance, no manifests
      if (manifest.file == "httproute.yaml") route = &manifest;
    }
    QVERIFY(route != nullptr);
    const ordered_json& rules = route->object["spec"]["rules"];
    QCOMPARE(rules.size(), std::size_t{3});
    // chat runs on small only; batch 1 of 3 requests per second on small, 2 on big: 333 and 667 per mille.
    QCOMPARE(rules[0]["backendRefs"].size(), std::size_t{1});
    QCOMPARE(rules[0]["backendRefs"][0]["weight"].get<int>(), 1000);
    QCOMPARE(rules[1]["backendRefs"][0]["weight"].get<int>(), 333);
    QCOMPARE(rules[1]["backendRefs"][1]["weight"].get<int>(), 667);
    // The objective header: set by the rule for one backend, by each backend where the class is split.
    QCOMPARE(rules[0]["filters"][0]["requestHeaderModifier"]["set"][0]["value"].get<std::string>(), std::string("headroom-small-chat"));
    QVERIFY(!rules[0]["backendRefs"][0].contains("filters"));
    QVERIFY(!rules[1].contains("filters"));
    QCOMPARE(rules[1]["backendRefs"][1]["filters"][0]["requestHeaderModifier"]["set"][0]["value"].get<std::string>(),
             std::string("headroom-big-batch"));
    QVERIFY(!rules[2].contains("filters"));
    QCOMPARE(manifests.back().file, std::string("kustomization.yaml"));
    QCOMPARE(manifests.back().object["resources"].size(), manifests.size() - 1);
  }

  void queueBoundNeedsAServeConfig() {
    FleetPlan plan = twoModePlan();
    plan.classes[0].metric = headroom::engine::LatencyMetric::Queue;
    FleetOptions options;
    options.modes = {parseModeHardware("small=llama-3.1-8b@a100-80g"), parseModeHardware("big=llama-3.1-8b@a100-80g")};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, headroom::serve::buildFleet(plan, options));
  }
};

QTEST_GUILESS_MAIN(TestFleetYaml)
#include "tst_fleet_yaml.moc"
