#pragma once

#include <cstdint>
#include <limits>

namespace headroom::engine {

// Paged KV cache accounting for one instance: a pool of fixed-size blocks of `blockTokens` tokens.
// Requests hold whole blocks; this class counts them (which physical block holds what is the CUDA
// executor's business). Not thread-safe: owned by one instance's scheduler.
class BlockManager {
 public:
  static constexpr std::int64_t kUnbounded = std::numeric_limits<std::int64_t>::max() / 4;

  BlockManager(std::int64_t totalBlocks, std::int32_t blockTokens);

  std::int64_t totalBlocks() const { return totalBlocks_; }
  std::int64_t freeBlocks() const { return freeBlocks_; }
  std::int64_t usedBlocks() const { return totalBlocks_ - freeBlocks_; }
  std::int32_t blockTokens() const { return blockTokens_; }
  bool unbounded() const { return totalBlocks_ >= kUnbounded; }
  double usedFraction() const;

  // Blocks needed to hold `tokens` tokens.
  std::int64_t blocksFor(std::int64_t tokens) const { return (tokens + blockTokens_ - 1) / blockTokens_; }
  // Extra blocks a holder of `heldBlocks` needs to grow to `tokens` tokens (0 when it already fits).
  std::int64_t extraBlocksFor(std::int64_t heldBlocks, std::int64_t tokens) const;

  // Takes `count` blocks if that many are free; false (and nothing taken) otherwise.
  bool tryAllocate(std::int64_t count);
  void release(std::int64_t count);

 private:
  std::int64_t totalBlocks_;
  std::int64_t freeBlocks_;
  std::int32_t blockTokens_;
};

}  // namespace headroom::engine
