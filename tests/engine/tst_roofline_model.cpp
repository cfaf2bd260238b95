#include <QtTest>
#include <cmath>
#include <stdexcept>

#include "engine/exec/batch_shape.h"
#include "engine/exec/modeled/hardware_profile.h"
#include "engine/exec/modeled/model_shape.h"
#include "engine/exec/modeled/roofline_model.h"

using namespace headroom::engine;

namespace {

// Llama-2-7B, the shape of Vidur's H100 operator profile (not a shipped model).
ModelShape llama2_7b() {
  ModelShape shape;
  shape.name = "llama-2-7b";
  shape.layers = 32;
  shape.hiddenSize = 4096;
  shape.attentionHeads = 32;
  shape.kvHeads = 32;
  shape.headDim = 128;
  shape.intermediateSize = 11008;
  shape.vocabSize = 32000;
  return shape;
}

RooflineModel roofline(const char* model, const char* hardware, int tp = 1) {
  return RooflineModel(loadModelShape(model), loadHardwareProfile(hardware), tp);
}

BatchShape prefill(std::int32_t chunk, std::int64_t context) {
  BatchShape shape;
  shape.addPrefill(chunk, context);
  return shape;
}

BatchShape decodes(int count, std::int64_t context) {
  BatchShape shape;
  for (int i = 0; i < count; ++i) shape.addDecode(context);
  return shape;
}

double seconds(const RooflineModel& model, const BatchShape& shape) {
  return toSeconds(model.predict(shape));
}

double prefillTokensPerS(const RooflineModel& model, std::int32_t chunk, std::int64_t context) {
  return chunk / seconds(model, prefill(chunk, context));
}

void verifyWithin(double actual, double target, double tolerance) {
  const QByteArray what = QByteArray::number(actual) + " vs target " + QByteArray::number(target);
  QVERIFY2(std::abs(actual / target - 1.0) <= tolerance, what.constData());
}

}  // namespace

