#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

#include "engine/exec/cpu/cpu_llama.h"
#include "engine/exec/executor.h"
#include "engine/exec/sampler.h"

namespace headroom::engine {

// An Executor that really runs each batch through the fp32 reference model (CpuLlama) on the calling
// thread, samples one token per entry and reports the wall-clock time it took. Requests admitted with
// tokens are computed on them; others get a deterministic synthetic prompt made from their id
// (syntheticToken), so a synthetic scenario replays identically. Belongs to one instance and is called
// from its thread only; the weights and time model are shared read-only.
class CpuExecutor final : public Executor {
 public:
  // `timeModel` is what the scheduler plans with (a measured profile, or an estimate). Throws
  // std::invalid_argument on null arguments.
  CpuExecutor(std::shared_ptr<const LlamaWeights> weights, std::shared_ptr<const IterationTimeModel> timeModel);

  IterationResult execute(const Batch& batch) override;
  const IterationTimeModel& timeModel() const override { return *timeModel_; }
  bool computesLogits() const override { return true; }
  // Throws std::invalid_argument on a token outside the vocabulary or invalid sampling parameters.
  void admit(RequestId id, std::vector<std::int32_t> promptTokens, SamplingParams params) override;
  void release(RequestId id) override;

  // The tokens a sequence has been given or has fed so far: its prompt, then each sampled token once
  // it is fed back by a decode. Empty for an unknown id.
  std::vector<std::int32_t> knownTokens(RequestId id) const;
  // The token a synthetic prompt holds at `position`: a mix of id and position, below min(vocab, 256).
  static std::int32_t syntheticToken(RequestId id, std::int64_t position, std::int32_t vocabSize);

 private:
  struct SequenceState {
    std::vector<std::int32_t> tokens;
    std::optional<std::int32_t> sampled;  // sampled last, not yet fed back
    SamplingParams params;
  };

  std::int32_t inputToken(RequestId id, SequenceState& state, std::int64_t position, bool decode);

  CpuLlama model_;
  std::shared_ptr<const IterationTimeModel> timeModel_;
  Sampler sampler_;
  std::unordered_map<RequestId, SequenceState> sequences_;
  std::vector<SequenceChunk> chunks_;
};

}  // namespace headroom::engine
