#include <QtTest>
#include <stdexcept>

#include "engine/exec/batch.h"
#include "engine/exec/executor_factory.h"
#include "engine/exec/modeled/constant_time_model.h"
#include "engine/exec/modeled/modeled_executor.h"

using namespace headroom::engine;

namespace {

QString errorOf(const ExecutorSpec& spec) {
  try {
    makeExecutor(spec);
  } catch (const std::runtime_error& error) {
    return QString::fromStdString(error.what());
  }
  return {};
}

}  // namespace

class TestExecutorFactory : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { qputenv("HEADROOM_RESOURCE_DIR", HEADROOM_RESOURCE_DIR_FOR_TESTS); }

  void constantModelIgnoresComposition() {
    const ConstantTimeModel model(Duration{25'000});
    BatchShape big;
    for (int i = 0; i < 100; ++i) big.addDecode(4000);
    big.addPrefill(2048, 0);
    BatchShape one;
    one.addDecode(1);
    QCOMPARE(model.predict(big), Duration{25'000});
    QCOMPARE(model.predict(one), Duration{25'000});
    QCOMPARE(model.predict(BatchShape{}), Duration::zero());
    QCOMPARE(QString::fromStdString(model.describe()), QString("constant 25000 us per iteration"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ConstantTimeModel(Duration::zero()));
  }

  void modeledExecutorReturnsThePrediction() {
    ExecutorSpec spec;
    spec.model = "llama-3.1-8b";
    spec.hardware = "a100-80g";
    auto executor = makeExecutor(spec);
    Batch batch;
    batch.addPrefill(1, 512, 0);
    batch.addDecode(2, 100);
    const IterationResult result = executor->execute(batch);
    QCOMPARE(result.duration, executor->timeModel().predict(batch.shape));
    QVERIFY(result.duration > Duration{20'000});
    QVERIFY(result.tokens.empty());
    QCOMPARE(QString::fromStdString(executor->timeModel().describe()),
             QString("roofline llama-3.1-8b on a100-80g (tp 1)"));
  }

  void defaultDegreeComesFromTheModel() {
    ExecutorSpec spec;
    spec.model = "llama-3.1-70b";
    spec.hardware = "h100-sxm";
    QCOMPARE(QString::fromStdString(makeTimeModel(spec)->describe()),
             QString("roofline llama-3.1-70b on h100-sxm (tp 4)"));
    spec.tensorParallel = 8;
    QCOMPARE(QString::fromStdString(makeTimeModel(spec)->describe()),
             QString("roofline llama-3.1-70b on h100-sxm (tp 8)"));
  }

  void constantSpec() {
    ExecutorSpec spec;
    spec.kind = ExecutorKind::Constant;
    spec.iteration = Duration{40'000};
    auto executor = makeExecutor(spec);
    Batch batch;
    batch.addDecode(7, 10);
    QCOMPARE(executor->execute(batch).duration, Duration{40'000});
  }

  void sharedModelOutlivesExecutor() {
    auto model = std::make_shared<const ConstantTimeModel>(Duration{5});
    {
      ModeledExecutor executor(model);
      QCOMPARE(&executor.timeModel(), model.get());
    }
    QCOMPARE(model.use_count(), 1);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ModeledExecutor(nullptr));
  }

  void badSpecsSayWhatIsAllowed_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("hardware");
    QTest::addColumn<int>("tp");
    QTest::addColumn<QString>("expected");
    const int modeled = static_cast<int>(ExecutorKind::Modeled);
    const int constant = static_cast<int>(ExecutorKind::Constant);
    QTest::newRow("no model") << modeled << ""
                              << "a100-80g" << 0 << "no model given (available: llama-3.1-70b";
    QTest::newRow("no hardware") << modeled << "llama-3.1-8b"
                                 << "" << 0 << "no hardware profile given (available: a100-80g";
    QTest::newRow("unknown model") << modeled << "gpt-9"
                                   << "a100-80g" << 0 << "unknown model shape 'gpt-9'";
    QTest::newRow("unknown hardware") << modeled << "llama-3.1-8b"
                                      << "tpu-v9" << 0 << "unknown hardware profile 'tpu-v9'";
    QTest::newRow("negative tp") << modeled << "llama-3.1-8b"
                                 << "a100-80g" << -1 << "must be >= 0";
    QTest::newRow("tp not dividing") << modeled << "llama-3.1-8b"
                                     << "a100-80g" << 5
                                     << "tensor parallel degree 5 does not fit llama-3.1-8b";
    QTest::newRow("constant without time") << constant << ""
                                           << "" << 0 << "iteration time must be > 0";
  }
  void badSpecsSayWhatIsAllowed() {
    QFETCH(int, kind);
    QFETCH(QString, model);
    QFETCH(QString, hardware);
    QFETCH(int, tp);
    QFETCH(QString, expected);
    ExecutorSpec spec;
    spec.kind = static_cast<ExecutorKind>(kind);
    spec.model = model.toStdString();
    spec.hardware = hardware.toStdString();
    spec.tensorParallel = tp;
    const QString error = errorOf(spec);
    QVERIFY2(error.contains(expected), qPrintable(error));
  }
};

QTEST_GUILESS_MAIN(TestExecutorFactory)
#include "tst_executor_factory.moc"
