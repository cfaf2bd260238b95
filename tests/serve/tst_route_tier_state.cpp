// What the router knows of its model tiers (RouteTierState): per-member load from what it forwarded,
// the group views built from it, and the tier router's choice on them.
#include <QtTest>

#include <cmath>

#include "serve/router/route_config.h"
#include "serve/router/route_tier_state.h"

using namespace headroom::engine;
using namespace headroom::serve;
using nlohmann::json;

namespace {

// Members 0 and 1 serve llama-3.2-1b, member 2 llama-3.1-8b, all on an A100; class "batch" must finish
// within 20 s.
RouteConfig tieredRoute(const char* tierRouter = "greedy") {
  json root = json::parse(R"({
    "classes": [{"name": "batch", "slo": {"ttlt_s": 20}}],
    "tenants": [{"name": "acme", "classes": ["batch"], "keys": ["sk-acme-00000"]}],
    "members": [{"name": "small", "model": "llama-3.2-1b", "hardware": "a100-80g"},
                {"name": "small-2", "model": "llama-3.2-1b", "hardware": "a100-80g"},
                {"name": "large", "model": "llama-3.1-8b", "hardware": "a100-80g"}]
  })");
  // (URLs added here: moc reads a "//" inside a raw string as a comment.)
  for (std::size_t m = 0; m < root["members"].size(); ++m) root["members"][m]["url"] = "http://127.0.0.1:" + std::to_string(9001 + m);
  root["tier_router"] = tierRouter;
  return parseRouteConfig(root, "route.json");
}

const std::vector<bool> kAllUp{true, true, true};

}  // namespace

class TestRouteTierState : public QObject {
  Q_OBJECT

 private slots:
  // Idle members: both models meet the deadline and greedy takes the more accurate one.
  void greedyTakesTheLargerModelWhenIdle() {
    const RouteConfig config = tieredRoute();
    RouteTierState state(*config.tiers, config.classes, config.members.size());
    Request request = state.describe(0, std::chrono::steady_clock::now(), 200, 100);
    const std::vector<GroupView> views = state.groupViews(request, kAllUp);
    QCOMPARE(views.size(), 2u);
    QCOMPARE(views[0].instances, 2);
    QCOMPARE(views[1].instances, 1);
    QVERIFY(views[1].accuracy > views[0].accuracy);
    QVERIFY(views[0].feasible() && views[1].feasible());
    QCOMPARE(state.choose(request, kAllUp), GroupId{1});
    QCOMPARE(request.group, GroupId{1});
  }

  // What the router forwarded to the large model's member makes it predicted to miss: greedy moves to
  // the small model. Counts are what the router sent: queued until a first token, then running.
  void loadOnTheLargeModelMovesGreedyToTheSmallOne() {
    const RouteConfig config = tieredRoute();
    RouteTierState state(*config.tiers, config.classes, config.members.size());
    const auto now = std::chrono::steady_clock::now();
    std::vector<Request> sent;
    for (int i = 0; i < 80; ++i) {
      sent.push_back(state.describe(0, now, 8000, 1000));
      state.sent(2, sent.back());
    }
    state.firstToken(2, sent[0]);
    Request request = state.describe(0, now, 200, 100);
    const std::vector<GroupView> views = state.groupViews(request, kAllUp);
    QCOMPARE(views[1].queuedRequests, 79);
    QCOMPARE(views[1].queuedPrefillTokens, std::int64_t{79 * 8000});
    QCOMPARE(views[1].runningRequests, 1);
    QCOMPARE(views[1].kvFill, 0.0);
    QCOMPARE(views[0].queuedRequests, 0);
    QVERIFY2(!views[1].feasible(), qPrintable(QString::number(views[1].slack)));
    QVERIFY(views[0].feasible());
    QCOMPARE(state.choose(request, kAllUp), GroupId{0});

    // When they end the large model is idle again.
    state.ended(2, sent[0], true, 10);
    for (std::size_t i = 1; i < sent.size(); ++i) state.ended(2, sent[i], false, 0);
    const std::vector<GroupView> after = state.groupViews(request, kAllUp);
    QCOMPARE(after[1].queuedRequests, 0);
    QCOMPARE(after[1].queuedPrefillTokens, std::int64_t{0});
    QCOMPARE(after[1].runningRequests, 0);
    QCOMPARE(state.choose(request, kAllUp), GroupId{1});
  }

  // A group with no member up or untried cannot take the request.
  void groupWithoutAvailableMembers() {
    const RouteConfig config = tieredRoute();
    RouteTierState state(*config.tiers, config.classes, config.members.size());
    Request request = state.describe(0, std::chrono::steady_clock::now(), 200, 100);
    const std::vector<bool> largeDown{true, true, false};
    const std::vector<GroupView> views = state.groupViews(request, largeDown);
    QCOMPARE(views[1].instances, 0);
    QVERIFY(std::isinf(views[1].slack) && views[1].slack < 0);
    QCOMPARE(state.choose(request, largeDown), GroupId{0});
  }

  void staticRouterSendsAllToItsModel() {
    const RouteConfig config = tieredRoute("static:llama-3.2-1b");
    RouteTierState state(*config.tiers, config.classes, config.members.size());
    Request request = state.describe(0, std::chrono::steady_clock::now(), 200, 100);
    QCOMPARE(state.choose(request, kAllUp), GroupId{0});
    QCOMPARE(state.model(0), std::string("llama-3.2-1b"));
    QCOMPARE(state.describeRouter(), std::string("static:llama-3.2-1b"));
  }

  // Requests get fresh ids, their tokens and a task of their class's mix (mmlu without one).
  void describeGivesIdsAndTasks() {
    const RouteConfig config = tieredRoute();
    RouteTierState state(*config.tiers, config.classes, config.members.size());
    const Request a = state.describe(0, std::chrono::steady_clock::now(), 0, 7);
    const Request b = state.describe(0, std::chrono::steady_clock::now(), 30, 7);
    QVERIFY(a.id != b.id);
    QCOMPARE(a.promptTokens, 1);
    QCOMPARE(b.promptTokens, 30);
    QCOMPARE(a.outputTokens, 7);
    QCOMPARE(a.task, TaskId{0});
    QCOMPARE(routeTaskNames(config.classes), std::vector<std::string>{"mmlu"});
  }
};

QTEST_GUILESS_MAIN(TestRouteTierState)
#include "tst_route_tier_state.moc"
