// A class's service floor: each request alone on an idle instance, its prompt in the scheduler's
// chunks, then its decode steps, on the mode's iteration-time model, at the class's percentile.
#include <QtTest>

#include <chrono>

#include "solver/service_floor.h"

using namespace headroom;
using solver::LatencyMetric;

namespace {

// A constant executor (every iteration 100 ms): the floor counts iterations.
engine::Scenario constantScenario(engine::ChunkingConfig chunking, engine::LengthSpec prompt, std::int32_t outputTokens) {
  engine::Scenario scenario;
  scenario.seed = 11;
  scenario.executor.kind = engine::ExecutorKind::Constant;
  scenario.executor.iteration = std::chrono::milliseconds(100);
  scenario.scheduler.chunking = chunking;
  engine::ClassSpec chat;
  chat.qos.name = "chat";
  chat.qos.slo.ttft = std::chrono::seconds(1);
  chat.promptTokens = prompt;
  chat.outputTokens.value = outputTokens;
  scenario.classes = {chat};
  return scenario;
}

engine::LengthSpec fixedLength(std::int32_t tokens) {
  engine::LengthSpec spec;
  spec.value = tokens;
  return spec;
}

}  // namespace

class TestServiceFloor : public QObject {
  Q_OBJECT

 private slots:
  void countsTheSchedulersIterations_data() {
    QTest::addColumn<int>("chunkingMode");
    QTest::addColumn<int>("metric");
    QTest::addColumn<double>("expectedS");
    // 1000 prompt tokens: four chunks of 256, one whole prompt, or one dynamic chunk on an idle instance;
    // then 9 decode steps for the last of 10 tokens.
    QTest::newRow("fixed:256 ttft") << int(engine::ChunkingMode::Fixed) << int(LatencyMetric::Ttft) << 0.4;
    QTest::newRow("fixed:256 ttlt") << int(engine::ChunkingMode::Fixed) << int(LatencyMetric::Ttlt) << 1.3;
    QTest::newRow("none ttft") << int(engine::ChunkingMode::None) << int(LatencyMetric::Ttft) << 0.1;
    QTest::newRow("dynamic ttft") << int(engine::ChunkingMode::Dynamic) << int(LatencyMetric::Ttft) << 0.1;
    QTest::newRow("queue") << int(engine::ChunkingMode::Fixed) << int(LatencyMetric::Queue) << 0.0;
  }

  void countsTheSchedulersIterations() {
    QFETCH(int, chunkingMode);
    QFETCH(int, metric);
    QFETCH(double, expectedS);
    const engine::Scenario scenario =
        constantScenario({static_cast<engine::ChunkingMode>(chunkingMode), 256}, fixedLength(1000), 10);
    const double floorS =
        solver::serviceFloorS(scenario, scenario.executor, 0, static_cast<LatencyMetric>(metric), 95.0);
    QCOMPARE(floorS, expectedS);
  }

  // Prompts of 1 to 1024 tokens take 1 to 4 chunks of 256: the floor follows the percentile.
  void followsThePercentileOfTheLengths() {
    engine::LengthSpec prompt;
    prompt.kind = engine::LengthKind::Uniform;
    prompt.min = 1;
    prompt.max = 1024;
    const engine::Scenario scenario = constantScenario({engine::ChunkingMode::Fixed, 256}, prompt, 1);
    QCOMPARE(solver::serviceFloorS(scenario, scenario.executor, 0, LatencyMetric::Ttft, 10.0), 0.1);
    QCOMPARE(solver::serviceFloorS(scenario, scenario.executor, 0, LatencyMetric::Ttft, 60.0), 0.3);
    QCOMPARE(solver::serviceFloorS(scenario, scenario.executor, 0, LatencyMetric::Ttft, 95.0), 0.4);
    // The same scenario gives the same floor.
    QCOMPARE(solver::serviceFloorS(scenario, scenario.executor, 0, LatencyMetric::Ttft, 60.0), 0.3);
  }
};

QTEST_GUILESS_MAIN(TestServiceFloor)
#include "tst_service_floor.moc"
