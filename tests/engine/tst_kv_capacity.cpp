#include <QtTest>
#include <stdexcept>

#include "engine/exec/executor_spec.h"
#include "engine/exec/modeled/kv_capacity.h"

using namespace headroom::engine;

class TestKvCapacity : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { qputenv("HEADROOM_RESOURCE_DIR", HEADROOM_RESOURCE_DIR_FOR_TESTS); }

  void eightBillionOnA100() {
    const ModelShape model = loadModelShape("llama-3.1-8b");
    const HardwareProfile a100 = loadHardwareProfile("a100-80g");
    // 0.9 x 80 GiB - 16.06 GB weights - 1 GiB runtime - 1 GiB activations - 131 MB logits = 58.97 GB,
    // at 128 KiB per token.
    QCOMPARE(kvCacheBytesPerGpu(model, a100, 1), qint64{58'970'071'040});
    const std::int64_t blocks = kvBlockCapacity(model, a100, 1, 16);
    QCOMPARE(blocks, qint64{28'119});
    QVERIFY(blocks * 16 >= 400'000 && blocks * 16 <= 470'000);
  }

  void capacityScales_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("hardware");
    QTest::addColumn<int>("tp");
    QTest::newRow("1b a100") << "llama-3.2-1b"
                             << "a100-80g" << 1;
    QTest::newRow("8b h100") << "llama-3.1-8b"
                             << "h100-sxm" << 1;
    QTest::newRow("70b a100 tp4") << "llama-3.1-70b"
                                  << "a100-80g" << 4;
    QTest::newRow("70b h200 tp2") << "llama-3.1-70b"
                                  << "h200" << 2;
  }
  void capacityScales() {
    QFETCH(QString, model);
    QFETCH(QString, hardware);
    QFETCH(int, tp);
    const ModelShape shape = loadModelShape(model.toStdString());
    const HardwareProfile hw = loadHardwareProfile(hardware.toStdString());
    const std::int64_t blocks16 = kvBlockCapacity(shape, hw, tp, 16);
    const std::int64_t blocks32 = kvBlockCapacity(shape, hw, tp, 32);
    QVERIFY(blocks32 == blocks16 / 2 || blocks32 == (blocks16 - 1) / 2);
    QVERIFY(kvBlockCapacity(shape, hw, tp, 16, 0.8) < blocks16);
    QVERIFY(kvBlockCapacity(shape, hw, tp * 2, 16) > blocks16);
    // Every block's K and V (split across the group) fits in what is left per GPU.
    const std::int64_t perGpuBlockBytes = shape.kvBytesPerToken() * 16 / std::min(tp, shape.kvHeads);
    QVERIFY(blocks16 * perGpuBlockBytes <= kvCacheBytesPerGpu(shape, hw, tp));
    QVERIFY((blocks16 + 1) * perGpuBlockBytes > kvCacheBytesPerGpu(shape, hw, tp));
  }

  void moreMemoryHoldsMore() {
    const ModelShape model = loadModelShape("llama-3.1-8b");
    QVERIFY(kvBlockCapacity(model, loadHardwareProfile("h200"), 1, 16) >
            2 * kvBlockCapacity(model, loadHardwareProfile("h100-sxm"), 1, 16));
  }

  void seventyBillionNeedsTensorParallelism() {
    const ModelShape model = loadModelShape("llama-3.1-70b");
    const HardwareProfile a100 = loadHardwareProfile("a100-80g");
    try {
      kvBlockCapacity(model, a100, 1, 16);
      QFAIL("70B weights cannot fit one 80 GB GPU");
    } catch (const std::runtime_error& error) {
      const QString what = error.what();
      QVERIFY2(what.contains("llama-3.1-70b does not fit on a100-80g at tensor parallel 1"),
               qPrintable(what));
    }
    QVERIFY(kvBlockCapacity(model, a100, 4, 16) * 16 > 400'000);
  }

  void rejectsBadArguments() {
    const ModelShape model = loadModelShape("llama-3.1-8b");
    const HardwareProfile a100 = loadHardwareProfile("a100-80g");
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, kvBlockCapacity(model, a100, 1, 0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, kvBlockCapacity(model, a100, 3, 16));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, kvBlockCapacity(model, a100, 1, 16, 0.0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, kvBlockCapacity(model, a100, 1, 16, 1.5));
  }

  void blocksForExecutorSpec() {
    ExecutorSpec constant;
    constant.kind = ExecutorKind::Constant;
    constant.iteration = Duration{10'000};
    QVERIFY(!kvBlocksFor(constant, 16).has_value());

    ExecutorSpec modeled;
    modeled.model = "llama-3.1-70b";
    modeled.hardware = "h100-sxm";
    const auto defaultDegree = kvBlocksFor(modeled, 16);
    QVERIFY(defaultDegree.has_value());
    QCOMPARE(*defaultDegree,
             kvBlockCapacity(loadModelShape("llama-3.1-70b"), loadHardwareProfile("h100-sxm"), 4, 16));
    modeled.tensorParallel = 8;
    QVERIFY(*kvBlocksFor(modeled, 16) > *defaultDegree);

    modeled.hardware.clear();
    try {
      kvBlocksFor(modeled, 16);
      QFAIL("a model without hardware cannot be sized");
    } catch (const std::runtime_error& error) {
      QVERIFY2(QString(error.what()).contains("a100-80g, h100-sxm, h200"), error.what());
    }
  }
};

QTEST_GUILESS_MAIN(TestKvCapacity)
#include "tst_kv_capacity.moc"
