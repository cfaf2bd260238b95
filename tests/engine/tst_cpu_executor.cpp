#include <QTemporaryDir>
#include <QtTest>
#include <map>
#include <memory>
#include <vector>

#include "engine/exec/cpu/cpu_executor.h"
#include "engine/exec/executor_factory.h"
#include "engine/exec/llama/shared_llama_weights.h"
#include "engine/exec/modeled/model_shape.h"
#include "engine/exec/modeled/profiled_time_model.h"
#include "engine/exec/sampler.h"
#include "engine/instance/instance.h"
#include "support/safetensors_writer.h"

using namespace headroom::engine;

namespace {

ExecutorSpec tinySpec() {
  ExecutorSpec spec;
  spec.kind = ExecutorKind::Cpu;
  spec.model = "llama-tiny";
  return spec;
}

std::vector<std::int32_t> prompt(int n, int salt) {
  std::vector<std::int32_t> tokens;
  for (int i = 0; i < n; ++i) tokens.push_back((i * 31 + salt * 17 + 5) % 256);
  return tokens;
}

// Greedy continuation of `tokens` by the reference model, computed in one go then token by token.
std::vector<std::int32_t> greedyContinuation(std::shared_ptr<const LlamaWeights> weights,
                                             std::vector<std::int32_t> tokens, int count) {
  CpuLlama model(std::move(weights));
  std::vector<std::int32_t> generated;
  std::vector<float> logits = model.forward(std::vector<SequenceChunk>{{1, tokens}});
  for (int i = 0; i < count; ++i) {
    generated.push_back(Sampler::greedy(logits));
    if (i + 1 < count) logits = model.forward(std::vector<SequenceChunk>{{1, {generated.back()}}});
  }
  return generated;
}

class CountingObserver final : public RequestObserver {
 public:
  void onArrival(const Request&, TimePoint) override {}
  void onFirstScheduled(const RequestState&, TimePoint) override {}
  void onToken(const RequestState&, TimePoint, Duration) override { ++tokens; }
  void onRelegated(const RequestState&, TimePoint) override {}
  void onPreempted(const RequestState&, TimePoint) override { ++preemptions; }
  void onFinished(const RequestState&, TimePoint) override { ++finished; }
  int tokens = 0;
  int preemptions = 0;
  int finished = 0;
};

void runToCompletion(Instance& instance) {
  TimePoint now{};
  int guard = 0;
  while (instance.hasWork() && ++guard < 10000) {
    const auto duration = instance.startIteration(now);
    QVERIFY(duration.has_value());
    now += *duration;
    instance.finishIteration(now);
  }
  QVERIFY(!instance.hasWork());
}

}  // namespace

class TestCpuExecutor : public QObject {
  Q_OBJECT

 private slots:
  void init() { qputenv("HEADROOM_RESOURCE_DIR", HEADROOM_RESOURCE_DIR_FOR_TESTS); }

  void factoryBuildsTheCpuExecutor() {
    const auto executor = makeExecutor(tinySpec());
    QVERIFY(dynamic_cast<CpuExecutor*>(executor.get()) != nullptr);
    QVERIFY(QString::fromStdString(executor->timeModel().describe()).contains("unmeasured estimate of llama-tiny"));
    // Instances of one pool share one copy of the weights.
    QCOMPARE(sharedLlamaWeights(tinySpec()).get(), sharedLlamaWeights(tinySpec()).get());
    ExecutorSpec other = tinySpec();
    other.weightsSeed = 2;
    QVERIFY(sharedLlamaWeights(other).get() != sharedLlamaWeights(tinySpec()).get());
  }

  void cudaIsAClearErrorWithoutCuda() {
#ifndef HEADROOM_HAVE_CUDA
    ExecutorSpec spec = tinySpec();
    spec.kind = ExecutorKind::Cuda;
    try {
      makeExecutor(spec);
      QFAIL("made a CUDA executor without CUDA");
    } catch (const std::runtime_error& error) {
      QVERIFY2(QString(error.what()).contains("built without CUDA"), error.what());
    }
#else
    QSKIP("this build has CUDA");
#endif
  }

  void checkpointWeightsComputeLikeTheSameRandomWeights() {
    QTemporaryDir dir;
    const auto random = sharedLlamaWeights(tinySpec());
    headroom::test::SafetensorsWriter writer;
    headroom::test::addLlama(writer, *random);
    const std::string file = (dir.path() + "/model.safetensors").toStdString();
    writer.write(file);
    ExecutorSpec spec = tinySpec();
    spec.weights = dir.path().toStdString();  // a folder holding model.safetensors
    const auto fromFile = makeExecutor(spec);
    const auto fromSeed = makeExecutor(tinySpec());
    Batch batch;
    batch.addPrefill(5, 20, 0);
    fromFile->admit(5, prompt(20, 3), SamplingParams{});
    fromSeed->admit(5, prompt(20, 3), SamplingParams{});
    QCOMPARE(fromFile->execute(batch).tokens, fromSeed->execute(batch).tokens);
  }

