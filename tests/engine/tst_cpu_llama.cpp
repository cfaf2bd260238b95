#include <QtTest>
#include <cmath>
#include <memory>
#include <vector>

#include "engine/exec/cpu/cpu_llama.h"
#include "engine/exec/llama/llama_weights.h"
#include "engine/exec/modeled/model_shape.h"

using namespace headroom::engine;

namespace {

ModelShape shapeOf(int layers, int hidden, int heads, int kvHeads, int headDim, int inter, int vocab) {
  ModelShape shape;
  shape.name = "test";
  shape.layers = layers;
  shape.hiddenSize = hidden;
  shape.attentionHeads = heads;
  shape.kvHeads = kvHeads;
  shape.headDim = headDim;
  shape.intermediateSize = inter;
  shape.vocabSize = vocab;
  shape.ropeTheta = 10000.0;
  return shape;
}

ModelShape tinyShape() { return shapeOf(2, 64, 4, 2, 16, 128, 272); }

// An independent textbook forward pass in double over a whole sequence (no cache, no paging):
// returns the logits of every position, [tokens][vocab].
std::vector<std::vector<double>> referenceLogits(const LlamaWeights& w, const std::vector<std::int32_t>& tokens) {
  const ModelShape& s = w.shape;
  const int n = static_cast<int>(tokens.size());
  const int hidden = s.hiddenSize;
  const int headDim = s.headDim;
  const auto norm = [&](const std::vector<double>& x, const std::vector<float>& g) {
    double ms = 0;
    for (double value : x) ms += value * value;
    ms /= static_cast<double>(x.size());
    std::vector<double> y(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = g[i] * x[i] / std::sqrt(ms + w.rmsNormEps);
    return y;
  };
  const auto linear = [](const std::vector<float>& m, const std::vector<double>& x, int out) {
    const int in = static_cast<int>(x.size());
    std::vector<double> y(static_cast<std::size_t>(out), 0.0);
    for (int o = 0; o < out; ++o) {
      for (int i = 0; i < in; ++i) y[static_cast<std::size_t>(o)] += m[static_cast<std::size_t>(o * in + i)] * x[static_cast<std::size_t>(i)];
    }
    return y;
  };
  const auto rotate = [&](std::vector<double>& v, int heads, int position) {
    for (int h = 0; h < heads; ++h) {
      for (int i = 0; i < headDim / 2; ++i) {
        const double frequency = std::pow(w.ropeTheta, -2.0 * i / headDim);
        const double a = position * frequency;
        double& x1 = v[static_cast<std::size_t>(h * headDim + i)];
        double& x2 = v[static_cast<std::size_t>(h * headDim + i + headDim / 2)];
        const double r1 = x1 * std::cos(a) - x2 * std::sin(a);
        const double r2 = x2 * std::cos(a) + x1 * std::sin(a);
        x1 = r1;
        x2 = r2;
      }
    }
  };
  std::vector<std::vector<double>> x(static_cast<std::size_t>(n));
  for (int t = 0; t < n; ++t) {
    for (int i = 0; i < hidden; ++i) x[static_cast<std::size_t>(t)].push_back(w.embedding[static_cast<std::size_t>(tokens[static_cast<std::size_t>(t)] * hidden + i)]);
  }
  const int qWidth = s.attentionHeads * headDim;
  const int kvWidth = s.kvHeads * headDim;
  for (const LlamaLayerWeights& layer : w.layers) {
    std::vector<std::vector<double>> q(static_cast<std::size_t>(n)), k(static_cast<std::size_t>(n)), v(static_cast<std::size_t>(n));
    for (int t = 0; t < n; ++t) {
      const auto h = norm(x[static_cast<std::size_t>(t)], layer.attnNorm);
      q[static_cast<std::size_t>(t)] = linear(layer.wq, h, qWidth);
      k[static_cast<std::size_t>(t)] = linear(layer.wk, h, kvWidth);
      v[static_cast<std::size_t>(t)] = linear(layer.wv, h, kvWidth);
      rotate(q[static_cast<std::size_t>(t)], s.attentionHeads, t);
      rotate(k[static_cast<std::size_t>(t)], s.kvHeads, t);
    }
    for (int t = 0; t < n; ++t) {
      std::vector<double> attended(static_cast<std::size_t>(qWidth), 0.0);
      for (int h = 0; h < s.attentionHeads; ++h) {
        const int g = h / (s.attentionHeads / s.kvHeads);
        std::vector<double> p(static_cast<std::size_t>(t + 1));
        double total = 0;
        for (int j = 0; j <= t; ++j) {
          double score = 0;
          for (int d = 0; d < headDim; ++d) score += q[static_cast<std::size_t>(t)][static_cast<std::size_t>(h * headDim + d)] * k[static_cast<std::size_t>(j)][static_cast<std::size_t>(g * headDim + d)];
          p[static_cast<std::size_t>(j)] = std::exp(score / std::sqrt(static_cast<double>(headDim)));
          total += p[static_cast<std::size_t>(j)];
        }
        for (int j = 0; j <= t; ++j) {
          for (int d = 0; d < headDim; ++d) attended[static_cast<std::size_t>(h * headDim + d)] += p[static_cast<std::size_t>(j)] / total * v[static_cast<std::size_t>(j)][static_cast<std::size_t>(g * headDim + d)];
        }
      }
      const auto o = linear(layer.wo, attended, hidden);
      for (int i = 0; i < hidden; ++i) x[static_cast<std::size_t>(t)][static_cast<std::size_t>(i)] += o[static_cast<std::size_t>(i)];
      const auto h2 = norm(x[static_cast<std::size_t>(t)], layer.mlpNorm);
      auto gate = linear(layer.wGate, h2, s.intermediateSize);
      const auto up = linear(layer.wUp, h2, s.intermediateSize);
      for (std::size_t i = 0; i < gate.size(); ++i) gate[i] = gate[i] / (1 + std::exp(-gate[i])) * up[i];
      const auto down = linear(layer.wDown, gate, hidden);
      for (int i = 0; i < hidden; ++i) x[static_cast<std::size_t>(t)][static_cast<std::size_t>(i)] += down[static_cast<std::size_t>(i)];
    }
  }
  std::vector<std::vector<double>> logits;
  for (int t = 0; t < n; ++t) logits.push_back(linear(w.outputWeights(), norm(x[static_cast<std::size_t>(t)], w.finalNorm), s.vocabSize));
  return logits;
}

double maxRelativeError(const float* got, const std::vector<double>& want) {
  double scale = 0;
  for (double value : want) scale = std::max(scale, std::abs(value));
  double worst = 0;
  for (std::size_t i = 0; i < want.size(); ++i) worst = std::max(worst, std::abs(got[i] - want[i]) / scale);
  return worst;
}

double maxDifference(const float* a, const float* b, std::size_t n) {
  double worst = 0;
  for (std::size_t i = 0; i < n; ++i) worst = std::max(worst, static_cast<double>(std::abs(a[i] - b[i])));
  return worst;
}

std::vector<std::int32_t> someTokens(int n, int salt) {
  std::vector<std::int32_t> tokens;
  for (int i = 0; i < n; ++i) tokens.push_back((i * 37 + salt * 101 + 11) % 272);
  return tokens;
}

std::shared_ptr<const LlamaWeights> tinyWeights(std::uint64_t seed = 7) {
  return std::make_shared<const LlamaWeights>(randomLlamaWeights(tinyShape(), seed));
}

}  // namespace

class TestCpuLlama : public QObject {
  Q_OBJECT

