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
  // Chat: "logprobs": true and "top_logprobs": n. Completions: "logprobs": n. The n most likely tokens
  // are listed beside each sampled one.
  bool logprobs = false;
  std::int32_t topLogprobs = 0;
  std::vector<std::string> stop;
  // Body "headroom": {"deadline_ms", "importance"}: hints that only tighten the class (RequestHints).
  std::optional<std::int64_t> deadlineMs;
  std::optional<engine::Importance> importance;
};

// Validates a request body (any bytes: malformed JSON, wrong types and out-of-range values give an
// ApiError naming the parameter). Sampling parameters are checked by the engine's own rule
// (engine::checkSamplingParams), so every executor runs what is accepted; OpenAI fields the server
// cannot honour (tools, tool_choice, response_format, logit_bias, echo, suffix, best_of, non-zero
// penalties) are refused by name unless they ask for nothing. Never throws for bad input.
std::variant<CompletionRequest, ApiError> parseCompletionRequest(CompletionEndpoint endpoint, std::string_view body,
                                                                 const ServeLimits& limits);

// An X-Headroom-Deadline-Ms value: an integer of milliseconds from 1 to kMaxDeadlineMs; else nullopt.
std::optional<std::int64_t> parseDeadlineMs(std::string_view text);
inline constexpr std::int64_t kMaxDeadlineMs = 86'400'000;

// Prompt tokens estimated from text when no tokenizer is at hand: one per 4 bytes, at least 1.
std::int32_t estimateTokens(std::string_view text);

}  // namespace headroom::serve
