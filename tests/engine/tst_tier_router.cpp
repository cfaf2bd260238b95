#include <QtTest>

#include <array>
#include <vector>

#include "engine/io/json_input.h"
#include "engine/pool/tier_router.h"

using namespace headroom::engine;

namespace {

GroupView viewOf(double accuracy, double slack) {
  GroupView view;
  view.instances = 1;
  view.accuracy = accuracy;
  view.slack = slack;
  return view;
}

TierPool threeGroups() {
  return {{"small", "medium", "large"}, {"llama-3.2-1b", "llama-3.1-8b", "llama-3.1-70b"}, {"mmlu"}, {"chat"}};
}

TierRouterSpec staticSpec(const std::string& group) {
  TierRouterSpec spec;
  spec.kind = TierRouterKind::Static;
  spec.group = group;
  return spec;
}

TierRouterSpec kindSpec(TierRouterKind kind) {
  TierRouterSpec spec;
  spec.kind = kind;
  return spec;
}

std::vector<GroupId> choices(TierRouter& router, const std::vector<GroupView>& views, int count) {
  const Request request{1, 0, kTimeZero, 10, 10};
  const QosClass qos{"chat", 0, Importance::Normal, {}, 1.0, {}};
  TierContext context;
  context.request = &request;
  context.qos = &qos;
  context.groups = views;
  std::vector<GroupId> picks;
  for (int i = 0; i < count; ++i) picks.push_back(router.choose(context));
  return picks;
}

}  // namespace

Q_DECLARE_METATYPE(std::vector<GroupView>)

class TestTierRouter : public QObject {
  Q_OBJECT

 private slots:
  void greedyChoice_data() {
    QTest::addColumn<std::vector<GroupView>>("views");
    QTest::addColumn<int>("expected");
    QTest::newRow("the most accurate feasible group")
        << std::vector<GroupView>{viewOf(0.49, 0.9), viewOf(0.69, 0.3), viewOf(0.84, -0.2)} << 1;
    QTest::newRow("the most accurate when all are feasible")
        << std::vector<GroupView>{viewOf(0.49, 0.9), viewOf(0.69, 0.3), viewOf(0.84, 0.01)} << 2;
    QTest::newRow("zero slack is feasible")
        << std::vector<GroupView>{viewOf(0.49, 0.9), viewOf(0.84, 0.0)} << 1;
    QTest::newRow("none feasible: the most slack")
        << std::vector<GroupView>{viewOf(0.49, -0.1), viewOf(0.69, -0.5), viewOf(0.84, -2.0)} << 0;
    QTest::newRow("none feasible: the most slack, whatever its accuracy")
        << std::vector<GroupView>{viewOf(0.49, -0.8), viewOf(0.84, -0.3)} << 1;
    QTest::newRow("equal accuracy: the one with more slack")
        << std::vector<GroupView>{viewOf(0.69, 0.1), viewOf(0.69, 0.4), viewOf(0.49, 0.9)} << 1;
    QTest::newRow("equal accuracy and slack: the first")
        << std::vector<GroupView>{viewOf(0.69, 0.4), viewOf(0.69, 0.4)} << 0;
    QTest::newRow("one group") << std::vector<GroupView>{viewOf(0.5, -1.0)} << 0;
  }

  void greedyChoice() {
    QFETCH(std::vector<GroupView>, views);
    QFETCH(int, expected);
    QCOMPARE(int{headroom::engine::greedyChoice(views)}, expected);
    auto router = makeTierRouter(kindSpec(TierRouterKind::Greedy), threeGroups(), 1);
    QCOMPARE(int{choices(*router, views, 1).front()}, expected);
    QCOMPARE(router->describe(), std::string("greedy"));
  }

  void staticByGroupOrModel() {
    const std::vector<GroupView> views{viewOf(0.49, 0.9), viewOf(0.69, 0.3), viewOf(0.84, -0.2)};
    auto byGroup = makeTierRouter(staticSpec("large"), threeGroups(), 1);
    QCOMPARE(choices(*byGroup, views, 3), (std::vector<GroupId>{2, 2, 2}));
    QCOMPARE(byGroup->describe(), std::string("static:large"));
    auto byModel = makeTierRouter(staticSpec("llama-3.1-8b"), threeGroups(), 1);
    QCOMPARE(choices(*byModel, views, 3), (std::vector<GroupId>{1, 1, 1}));
    QCOMPARE(byModel->describe(), std::string("static:medium"));
  }

  void unknownStaticGroupNamesTheGroups() {
    try {
      makeTierRouter(staticSpec("huge"), threeGroups(), 1);
      QFAIL("an unknown group was accepted");
    } catch (const InputError& error) {
      const QString text = QString::fromUtf8(error.what());
      QVERIFY2(text.contains("static:small, static:medium, static:large"), qPrintable(text));
      QVERIFY2(text.contains("static:huge"), qPrintable(text));
    }
  }

  // A model two groups run (on different hardware) names neither: the group names must be used.
  void modelOfSeveralGroupsIsRefused() {
    TierPool pool{{"8b-a100", "8b-h100"}, {"llama-3.1-8b", "llama-3.1-8b"}, {"mmlu"}, {"chat"}};
    QVERIFY_THROWS_EXCEPTION(InputError, makeTierRouter(staticSpec("llama-3.1-8b"), pool, 1));
    auto router = makeTierRouter(staticSpec("8b-h100"), pool, 1);
    QCOMPARE(choices(*router, {viewOf(0.7, 1.0), viewOf(0.7, 1.0)}, 1).front(), GroupId{1});
  }

  void randomCoversEveryGroupAndRepeatsForASeed() {
    const std::vector<GroupView> views{viewOf(0.49, 0.9), viewOf(0.69, 0.3), viewOf(0.84, -0.2)};
    auto first = makeTierRouter(kindSpec(TierRouterKind::Random), threeGroups(), 7);
    auto again = makeTierRouter(kindSpec(TierRouterKind::Random), threeGroups(), 7);
    auto other = makeTierRouter(kindSpec(TierRouterKind::Random), threeGroups(), 8);
    const std::vector<GroupId> picks = choices(*first, views, 300);
    QCOMPARE(choices(*again, views, 300), picks);
    QVERIFY(choices(*other, views, 300) != picks);
    std::array<int, 3> counts{};
    for (const GroupId g : picks) ++counts[g];
    for (const int count : counts) QVERIFY2(count > 60, "every group gets about a third");
    QCOMPARE(first->describe(), std::string("random"));
  }
};

QTEST_APPLESS_MAIN(TestTierRouter)
#include "tst_tier_router.moc"
