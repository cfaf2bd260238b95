#include <QtTest>

#include "engine/io/json_input.h"
#include "engine/learn/tier_trainer.h"
#include "engine/sim/simulation.h"

using namespace headroom::engine;

namespace {

TierTrainerSettings small(std::uint64_t seed) {
  TierTrainerSettings settings;
  settings.decisions = 3000;
  settings.seed = seed;
  settings.dqn = TierTrainerSettings::defaultDqnSettings(settings.decisions);
  settings.validations = 2;
  settings.validationSeedsPerFamily = 1;
  return settings;
}

}  // namespace

class TestTierTrainer : public QObject {
  Q_OBJECT

 private slots:
  void trainsAPolicyForThePoolDeterministically() {
    const Scenario scenario = loadScenario(HEADROOM_TEST_DATA_DIR "/tiers/two-tiers.json");
    std::int64_t reports = 0;
    double lastEpsilon = 2.0;
    const TierTrainingResult a = trainTierRouter(scenario, small(4), [&](const TierTrainingProgress& progress) {
      ++reports;
      QVERIFY(progress.epsilon <= lastEpsilon);
      lastEpsilon = progress.epsilon;
      QCOMPARE(progress.total, std::int64_t{3000});
    });
    QVERIFY(reports > 10);
    QVERIFY(a.policy.training.decisions >= 3000);
    QCOMPARE(a.policy.training.seed, std::uint64_t{4});
    QVERIFY(a.policy.training.simulatedS > 0.0);
    QVERIFY(a.episodes >= 1);
    QVERIFY(a.validationReward > 0.0);
    const TierPool pool = tierPool(scenario);
    QVERIFY(a.policy.pool.groupNames == pool.groupNames);
    QVERIFY(a.policy.features == tierFeatureNames(pool));
    QCOMPARE(a.policy.layers.front(), static_cast<std::int32_t>(tierFeatureCount(pool)));
    QCOMPARE(a.policy.layers.back(), std::int32_t{2});

    const TierTrainingResult b = trainTierRouter(scenario, small(4));
    QVERIFY(tierPolicyJson(a.policy) == tierPolicyJson(b.policy));
    const TierTrainingResult c = trainTierRouter(scenario, small(5));
    QVERIFY(tierPolicyJson(a.policy) != tierPolicyJson(c.policy));
  }

  void aPoolOfOneGroupIsRefused() {
    const Scenario scenario = loadScenario(HEADROOM_TEST_DATA_DIR "/tiers/one-group.json");
    try {
      trainTierRouter(scenario, small(1));
      QFAIL("trained on one group");
    } catch (const InputError& error) {
      QVERIFY2(QString(error.what()).contains("/pool/groups") && QString(error.what()).contains("at least 2"), error.what());
    }
  }
};

QTEST_APPLESS_MAIN(TestTierTrainer)
#include "tst_tier_trainer.moc"
