#include "engine/exec/cpu/cpu_executor.h"

#include <chrono>
#include <span>
#include <stdexcept>
#include <string>
#include <utility>

#include "engine/io/input_problems.h"
#include "engine/workload/random.h"

namespace headroom::engine {

CpuExecutor::CpuExecutor(std::shared_ptr<const LlamaWeights> weights,
                         std::shared_ptr<const IterationTimeModel> timeModel)
    : model_(std::move(weights)), timeModel_(std::move(timeModel)) {
  if (!timeModel_) throw std::invalid_argument("CPU executor needs an iteration-time model");
}

std::int32_t CpuExecutor::syntheticToken(RequestId id, std::int64_t position, std::int32_t vocabSize) {
  std::uint64_t state = id * 0x9E3779B97F4A7C15ULL + static_cast<std::uint64_t>(position);
  const std::uint64_t mixed = splitMix64(state);
  return static_cast<std::int32_t>(mixed % static_cast<std::uint64_t>(std::min(vocabSize, 256)));
}

void CpuExecutor::admit(RequestId id, std::vector<std::int32_t> promptTokens, SamplingParams params) {
  const std::int32_t vocab = model_.weights().shape.vocabSize;
  for (const std::int32_t token : promptTokens) {
    if (token < 0 || token >= vocab) {
      throw std::invalid_argument("request " + std::to_string(id) + ": token " + std::to_string(token) +
                                  " is outside the vocabulary [0, " + std::to_string(vocab) + ")");
    }
  }
  if (const std::optional<SamplingProblem> problem = checkSamplingParams(params)) {
    throw std::invalid_argument("request " + std::to_string(id) + ": sampling parameters " + englishText(*problem));
  }
  model_.release(id);
  sequences_[id] = SequenceState{std::move(promptTokens), std::nullopt, params};
}

void CpuExecutor::release(RequestId id) {
  model_.release(id);
  sequences_.erase(id);
}

std::vector<std::int32_t> CpuExecutor::knownTokens(RequestId id) const {
  const auto it = sequences_.find(id);
  return it == sequences_.end() ? std::vector<std::int32_t>{} : it->second.tokens;
}

std::int32_t CpuExecutor::inputToken(RequestId id, SequenceState& state, std::int64_t position, bool decode) {
  const auto known = static_cast<std::int64_t>(state.tokens.size());
  if (position < known) return state.tokens[static_cast<std::size_t>(position)];
  std::int32_t token = syntheticToken(id, position, model_.weights().shape.vocabSize);
  // A decode feeds back what the sequence sampled last; a prompt position nobody gave is synthetic.
  if (decode && state.sampled) token = *state.sampled;
  if (position == known) {
    state.tokens.push_back(token);
    state.sampled.reset();
  }
  return token;
}

IterationResult CpuExecutor::execute(const Batch& batch) {
  const auto start = std::chrono::steady_clock::now();
  chunks_.resize(batch.entries.size());
  for (std::size_t i = 0; i < batch.entries.size(); ++i) {
    const BatchEntry& entry = batch.entries[i];
    SequenceState& state = sequences_[entry.requestId];
    const std::int64_t cached = model_.cachedTokens(entry.requestId);
    if (cached != entry.contextTokens) {
      // A recompute starts from nothing; any other mismatch means the caller lost track.
      if (entry.contextTokens != 0) {
        throw std::logic_error("CPU executor: request " + std::to_string(entry.requestId) + " has " +
                               std::to_string(cached) + " tokens cached but the batch says " +
                               std::to_string(entry.contextTokens));
      }
      model_.release(entry.requestId);
    }
    SequenceChunk& chunk = chunks_[i];
    chunk.id = entry.requestId;
    chunk.tokens.clear();
    for (std::int32_t t = 0; t < entry.newTokens; ++t) {
      chunk.tokens.push_back(inputToken(entry.requestId, state, entry.contextTokens + t, entry.decode));
    }
  }
  const std::vector<float> logits = model_.forward(chunks_);
  const auto vocab = static_cast<std::size_t>(model_.weights().shape.vocabSize);
  IterationResult result;
  result.tokens.reserve(batch.entries.size());
  for (std::size_t i = 0; i < batch.entries.size(); ++i) {
    const BatchEntry& entry = batch.entries[i];
    SequenceState& state = sequences_[entry.requestId];
    const auto position = static_cast<std::uint64_t>(entry.contextTokens + entry.newTokens);
    const std::span<const float> row(logits.data() + i * vocab, vocab);
    const std::int32_t token = sampler_.sample(row, state.params, position);
    state.sampled = token;
    result.tokens.push_back(token);
    if (state.params.logprobs) {
      result.logprobs.resize(batch.entries.size());
      result.logprobs[i] = computeLogprobs(row, token, state.params.topLogprobs);
    }
  }
  result.duration = std::chrono::duration_cast<Duration>(std::chrono::steady_clock::now() - start);
  return result;
}

}  // namespace headroom::engine
