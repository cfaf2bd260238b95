#include "serve/protocol/completion_formatter.h"

#include <nlohmann/json.hpp>

#include "serve/protocol/json_text.h"
#include "serve/protocol/request_id.h"

namespace headroom::serve {

using json = nlohmann::json;

std::string newCompletionId(CompletionEndpoint endpoint) {
  return std::string(endpoint == CompletionEndpoint::Completions ? "cmpl-" : "chatcmpl-") + randomIdDigits();
}

CompletionFormatter::CompletionFormatter(CompletionEndpoint endpoint, std::string id, std::string model,
                                         std::int64_t createdS, bool includeUsage)
    : endpoint_(endpoint), id_(std::move(id)), model_(std::move(model)), createdS_(createdS), includeUsage_(includeUsage) {
  const bool chat = endpoint_ == CompletionEndpoint::ChatCompletions;
  chunkPrefix_ = "data: {\"id\":\"";
  appendJsonEscaped(chunkPrefix_, id_);
  chunkPrefix_ += chat ? "\",\"object\":\"chat.completion.chunk\",\"created\":" : "\",\"object\":\"text_completion\",\"created\":";
  chunkPrefix_ += std::to_string(createdS_);
  chunkPrefix_ += ",\"model\":\"";
  appendJsonEscaped(chunkPrefix_, model_);
  chunkPrefix_ += "\",\"choices\":[{\"index\":0,";
  chunkSuffix_ = includeUsage_ ? "}],\"usage\":null}\n\n" : "}]}\n\n";
}

std::string CompletionFormatter::fullResponse(std::string_view text, std::string_view finishReason,
                                              std::int32_t promptTokens, std::int32_t completionTokens,
                                              const json& logprobs) const {
  const bool chat = endpoint_ == CompletionEndpoint::ChatCompletions;
  json choice = {{"index", 0}, {"logprobs", logprobs}, {"finish_reason", finishReason}};
  if (chat) {
    choice["message"] = {{"role", "assistant"}, {"content", text}};
  } else {
    choice["text"] = text;
  }
  const json body = {{"id", id_},
                     {"object", chat ? "chat.completion" : "text_completion"},
                     {"created", createdS_},
                     {"model", model_},
                     {"choices", json::array({choice})},
                     {"usage",
                      {{"prompt_tokens", promptTokens},
                       {"completion_tokens", completionTokens},
                       {"total_tokens", promptTokens + completionTokens}}}};
  return body.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string CompletionFormatter::roleChunk() const {
  return chunkPrefix_ + "\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,\"finish_reason\":null" +
         chunkSuffix_;
}

std::string CompletionFormatter::tokenChunk(std::string_view text, std::string_view logprobsJson) const {
  std::string out;
  out.reserve(chunkPrefix_.size() + text.size() + 80);
  out += chunkPrefix_;
  out += endpoint_ == CompletionEndpoint::ChatCompletions ? "\"delta\":{\"content\":\"" : "\"text\":\"";
  appendJsonEscaped(out, text);
  out += endpoint_ == CompletionEndpoint::ChatCompletions ? "\"}," : "\",";
  out += "\"logprobs\":";
  out += logprobsJson;
  out += ",\"finish_reason\":null";
  out += chunkSuffix_;
  return out;
}

std::string CompletionFormatter::finishChunk(std::string_view finishReason, std::string_view logprobsJson) const {
  std::string out = chunkPrefix_;
  out += endpoint_ == CompletionEndpoint::ChatCompletions ? "\"delta\":{}," : "\"text\":\"\",";
  out += "\"logprobs\":";
  out += logprobsJson;
  out += ",\"finish_reason\":\"";
  appendJsonEscaped(out, finishReason);
  out += "\"";
  out += chunkSuffix_;
  return out;
}

std::string CompletionFormatter::usageChunk(std::int32_t promptTokens, std::int32_t completionTokens) const {
  const bool chat = endpoint_ == CompletionEndpoint::ChatCompletions;
  const json body = {{"id", id_},
                     {"object", chat ? "chat.completion.chunk" : "text_completion"},
                     {"created", createdS_},
                     {"model", model_},
                     {"choices", json::array()},
                     {"usage",
                      {{"prompt_tokens", promptTokens},
                       {"completion_tokens", completionTokens},
                       {"total_tokens", promptTokens + completionTokens}}}};
  return "data: " + body.dump(-1, ' ', false, json::error_handler_t::replace) + "\n\n";
}

}  // namespace headroom::serve
