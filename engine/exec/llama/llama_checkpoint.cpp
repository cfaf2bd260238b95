#include "engine/exec/llama/llama_checkpoint.h"

#include <string>
#include <vector>

#include "engine/exec/llama/safetensors.h"

namespace headroom::engine {

LlamaWeights loadLlamaCheckpoint(const std::filesystem::path& path, const ModelShape& shape) {
  const SafetensorsReader reader(path);
  const std::int64_t hidden = shape.hiddenSize;
  const std::int64_t qWidth = shape.attentionWidth();
  const std::int64_t kvWidth = static_cast<std::int64_t>(shape.kvHeads) * shape.headDim;
  const std::int64_t inter = shape.intermediateSize;
  const std::int64_t vocab = shape.vocabSize;
  const auto matrix = [&](const std::string& name, std::int64_t rows, std::int64_t cols) {
    const std::vector<std::int64_t> expected{rows, cols};
    return reader.readFloat32(name, expected);
  };
  const auto vector = [&](const std::string& name, std::int64_t size) {
    const std::vector<std::int64_t> expected{size};
    return reader.readFloat32(name, expected);
  };

  LlamaWeights weights;
  weights.shape = shape;
  weights.ropeTheta = shape.ropeTheta;
  weights.rmsNormEps = shape.rmsNormEps;
  weights.embedding = matrix("model.embed_tokens.weight", vocab, hidden);
  weights.layers.resize(static_cast<std::size_t>(shape.layers));
  for (std::int32_t i = 0; i < shape.layers; ++i) {
    const std::string prefix = "model.layers." + std::to_string(i) + ".";
    LlamaLayerWeights& layer = weights.layers[static_cast<std::size_t>(i)];
    layer.attnNorm = vector(prefix + "input_layernorm.weight", hidden);
    layer.wq = matrix(prefix + "self_attn.q_proj.weight", qWidth, hidden);
    layer.wk = matrix(prefix + "self_attn.k_proj.weight", kvWidth, hidden);
    layer.wv = matrix(prefix + "self_attn.v_proj.weight", kvWidth, hidden);
    layer.wo = matrix(prefix + "self_attn.o_proj.weight", hidden, qWidth);
    layer.mlpNorm = vector(prefix + "post_attention_layernorm.weight", hidden);
    layer.wGate = matrix(prefix + "mlp.gate_proj.weight", inter, hidden);
    layer.wUp = matrix(prefix + "mlp.up_proj.weight", inter, hidden);
    layer.wDown = matrix(prefix + "mlp.down_proj.weight", hidden, inter);
  }
  weights.finalNorm = vector("model.norm.weight", hidden);
  if (!shape.tiedEmbeddings || reader.contains("lm_head.weight")) {
    weights.lmHead = matrix("lm_head.weight", vocab, hidden);
  }
  return weights;
}

}  // namespace headroom::engine
