#include <QTemporaryDir>
#include <QtTest>

#include <concepts>
#include <fstream>

#include <nlohmann/json.hpp>

#include "engine/pool/model_quality.h"
#include "engine/pool/tier_router.h"
#include "engine/sched/scheduler_config_json.h"
#include "engine/store/workspace.h"
#include "engine/workload/class_spec_json.h"
#include "engine/workload/scenario_json.h"

// A defaulted == is silently deleted when a member lacks one: groups must compare.
static_assert(std::equality_comparable<headroom::engine::PoolGroup>);
#include "support/scenario_difference.h"

using namespace headroom::engine;
using headroom::test::scenarioDifference;
using nlohmann::json;

namespace {

const std::filesystem::path kOrigin = "/scenarios/tiers.json";

// A scenario of the groups form with two classes and four groups, two of them unnamed 8B groups.
json tieredDocument() {
  return json::parse(R"({
    "name": "tiers", "seed": 3, "duration_s": 100,
    "pool": {
      "groups": [
        {"name": "small", "model": "llama-3.2-1b", "hardware": "a100-80g", "instances": 2},
        {"model": "llama-3.1-8b", "hardware": "a100-80g"},
        {"model": "llama-3.1-8b", "hardware": "h100-sxm", "profile": "h100-8b", "router": "least-loaded"},
        {"name": "big", "model": "llama-3.1-70b", "hardware": "h100-sxm", "tensor_parallel": 4,
         "instances": 2, "router": "weighted", "weights": {"chat": [1, 0], "batch": [1, 3]}}
      ],
      "tier_router": "static:big"
    },
    "classes": [
      {"name": "chat", "slo": {"ttft_s": 1}, "arrival": {"process": "poisson", "rate_per_s": 1}, "prompt_tokens": 100, "output_tokens": 10},
      {"name": "batch", "slo": {"ttlt_s": 60}, "arrival": {"process": "poisson", "rate_per_s": 1}, "prompt_tokens": 100, "output_tokens": 10}
    ]
  })");
}

InputError readError(const json& document) {
  try {
    scenarioFromJson(document, kOrigin);
  } catch (const InputError& e) {
    return e;
  }
  throw std::logic_error("the document was accepted: " + document.dump());
}

}  // namespace

