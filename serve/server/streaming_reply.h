#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "net/http_exchange.h"
#include "serve/protocol/completion_formatter.h"
#include "serve/server/logprobs_trail.h"
#include "serve/server/request_listener.h"

namespace headroom::serve {

// Streams one completion's tokens as SSE chunks, each with the logprobs of the tokens whose text it
// brings when the request asked for them. A request that fails ends with an error event
// (data: {"error": {...}}) instead of a finish chunk. The host may produce tokens before the handler knew
// the request was admitted: until begin() they are held, so the status line always goes out first.
// Listener calls run on the host's loop thread, begin() on a server thread; thread-safe.
class StreamingReply final : public RequestListener {
 public:
  StreamingReply(std::shared_ptr<net::HttpExchange> exchange, CompletionFormatter formatter, bool includeUsage,
                 net::HttpHeaders headers);

  // The request was admitted: sends the status line, a chat's role chunk and whatever was held.
  void begin(bool chat);

  void onToken(std::int32_t tokenId, std::int32_t index, std::string_view text) override;
  void onLogprobs(std::int32_t /*index*/, const engine::TokenLogprobs& logprobs) override { logprobs_.add(logprobs); }
  void onFinished(const FinishedRequest& finished) override;

 private:
  // The logprobs heard since the last chunk, as a chunk's "logprobs" value ("null" when none).
  std::string pendingLogprobs();

  std::mutex mutex_;
  std::shared_ptr<net::HttpExchange> exchange_;
  CompletionFormatter formatter_;
  bool includeUsage_;
  net::HttpHeaders headers_;
  std::string held_;    // guarded by mutex_
  bool begun_ = false;  // guarded by mutex_
  bool ended_ = false;  // guarded by mutex_
  LogprobsTrail logprobs_;  // the loop thread's
};

}  // namespace headroom::serve
