#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "engine/exec/cuda/cuda_device.h"
#include "engine/exec/executor.h"
#include "engine/exec/llama/llama_weights.h"
#include "engine/exec/modeled/model_shape.h"

namespace headroom::engine {

// Sizes of a CudaExecutor's buffers and its use of CUDA graphs.
struct CudaExecutorOptions {
  int device = 0;                         // CUDA device index
  std::int32_t maxBatchTokens = 8192;     // tokens in one iteration (prefill chunks + decodes)
  std::int32_t maxBatchSequences = 256;   // entries in one iteration
  std::int32_t maxContextTokens = 8192;   // longest sequence, prompt and output together
  std::int64_t kvBlocks = 0;              // KV blocks of 16 tokens; 0 = kvMemoryFraction of the memory left
  double kvMemoryFraction = 0.9;
  bool decodeGraphs = true;  // replay decode-only iterations from CUDA graphs captured per batch-size bucket
};

// An Executor that runs each batch of a Llama-architecture model on an NVIDIA GPU (gpu::CudaLlama):
// bf16 weights, paged KV cache in blocks of 16 tokens owned by this executor, one sampled token per
// batch entry, and the iteration's duration measured with CUDA events. Token bookkeeping follows
// CpuExecutor: admitted prompts are computed as given, requests without text get the same synthetic
// prompt, a decode feeds back the token sampled last, and the random draw of a sampled token depends
// on (seed, position) only, so both executors pick the same tokens from the same logits.
// Belongs to one instance and is called from its thread only; the header needs no CUDA headers.
class CudaExecutor final : public Executor {
 public:
  // Uploads `weights` as bf16. Throws std::runtime_error when no usable GPU is found (the message says
  // why), std::invalid_argument on null arguments or an unsupported shape.
  CudaExecutor(std::shared_ptr<const LlamaWeights> weights, std::shared_ptr<const IterationTimeModel> timeModel,
               CudaExecutorOptions options = {});
  // Seeded random weights generated on the device (no host copy; for benchmarks of large shapes).
  CudaExecutor(const ModelShape& shape, std::uint64_t seed, std::shared_ptr<const IterationTimeModel> timeModel,
               CudaExecutorOptions options = {});
  ~CudaExecutor() override;
  CudaExecutor(const CudaExecutor&) = delete;
  CudaExecutor& operator=(const CudaExecutor&) = delete;

  // Throws std::invalid_argument on a batch over the options' limits or a repeated request id,
  // std::logic_error on a context the executor does not hold (0 restarts a sequence: recompute), and
  // std::runtime_error when the KV cache is full (nothing is allocated then) or CUDA fails.
  IterationResult execute(const Batch& batch) override;
  const IterationTimeModel& timeModel() const override;
  bool computesLogits() const override { return true; }
  std::optional<std::int64_t> maxContextTokens() const override;
  // Throws std::invalid_argument on a token outside the vocabulary or invalid sampling parameters.
  void admit(RequestId id, std::vector<std::int32_t> promptTokens, SamplingParams params) override;
  void release(RequestId id) override;

  // The fp32 logits behind the last execute()'s tokens: [entries][vocab].
  std::vector<float> lastLogits() const;
  // The tokens a sequence has been given or has fed so far (as CpuExecutor::knownTokens).
  std::vector<std::int32_t> knownTokens(RequestId id) const;
  // Tokens of `id` in the KV cache (0 for an unknown id).
  std::int64_t cachedTokens(RequestId id) const;
  std::int64_t kvBlocksTotal() const;
  std::int64_t kvBlocksFree() const;
  // Decode iterations replayed from a CUDA graph, and graphs captured, since construction.
  std::int64_t graphReplays() const;
  std::int32_t graphsCaptured() const;
  const CudaDeviceInfo& deviceInfo() const;
  const ModelShape& shape() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace headroom::engine