  void missingCheckpointNamesThePath() {
    ExecutorSpec spec = tinySpec();
    spec.weights = "/nonexistent/llama.safetensors";
    try {
      makeExecutor(spec);
      QFAIL("loaded a missing checkpoint");
    } catch (const std::runtime_error& error) {
      QVERIFY2(QString(error.what()).contains("/nonexistent/llama.safetensors"), error.what());
    }
  }

  void chunkedPrefillThenDecodesGenerateTheGreedyText() {
    const auto weights = sharedLlamaWeights(tinySpec());
    CpuExecutor executor(weights, makeTimeModel(tinySpec()));
    const auto text = prompt(40, 1);
    executor.admit(7, text, SamplingParams{});
    Batch batch;
    batch.addPrefill(7, 25, 0);
    QCOMPARE(executor.execute(batch).tokens.size(), std::size_t{1});
    batch.clear();
    batch.addPrefill(7, 15, 25);
    IterationResult result = executor.execute(batch);
    QVERIFY(result.duration > Duration::zero());
    std::vector<std::int32_t> generated{result.tokens[0]};
    for (int i = 0; i < 9; ++i) {
      batch.clear();
      batch.addDecode(7, 40 + i);
      generated.push_back(executor.execute(batch).tokens[0]);
    }
    QCOMPARE(generated, greedyContinuation(weights, text, 10));
    QCOMPARE(executor.knownTokens(7).size(), std::size_t{49});
    executor.release(7);
    QVERIFY(executor.knownTokens(7).empty());
  }

  void syntheticPromptsAreDeterministicWhateverTheChunking() {
    const auto weights = sharedLlamaWeights(tinySpec());
    CpuExecutor whole(weights, makeTimeModel(tinySpec()));
    CpuExecutor chunked(weights, makeTimeModel(tinySpec()));
    Batch batch;
    batch.addPrefill(3, 30, 0);
    const auto first = whole.execute(batch).tokens;
    batch.clear();
    batch.addPrefill(3, 12, 0);
    chunked.execute(batch);
    batch.clear();
    batch.addPrefill(3, 18, 12);
    QCOMPARE(chunked.execute(batch).tokens, first);
    std::vector<std::int32_t> synthetic;
    for (int p = 0; p < 30; ++p) synthetic.push_back(CpuExecutor::syntheticToken(3, p, 272));
    QCOMPARE(whole.knownTokens(3), synthetic);
    QCOMPARE(first[0], greedyContinuation(weights, synthetic, 1)[0]);
    // Another id gets another prompt.
    QVERIFY(CpuExecutor::syntheticToken(4, 0, 272) != CpuExecutor::syntheticToken(3, 0, 272) ||
            CpuExecutor::syntheticToken(4, 1, 272) != CpuExecutor::syntheticToken(3, 1, 272));
  }

  void rejectsTokensOutsideTheVocabulary() {
    CpuExecutor executor(sharedLlamaWeights(tinySpec()), makeTimeModel(tinySpec()));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, executor.admit(1, {5, 272}, SamplingParams{}));
  }

  // Through an Instance: the executor hears arrival, completion and preemption, and a request that is
  // preempted and recomputed still produces exactly the greedy text.
  void instanceKeepsTextThroughPreemption() {
    const auto weights = sharedLlamaWeights(tinySpec());
    SchedulerConfig config;
    config.chunking = {ChunkingMode::Fixed, 24};
    config.relegation = Relegation::Off;
    CountingObserver observer;
    // Six 16-token blocks hold one request of 30 + 30 tokens but not two.
    Instance instance(0, {QosClass{"q", 0, Importance::Normal, {}}}, config,
                      std::make_unique<CpuExecutor>(weights, makeTimeModel(tinySpec())), 6, observer);
    std::map<RequestId, std::vector<std::int32_t>> texts;
    instance.setTextSink([&](RequestId id, const std::vector<std::int32_t>& generated) { texts[id] = generated; });
    for (RequestId id : {1, 2}) {
      Request request{id, 0, TimePoint{}, 30, 30};
      instance.enqueue(request, TimePoint{}, prompt(30, static_cast<int>(id)), SamplingParams{});
    }
    runToCompletion(instance);
    QCOMPARE(observer.finished, 2);
    QVERIFY2(observer.preemptions > 0, "the KV cache was meant to run out");
    for (RequestId id : {1, 2}) {
      QCOMPARE(texts[id], greedyContinuation(weights, prompt(30, static_cast<int>(id)), 30));
    }
  }

  void instanceRejectsAMismatchedPrompt() {
    CountingObserver observer;
    Instance instance(0, {QosClass{"q", 0, Importance::Normal, {}}}, SchedulerConfig{},
                      makeExecutor(tinySpec()), 100, observer);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             instance.enqueue(Request{1, 0, TimePoint{}, 5, 2}, TimePoint{}, prompt(4, 0), {}));
  }
};

QTEST_GUILESS_MAIN(TestCpuExecutor)
#include "tst_cpu_executor.moc"