class TestRooflineModel : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { qputenv("HEADROOM_RESOURCE_DIR", HEADROOM_RESOURCE_DIR_FOR_TESTS); }

  // Vidur's measured per-layer linear operators x layers (tensor parallel 1), in milliseconds.
  void linearLayersMatchMeasuredOperators_data() {
    QTest::addColumn<QString>("hardware");
    QTest::addColumn<bool>("llama2");
    QTest::addColumn<int>("tokens");
    QTest::addColumn<double>("measuredMs");
    QTest::addColumn<double>("tolerance");
    QTest::newRow("a100 1") << "a100-80g" << false << 1 << 9.7 << 0.15;
    QTest::newRow("a100 64") << "a100-80g" << false << 64 << 11.2 << 0.15;
    QTest::newRow("a100 256") << "a100-80g" << false << 256 << 19.5 << 0.15;
    QTest::newRow("a100 320") << "a100-80g" << false << 320 << 27.1 << 0.15;
    QTest::newRow("a100 2048") << "a100-80g" << false << 2048 << 142.0 << 0.15;
    QTest::newRow("a100 4096") << "a100-80g" << false << 4096 << 273.0 << 0.15;
    QTest::newRow("h100 512") << "h100-sxm" << true << 512 << 12.0 << 0.15;
    QTest::newRow("h100 1024") << "h100-sxm" << true << 1024 << 21.0 << 0.15;
    QTest::newRow("h100 2048") << "h100-sxm" << true << 2048 << 40.3 << 0.15;
    QTest::newRow("h100 4096") << "h100-sxm" << true << 4096 << 83.5 << 0.15;
  }
  void linearLayersMatchMeasuredOperators() {
    QFETCH(QString, hardware);
    QFETCH(bool, llama2);
    QFETCH(int, tokens);
    QFETCH(double, measuredMs);
    QFETCH(double, tolerance);
    const RooflineModel model(llama2 ? llama2_7b() : loadModelShape("llama-3.1-8b"),
                              loadHardwareProfile(hardware.toStdString()), 1);
    verifyWithin(model.breakdown(prefill(tokens, 0)).linearS * 1e3, measuredMs, tolerance);
  }

  void a100PrefillThroughputAt330TokenChunk() {
    const auto model = roofline("llama-3.1-8b", "a100-80g");
    verifyWithin(prefillTokensPerS(model, 330, 1000), 6800.0, 0.15);
  }

  void a100PrefillThroughputSaturatesNear2500Tokens() {
    const auto model = roofline("llama-3.1-8b", "a100-80g");
    const double at256 = prefillTokensPerS(model, 256, 1000);
    const double at2500 = prefillTokensPerS(model, 2500, 1000);
    verifyWithin(at2500 / at256, 2.0, 0.15);
    QVERIFY(prefillTokensPerS(model, 512, 1000) > at256);
    QVERIFY(prefillTokensPerS(model, 1024, 1000) > prefillTokensPerS(model, 512, 1000));
    QVERIFY(at2500 > prefillTokensPerS(model, 1024, 1000));
    verifyWithin(prefillTokensPerS(model, 4096, 1000), at2500, 0.05);
  }

  void h100DecodeStepAtBatchOne() {
    const auto model = roofline("llama-3.1-8b", "h100-sxm");
    verifyWithin(seconds(model, decodes(1, 128)) * 1e3, 5.0, 0.15);
  }

  void predictionGrowsWithTokens_data() {
    QTest::addColumn<QString>("hardware");
    QTest::addColumn<bool>("decode");
    QTest::newRow("a100 prefill") << "a100-80g" << false;
    QTest::newRow("a100 decode") << "a100-80g" << true;
    QTest::newRow("h100 prefill") << "h100-sxm" << false;
    QTest::newRow("h200 decode") << "h200" << true;
  }
  void predictionGrowsWithTokens() {
    QFETCH(QString, hardware);
    QFETCH(bool, decode);
    const RooflineModel model(loadModelShape("llama-3.1-8b"), loadHardwareProfile(hardware.toStdString()), 1);
    Duration previous{};
    for (int tokens = 1; tokens <= (decode ? 512 : 4096); ++tokens) {
      const Duration now = model.predict(decode ? decodes(tokens, 512) : prefill(tokens, 512));
      QVERIFY2(now >= previous, qPrintable(QString("%1 tokens").arg(tokens)));
      previous = now;
    }
    QVERIFY(previous > model.predict(decode ? decodes(1, 512) : prefill(1, 512)) * 3);
  }

  void tileQuantisationMakes257CostMoreThan256() {
    const auto model = roofline("llama-3.1-8b", "a100-80g");
    const double decodeRatio = seconds(model, decodes(257, 16)) / seconds(model, decodes(256, 16));
    QVERIFY2(decodeRatio > 1.2 && decodeRatio < 1.45, qPrintable(QString::number(decodeRatio)));
    const double prefillRatio = seconds(model, prefill(257, 0)) / seconds(model, prefill(256, 0));
    QVERIFY2(prefillRatio > 1.15, qPrintable(QString::number(prefillRatio)));
    QCOMPARE(RooflineModel::tileRoundedTokens(257, 128), 384);
    QCOMPARE(RooflineModel::tileRoundedTokens(256, 128), 256);
    QCOMPARE(RooflineModel::tileRoundedTokens(65, 128), 128);
    QCOMPARE(RooflineModel::tileRoundedTokens(33, 128), 64);
    QCOMPARE(RooflineModel::tileRoundedTokens(1, 128), 16);
    QCOMPARE(RooflineModel::tileRoundedTokens(0, 128), 0);
  }

  void decodeCostGrowsWithContext_data() {
    QTest::addColumn<QString>("hardware");
    QTest::addColumn<int>("batch");
    QTest::newRow("a100 batch 1") << "a100-80g" << 1;
    QTest::newRow("a100 batch 64") << "a100-80g" << 64;
    QTest::newRow("h100 batch 32") << "h100-sxm" << 32;
  }
  void decodeCostGrowsWithContext() {
    QFETCH(QString, hardware);
    QFETCH(int, batch);
    const RooflineModel model(loadModelShape("llama-3.1-8b"), loadHardwareProfile(hardware.toStdString()), 1);
    double previous = 0.0;
    for (const std::int64_t context : {16, 1024, 8192, 32768, 131072}) {
      const double now = seconds(model, decodes(batch, context));
      QVERIFY2(now > previous, qPrintable(QString("context %1").arg(context)));
      previous = now;
    }
    // Reading 128k cached tokens per sequence dwarfs reading 16.
    const auto longContext = model.breakdown(decodes(batch, 131072));
    QVERIFY(longContext.attentionS > model.breakdown(decodes(batch, 16)).attentionS * 1000);
  }

  void prefillAttentionGrowsWithCachedContext() {
    const auto model = roofline("llama-3.1-8b", "a100-80g");
    const auto shortContext = model.breakdown(prefill(512, 0));
    const auto longContext = model.breakdown(prefill(512, 16384));
    QCOMPARE(longContext.linearS, shortContext.linearS);
    QVERIFY(longContext.attentionS > shortContext.attentionS * 20);
  }

  void lmHeadOnlyForSamplingSequences() {
    const auto model = roofline("llama-3.1-8b", "a100-80g");
    BatchShape one = prefill(256, 0);
    BatchShape two = prefill(128, 0);
    two.addPrefill(128, 0);
    QVERIFY(model.breakdown(two).lmHeadS > model.breakdown(one).lmHeadS);
    QCOMPARE(model.breakdown(two).linearS, model.breakdown(one).linearS);
    QCOMPARE(model.breakdown(BatchShape{}).totalS(), 0.0);
    QCOMPARE(model.predict(BatchShape{}), Duration::zero());
  }

  void tensorParallelSpeedsUpLargeModel_data() {
    QTest::addColumn<bool>("decode");
    QTest::addColumn<int>("tokens");
    QTest::newRow("decode batch 1") << true << 1;
    QTest::newRow("decode batch 64") << true << 64;
    QTest::newRow("prefill 512") << false << 512;
    QTest::newRow("prefill 2048") << false << 2048;
  }
  void tensorParallelSpeedsUpLargeModel() {
    QFETCH(bool, decode);
    QFETCH(int, tokens);
    const auto tp1 = roofline("llama-3.1-70b", "a100-80g", 1);
    const auto tp4 = roofline("llama-3.1-70b", "a100-80g", 4);
    const BatchShape shape = decode ? decodes(tokens, 1000) : prefill(tokens, 1000);
    const double oneGpu = seconds(tp1, shape);
    const double fourGpus = seconds(tp4, shape);
    QVERIFY2(fourGpus < oneGpu * 0.5, qPrintable(QString("%1 vs %2").arg(fourGpus).arg(oneGpu)));
    QVERIFY(fourGpus > oneGpu / 4.0);
    QCOMPARE(tp1.breakdown(shape).allReduceS, 0.0);
    QVERIFY(tp4.breakdown(shape).allReduceS > 0.0);
  }

  void fasterHardwareIsFaster() {
    const auto a100 = roofline("llama-3.1-8b", "a100-80g");
    const auto h100 = roofline("llama-3.1-8b", "h100-sxm");
    const auto h200 = roofline("llama-3.1-8b", "h200");
    QVERIFY(seconds(h100, decodes(8, 2000)) < seconds(a100, decodes(8, 2000)));
    QVERIFY(seconds(h200, decodes(8, 2000)) < seconds(h100, decodes(8, 2000)));
    QVERIFY(seconds(h100, prefill(2048, 0)) < seconds(a100, prefill(2048, 0)));
  }

  void rejectsDegreeThatDoesNotSplitTheModel() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, roofline("llama-3.1-8b", "a100-80g", 3));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, roofline("llama-3.1-8b", "a100-80g", 0));
    QCOMPARE(roofline("llama-3.1-70b", "h100-sxm", 16).tensorParallel(), 16);  // KV heads replicated
  }

  void describesItself() {
    QCOMPARE(QString::fromStdString(roofline("llama-3.1-8b", "a100-80g").describe()),
             QString("roofline llama-3.1-8b on a100-80g (tp 1)"));
    QCOMPARE(QString::fromStdString(roofline("llama-3.1-70b", "h200", 4).describe()),
             QString("roofline llama-3.1-70b on h200 (tp 4)"));
  }
};

QTEST_GUILESS_MAIN(TestRooflineModel)
#include "tst_roofline_model.moc"
