#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/exec/llama/llama_weights.h"

namespace headroom::test {

// Writes small safetensors files for tests: tensors are given as fp32 and stored as F32, F16 or BF16
// (rounded to nearest even).
class SafetensorsWriter {
 public:
  void add(const std::string& name, const std::vector<std::int64_t>& shape, const std::vector<float>& values,
           const std::string& dtype = "F32") {
    std::string bytes;
    for (const float value : values) {
      const auto bits = std::bit_cast<std::uint32_t>(value);
      if (dtype == "F32") {
        bytes.append(reinterpret_cast<const char*>(&bits), 4);
      } else {
        const std::uint16_t half = dtype == "BF16" ? toBf16(bits) : toF16(value);
        bytes.append(reinterpret_cast<const char*>(&half), 2);
      }
    }
    header_[name] = {{"dtype", dtype}, {"shape", shape}, {"data_offsets", {data_.size(), data_.size() + bytes.size()}}};
    data_ += bytes;
  }
  // Raw header entry, for malformed files.
  nlohmann::json& header() { return header_; }

  void write(const std::filesystem::path& file, std::size_t dropLastBytes = 0) const {
    const std::string text = header_.dump();
    const std::uint64_t length = text.size();
    std::string all(reinterpret_cast<const char*>(&length), 8);
    all += text;
    all += data_;
    all.resize(all.size() - dropLastBytes);
    std::ofstream(file, std::ios::binary).write(all.data(), static_cast<std::streamsize>(all.size()));
  }

 private:
  static std::uint16_t toBf16(std::uint32_t bits) {
    const std::uint32_t rounding = 0x7FFFu + ((bits >> 16) & 1u);
    return static_cast<std::uint16_t>((bits + rounding) >> 16);
  }
  static std::uint16_t toF16(float value) {
    // Normal range only, enough for test weights: round to nearest.
    const auto bits = std::bit_cast<std::uint32_t>(value);
    const std::uint32_t sign = (bits >> 16) & 0x8000u;
    const int exponent = static_cast<int>((bits >> 23) & 0xFFu) - 127 + 15;
    if ((bits & 0x7FFFFFFFu) == 0 || exponent <= 0) return static_cast<std::uint16_t>(sign);
    const std::uint32_t mantissa = bits & 0x7FFFFFu;
    std::uint32_t half = sign | (static_cast<std::uint32_t>(exponent) << 10) | (mantissa >> 13);
    if ((mantissa >> 12) & 1u) ++half;
    return static_cast<std::uint16_t>(half);
  }

  nlohmann::json header_ = nlohmann::json::object();
  std::string data_;
};

// Adds every tensor of `weights` under its Hugging Face name.
inline void addLlama(SafetensorsWriter& writer, const engine::LlamaWeights& w, const std::string& dtype = "F32") {
  const auto& s = w.shape;
  const std::int64_t hidden = s.hiddenSize;
  const std::int64_t kv = static_cast<std::int64_t>(s.kvHeads) * s.headDim;
  const std::int64_t q = s.attentionWidth();
  writer.add("model.embed_tokens.weight", {s.vocabSize, hidden}, w.embedding, dtype);
  for (std::size_t i = 0; i < w.layers.size(); ++i) {
    const auto& l = w.layers[i];
    const std::string p = "model.layers." + std::to_string(i) + ".";
    writer.add(p + "input_layernorm.weight", {hidden}, l.attnNorm, dtype);
    writer.add(p + "self_attn.q_proj.weight", {q, hidden}, l.wq, dtype);
    writer.add(p + "self_attn.k_proj.weight", {kv, hidden}, l.wk, dtype);
    writer.add(p + "self_attn.v_proj.weight", {kv, hidden}, l.wv, dtype);
    writer.add(p + "self_attn.o_proj.weight", {hidden, q}, l.wo, dtype);
    writer.add(p + "post_attention_layernorm.weight", {hidden}, l.mlpNorm, dtype);
    writer.add(p + "mlp.gate_proj.weight", {s.intermediateSize, hidden}, l.wGate, dtype);
    writer.add(p + "mlp.up_proj.weight", {s.intermediateSize, hidden}, l.wUp, dtype);
    writer.add(p + "mlp.down_proj.weight", {hidden, s.intermediateSize}, l.wDown, dtype);
  }
  writer.add("model.norm.weight", {hidden}, w.finalNorm, dtype);
  if (!w.lmHead.empty()) writer.add("lm_head.weight", {s.vocabSize, hidden}, w.lmHead, dtype);
}

}  // namespace headroom::test
