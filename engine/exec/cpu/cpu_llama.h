#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <unordered_map>
#include <vector>

#include "engine/core/request.h"
#include "engine/exec/llama/llama_weights.h"
#include "engine/exec/llama/sequence_chunk.h"

namespace headroom::engine {

// The reference Llama forward pass in fp32 on the host: plain loops, written to be obviously right
// (it is the oracle for the GPU kernels) and fast enough for tiny and 1B-class shapes in tests.
//
// Each call runs one batch: any mix of prefill chunks and single-token decodes. Every sequence keeps
// its K and V inside, paged in blocks of kKvBlockTokens tokens, until release(). Not thread-safe: one
// owner calls it. The weights are shared read-only.
class CpuLlama {
 public:
  static constexpr std::int32_t kKvBlockTokens = 16;

  // Throws std::invalid_argument on null or inconsistent weights.
  explicit CpuLlama(std::shared_ptr<const LlamaWeights> weights);

  // Appends each chunk's tokens to its sequence (a new id starts an empty one) and returns the logits
  // of each chunk's last token: [chunks][vocab], row-major. Throws std::invalid_argument on an empty
  // chunk, a token outside the vocabulary or an id given twice; nothing is cached then.
  std::vector<float> forward(std::span<const SequenceChunk> chunks);

  // Forgets a sequence and frees its KV blocks; an unknown id is ignored.
  void release(RequestId id);

  // Tokens in a sequence's KV cache (0 for an unknown id).
  std::int64_t cachedTokens(RequestId id) const;
  // KV blocks held by all sequences.
  std::int64_t kvBlocksInUse() const;
  const LlamaWeights& weights() const { return *weights_; }

 private:
  // One block: K and V of kKvBlockTokens positions for every layer, [layer][position][kvHeads * headDim].
  struct KvBlock {
    std::vector<float> keys;
    std::vector<float> values;
  };
  struct Sequence {
    std::int64_t tokens = 0;
    std::vector<std::int32_t> blocks;  // indices into blocks_
  };

  float* keyAt(const Sequence& sequence, std::int32_t layer, std::int64_t position);
  float* valueAt(const Sequence& sequence, std::int32_t layer, std::int64_t position);
  std::int32_t allocateBlock();

  std::shared_ptr<const LlamaWeights> weights_;
  std::vector<KvBlock> blocks_;
  std::vector<std::int32_t> freeBlocks_;
  std::unordered_map<RequestId, Sequence> sequences_;
  std::vector<double> ropeInverseFrequencies_;  // [headDim / 2]
};

}  // namespace headroom::engine
