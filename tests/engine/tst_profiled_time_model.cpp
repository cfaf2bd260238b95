#include <QtTest>
#include <cmath>
#include <vector>

#include "engine/exec/modeled/iteration_time_fit.h"
#include "engine/exec/modeled/measured_profile.h"
#include "engine/exec/modeled/model_shape.h"
#include "engine/exec/modeled/profiled_time_model.h"

using namespace headroom::engine;

namespace {

const ProfileFeatures kTruth = {300.0, 2.0, 40.0, 9.0, 0.004, 0.01};

BatchShape shapeOf(int chunk, int chunkContext, int decodes, int decodeContext) {
  BatchShape shape;
  if (chunk > 0) shape.addPrefill(chunk, chunkContext);
  for (int i = 0; i < decodes; ++i) shape.addDecode(decodeContext + 37 * i);
  return shape;
}

// A grid of compositions timed by kTruth, with a relative wobble of +-`noise` (alternating sign).
std::vector<ProfilePoint> grid(double noise) {
  std::vector<ProfilePoint> points;
  int i = 0;
  for (int chunk : {0, 16, 64, 256}) {
    for (int context : {0, 128, 512}) {
      for (int decodes : {0, 1, 8, 32}) {
        if (chunk == 0 && decodes == 0) continue;
        ProfilePoint point;
        point.shape = shapeOf(chunk, context, decodes, context + 10);
        const double wobble = 1.0 + (i % 2 == 0 ? noise : -noise);
        point.measured = Duration{std::llround(predictUs(kTruth, point.shape) * wobble)};
        point.heldOut = i % 4 == 3;
        points.push_back(point);
        ++i;
      }
    }
  }
  return points;
}

}  // namespace

class TestProfiledTimeModel : public QObject {
  Q_OBJECT

 private slots:
  void init() { qputenv("HEADROOM_RESOURCE_DIR", HEADROOM_RESOURCE_DIR_FOR_TESTS); }

  void fitRecoversALinearLaw() {
    const auto points = grid(0.0);
    const IterationTimeFit fit = fitIterationTime(points);
    QVERIFY(fit.heldOutPoints > 5);
    QCOMPARE(fit.fitPoints + fit.heldOutPoints, static_cast<int>(points.size()));
    for (std::size_t j = 0; j < kProfileFeatureCount; ++j) {
      QVERIFY2(std::abs(fit.coefficientsUs[j] - kTruth[j]) <= 0.01 * kTruth[j],
               qPrintable(QString("%1: %2 vs %3").arg(kProfileFeatureNames[j]).arg(fit.coefficientsUs[j]).arg(kTruth[j])));
    }
    QVERIFY(fit.heldOutMape < 0.002);
  }

  void mapeMeasuresTheNoise() {
    const IterationTimeFit fit = fitIterationTime(grid(0.05));
    QVERIFY2(fit.fitMape > 0.03 && fit.fitMape < 0.07, qPrintable(QString::number(fit.fitMape)));
    QVERIFY2(fit.heldOutMape > 0.02 && fit.heldOutMape < 0.09, qPrintable(QString::number(fit.heldOutMape)));
  }

  void unvariedFeatureGetsZero() {
    std::vector<ProfilePoint> points;
    for (int decodes : {1, 2, 4, 8, 16}) {
      ProfilePoint point;
      point.shape = shapeOf(0, 0, decodes, 100);
      point.measured = Duration{std::llround(predictUs(kTruth, point.shape))};
      points.push_back(point);
    }
    const IterationTimeFit fit = fitIterationTime(points);
    QCOMPARE(fit.coefficientsUs[1], 0.0);
    QCOMPARE(fit.coefficientsUs[2], 0.0);
    QVERIFY(fit.fitMape < 0.01);
  }

