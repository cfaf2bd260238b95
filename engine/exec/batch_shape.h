#pragma once

#include <cstdint>

namespace headroom::engine {

// What an iteration costs depends on its composition, not on which requests are in it. BatchShape is
// that composition, in tokens; iteration-time models predict from it alone.
//  - a prefill chunk of `chunk` prompt tokens over `context` tokens already cached attends to
//    context + chunk keys and reads context + chunk KV tokens;
//  - a decode over `context` cached tokens attends to context + 1 keys and reads that many KV tokens.
struct BatchShape {
  std::int32_t prefillTokens = 0;         // prompt tokens computed this iteration, all chunks
  std::int32_t prefillSequences = 0;      // number of prefill chunks
  std::int32_t decodeTokens = 0;          // one per decoding sequence
  std::int64_t prefillAttentionPairs = 0; // sum over chunks of chunk * (context + (chunk + 1) / 2)
  std::int64_t prefillKvTokens = 0;       // sum over chunks of context + chunk (KV tokens read)
  std::int64_t decodeKvTokens = 0;        // sum over decodes of context + 1 (KV tokens read = pairs)

  std::int32_t batchTokens() const { return prefillTokens + decodeTokens; }
  std::int32_t sequences() const { return prefillSequences + decodeTokens; }
  bool empty() const { return batchTokens() == 0; }

  void addPrefill(std::int32_t chunk, std::int64_t context) {
    prefillTokens += chunk;
    prefillSequences += 1;
    prefillAttentionPairs += static_cast<std::int64_t>(chunk) * (context + (chunk + 1) / 2);
    prefillKvTokens += context + chunk;
  }
  void addDecode(std::int64_t context) {
    decodeTokens += 1;
    decodeKvTokens += context + 1;
  }
};

}  // namespace headroom::engine
