#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace headroom::engine {

// Bytes per cached K or V value (bf16).
inline constexpr std::int64_t kKvBytesPerValue = 2;

// The architecture of a dense decoder-only transformer (Llama family: grouped-query attention, gated
// MLP), as loaded from resources/models/<name>.json. Sizes are counts of elements; byte figures use
// bytesPerParameter. A plain value; safe to share read-only.
struct ModelShape {
  std::string name;    // file stem, e.g. "llama-3.1-8b"
  std::string source;  // where the numbers come from
  std::int32_t layers = 0;
  std::int32_t hiddenSize = 0;
  std::int32_t attentionHeads = 0;
  std::int32_t kvHeads = 0;
  std::int32_t headDim = 0;
  std::int32_t intermediateSize = 0;  // MLP width (gate and up projections each)
  std::int32_t vocabSize = 0;
  bool tiedEmbeddings = false;  // LM head shares the embedding matrix
  std::int32_t bytesPerParameter = 2;
  std::int32_t defaultTensorParallel = 1;
  double ropeTheta = 500000.0;  // RoPE base ("rope_theta", optional)
  double rmsNormEps = 1e-5;     // RMSNorm epsilon ("rms_norm_eps", optional)

  std::int64_t qkvWidth() const { return static_cast<std::int64_t>(attentionHeads + 2 * kvHeads) * headDim; }
  std::int64_t attentionWidth() const { return static_cast<std::int64_t>(attentionHeads) * headDim; }
  // Weights of one decoder layer's four projections (QKV, output, gate+up, down).
  std::int64_t linearParametersPerLayer() const;
  // Embedding, LM head (unless tied), all layers' projections and norms, final norm.
  std::int64_t parameterCount() const;
  std::int64_t weightBytes() const { return parameterCount() * bytesPerParameter; }
  // K and V of every layer for one token, whole model (not split by tensor parallelism).
  std::int64_t kvBytesPerToken() const {
    return 2 * static_cast<std::int64_t>(layers) * kvHeads * headDim * kKvBytesPerValue;
  }
  // Multiply-add FLOPs of the decoder layers' projections for one token (2 per weight); excludes
  // attention scores and the LM head.
  double linearFlopsPerToken() const {
    return 2.0 * static_cast<double>(linearParametersPerLayer()) * layers;
  }
  double lmHeadFlopsPerToken() const { return 2.0 * static_cast<double>(hiddenSize) * vocabSize; }
};

// Reads resources/models/<name>.json. Throws std::runtime_error naming the file, the field and the
// allowed values; an unknown name lists the available models.
ModelShape loadModelShape(std::string_view name);

// Throws std::invalid_argument unless `tensorParallel` >= 1 splits the attention heads, the KV heads
// (or replicates them when fewer than the degree) and the MLP evenly.
void checkTensorParallel(const ModelShape& shape, int tensorParallel);

}  // namespace headroom::engine
