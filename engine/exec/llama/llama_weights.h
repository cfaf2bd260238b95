#pragma once

#include <cstdint>
#include <vector>

#include "engine/exec/modeled/model_shape.h"

namespace headroom::engine {

// One decoder layer's weights as host fp32 tensors in Hugging Face layout: every projection is
// row-major [out][in], so output row r is the dot product of row r with the input.
struct LlamaLayerWeights {
  std::vector<float> attnNorm;  // [hidden]
  std::vector<float> wq;        // [heads * headDim][hidden]
  std::vector<float> wk;        // [kvHeads * headDim][hidden]
  std::vector<float> wv;        // [kvHeads * headDim][hidden]
  std::vector<float> wo;        // [hidden][heads * headDim]
  std::vector<float> mlpNorm;   // [hidden]
  std::vector<float> wGate;     // [inter][hidden]
  std::vector<float> wUp;       // [inter][hidden]
  std::vector<float> wDown;     // [hidden][inter]
};

// A whole Llama-architecture decoder (RMSNorm, RoPE in the Hugging Face rotate-half convention,
// grouped-query attention, SwiGLU MLP) as host fp32 tensors. `lmHead` is empty when the model ties it
// to the embedding (shape.tiedEmbeddings). ropeTheta and rmsNormEps come from the shape file (or the
// checkpoint). A plain value; share it read-only (e.g. as std::shared_ptr<const LlamaWeights>).
struct LlamaWeights {
  ModelShape shape;
  double ropeTheta = 500000.0;
  double rmsNormEps = 1e-5;
  std::vector<float> embedding;  // [vocab][hidden]
  std::vector<LlamaLayerWeights> layers;
  std::vector<float> finalNorm;  // [hidden]
  std::vector<float> lmHead;     // [vocab][hidden]; empty when tied

  // The matrix that turns the final hidden state into logits: lmHead, or the embedding when tied.
  const std::vector<float>& outputWeights() const { return lmHead.empty() ? embedding : lmHead; }
};

// Seeded random weights for `shape` (xoshiro256**, identical on every machine): projections uniform in
// +-sqrt(3 / fan_in) (unit variance out for unit variance in), embeddings unit variance, norms 1 plus a
// little noise; so activations and logits stay of order one at any depth. An untied shape gets its own
// LM head.
LlamaWeights randomLlamaWeights(const ModelShape& shape, std::uint64_t seed);

// Throws std::invalid_argument naming the first tensor whose size does not match weights.shape.
void checkLlamaWeights(const LlamaWeights& weights);

}  // namespace headroom::engine