 private slots:
  // With attention and MLP outputs zeroed, the residual stream is the embedding, so the logits are
  // lmHead . (finalNorm * e / rms(e)): worked out by hand for e = (1, 2, 3, 4)-like rows.
  void handCheckedIdentityLayer() {
    const ModelShape shape = shapeOf(1, 4, 2, 1, 2, 3, 3);
    LlamaWeights w = randomLlamaWeights(shape, 1);
    w.rmsNormEps = 0.0 + 1e-12;
    for (auto& layer : w.layers) {
      std::fill(layer.wo.begin(), layer.wo.end(), 0.0f);
      std::fill(layer.wDown.begin(), layer.wDown.end(), 0.0f);
    }
    w.embedding = {1, 2, 3, 4, /**/ -2, 0, 0, 2, /**/ 0, 0, 0, 5};
    w.finalNorm = {1, 1, 2, 0.5};
    w.lmHead = {1, 0, 0, 0, /**/ 0, 0, 1, 1, /**/ 1, -1, 1, -1};
    CpuLlama model(std::make_shared<const LlamaWeights>(w));
    const std::vector<SequenceChunk> chunks = {{1, {0}}, {2, {1, 2}}};
    const std::vector<float> logits = model.forward(chunks);
    QCOMPARE(logits.size(), std::size_t{6});
    // Token 0: rms(1,2,3,4) = sqrt(7.5); normed = (1,2,6,2)/sqrt(7.5).
    const double r0 = std::sqrt(7.5);
    QVERIFY(std::abs(logits[0] - 1.0 / r0) < 1e-5);
    QVERIFY(std::abs(logits[1] - 8.0 / r0) < 1e-5);
    QVERIFY(std::abs(logits[2] - 3.0 / r0) < 1e-5);
    // Sequence 2's last token is 2: e = (0,0,0,5), rms = 2.5, normed = (0,0,0,1).
    QVERIFY(std::abs(logits[3] - 0.0) < 1e-5);
    QVERIFY(std::abs(logits[4] - 1.0) < 1e-5);
    QVERIFY(std::abs(logits[5] + 1.0) < 1e-5);
  }

