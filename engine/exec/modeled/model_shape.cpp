#include "engine/exec/modeled/model_shape.h"

#include <stdexcept>
#include <string>

#include "engine/exec/modeled/resource_json.h"

namespace headroom::engine {

std::int64_t ModelShape::linearParametersPerLayer() const {
  const std::int64_t hidden = hiddenSize;
  return hidden * qkvWidth() + attentionWidth() * hidden + 3 * hidden * intermediateSize;
}

std::int64_t ModelShape::parameterCount() const {
  const std::int64_t hidden = hiddenSize;
  const std::int64_t embedding = static_cast<std::int64_t>(vocabSize) * hidden;
  const std::int64_t perLayer = linearParametersPerLayer() + 2 * hidden;
  return embedding * (tiedEmbeddings ? 1 : 2) + perLayer * layers + hidden;
}

namespace {

std::int32_t smallPositive(const ResourceJson& json, const char* field) {
  const auto value = json.positiveInteger(field);
  if (value > (std::int64_t{1} << 30)) json.fail(field, "must be an integer from 1 to 2^30", json.raw(field));
  return static_cast<std::int32_t>(value);
}

}  // namespace

ModelShape loadModelShape(std::string_view name) {
  const auto json = ResourceJson::load("models", name, "model shape");
  ModelShape shape;
  shape.name = std::string(name);
  shape.source = json.text("source");
  shape.layers = smallPositive(json, "layers");
  shape.hiddenSize = smallPositive(json, "hidden_size");
  shape.attentionHeads = smallPositive(json, "attention_heads");
  shape.kvHeads = smallPositive(json, "kv_heads");
  shape.headDim = smallPositive(json, "head_dim");
  shape.intermediateSize = smallPositive(json, "intermediate_size");
  shape.vocabSize = smallPositive(json, "vocab_size");
  shape.tiedEmbeddings = json.boolean("tied_embeddings");
  shape.bytesPerParameter = smallPositive(json, "bytes_per_parameter");
  shape.defaultTensorParallel = smallPositive(json, "default_tensor_parallel");
  if (json.has("rope_theta")) shape.ropeTheta = json.positiveNumber("rope_theta");
  if (json.has("rms_norm_eps")) shape.rmsNormEps = json.positiveNumber("rms_norm_eps");

  if (shape.attentionHeads % shape.kvHeads != 0) {
    json.fail("kv_heads", "must divide attention_heads (" + std::to_string(shape.attentionHeads) + ")",
              json.raw("kv_heads"));
  }
  try {
    checkTensorParallel(shape, shape.defaultTensorParallel);
  } catch (const std::invalid_argument& error) {
    json.fail("default_tensor_parallel", std::string("must fit the model: ") + error.what(),
              json.raw("default_tensor_parallel"));
  }
  return shape;
}

void checkTensorParallel(const ModelShape& shape, int tensorParallel) {
  const auto fail = [&](const std::string& why) {
    throw std::invalid_argument("tensor parallel degree " + std::to_string(tensorParallel) +
                                " does not fit " + shape.name + ": " + why);
  };
  if (tensorParallel < 1) fail("it must be at least 1");
  if (shape.attentionHeads % tensorParallel != 0) {
    fail("it must divide the " + std::to_string(shape.attentionHeads) + " attention heads");
  }
  if (shape.kvHeads % tensorParallel != 0 && tensorParallel % shape.kvHeads != 0) {
    fail("it must divide, or be a multiple of, the " + std::to_string(shape.kvHeads) + " KV heads");
  }
  if (shape.intermediateSize % tensorParallel != 0) {
    fail("it must divide the MLP width " + std::to_string(shape.intermediateSize));
  }
}

}  // namespace headroom::engine
