#pragma once

#include <filesystem>

#include "engine/exec/llama/llama_weights.h"
#include "engine/exec/modeled/model_shape.h"

namespace headroom::engine {

// Loads a Hugging Face Llama checkpoint in safetensors (one file, a sharded index, or a folder with
// either) into fp32 LlamaWeights of `shape`. Tensor names follow transformers' LlamaForCausalLM:
// model.embed_tokens.weight, model.layers.N.{input_layernorm, self_attn.{q,k,v,o}_proj,
// post_attention_layernorm, mlp.{gate,up,down}_proj}.weight, model.norm.weight and lm_head.weight
// (optional when the shape ties it to the embedding). A missing tensor, a wrong shape, an unsupported
// dtype or a truncated file throws std::runtime_error naming the file and the tensor.
LlamaWeights loadLlamaCheckpoint(const std::filesystem::path& path, const ModelShape& shape);

}  // namespace headroom::engine
