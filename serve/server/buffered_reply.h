#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "net/http_exchange.h"
#include "serve/protocol/completion_formatter.h"
#include "serve/server/logprobs_trail.h"
#include "serve/server/request_listener.h"

namespace headroom::serve {

// A non-streamed completion: collects the text and answers once the request finished (500 when it
// failed, 503 when the server stopped first). Called on the host's loop thread only.
class BufferedReply final : public RequestListener {
 public:
  BufferedReply(std::shared_ptr<net::HttpExchange> exchange, CompletionFormatter formatter, net::HttpHeaders headers);

  void onToken(std::int32_t tokenId, std::int32_t index, std::string_view text) override;
  void onLogprobs(std::int32_t /*index*/, const engine::TokenLogprobs& logprobs) override { logprobs_.add(logprobs); }
  void onFinished(const FinishedRequest& finished) override;

 private:
  std::shared_ptr<net::HttpExchange> exchange_;
  CompletionFormatter formatter_;
  net::HttpHeaders headers_;
  std::string text_;
  LogprobsTrail logprobs_;
};

}  // namespace headroom::serve
