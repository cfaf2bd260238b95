#include <QtTest>

#include <cmath>
#include <vector>

#include "engine/pool/tier_features.h"

using namespace headroom::engine;

namespace {

TierPool twoGroups() {
  TierPool pool;
  pool.groupNames = {"small", "large"};
  pool.groupModels = {"llama-3.2-1b", "llama-3.1-70b"};
  pool.taskNames = {"mmlu", "gsm8k"};
  pool.classNames = {"interactive", "batch", "background"};
  return pool;
}

}  // namespace

class TestTierFeatures : public QObject {
  Q_OBJECT

 private slots:
  void namesAreStableAndCountMatches() {
    const TierPool pool = twoGroups();
    const auto names = tierFeatureNames(pool);
    QCOMPARE(names.size(), tierFeatureCount(pool));
    QCOMPARE(names.size(), std::size_t{2 * 7 + 3 + 2 + 4});
    QCOMPARE(QString::fromStdString(names[0]), QString("small/slack"));
    QCOMPARE(QString::fromStdString(names[7 + 6]), QString("large/accuracy"));
    QCOMPARE(QString::fromStdString(names[14]), QString("class/interactive"));
    QCOMPARE(QString::fromStdString(names[17]), QString("task/mmlu"));
    QCOMPARE(QString::fromStdString(names.back()), QString("rate/ratio"));
  }

  void featuresOfAHandBuiltDecision() {
    const TierPool pool = twoGroups();
    Request request;
    request.classId = 1;
    request.task = 1;
    request.promptTokens = 99;
    std::vector<GroupView> views(2);
    views[0].slack = 0.25;
    views[0].queuedRequests = 3;
    views[0].queuedPrefillTokens = 999;
    views[0].runningRequests = 7;
    views[0].kvFill = 0.5;
    views[0].accuracy = 0.493;
    views[1].slack = -100.0;  // clipped
    views[1].accuracy = 0.836;
    TierContext context;
    context.request = &request;
    context.groups = views;
    context.rates = {4.0, 2.0};
    std::vector<double> out(tierFeatureCount(pool));
    tierFeatures(context, pool, out);
    QCOMPARE(out[0], 0.25);
    QCOMPARE(out[1], 1.0);
    QCOMPARE(out[2], std::log1p(3.0));
    QCOMPARE(out[3], std::log1p(999.0));
    QCOMPARE(out[4], std::log1p(7.0));
    QCOMPARE(out[5], 0.5);
    QCOMPARE(out[6], 0.493);
    QCOMPARE(out[7], -kSlackClip);
    QCOMPARE(out[8], 0.0);
    QCOMPARE(out[13], 0.836);
    QCOMPARE(out[14], 0.0);
    QCOMPARE(out[15], 1.0);  // class batch
    QCOMPARE(out[16], 0.0);
    QCOMPARE(out[17], 0.0);
    QCOMPARE(out[18], 1.0);  // task gsm8k
    QCOMPARE(out[19], std::log1p(99.0));
    QCOMPARE(out[20], std::log1p(4.0));
    QCOMPARE(out[21], std::log1p(2.0));
    QCOMPARE(out[22], 2.0);
  }

  void anUnboundedClassCountsAsFullSlack() {
    TierPool pool = twoGroups();
    Request request;
    std::vector<GroupView> views(2);
    views[0].slack = std::numeric_limits<double>::infinity();
    TierContext context{&request, nullptr, {}, views, {}};
    std::vector<double> out(tierFeatureCount(pool));
    tierFeatures(context, pool, out);
    QCOMPARE(out[0], 1.0);
    QCOMPARE(out[22], 1.0);  // no long rate yet: ratio 1
  }

  void normalisationStandardises() {
    FeatureStatistics stats(2);
    for (double x : {1.0, 2.0, 3.0, 4.0}) stats.add(std::vector<double>{x, 5.0});
    const auto norm = stats.normalisation();
    QCOMPARE(norm.mean[0], 2.5);
    QVERIFY(std::abs(norm.std[0] - std::sqrt(5.0 / 3.0)) < 1e-12);
    QCOMPARE(norm.std[1], 1.0);  // constant feature
    std::vector<double> v{2.5, 6.0};
    norm.apply(v);
    QCOMPARE(v[0], 0.0);
    QCOMPARE(v[1], 1.0);
  }
};

QTEST_APPLESS_MAIN(TestTierFeatures)
#include "tst_tier_features.moc"
