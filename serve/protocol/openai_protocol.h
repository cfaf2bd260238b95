#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/core/qos_class.h"
#include "serve/protocol/api_error.h"
#include "serve/protocol/chat_template.h"
#include "serve/server/serve_config.h"

namespace headroom::serve {

enum class CompletionEndpoint : std::uint8_t { Completions, ChatCompletions };

// What the server needs from an OpenAI-style completion or chat-completion body.
struct CompletionRequest {
  CompletionEndpoint endpoint = CompletionEndpoint::Completions;
  std::string model;
  std::int32_t promptTokens = 1;  // counted when given as token ids, else estimated from the text
  std::string promptText;         // completions: the prompt string; chat: renderChatPrompt(messages)
  std::vector<std::int32_t> promptTokenIds;  // completions given token ids (then promptText is empty)
  std::int32_t maxTokens = 16;
  bool stream = false;
  bool includeUsage = false;  // stream_options.include_usage
  std::optional<std::string> qosClass;
  float temperature = 1.0f;  // OpenAI's default
  float topP = 1.0f;
  std::optional<std::uint64_t> seed;
  std::vector<std::string> stop;
  // Body "headroom": {"deadline_ms", "importance"}: hints that only tighten the class (RequestHints).
  std::optional<std::int64_t> deadlineMs;
  std::optional<engine::Importance> importance;
};

// Validates a request body (any bytes: malformed JSON, wrong types and out-of-range values give an
// ApiError naming the parameter). Never throws for bad input.
std::variant<CompletionRequest, ApiError> parseCompletionRequest(CompletionEndpoint endpoint, std::string_view body,
                                                                 const ServeLimits& limits);

// An X-Headroom-Deadline-Ms value: an integer of milliseconds from 1 to kMaxDeadlineMs; else nullopt.
std::optional<std::int64_t> parseDeadlineMs(std::string_view text);
inline constexpr std::int64_t kMaxDeadlineMs = 86'400'000;

// Prompt tokens estimated from text when no tokenizer is at hand: one per 4 bytes, at least 1.
std::int32_t estimateTokens(std::string_view text);

// The text of one generated token. Executors without a tokenizer (modeled) produce synthetic ids; the
// text is a word picked by the id, so replies read as (meaningless) prose.
std::string_view tokenText(std::int32_t tokenId);

// Builds the response bodies of one request in the official shapes. Cheap per token: the JSON around
// each streamed piece is prepared once.
class CompletionFormatter {
 public:
  // `includeUsage`: every chunk carries "usage": null and usageChunk() the totals, as OpenAI does.
  CompletionFormatter(CompletionEndpoint endpoint, std::string id, std::string model, std::int64_t createdS,
                      bool includeUsage = false);

  // {"id", "object": "text_completion" | "chat.completion", "created", "model", "choices": [...], "usage"}
  std::string fullResponse(std::string_view text, std::string_view finishReason, std::int32_t promptTokens,
                           std::int32_t completionTokens) const;
  // One SSE event ("data: ...\n\n"): the chat stream's first chunk carries the role.
  std::string roleChunk() const;
  std::string tokenChunk(std::string_view text) const;
  std::string finishChunk(std::string_view finishReason) const;
  // The usage-only chunk of stream_options.include_usage (choices empty).
  std::string usageChunk(std::int32_t promptTokens, std::int32_t completionTokens) const;
  static std::string doneEvent() { return "data: [DONE]\n\n"; }

  const std::string& id() const { return id_; }

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

// Deepest nesting of arrays and objects in a JSON text (strings skipped); stops counting past `limit`.
int jsonNestingDepth(std::string_view text, int limit);

// Appends `text` JSON-escaped (without quotes).
void appendJsonEscaped(std::string& out, std::string_view text);

}  // namespace headroom::serve
