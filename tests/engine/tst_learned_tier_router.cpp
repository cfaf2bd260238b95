#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <vector>

#include "engine/io/json_input.h"
#include "engine/learn/dqn.h"
#include "engine/learn/tier_policy_file.h"
#include "engine/pool/learned_tier_router.h"

using namespace headroom::engine;

namespace {

TierPool threeGroups() {
  TierPool pool;
  pool.groupNames = {"small", "medium", "large"};
  pool.groupModels = {"llama-3.2-1b", "llama-3.1-8b", "llama-3.1-70b"};
  pool.taskNames = {"mmlu"};
  pool.classNames = {"chat"};
  return pool;
}

// A network without hidden layers whose Q-values are its biases: `values` whatever the state.
TierPolicy constantPolicy(const std::vector<double>& values) {
  TierPolicy policy;
  policy.pool = threeGroups();
  policy.features = tierFeatureNames(policy.pool);
  const auto n = policy.features.size();
  policy.normalisation.mean.assign(n, 0.0);
  policy.normalisation.std.assign(n, 1.0);
  policy.layers = {static_cast<std::int32_t>(n), 3};
  policy.parameters.assign(Mlp::parameterCount(policy.layers), 0.0);
  std::copy(values.begin(), values.end(), policy.parameters.end() - 3);
  return policy;
}

GroupId choose(TierRouter& router, std::vector<double> slacks) {
  Request request;
  std::vector<GroupView> views(3);
  for (std::size_t g = 0; g < 3; ++g) views[g].slack = slacks[g];
  TierContext context;
  context.request = &request;
  context.groups = views;
  return router.choose(context);
}

}  // namespace

class TestLearnedTierRouter : public QObject {
  Q_OBJECT

 private slots:
  void takesTheBestFeasibleGroup() {
    const auto router = makeLearnedTierRouter(constantPolicy({0.1, 0.9, 0.5}));
    QCOMPARE(choose(*router, {0.5, 0.5, 0.5}), GroupId{1});
    // The medium group is predicted to miss: masked, though its value is the highest.
    QCOMPARE(choose(*router, {0.5, -0.1, 0.5}), GroupId{2});
    QCOMPARE(choose(*router, {0.5, -0.1, -0.2}), GroupId{0});
    // None is feasible: the values decide among all.
    QCOMPARE(choose(*router, {-1.0, -0.1, -0.2}), GroupId{1});
  }

  void loadsAFileAndRefusesAnotherPool() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("policy.json").toStdString();
    std::ofstream(path, std::ios::binary) << tierPolicyJson(constantPolicy({0.0, 0.0, 1.0}));
    const auto router = makeLearnedTierRouter(path, threeGroups());
    QCOMPARE(choose(*router, {0.5, 0.5, 0.5}), GroupId{2});
    QCOMPARE(QString::fromStdString(router->describe()), QString::fromStdString("learned:" + path));
    TierPool other = threeGroups();
    other.classNames = {"chat", "batch"};
    try {
      makeLearnedTierRouter(path, other);
      QFAIL("a policy for another pool was taken");
    } catch (const InputError& error) {
      QVERIFY2(QString(error.what()).contains("/pool/classes: the policy was trained for classes chat; this scenario has chat, batch"),
               error.what());
    }
  }
};

QTEST_APPLESS_MAIN(TestLearnedTierRouter)
#include "tst_learned_tier_router.moc"
