#pragma once

#include <cstdint>

namespace headroom::engine {

enum class FinishReason : std::uint8_t { Length, Cancelled, Failed };

// How one served request ended.
struct FinishedRequest {
  std::int32_t promptTokens = 0;
  std::int32_t completionTokens = 0;
  FinishReason reason = FinishReason::Length;
};

// Hears one request's output as a ServingHost produces it. Called on the host's loop thread, in token
// order, onFinished last and exactly once: implementations must return quickly (hand the work to their
// own thread) and must not call into the host other than cancel().
class RequestListener {
 public:
  virtual ~RequestListener() = default;
  // `index` counts from 0; `tokenId` is the executor's token, or a synthetic one for modeled executors.
  virtual void onToken(std::int32_t tokenId, std::int32_t index) = 0;
  virtual void onFinished(const FinishedRequest& finished) = 0;
};

}  // namespace headroom::engine
