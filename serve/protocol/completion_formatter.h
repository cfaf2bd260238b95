#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "serve/protocol/completion_request.h"

namespace headroom::serve {

// Builds the response bodies of one request in the official shapes. Cheap per token: the JSON around
// each streamed piece is prepared once.
class CompletionFormatter {
 public:
  // `includeUsage`: every chunk carries "usage": null and usageChunk() the totals, as OpenAI does.
  CompletionFormatter(CompletionEndpoint endpoint, std::string id, std::string model, std::int64_t createdS,
                      bool includeUsage = false);

  // {"id", "object": "text_completion" | "chat.completion", "created", "model", "choices": [...], "usage"}
  // `logprobs` is the choice's "logprobs" value (logprobsJson), null when the request asked for none.
  std::string fullResponse(std::string_view text, std::string_view finishReason, std::int32_t promptTokens,
                           std::int32_t completionTokens, const nlohmann::json& logprobs = nullptr) const;
  // One SSE event ("data: ...\n\n"): the chat stream's first chunk carries the role. `logprobsJson` is
  // the chunk's "logprobs" value as JSON text (logprobsJson(...).dump()), "null" for none.
  std::string roleChunk() const;
  std::string tokenChunk(std::string_view text, std::string_view logprobsJson = "null") const;
  std::string finishChunk(std::string_view finishReason, std::string_view logprobsJson = "null") const;
  // The usage-only chunk of stream_options.include_usage (choices empty).
  std::string usageChunk(std::int32_t promptTokens, std::int32_t completionTokens) const;
  static std::string doneEvent() { return "data: [DONE]\n\n"; }

  const std::string& id() const { return id_; }
  CompletionEndpoint endpoint() const { return endpoint_; }

 private:
  CompletionEndpoint endpoint_;
  std::string id_;
  std::string model_;
  std::int64_t createdS_;
  std::string chunkPrefix_;  // up to the start of the choice's payload
  std::string chunkSuffix_;  // after the finish reason
  bool includeUsage_ = false;
};

// A fresh response id: "cmpl-..." or "chatcmpl-..." with 24 random hex digits.
std::string newCompletionId(CompletionEndpoint endpoint);

}  // namespace headroom::serve