  void matchesTextbookForwardPass_data() {
    QTest::addColumn<int>("layers");
    QTest::addColumn<int>("hidden");
    QTest::addColumn<int>("heads");
    QTest::addColumn<int>("kvHeads");
    QTest::addColumn<int>("headDim");
    QTest::addColumn<int>("tokens");
    QTest::newRow("1 layer hidden 4") << 1 << 4 << 2 << 1 << 2 << 5;
    QTest::newRow("tiny") << 2 << 64 << 4 << 2 << 16 << 21;
    QTest::newRow("mha") << 3 << 32 << 4 << 4 << 8 << 18;
  }
  void matchesTextbookForwardPass() {
    QFETCH(int, layers);
    QFETCH(int, hidden);
    QFETCH(int, heads);
    QFETCH(int, kvHeads);
    QFETCH(int, headDim);
    QFETCH(int, tokens);
    const ModelShape shape = shapeOf(layers, hidden, heads, kvHeads, headDim, 2 * hidden, 50);
    const auto weights = std::make_shared<const LlamaWeights>(randomLlamaWeights(shape, 3));
    std::vector<std::int32_t> sequence;
    for (int i = 0; i < tokens; ++i) sequence.push_back((i * 7 + 3) % 50);
    const auto want = referenceLogits(*weights, sequence);
    CpuLlama model(weights);
    const std::vector<float> got = model.forward(std::vector<SequenceChunk>{{9, sequence}});
    const double error = maxRelativeError(got.data(), want.back());
    QVERIFY2(error < 1e-4, qPrintable(QString("relative error %1").arg(error)));
    // Logits vary with the input: a model that ignored its tokens would not pass this.
    CpuLlama other(weights);
    std::vector<std::int32_t> changed = sequence;
    changed.front() = (changed.front() + 1) % 50;
    const std::vector<float> otherLogits = other.forward(std::vector<SequenceChunk>{{9, changed}});
    QVERIFY(maxDifference(got.data(), otherLogits.data(), got.size()) > 1e-3);
  }

  void randomWeightsAreDeterministicAndSane() {
    const LlamaWeights a = randomLlamaWeights(tinyShape(), 5);
    const LlamaWeights b = randomLlamaWeights(tinyShape(), 5);
    const LlamaWeights c = randomLlamaWeights(tinyShape(), 6);
    QVERIFY(a.layers[1].wDown == b.layers[1].wDown);
    QVERIFY(a.layers[1].wDown != c.layers[1].wDown);
    QCOMPARE(a.lmHead.size(), std::size_t{272 * 64});
    CpuLlama model(std::make_shared<const LlamaWeights>(a));
    const std::vector<float> logits = model.forward(std::vector<SequenceChunk>{{1, someTokens(40, 1)}});
    double squares = 0;
    for (float value : logits) {
      QVERIFY(std::isfinite(value));
      squares += static_cast<double>(value) * value;
    }
    const double rms = std::sqrt(squares / static_cast<double>(logits.size()));
    QVERIFY2(rms > 0.1 && rms < 10.0, qPrintable(QString("logit rms %1").arg(rms)));
  }

