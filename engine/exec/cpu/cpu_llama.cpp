#include "engine/exec/cpu/cpu_llama.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <unordered_set>
#include <utility>

namespace headroom::engine {

namespace {

// Dot product with eight partial sums, so the compiler can keep it in vector registers without
// reassociating floating point on its own.
float dot(const float* a, const float* b, std::int64_t n) {
  float partial[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  std::int64_t i = 0;
  for (; i + 8 <= n; i += 8) {
    for (int k = 0; k < 8; ++k) partial[k] += a[i + k] * b[i + k];
  }
  float sum = 0.0f;
  for (; i < n; ++i) sum += a[i] * b[i];
  for (int k = 0; k < 8; ++k) sum += partial[k];
  return sum;
}

// y[t][o] = x[t] . w[o] for t < rows: x [rows][in], w [out][in] (Hugging Face layout), y [rows][out].
// The weight row is the outer loop so it is read once per call, whatever the number of rows.
void matmulTransposed(const float* x, std::int64_t rows, std::int64_t in, const std::vector<float>& w,
                      std::int64_t out, float* y) {
  for (std::int64_t o = 0; o < out; ++o) {
    const float* row = w.data() + o * in;
    for (std::int64_t t = 0; t < rows; ++t) y[t * out + o] = dot(x + t * in, row, in);
  }
}

void rmsNorm(const float* x, const std::vector<float>& weight, double eps, std::int64_t n, float* y) {
  double squares = 0.0;
  for (std::int64_t i = 0; i < n; ++i) squares += static_cast<double>(x[i]) * x[i];
  const float scale = static_cast<float>(1.0 / std::sqrt(squares / static_cast<double>(n) + eps));
  for (std::int64_t i = 0; i < n; ++i) y[i] = weight[static_cast<std::size_t>(i)] * (x[i] * scale);
}

}  // namespace

CpuLlama::CpuLlama(std::shared_ptr<const LlamaWeights> weights) : weights_(std::move(weights)) {
  if (!weights_) throw std::invalid_argument("CpuLlama needs weights");
  checkLlamaWeights(*weights_);
  const std::int32_t half = weights_->shape.headDim / 2;
  ropeInverseFrequencies_.resize(static_cast<std::size_t>(half));
  for (std::int32_t i = 0; i < half; ++i) {
    ropeInverseFrequencies_[static_cast<std::size_t>(i)] =
        1.0 / std::pow(weights_->ropeTheta, 2.0 * i / static_cast<double>(weights_->shape.headDim));
  }
}

std::int32_t CpuLlama::allocateBlock() {
  if (!freeBlocks_.empty()) {
    const std::int32_t index = freeBlocks_.back();
    freeBlocks_.pop_back();
    return index;
  }
  const ModelShape& shape = weights_->shape;
  const std::size_t floats = static_cast<std::size_t>(shape.layers) * kKvBlockTokens * shape.kvHeads * shape.headDim;
  blocks_.push_back({std::vector<float>(floats), std::vector<float>(floats)});
  return static_cast<std::int32_t>(blocks_.size() - 1);
}

float* CpuLlama::keyAt(const Sequence& sequence, std::int32_t layer, std::int64_t position) {
  const ModelShape& shape = weights_->shape;
  const std::int64_t kvWidth = static_cast<std::int64_t>(shape.kvHeads) * shape.headDim;
  KvBlock& block = blocks_[static_cast<std::size_t>(sequence.blocks[static_cast<std::size_t>(position / kKvBlockTokens)])];
  return block.keys.data() + (static_cast<std::int64_t>(layer) * kKvBlockTokens + position % kKvBlockTokens) * kvWidth;
}

float* CpuLlama::valueAt(const Sequence& sequence, std::int32_t layer, std::int64_t position) {
  const ModelShape& shape = weights_->shape;
  const std::int64_t kvWidth = static_cast<std::int64_t>(shape.kvHeads) * shape.headDim;
  KvBlock& block = blocks_[static_cast<std::size_t>(sequence.blocks[static_cast<std::size_t>(position / kKvBlockTokens)])];
  return block.values.data() + (static_cast<std::int64_t>(layer) * kKvBlockTokens + position % kKvBlockTokens) * kvWidth;
}

std::vector<float> CpuLlama::forward(std::span<const SequenceChunk> chunks) {
  const LlamaWeights& w = *weights_;
  const ModelShape& shape = w.shape;
  std::unordered_set<RequestId> seen;
  std::int64_t totalTokens = 0;
  for (const SequenceChunk& chunk : chunks) {
    if (chunk.tokens.empty()) {
      throw std::invalid_argument("CpuLlama: the chunk of sequence " + std::to_string(chunk.id) + " has no tokens");
    }
    if (!seen.insert(chunk.id).second) {
      throw std::invalid_argument("CpuLlama: sequence " + std::to_string(chunk.id) + " appears twice in one batch");
    }
    for (const std::int32_t token : chunk.tokens) {
      if (token < 0 || token >= shape.vocabSize) {
        throw std::invalid_argument("CpuLlama: token " + std::to_string(token) + " of sequence " +
                                    std::to_string(chunk.id) + " is outside the vocabulary [0, " +
                                    std::to_string(shape.vocabSize) + ")");
      }
    }
    totalTokens += static_cast<std::int64_t>(chunk.tokens.size());
  }

  // Every token of the batch in one matrix, with its sequence and position.
  const std::int64_t hidden = shape.hiddenSize;
  const std::int64_t headDim = shape.headDim;
  const std::int64_t qWidth = shape.attentionWidth();
  const std::int64_t kvWidth = static_cast<std::int64_t>(shape.kvHeads) * headDim;
  const std::int64_t inter = shape.intermediateSize;
  const std::int64_t groupSize = shape.attentionHeads / shape.kvHeads;
  std::vector<Sequence*> tokenSequence(static_cast<std::size_t>(totalTokens));
  std::vector<std::int64_t> tokenPosition(static_cast<std::size_t>(totalTokens));
  std::vector<std::int64_t> lastRow(chunks.size());
  std::vector<float> residual(static_cast<std::size_t>(totalTokens * hidden));
  std::int64_t row = 0;
  for (std::size_t c = 0; c < chunks.size(); ++c) {
    Sequence& sequence = sequences_[chunks[c].id];
    const std::int64_t end = sequence.tokens + static_cast<std::int64_t>(chunks[c].tokens.size());
    while (static_cast<std::int64_t>(sequence.blocks.size()) * kKvBlockTokens < end) {
      sequence.blocks.push_back(allocateBlock());
    }
    for (std::size_t i = 0; i < chunks[c].tokens.size(); ++i, ++row) {
      tokenSequence[static_cast<std::size_t>(row)] = &sequence;
      tokenPosition[static_cast<std::size_t>(row)] = sequence.tokens + static_cast<std::int64_t>(i);
      const float* embedding = w.embedding.data() + static_cast<std::int64_t>(chunks[c].tokens[i]) * hidden;
      std::copy(embedding, embedding + hidden, residual.begin() + row * hidden);
    }
    lastRow[c] = row - 1;
  }

  std::vector<float> normed(residual.size());
  std::vector<float> q(static_cast<std::size_t>(totalTokens * qWidth));
  std::vector<float> k(static_cast<std::size_t>(totalTokens * kvWidth));
  std::vector<float> v(static_cast<std::size_t>(totalTokens * kvWidth));
  std::vector<float> attention(q.size());
  std::vector<float> projected(residual.size());
  std::vector<float> gate(static_cast<std::size_t>(totalTokens * inter));
  std::vector<float> up(gate.size());
  std::vector<float> scores;
  const float scoreScale = static_cast<float>(1.0 / std::sqrt(static_cast<double>(headDim)));
  const std::int64_t half = headDim / 2;

  const auto rope = [&](float* head, std::int64_t position) {
    for (std::int64_t i = 0; i < half; ++i) {
      const double angle = static_cast<double>(position) * ropeInverseFrequencies_[static_cast<std::size_t>(i)];
      const float cosine = static_cast<float>(std::cos(angle));
      const float sine = static_cast<float>(std::sin(angle));
      const float x1 = head[i];
      const float x2 = head[i + half];
      head[i] = x1 * cosine - x2 * sine;
      head[i + half] = x2 * cosine + x1 * sine;
    }
  };

  for (std::int32_t l = 0; l < shape.layers; ++l) {
    const LlamaLayerWeights& layer = w.layers[static_cast<std::size_t>(l)];
    for (std::int64_t t = 0; t < totalTokens; ++t) {
      rmsNorm(residual.data() + t * hidden, layer.attnNorm, w.rmsNormEps, hidden, normed.data() + t * hidden);
    }
    matmulTransposed(normed.data(), totalTokens, hidden, layer.wq, qWidth, q.data());
    matmulTransposed(normed.data(), totalTokens, hidden, layer.wk, kvWidth, k.data());
    matmulTransposed(normed.data(), totalTokens, hidden, layer.wv, kvWidth, v.data());
    for (std::int64_t t = 0; t < totalTokens; ++t) {
      const std::int64_t position = tokenPosition[static_cast<std::size_t>(t)];
      for (std::int64_t h = 0; h < shape.attentionHeads; ++h) rope(q.data() + t * qWidth + h * headDim, position);
      for (std::int64_t h = 0; h < shape.kvHeads; ++h) rope(k.data() + t * kvWidth + h * headDim, position);
      const Sequence& sequence = *tokenSequence[static_cast<std::size_t>(t)];
      std::copy_n(k.data() + t * kvWidth, kvWidth, keyAt(sequence, l, position));
      std::copy_n(v.data() + t * kvWidth, kvWidth, valueAt(sequence, l, position));
    }
    // Causal attention: each token sees its sequence's positions up to its own (the KV now holds them).
    // Each cached K and V row is looked up once per token and used by every head of its group.
    const std::int64_t heads = shape.attentionHeads;
    for (std::int64_t t = 0; t < totalTokens; ++t) {
      const Sequence& sequence = *tokenSequence[static_cast<std::size_t>(t)];
      const std::int64_t keys = tokenPosition[static_cast<std::size_t>(t)] + 1;
      scores.resize(static_cast<std::size_t>(heads * keys));
      const float* query = q.data() + t * qWidth;
      for (std::int64_t p = 0; p < keys; ++p) {
        const float* key = keyAt(sequence, l, p);
        for (std::int64_t h = 0; h < heads; ++h) {
          scores[static_cast<std::size_t>(h * keys + p)] =
              dot(query + h * headDim, key + (h / groupSize) * headDim, headDim) * scoreScale;
        }
      }
      float* out = attention.data() + t * qWidth;
      std::fill_n(out, qWidth, 0.0f);
      for (std::int64_t h = 0; h < heads; ++h) {
        float* row = scores.data() + h * keys;
        const float maxScore = *std::max_element(row, row + keys);
        double total = 0.0;
        for (std::int64_t p = 0; p < keys; ++p) {
          row[p] = std::exp(row[p] - maxScore);
          total += row[p];
        }
        const float norm = static_cast<float>(1.0 / total);
        for (std::int64_t p = 0; p < keys; ++p) row[p] *= norm;
      }
      for (std::int64_t p = 0; p < keys; ++p) {
        const float* value = valueAt(sequence, l, p);
        for (std::int64_t h = 0; h < heads; ++h) {
          const float weight = scores[static_cast<std::size_t>(h * keys + p)];
          const float* v = value + (h / groupSize) * headDim;
          float* o = out + h * headDim;
          for (std::int64_t d = 0; d < headDim; ++d) o[d] += weight * v[d];
        }
      }
    }
    matmulTransposed(attention.data(), totalTokens, qWidth, layer.wo, hidden, projected.data());
    for (std::size_t i = 0; i < residual.size(); ++i) residual[i] += projected[i];

    for (std::int64_t t = 0; t < totalTokens; ++t) {
      rmsNorm(residual.data() + t * hidden, layer.mlpNorm, w.rmsNormEps, hidden, normed.data() + t * hidden);
    }
    matmulTransposed(normed.data(), totalTokens, hidden, layer.wGate, inter, gate.data());
    matmulTransposed(normed.data(), totalTokens, hidden, layer.wUp, inter, up.data());
    for (std::size_t i = 0; i < gate.size(); ++i) {
      const float g = gate[i];
      gate[i] = g / (1.0f + std::exp(-g)) * up[i];
    }
    matmulTransposed(gate.data(), totalTokens, inter, layer.wDown, hidden, projected.data());
    for (std::size_t i = 0; i < residual.size(); ++i) residual[i] += projected[i];
  }

  // Logits only for each chunk's last token.
  const std::int64_t vocab = shape.vocabSize;
  std::vector<float> last(chunks.size() * static_cast<std::size_t>(hidden));
  for (std::size_t c = 0; c < chunks.size(); ++c) {
    rmsNorm(residual.data() + lastRow[c] * hidden, w.finalNorm, w.rmsNormEps, hidden,
            last.data() + static_cast<std::int64_t>(c) * hidden);
  }
  std::vector<float> logits(chunks.size() * static_cast<std::size_t>(vocab));
  matmulTransposed(last.data(), static_cast<std::int64_t>(chunks.size()), hidden, w.outputWeights(), vocab,
                   logits.data());

  for (const SequenceChunk& chunk : chunks) {
    sequences_[chunk.id].tokens += static_cast<std::int64_t>(chunk.tokens.size());
  }
  return logits;
}

void CpuLlama::release(RequestId id) {
  const auto it = sequences_.find(id);
  if (it == sequences_.end()) return;
  freeBlocks_.insert(freeBlocks_.end(), it->second.blocks.begin(), it->second.blocks.end());
  sequences_.erase(it);
}

std::int64_t CpuLlama::cachedTokens(RequestId id) const {
  const auto it = sequences_.find(id);
  return it == sequences_.end() ? 0 : it->second.tokens;
}

std::int64_t CpuLlama::kvBlocksInUse() const {
  return static_cast<std::int64_t>(blocks_.size() - freeBlocks_.size());
}

}  // namespace headroom::engine
