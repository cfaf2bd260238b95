#include "engine/exec/llama/llama_weights.h"

#include <cmath>
#include <stdexcept>
#include <string>

#include "engine/workload/random.h"

namespace headroom::engine {

namespace {

std::vector<float> uniformTensor(Rng& rng, std::int64_t count, double bound) {
  std::vector<float> tensor(static_cast<std::size_t>(count));
  for (float& value : tensor) value = static_cast<float>((2.0 * rng.uniform() - 1.0) * bound);
  return tensor;
}

std::vector<float> projection(Rng& rng, std::int64_t out, std::int64_t in) {
  return uniformTensor(rng, out * in, std::sqrt(3.0 / static_cast<double>(in)));
}

std::vector<float> normWeights(Rng& rng, std::int64_t count) {
  std::vector<float> tensor(static_cast<std::size_t>(count));
  for (float& value : tensor) value = static_cast<float>(1.0 + 0.1 * (2.0 * rng.uniform() - 1.0));
  return tensor;
}

void expectSize(const std::vector<float>& tensor, std::int64_t expected, const std::string& name) {
  if (static_cast<std::int64_t>(tensor.size()) != expected) {
    throw std::invalid_argument("Llama weights: tensor " + name + " has " + std::to_string(tensor.size()) +
                                " values, the shape needs " + std::to_string(expected));
  }
}

}  // namespace

LlamaWeights randomLlamaWeights(const ModelShape& shape, std::uint64_t seed) {
  LlamaWeights weights;
  weights.shape = shape;
  weights.ropeTheta = shape.ropeTheta;
  weights.rmsNormEps = shape.rmsNormEps;
  const std::int64_t hidden = shape.hiddenSize;
  const std::int64_t qWidth = shape.attentionWidth();
  const std::int64_t kvWidth = static_cast<std::int64_t>(shape.kvHeads) * shape.headDim;
  const std::int64_t inter = shape.intermediateSize;
  const std::int64_t vocab = shape.vocabSize;

  // Each tensor draws from its own stream, so adding a layer never changes the others.
  std::uint64_t stream = 0;
  Rng embeddingRng(seed, stream++);
  weights.embedding = uniformTensor(embeddingRng, vocab * hidden, std::sqrt(3.0));
  weights.layers.resize(static_cast<std::size_t>(shape.layers));
  for (LlamaLayerWeights& layer : weights.layers) {
    Rng rng(seed, stream++);
    layer.attnNorm = normWeights(rng, hidden);
    layer.wq = projection(rng, qWidth, hidden);
    layer.wk = projection(rng, kvWidth, hidden);
    layer.wv = projection(rng, kvWidth, hidden);
    // Residual branches are scaled down by the depth so the residual stream does not grow with it.
    const double residualScale = 1.0 / std::sqrt(2.0 * static_cast<double>(shape.layers));
    layer.wo = uniformTensor(rng, hidden * qWidth, residualScale * std::sqrt(3.0 / static_cast<double>(qWidth)));
    layer.mlpNorm = normWeights(rng, hidden);
    layer.wGate = projection(rng, inter, hidden);
    layer.wUp = projection(rng, inter, hidden);
    layer.wDown = uniformTensor(rng, hidden * inter, residualScale * std::sqrt(3.0 / static_cast<double>(inter)));
  }
  Rng headRng(seed, stream++);
  weights.finalNorm = normWeights(headRng, hidden);
  if (!shape.tiedEmbeddings) weights.lmHead = projection(headRng, vocab, hidden);
  return weights;
}

void checkLlamaWeights(const LlamaWeights& weights) {
  const ModelShape& shape = weights.shape;
  if (shape.layers <= 0 || shape.hiddenSize <= 0 || shape.attentionHeads <= 0 || shape.kvHeads <= 0 ||
      shape.headDim <= 0 || shape.intermediateSize <= 0 || shape.vocabSize <= 0) {
    throw std::invalid_argument("Llama weights: the shape of '" + shape.name + "' has a size <= 0");
  }
  if (shape.attentionHeads % shape.kvHeads != 0) {
    throw std::invalid_argument("Llama weights: kv heads must divide attention heads");
  }
  if (shape.headDim % 2 != 0) throw std::invalid_argument("Llama weights: RoPE needs an even head_dim");
  const std::int64_t hidden = shape.hiddenSize;
  const std::int64_t qWidth = shape.attentionWidth();
  const std::int64_t kvWidth = static_cast<std::int64_t>(shape.kvHeads) * shape.headDim;
  const std::int64_t inter = shape.intermediateSize;
  expectSize(weights.embedding, static_cast<std::int64_t>(shape.vocabSize) * hidden, "embedding");
  if (static_cast<std::int64_t>(weights.layers.size()) != shape.layers) {
    throw std::invalid_argument("Llama weights: " + std::to_string(weights.layers.size()) + " layers, the shape has " +
                                std::to_string(shape.layers));
  }
  for (std::size_t i = 0; i < weights.layers.size(); ++i) {
    const LlamaLayerWeights& layer = weights.layers[i];
    const std::string prefix = "layers." + std::to_string(i) + ".";
    expectSize(layer.attnNorm, hidden, prefix + "attnNorm");
    expectSize(layer.wq, qWidth * hidden, prefix + "wq");
    expectSize(layer.wk, kvWidth * hidden, prefix + "wk");
    expectSize(layer.wv, kvWidth * hidden, prefix + "wv");
    expectSize(layer.wo, hidden * qWidth, prefix + "wo");
    expectSize(layer.mlpNorm, hidden, prefix + "mlpNorm");
    expectSize(layer.wGate, inter * hidden, prefix + "wGate");
    expectSize(layer.wUp, inter * hidden, prefix + "wUp");
    expectSize(layer.wDown, hidden * inter, prefix + "wDown");
  }
  expectSize(weights.finalNorm, hidden, "finalNorm");
  if (!weights.lmHead.empty()) {
    expectSize(weights.lmHead, static_cast<std::int64_t>(shape.vocabSize) * hidden, "lmHead");
  }
  if (!(weights.rmsNormEps > 0.0) || !(weights.ropeTheta > 0.0)) {
    throw std::invalid_argument("Llama weights: rmsNormEps and ropeTheta must be > 0");
  }
}

}  // namespace headroom::engine