  void fitRejectsTooLittleData() {
    std::vector<ProfilePoint> one(1);
    one[0].shape = shapeOf(16, 0, 0, 0);
    one[0].measured = Duration{100};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, fitIterationTime(one));
    one.push_back(one[0]);
    one[1].measured = Duration{0};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, fitIterationTime(one));
  }

  void modelPredictsFromTheProfileAndRoundTripsJson() {
    MeasuredProfile profile;
    profile.executor = "cpu";
    profile.model = "llama-tiny";
    profile.machine = "test machine";
    profile.date = "2025-01-01";
    profile.command = "headroom-cli profile --executor cpu --model llama-tiny";
    profile.points = grid(0.01);
    profile.fit = fitIterationTime(profile.points);
    const MeasuredProfile back = measuredProfileFromJson(toJson(profile), "test");
    QCOMPARE(back.points.size(), profile.points.size());
    QCOMPARE(back.points[5].shape.decodeKvTokens, profile.points[5].shape.decodeKvTokens);
    QCOMPARE(back.points[7].heldOut, profile.points[7].heldOut);
    QCOMPARE(back.fit.heldOutPoints, profile.fit.heldOutPoints);
    const ProfiledTimeModel model(back);
    const BatchShape shape = shapeOf(128, 64, 4, 300);
    const double want = predictUs(kTruth, shape);
    QVERIFY(std::abs(static_cast<double>(model.predict(shape).count()) - want) < 0.02 * want);
    QVERIFY(QString::fromStdString(model.describe()).contains("llama-tiny on cpu (test machine, 2025-01-01"));
    QCOMPARE(model.predict(BatchShape{}), Duration::zero());
    const ProfiledTimeModel negative({-50.0, 0, 0, 0, 0, 0}, "negative");
    QCOMPARE(negative.predict(shapeOf(0, 0, 1, 1)), Duration{1});
  }

  void badProfilesNameTheField_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("features") << "features" << R"(["constant"])" << "/features: must be [";
    QTest::newRow("coefficients") << "coefficients_us" << "[1, 2]" << "/coefficients_us: must be an array of 6 numbers, got an array";
    QTest::newRow("coefficient") << "coefficients_us" << R"([1, 2, 3, "x", 5, 6])" << "/coefficients_us/3: must be a number, got \"x\"";
    QTest::newRow("machine") << "machine" << "" << "/machine: required field is missing";
    QTest::newRow("point") << "points" << R"([{"prefill_tokens": -1}])" << "/points/0/prefill_tokens: must be an integer >= 0, got -1";
  }
  void badProfilesNameTheField() {
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, message);
    MeasuredProfile profile;
    profile.executor = "cpu";
    profile.model = "m";
    profile.machine = "x";
    profile.date = "d";
    profile.points = grid(0.0);
    profile.fit = fitIterationTime(profile.points);
    nlohmann::json json = toJson(profile);
    if (value.isEmpty()) {
      json.erase(field.toStdString());
    } else {
      json[field.toStdString()] = nlohmann::json::parse(value.toStdString());
    }
    try {
      measuredProfileFromJson(json, "bad.json");
      QFAIL("accepted a bad profile");
    } catch (const std::runtime_error& error) {
      QVERIFY2(QString(error.what()).contains("bad.json: " + message), error.what());
    }
  }

  void unknownProfileListsTheAvailableOnes() {
    try {
      loadMeasuredProfile("no-such-profile");
      QFAIL("loaded a missing profile");
    } catch (const std::runtime_error& error) {
      QVERIFY2(QString(error.what()).contains("unknown profile 'no-such-profile' (available: "), error.what());
    }
  }

  // The shipped CPU profile: its own points, refitted, give the held-out error it records, under 10%.
  void shippedCpuProfileHoldsItsError() {
    const MeasuredProfile profile = loadMeasuredProfile("cpu-llama-tiny");
    QCOMPARE(profile.model, std::string("llama-tiny"));
    QCOMPARE(profile.executor, std::string("cpu"));
    QVERIFY(profile.fit.heldOutPoints >= 10);
    const IterationTimeFit refit = fitIterationTime(profile.points);
    QVERIFY2(std::abs(refit.heldOutMape - profile.fit.heldOutMape) < 1e-6,
             qPrintable(QString("%1 vs %2").arg(refit.heldOutMape).arg(profile.fit.heldOutMape)));
    QVERIFY2(refit.heldOutMape < 0.10, qPrintable(QString::number(refit.heldOutMape)));
  }

  void flopRateEstimateScalesWithTheModel() {
    const ModelShape shape = loadModelShape("llama-3.2-1b");
    const ProfiledTimeModel model = ProfiledTimeModel::fromFlopRate(shape, 1e12);
    BatchShape decode;
    decode.addDecode(0);
    // One token through 1.24B parameters: about 2.5 GFLOP, 2.5 ms at 1 TFLOP/s.
    const double ms = static_cast<double>(model.predict(decode).count()) / 1000.0;
    QVERIFY2(ms > 2.0 && ms < 3.0, qPrintable(QString::number(ms)));
  }
};

QTEST_GUILESS_MAIN(TestProfiledTimeModel)
#include "tst_profiled_time_model.moc"
