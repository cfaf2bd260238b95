#include "engine/exec/llama/shared_llama_weights.h"

#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <tuple>

#include "engine/exec/llama/llama_checkpoint.h"
#include "engine/exec/modeled/model_shape.h"
#include "engine/exec/modeled/resource_json.h"

namespace headroom::engine {

std::shared_ptr<const LlamaWeights> sharedLlamaWeights(const ExecutorSpec& spec) {
  if (spec.model.empty()) {
    throw std::runtime_error("executor: no model given (available: " + availableNames("models") + ")");
  }
  using Key = std::tuple<std::string, std::string, std::uint64_t>;
  static std::mutex mutex;
  static std::map<Key, std::weak_ptr<const LlamaWeights>> cache;
  const Key key{spec.model, spec.weights, spec.weights == "random" ? spec.weightsSeed : 0};
  const std::lock_guard lock(mutex);
  if (auto existing = cache[key].lock()) return existing;
  const ModelShape shape = loadModelShape(spec.model);
  auto weights = std::make_shared<const LlamaWeights>(spec.weights == "random"
                                                          ? randomLlamaWeights(shape, spec.weightsSeed)
                                                          : loadLlamaCheckpoint(spec.weights, shape));
  cache[key] = weights;
  return weights;
}

}  // namespace headroom::engine
