// The model-tier fields of a route configuration: members' model and hardware, tier_router,
// tiered_classes, and the errors that name the member and field at fault.
#include <QtTest>

#include <string>

#include "engine/io/json_input.h"
#include "serve/router/route_config.h"
#include "serve/router/route_tier_state.h"

using namespace headroom::engine;
using namespace headroom::serve;
using nlohmann::json;

namespace {

// Two members of two models on an A100, and two classes.
json tieredRoute() {
  json root = json::parse(R"({
    "classes": [{"name": "chat", "slo": {"ttft_s": 1, "tbt_s": 0.1}}, {"name": "batch", "rank": 1, "slo": {"ttlt_s": 60}}],
    "tenants": [{"name": "acme", "classes": ["chat", "batch"], "default_class": "chat", "keys": ["sk-acme-00000"]}],
    "members": [{"name": "small", "model": "llama-3.2-1b", "hardware": "a100-80g"},
                {"name": "small-2", "model": "llama-3.2-1b", "hardware": "a100-80g"},
                {"name": "large", "model": "llama-3.1-8b", "hardware": "a100-80g"}]
  })");
  // (URLs added here: moc reads a "//" inside a raw string as a comment.)
  for (std::size_t m = 0; m < root["members"].size(); ++m) root["members"][m]["url"] = "http://127.0.0.1:" + std::to_string(9001 + m);
  return root;
}

// The message of the InputError that reading `root` throws; empty when it reads.
std::string errorOf(const json& root) {
  try {
    parseRouteConfig(root, "route.json");
  } catch (const InputError& error) {
    return error.what();
  }
  return {};
}

}  // namespace

class TestRouteTierConfig : public QObject {
  Q_OBJECT

 private slots:
  void membersWithoutModelsHaveNoTiers() {
    json root = tieredRoute();
    for (json& member : root["members"]) {
      member.erase("model");
      member.erase("hardware");
    }
    QVERIFY(!parseRouteConfig(root, "route.json").tiers.has_value());
  }

  // Members of one model form one group; two models and no tier_router: greedy; one model: static.
  void groupsAndDefaultRouter() {
    const RouteConfig config = parseRouteConfig(tieredRoute(), "route.json");
    QVERIFY(config.tiers.has_value());
    const RouteTiers& tiers = *config.tiers;
    QCOMPARE(tiers.models, (std::vector<std::string>{"llama-3.2-1b", "llama-3.1-8b"}));
    QCOMPARE(tiers.groupOf, (std::vector<GroupId>{0, 0, 1}));
    QCOMPARE(tiers.router.kind, TierRouterKind::Greedy);
    QCOMPARE(tiers.tieredClasses, (std::vector<bool>{false, false}));
    QCOMPARE(tiers.timeModels.size(), 2u);
    QVERIFY(tiers.timeModels[0] && tiers.timeModels[1]);
    QCOMPARE(config.members[2].model, std::string("llama-3.1-8b"));
    QCOMPARE(tiers.groupOfModel("llama-3.1-8b"), std::optional<GroupId>(1));
    QVERIFY(!tiers.groupOfModel("gpt-9"));

    json one = tieredRoute();
    one["members"].erase(2);
    const RouteConfig single = parseRouteConfig(one, "route.json");
    QCOMPARE(single.tiers->router.kind, TierRouterKind::Static);
    QCOMPARE(single.tiers->router.group, std::string("llama-3.2-1b"));
  }

  void tierRouterAndTieredClassesAreRead() {
    json root = tieredRoute();
    root["tier_router"] = "static:llama-3.1-8b";
    root["tiered_classes"] = {"batch"};
    const RouteConfig config = parseRouteConfig(root, "/etc/headroom/route.json");
    QCOMPARE(config.tiers->router.kind, TierRouterKind::Static);
    QCOMPARE(config.tiers->router.group, std::string("llama-3.1-8b"));
    QCOMPARE(config.tiers->tieredClasses, (std::vector<bool>{false, true}));
    // Static and random need no hardware.
    for (json& member : root["members"]) member.erase("hardware");
    root["tier_router"] = "random";
    const RouteConfig random = parseRouteConfig(root, "route.json");
    QCOMPARE(random.tiers->router.kind, TierRouterKind::Random);
    QVERIFY(!random.tiers->timeModels[0]);
  }