  void chunkedPrefillEqualsFullPrefill() {
    const auto weights = tinyWeights();
    const std::vector<std::int32_t> prompt = someTokens(45, 2);
    CpuLlama whole(weights);
    const std::vector<float> want = whole.forward(std::vector<SequenceChunk>{{1, prompt}});
    CpuLlama chunked(weights);
    std::vector<float> got;
    for (std::size_t start : {0, 7, 16, 33}) {
      const std::size_t end = start == 33 ? prompt.size() : (start == 0 ? 7 : (start == 7 ? 16 : 33));
      got = chunked.forward(std::vector<SequenceChunk>{{1, {prompt.begin() + static_cast<long>(start), prompt.begin() + static_cast<long>(end)}}});
    }
    QCOMPARE(chunked.cachedTokens(1), 45);
    QVERIFY(maxDifference(got.data(), want.data(), want.size()) < 1e-4);
  }

  void decodeAcrossBlockBoundaries() {
    const auto weights = tinyWeights();
    std::vector<std::int32_t> sequence = someTokens(14, 3);
    CpuLlama model(weights);
    std::vector<float> logits = model.forward(std::vector<SequenceChunk>{{4, sequence}});
    QCOMPARE(model.kvBlocksInUse(), 1);
    for (int step = 0; step < 22; ++step) {
      // Greedy next token, fed back as a decode.
      const auto best = std::max_element(logits.begin(), logits.end()) - logits.begin();
      sequence.push_back(static_cast<std::int32_t>(best));
      logits = model.forward(std::vector<SequenceChunk>{{4, {sequence.back()}}});
      const auto want = referenceLogits(*weights, sequence);
      const double error = maxRelativeError(logits.data(), want.back());
      QVERIFY2(error < 1e-4, qPrintable(QString("step %1 (%2 tokens): error %3").arg(step).arg(sequence.size()).arg(error)));
    }
    QCOMPARE(model.cachedTokens(4), 36);
    QCOMPARE(model.kvBlocksInUse(), 3);
  }

  void mixedBatchEqualsSeparateCalls() {
    const auto weights = tinyWeights();
    CpuLlama batched(weights);
    CpuLlama separate(weights);
    const auto a = someTokens(20, 4);
    const auto b = someTokens(9, 5);
    for (auto* model : {&batched, &separate}) {
      model->forward(std::vector<SequenceChunk>{{10, a}});
      model->forward(std::vector<SequenceChunk>{{11, b}});
    }
    const std::vector<SequenceChunk> mixed = {{10, {5}}, {12, someTokens(30, 6)}, {11, {17}}, {13, {200, 3, 4}}};
    const std::vector<float> together = batched.forward(mixed);
    QCOMPARE(together.size(), std::size_t{4 * 272});
    for (std::size_t i = 0; i < mixed.size(); ++i) {
      const std::vector<float> alone = separate.forward(std::span<const SequenceChunk>(&mixed[i], 1));
      QVERIFY2(maxDifference(together.data() + i * 272, alone.data(), 272) < 1e-4, qPrintable(QString("chunk %1").arg(i)));
    }
  }

  void releaseFreesBlocksAndForgets() {
    const auto weights = tinyWeights();
    CpuLlama model(weights);
    const auto prompt = someTokens(33, 7);
    const std::vector<float> first = model.forward(std::vector<SequenceChunk>{{1, prompt}});
    QCOMPARE(model.kvBlocksInUse(), 3);
    model.forward(std::vector<SequenceChunk>{{2, someTokens(5, 8)}});
    model.release(1);
    QCOMPARE(model.cachedTokens(1), 0);
    QCOMPARE(model.kvBlocksInUse(), 1);
    // Reused blocks hold stale values; a recomputed sequence must not see them.
    const std::vector<float> again = model.forward(std::vector<SequenceChunk>{{1, prompt}});
    QVERIFY(maxDifference(first.data(), again.data(), first.size()) < 1e-6);
    model.release(99);
  }

  void rejectsBadInput() {
    CpuLlama model(tinyWeights());
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, model.forward(std::vector<SequenceChunk>{{1, {272}}}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, model.forward(std::vector<SequenceChunk>{{1, {}}}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, model.forward(std::vector<SequenceChunk>{{1, {2}}, {1, {3}}}));
    QCOMPARE(model.cachedTokens(1), 0);
    LlamaWeights broken = randomLlamaWeights(tinyShape(), 1);
    broken.layers[1].wk.pop_back();
    try {
      CpuLlama bad(std::make_shared<const LlamaWeights>(broken));
      QFAIL("accepted a short tensor");
    } catch (const std::invalid_argument& error) {
      QVERIFY(QString(error.what()).contains("layers.1.wk"));
    }
  }
};

QTEST_GUILESS_MAIN(TestCpuLlama)
#include "tst_cpu_llama.moc"
