#include "engine/kv/block_manager.h"

#include <algorithm>
#include <stdexcept>

namespace headroom::engine {

BlockManager::BlockManager(std::int64_t totalBlocks, std::int32_t blockTokens)
    : totalBlocks_(std::min(totalBlocks, kUnbounded)), freeBlocks_(totalBlocks_), blockTokens_(blockTokens) {
  if (totalBlocks <= 0) throw std::invalid_argument("KV block count must be positive");
  if (blockTokens <= 0) throw std::invalid_argument("KV block size must be positive");
}

double BlockManager::usedFraction() const {
  if (unbounded()) return 0.0;
  return static_cast<double>(usedBlocks()) / static_cast<double>(totalBlocks_);
}

std::int64_t BlockManager::extraBlocksFor(std::int64_t heldBlocks, std::int64_t tokens) const {
  return std::max<std::int64_t>(0, blocksFor(tokens) - heldBlocks);
}

bool BlockManager::tryAllocate(std::int64_t count) {
  if (count > freeBlocks_) return false;
  freeBlocks_ -= count;
  return true;
}

void BlockManager::release(std::int64_t count) {
  freeBlocks_ = std::min(totalBlocks_, freeBlocks_ + count);
}

}  // namespace headroom::engine