class TestScenarioGroups : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;

 private slots:
  void initTestCase() { QVERIFY(dir_.isValid()); }

  void groupNameRuleIsOnePlace() {
    using headroom::engine::GroupNameProblem;
    const std::vector<std::string> others = {"1b", "8b"};
    QCOMPARE(headroom::engine::checkGroupName("", others), std::optional(GroupNameProblem::Empty));
    QCOMPARE(headroom::engine::checkGroupName(std::string(65, 'x'), others), std::optional(GroupNameProblem::TooLong));
    QVERIFY(!headroom::engine::checkGroupName(std::string(64, 'x'), others));
    QCOMPARE(headroom::engine::checkGroupName("8b", others), std::optional(GroupNameProblem::Taken));
    QVERIFY(!headroom::engine::checkGroupName("70b", others));
    QCOMPARE(headroom::engine::uniqueGroupName("70b", others), std::string("70b"));
    const std::vector<std::string> taken = {"8b", "8b-2"};
    QCOMPARE(headroom::engine::uniqueGroupName("8b", taken), std::string("8b-3"));
  }

  void groupsFormIsRead() {
    const Scenario scenario = scenarioFromJson(tieredDocument(), kOrigin);
    QCOMPARE(scenario.groups.size(), std::size_t{4});
    QCOMPARE(scenario.tierRouter, std::string("static:big"));
    const std::vector<PoolGroup> groups = poolGroups(scenario);
    QCOMPARE(groups.size(), std::size_t{4});
    QCOMPARE(groups[0].name, std::string("small"));
    QVERIFY(groups[0].executor.kind == ExecutorKind::Modeled);
    QCOMPARE(groups[0].executor.model, std::string("llama-3.2-1b"));
    QCOMPARE(groups[0].pool.instances, 2);
    QVERIFY(groups[0].pool.router == RouterKind::RoundRobin);
    // Unnamed groups take their model's name; a repeat gets "-2".
    QCOMPARE(groups[1].name, std::string("llama-3.1-8b"));
    QCOMPARE(groups[1].pool.instances, 1);
    QCOMPARE(groups[2].name, std::string("llama-3.1-8b-2"));
    QCOMPARE(groups[2].executor.profile, std::string("h100-8b"));
    QVERIFY(groups[2].pool.router == RouterKind::LeastLoaded);
    QCOMPARE(groups[3].executor.tensorParallel, 4);
    QCOMPARE(groups[3].pool.weights, (std::vector<std::vector<double>>{{1, 0}, {1, 3}}));
    // executor and pool mirror the first group, for code that knows one mode.
    QCOMPARE(scenario.executor.model, std::string("llama-3.2-1b"));
    QCOMPARE(scenario.pool.instances, 2);
  }

  void defaultNamesSkipNamesTaken() {
    json document = tieredDocument();
    document["pool"]["groups"][0]["name"] = "llama-3.1-8b-2";
    document["pool"]["tier_router"] = "greedy";
    const std::vector<PoolGroup> groups = poolGroups(scenarioFromJson(document, kOrigin));
    QCOMPARE(groups[1].name, std::string("llama-3.1-8b"));
    QCOMPARE(groups[2].name, std::string("llama-3.1-8b-3"));
  }

  void tierRouterDefaultsToGreedy() {
    json document = tieredDocument();
    document["pool"].erase("tier_router");
    QCOMPARE(scenarioFromJson(document, kOrigin).tierRouter, std::string("greedy"));
  }

  void tierRouterForms_data() {
    QTest::addColumn<QString>("text");
    QTest::newRow("group name") << "static:small";
    QTest::newRow("model of one group") << "static:llama-3.2-1b";
    QTest::newRow("random") << "random";
    QTest::newRow("greedy") << "greedy";
    QTest::newRow("learned, relative, kept as written") << "learned:policies/../tiers.policy.json";
    QTest::newRow("learned, absolute") << "learned:/srv/tiers.policy.json";
  }
  void tierRouterForms() {
    QFETCH(QString, text);
    json document = tieredDocument();
    document["pool"]["tier_router"] = text.toStdString();
    QCOMPARE(scenarioFromJson(document, kOrigin).tierRouter, text.toStdString());
  }

  void tierRouterSpecParsesAndPrints() {
    const auto learned = parseTierRouterSpec("learned:a/b.json");
    QVERIFY(learned);
    QVERIFY(learned->kind == TierRouterKind::Learned);
    QCOMPARE(learned->policy, std::filesystem::path("a/b.json"));
    QCOMPARE(toString(*learned), std::string("learned:a/b.json"));
    const auto fixed = parseTierRouterSpec("static:8b");
    QVERIFY(fixed);
    QVERIFY(fixed->kind == TierRouterKind::Static);
    QCOMPARE(fixed->group, std::string("8b"));
    QCOMPARE(toString(*fixed), std::string("static:8b"));
    QVERIFY(parseTierRouterSpec("random")->kind == TierRouterKind::Random);
    QCOMPARE(toString(*parseTierRouterSpec("greedy")), std::string("greedy"));
    for (const char* bad : {"", "static:", "learned:", "Greedy", "fastest", "static"}) {
      QVERIFY2(!parseTierRouterSpec(bad), bad);
    }
  }

  void errors_data() {
    QTest::addColumn<QString>("patch");  // a JSON merge patch (RFC 7386) on tieredDocument()
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("allowed");  // a part of what the message says is allowed
    QTest::newRow("no groups") << R"({"pool": {"groups": []}})" << "/pool/groups" << "1 to 8 group objects";
    QTest::newRow("groups not an array") << R"({"pool": {"groups": {}}})" << "/pool/groups" << "an array";
    QTest::newRow("group not an object") << R"({"pool": {"groups": [3]}})" << "/pool/groups/0" << "name, model";
    QTest::newRow("unknown group field")
        << R"({"pool": {"groups": [{"model": "m", "hardware": "h", "gpus": 2}]}})" << "/pool/groups/0/gpus"
        << "allowed fields here: instances, router, weights, name, model";
    QTest::newRow("group without a model")
        << R"({"pool": {"groups": [{"hardware": "h"}]}})" << "/pool/groups/0/model" << "modeled executor";
    QTest::newRow("group without hardware")
        << R"({"pool": {"groups": [{"model": "m"}]}})" << "/pool/groups/0/hardware" << "/pool/groups/0/executor/profile";
    QTest::newRow("two profiles")
        << R"({"pool": {"groups": [{"model": "m", "profile": "a", "executor": {"kind": "modeled", "profile": "b"}}]}})"
        << "/pool/groups/0/executor/profile" << "/pool/groups/0/profile names \"a\"";
    QTest::newRow("group instances") << R"({"pool": {"groups": [{"model": "m", "hardware": "h", "instances": 0}]}})"
                                     << "/pool/groups/0/instances" << "integer";
    QTest::newRow("empty name") << R"({"pool": {"groups": [{"name": "", "model": "m", "hardware": "h"}]}})"
                                << "/pool/groups/0/name" << "non-empty";
    QTest::newRow("long name") << (R"({"pool": {"groups": [{"name": ")" + QString(65, 'x') +
                                   R"(", "model": "m", "hardware": "h"}]}})")
                               << "/pool/groups/0/name" << "at most 64 bytes";
    QTest::newRow("repeated name")
        << R"({"pool": {"groups": [{"name": "a", "model": "m", "hardware": "h"}, {"name": "a", "model": "n", "hardware": "h"}]}})"
        << "/pool/groups/1/name" << "unique (/pool/groups/0/name has the same)";
    QTest::newRow("top-level model") << R"({"model": "llama-3.1-8b"})" << "/model" << "not allowed together with /pool/groups";
    QTest::newRow("top-level hardware") << R"({"hardware": "a100-80g"})" << "/hardware" << "give each group";
    QTest::newRow("top-level executor") << R"({"executor": {"kind": "modeled"}})" << "/executor" << "not allowed";
    QTest::newRow("top-level tensor_parallel") << R"({"tensor_parallel": 2})" << "/tensor_parallel" << "not allowed";
    QTest::newRow("instances beside groups") << R"({"pool": {"instances": 2}})" << "/pool/instances"
                                             << "allowed fields here: groups, tier_router";
    QTest::newRow("unknown tier router") << R"({"pool": {"tier_router": "fastest"}})" << "/pool/tier_router"
                                         << "static:GROUP, random, greedy, learned:POLICY.json";
    QTest::newRow("tier router not a string") << R"({"pool": {"tier_router": 1}})" << "/pool/tier_router"
                                              << "must be one of";
    QTest::newRow("static group unknown") << R"({"pool": {"tier_router": "static:huge"}})" << "/pool/tier_router"
                                          << "must name a group of this pool (or the model of exactly one): small, "
                                             "llama-3.1-8b, llama-3.1-8b-2, big";
    QTest::newRow("static model of two groups") << R"({"pool": {"tier_router": "static:llama-3.1-8b-3"}})"
                                                << "/pool/tier_router" << "must name a group";
    QTest::newRow("weights of a group") << R"({"pool": {"groups": [{"model": "m", "hardware": "h", "weights": {}}]}})"
                                        << "/pool/groups/0/weights" << "only allowed with router \"weighted\"";
  }
  void errors() {
    QFETCH(QString, patch);
    QFETCH(QString, pointer);
    QFETCH(QString, allowed);
    json document = tieredDocument();
    document.merge_patch(json::parse(patch.toStdString()));
    const InputError error = readError(document);
    QCOMPARE(error.file(), kOrigin);
    QCOMPARE(QString::fromStdString(error.pointer().to_string()), pointer);
    QVERIFY2(error.allowed().find(allowed.toStdString()) != std::string::npos, error.what());
  }

  void tooManyGroups() {
    json document = tieredDocument();
    json groups = json::array();
    for (int i = 0; i < 9; ++i) groups.push_back({{"model", "llama-3.1-8b"}, {"hardware", "a100-80g"}});
    document["pool"]["groups"] = groups;
    document["pool"]["tier_router"] = "greedy";
    const InputError error = readError(document);
    QCOMPARE(error.pointer().to_string(), std::string("/pool/groups"));
    QCOMPARE(error.found(), std::string("9 groups"));
  }

  void staticModelOfSeveralGroupsNamesThem() {
    json document = tieredDocument();
    document["pool"]["tier_router"] = "static:llama-3.1-8b";  // a group name: accepted
    QCOMPARE(scenarioFromJson(document, kOrigin).tierRouter, std::string("static:llama-3.1-8b"));
    document["pool"]["groups"][1]["name"] = "eight";
    document["pool"]["groups"][2]["name"] = "eight-h100";
    const InputError error = readError(document);
    QVERIFY2(error.allowed().find("names the model of 2 groups; name one group: small, eight, eight-h100, big") !=
                 std::string::npos,
             error.what());
  }

  void tierRouterNeedsGroups() {
    const json document = json::parse(R"({"name": "one", "duration_s": 10, "model": "m", "hardware": "h",
      "pool": {"instances": 2, "tier_router": "greedy"},
      "classes": [{"name": "chat", "slo": {"ttft_s": 1}, "arrival": {"process": "poisson", "rate_per_s": 1}, "prompt_tokens": 100, "output_tokens": 10}]})");
    const InputError error = readError(document);
    QCOMPARE(error.pointer().to_string(), std::string("/pool/tier_router"));
    QVERIFY2(error.allowed().find("only allowed with \"groups\"") != std::string::npos, error.what());
  }

  void severalGroupsRoundTrip() {
    const Scenario scenario = scenarioFromJson(tieredDocument(), kOrigin);
    const json written = scenarioToJson(scenario);
    QVERIFY(!written.contains("model"));
    QVERIFY(!written.contains("executor"));
    QCOMPARE(written["pool"]["groups"].size(), std::size_t{4});
    QCOMPARE(written["pool"]["groups"][1]["name"], json("llama-3.1-8b"));
    QCOMPARE(written["pool"]["tier_router"], json("static:big"));
    const Scenario back = scenarioFromJson(json::parse(written.dump()), kOrigin);
    const std::string difference = scenarioDifference(scenario, back);
    QVERIFY2(difference.empty(), difference.c_str());
    QCOMPARE(scenarioToJson(back).dump(), written.dump());
  }

  void oneNamedGroupRoundTripsInTheGroupsForm() {
    json document = tieredDocument();
    document["pool"]["groups"] = json::array({document["pool"]["groups"][0]});
    document["pool"]["tier_router"] = "static:small";
    const Scenario scenario = scenarioFromJson(document, kOrigin);
    QCOMPARE(scenario.groups.size(), std::size_t{1});
    const json written = scenarioToJson(scenario);
    QVERIFY(written["pool"].contains("groups"));
    const std::string difference = scenarioDifference(scenario, scenarioFromJson(written, kOrigin));
    QVERIFY2(difference.empty(), difference.c_str());
  }

  void oneGroupIsWrittenInTheOldForm() {
    json document = tieredDocument();
    document["pool"] = {{"groups", json::array({{{"model", "llama-3.1-8b"}, {"hardware", "a100-80g"},
                                                 {"instances", 3}, {"router", "class-priority"}}})}};
    const Scenario scenario = scenarioFromJson(document, kOrigin);
    const json written = scenarioToJson(scenario);
    QCOMPARE(written["model"], json("llama-3.1-8b"));
    QCOMPARE(written["pool"], json::parse(R"({"instances": 3, "router": "class-priority"})"));
    const Scenario back = scenarioFromJson(written, kOrigin);
    QVERIFY(back.groups.empty());
    const std::string difference = scenarioDifference(scenario, back);
    QVERIFY2(difference.empty(), difference.c_str());
  }

  // A record written before pools had groups reads and writes back byte for byte.
  void oldRecordsAreUnchanged() {
    json record = {{"name", "demo"},
                   {"seed", 1},
                   {"duration_s", 600.0},
                   {"model", "llama-3.1-8b"},
                   {"hardware", "a100-80g"},
                   {"executor", {{"kind", "modeled"}}},
                   {"pool", {{"instances", 3}, {"router", "class-priority"}}},
                   {"scheduler", schedulerConfigToJson(SchedulerConfig{})},
                   {"classes", json::parse(R"([{"name": "alan", "rank": 0, "importance": "normal",
                      "slo": {"ttft_s": 2.0, "tbt_s": 0.125, "percentile": 99.0},
                      "arrival": {"process": "poisson", "rate_per_s": 5.0},
                      "prompt_tokens": {"dist": "fixed", "value": 600},
                      "output_tokens": {"dist": "fixed", "value": 150}}])")}};
    const Scenario scenario = scenarioFromJson(record, kOrigin);
    QVERIFY(scenario.groups.empty());
    QCOMPARE(poolGroups(scenario).front().name, std::string("llama-3.1-8b"));
    QCOMPARE(QString::fromStdString(scenarioToJson(scenario).dump()), QString::fromStdString(record.dump()));
  }

  void shippedScenariosKeepTheirForm() {
    const std::filesystem::path folder = std::filesystem::path(HEADROOM_RESOURCE_DIR_FOR_TESTS) / "scenarios";
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
      if (entry.path().extension() != ".json") continue;
      const json file = JsonInput::loadFile(entry.path());
      const Scenario loaded = loadScenario(entry.path());
      const json written = scenarioToJson(loaded);
      const bool grouped = file["pool"].contains("groups");
      QCOMPARE(written["pool"].contains("groups"), grouped);
      QCOMPARE(written.contains("executor"), !grouped);
      QCOMPARE(scenarioToJson(scenarioFromJson(written, loaded.file)).dump(), written.dump());
    }
  }

  void modelTiersScenario() {
    const Scenario scenario =
        loadScenario(std::filesystem::path(HEADROOM_RESOURCE_DIR_FOR_TESTS) / "scenarios/model-tiers.json");
    const std::vector<PoolGroup> groups = poolGroups(scenario);
    std::vector<std::string> names;
    std::vector<std::string> models;
    for (const PoolGroup& group : groups) {
      names.push_back(group.name);
      models.push_back(group.executor.model);
    }
    QCOMPARE(names, (std::vector<std::string>{"1b", "3b", "8b", "70b"}));
    QCOMPARE(groups[3].executor.tensorParallel, 4);
    QCOMPARE(scenario.tierRouter, std::string("greedy"));
    QCOMPARE(scenario.classes.size(), std::size_t{3});
    QCOMPARE(scenario.classes[0].qos.rewardWeight, 2.0);
    QCOMPARE(taskNames(scenario), (std::vector<std::string>{"gsm8k", "mmlu"}));
    qputenv("HEADROOM_RESOURCE_DIR", HEADROOM_RESOURCE_DIR_FOR_TESTS);
    const QualityTable quality = qualityTable(names, models, taskNames(scenario));
    QCOMPARE(quality.at(3, 1), 0.836);
  }

  // Edits to executor and pool of a one-group scenario (command-line overrides, the console) are what
  // its group is.
  void oneGroupFollowsEditsOfExecutorAndPool() {
    json document = tieredDocument();
    document["pool"]["groups"] = json::array({document["pool"]["groups"][0]});
    document["pool"]["tier_router"] = "greedy";
    Scenario scenario = scenarioFromJson(document, kOrigin);
    scenario.pool.instances = 7;
    scenario.executor.hardware = "h100-sxm";
    const std::vector<PoolGroup> groups = poolGroups(scenario);
    QCOMPARE(groups.front().name, std::string("small"));
    QCOMPARE(groups.front().pool.instances, 7);
    QCOMPARE(groups.front().executor.hardware, std::string("h100-sxm"));
    QCOMPARE(scenarioFromJson(scenarioToJson(scenario), kOrigin).pool.instances, 7);
  }

  void workspaceKeepsAGroupedScenario() {
    const auto file = std::filesystem::path(dir_.path().toStdString()) / "tiers.headroom";
    Scenario scenario = scenarioFromJson(tieredDocument(), kOrigin);
    scenario.classes[0].qos.rewardWeight = 2.0;
    scenario.classes[0].qos.tasks = {{"gsm8k", 3.0}, {"mmlu", 1.0}};  // in name order, as read back
    {
      Workspace ws = Workspace::create(file);
      ws.saveScenario(scenario);
    }
    const auto stored = Workspace::open(file).scenario();
    QVERIFY(stored);
    Scenario expected = scenario;
    expected.file = file;
    const std::string difference = scenarioDifference(expected, *stored);
    QVERIFY2(difference.empty(), difference.c_str());
  }
};

QTEST_GUILESS_MAIN(TestScenarioGroups)
#include "tst_scenario_groups.moc"