  void errors_data() {
    QTest::addColumn<QString>("pointer");  // the JSON pointer to set
    QTest::addColumn<QString>("value");    // JSON text; "-" removes the field
    QTest::addColumn<QStringList>("named");  // what the message names

    QTest::newRow("greedy, a member without hardware") << "/members/2/hardware" << "-"
                                                        << QStringList{"/members/2/hardware", "\"large\"", "greedy"};
    QTest::newRow("a member without a model") << "/members/1/model" << "-" << QStringList{"/members/1/model", "\"small-2\""};
    QTest::newRow("unknown tier router") << "/tier_router" << "\"fastest\"" << QStringList{"/tier_router", "static:", "random", "greedy", "learned:"};
    QTest::newRow("static model no member serves") << "/tier_router" << "\"static:llama-3.1-70b\""
                                                   << QStringList{"/tier_router", "llama-3.2-1b", "llama-3.1-8b"};
    QTest::newRow("unknown tiered class") << "/tiered_classes" << "[\"chat\", \"bulk\"]" << QStringList{"/tiered_classes/1", "bulk"};
    QTest::newRow("tiered classes not an array") << "/tiered_classes" << "\"chat\"" << QStringList{"/tiered_classes", "array"};
    QTest::newRow("one model on two hardwares") << "/members/1/hardware" << "\"h100-sxm\"" << QStringList{"/members/1/hardware", "\"small\""};
    QTest::newRow("unknown hardware") << "/members/2/hardware" << "\"tpu-v9\"" << QStringList{"/members/2", "\"large\"", "tpu-v9"};
    QTest::newRow("tensor parallel 0") << "/members/0/tensor_parallel" << "0" << QStringList{"/members/0/tensor_parallel"};
  }

  void errors() {
    QFETCH(QString, pointer);
    QFETCH(QString, value);
    QFETCH(QStringList, named);
    json root = tieredRoute();
    const json::json_pointer at(pointer.toStdString());
    if (value == "-") {
      root[at.parent_pointer()].erase(at.back());
    } else {
      root[at] = json::parse(value.toStdString());
    }
    const QString message = QString::fromStdString(errorOf(root));
    QVERIFY2(!message.isEmpty(), "the configuration was accepted");
    QVERIFY2(message.contains("route.json"), qPrintable(message));
    for (const QString& part : named) QVERIFY2(message.contains(part), qPrintable(message + " does not name " + part));
  }

  // Hardware without a model is a mistake, not a route without tiers.
  void hardwareWithoutModel() {
    json root = tieredRoute();
    for (json& member : root["members"]) member.erase("model");
    const QString message = QString::fromStdString(errorOf(root));
    QVERIFY2(message.contains("/members/0/model"), qPrintable(message));
  }

  // The bundled example: two models, greedy, batch always tiered, class task mixes.
  void bundledExampleLoads() {
    const RouteConfig config =
        loadRouteConfig(std::filesystem::path(HEADROOM_RESOURCE_DIR_FOR_TESTS) / "serving" / "route-tiers.json");
    QVERIFY(config.tiers.has_value());
    QCOMPARE(config.tiers->models, (std::vector<std::string>{"llama-3.2-1b", "llama-3.1-8b"}));
    QCOMPARE(config.tiers->router.kind, TierRouterKind::Greedy);
    QCOMPARE(config.tiers->tieredClasses, (std::vector<bool>{false, false, true}));
    QCOMPARE(config.classes[1].qos.rewardWeight, 2.0);
    // Both models have an accuracy for every task the classes ask for.
    const RouteTierState state(*config.tiers, config.classes, config.members.size());
    const std::vector<std::string> tasks = routeTaskNames(config.classes);
    QCOMPARE(tasks.size(), 2u);
    for (TaskId task = 0; task < tasks.size(); ++task) QVERIFY2(state.accuracy(1, task) > state.accuracy(0, task), tasks[task].c_str());
  }

  // A learned policy is found beside the configuration file.
  void learnedPolicyPathIsRelativeToTheFile() {
    json root = tieredRoute();
    root["tier_router"] = "learned:policies/p.json";
    const RouteConfig config = parseRouteConfig(root, "/etc/headroom/route.json");
    QCOMPARE(config.tiers->router.kind, TierRouterKind::Learned);
    QCOMPARE(config.tiers->router.policy, std::filesystem::path("/etc/headroom/policies/p.json"));
  }
};

QTEST_GUILESS_MAIN(TestRouteTierConfig)
#include "tst_route_tier_config.moc"
