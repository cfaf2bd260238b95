#include "serve/server/streaming_reply.h"

#include <utility>

#include "serve/server/api_responses.h"

namespace headroom::serve {

StreamingReply::StreamingReply(std::shared_ptr<net::HttpExchange> exchange, CompletionFormatter formatter,
                               bool includeUsage, net::HttpHeaders headers)
    : exchange_(std::move(exchange)),
      formatter_(std::move(formatter)),
      includeUsage_(includeUsage),
      headers_(std::move(headers)) {}

void StreamingReply::begin(bool chat) {
  std::lock_guard lock(mutex_);
  exchange_->startStream(200, std::move(headers_));
  std::string first = chat ? formatter_.roleChunk() : std::string();
  first += held_;
  held_.clear();
  if (!first.empty()) exchange_->sendChunk(std::move(first));
  if (ended_) exchange_->endStream();
  begun_ = true;
}

std::string StreamingReply::pendingLogprobs() {
  return logprobs_.empty() ? std::string("null") : logprobs_.takeText(formatter_);
}

void StreamingReply::onToken(std::int32_t /*tokenId*/, std::int32_t /*index*/, std::string_view text) {
  if (text.empty()) return;  // its logprobs, if any, go with the next chunk that has text
  std::string chunk = formatter_.tokenChunk(text, pendingLogprobs());
  std::lock_guard lock(mutex_);
  if (begun_) {
    exchange_->sendChunk(std::move(chunk));
  } else {
    held_ += chunk;
  }
}

void StreamingReply::onFinished(const FinishedRequest& finished) {
  // A stream ends with [DONE], or with an error event in the OpenAI shape when the instance failed on
  // it or the server shut down first: never a bare close. A client that left (Cancelled) is sent
  // nothing more.
  std::string tail;
  if (finished.reason == FinishReason::Shutdown) {
    tail = serverShutdownError().sseEvent();
  } else if (finished.reason == FinishReason::Failed) {
    // The status line went out long ago: the failure is an error event in the API's shape, which the
    // OpenAI SDKs raise, then the stream ends (no finish_reason, no [DONE]).
    if (!finished.text.empty()) tail = formatter_.tokenChunk(finished.text, pendingLogprobs());
    tail += ApiError::make(500, "The instance failed while computing this request.", "server_error", "instance_error")
                .sseEvent();
  } else if (finished.reason != FinishReason::Cancelled) {
    if (!finished.text.empty()) tail = formatter_.tokenChunk(finished.text, pendingLogprobs());
    tail += formatter_.finishChunk(finishReasonText(finished.reason), pendingLogprobs());
    if (includeUsage_) tail += formatter_.usageChunk(finished.promptTokens, finished.completionTokens);
    tail += CompletionFormatter::doneEvent();
  }
  std::lock_guard lock(mutex_);
  if (!begun_) {
    held_ += tail;
    ended_ = true;
    return;
  }
  if (!tail.empty()) exchange_->sendChunk(std::move(tail));
  exchange_->endStream();
}

}  // namespace headroom::serve
