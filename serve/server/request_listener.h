#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "engine/exec/token_logprobs.h"

namespace headroom::serve {

// Stop: the model produced its end-of-sequence token or the text reached a stop string. Cancelled: the
// client left first (nothing more can reach it). Shutdown: the server stopped (its drain time ran out)
// before the request finished; the client is still there and is told so. Failed: the instance failed.
enum class FinishReason : std::uint8_t { Length, Stop, Cancelled, Shutdown, Failed };

// How one served request ended.
struct FinishedRequest {
  std::int32_t promptTokens = 0;
  std::int32_t completionTokens = 0;
  FinishReason reason = FinishReason::Length;
  std::string text;  // text held back until the end (a split character, a possible stop-string start)
};

// Hears one request's output as a ServingHost produces it. Called on the host's loop thread, in token
// order, onFinished last and exactly once: implementations must return quickly (hand the work to their
// own thread) and must not call into the host other than cancel().
class RequestListener {
 public:
  virtual ~RequestListener() = default;
  // `index` counts from 0; `tokenId` is the executor's token, or a synthetic one for modeled executors.
  // `text` is the text the token releases: always valid UTF-8, empty while a character or a possible
  // stop string is incomplete, or for a special token. The whole reply is the concatenation of every
  // `text` and FinishedRequest::text.
  virtual void onToken(std::int32_t tokenId, std::int32_t index, std::string_view text) = 0;
  // The log-probabilities of the token at `index`, for a request that asked for them (computing
  // executors only), just before onToken of the same index. Not called for the end-of-sequence token.
  virtual void onLogprobs(std::int32_t /*index*/, const engine::TokenLogprobs& /*logprobs*/) {}
  virtual void onFinished(const FinishedRequest& finished) = 0;
};

}  // namespace headroom::serve
