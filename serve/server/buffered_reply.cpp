#include "serve/server/buffered_reply.h"

#include <utility>

#include "serve/server/api_responses.h"

namespace headroom::serve {

BufferedReply::BufferedReply(std::shared_ptr<net::HttpExchange> exchange, CompletionFormatter formatter,
                             net::HttpHeaders headers)
    : exchange_(std::move(exchange)), formatter_(std::move(formatter)), headers_(std::move(headers)) {}

void BufferedReply::onToken(std::int32_t /*tokenId*/, std::int32_t /*index*/, std::string_view text) { text_ += text; }

void BufferedReply::onFinished(const FinishedRequest& finished) {
  net::HttpResponse response;
  if (finished.reason == FinishReason::Length || finished.reason == FinishReason::Stop) {
    text_ += finished.text;
    response.status = 200;
    response.body = formatter_.fullResponse(text_, finishReasonText(finished.reason), finished.promptTokens,
                                            finished.completionTokens, logprobs_.take(formatter_));
  } else {
    // Shutdown: the server stopped first; Cancelled: the client left (the answer goes nowhere).
    const ApiError error = finished.reason == FinishReason::Failed
                               ? ApiError::make(500, "The request could not be served.", "server_error")
                               : serverShutdownError();
    response.status = error.status;
    response.body = error.body();
  }
  response.headers = headers_;
  exchange_->respond(std::move(response));
}

}  // namespace headroom::serve
