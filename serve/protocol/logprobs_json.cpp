#include "serve/protocol/logprobs_json.h"

#include <cstdio>

#include "engine/exec/llama/byte_tokenizer.h"

namespace headroom::serve {

using json = nlohmann::json;

std::string logprobTokenText(std::int32_t token) {
  if (token >= 0 && token < 0x80) return std::string(1, static_cast<char>(token));
  if (token >= 0x80 && token < 0x100) {
    char text[16];
    std::snprintf(text, sizeof text, "bytes:\\x%02x", static_cast<unsigned>(token));
    return text;
  }
  if (token == engine::ByteTokenizer::kBos) return "<|bos|>";
  if (token == engine::ByteTokenizer::kEos) return "<|eos|>";
  return "<|special_" + std::to_string(token) + "|>";
}

std::string logprobTokenBytes(std::int32_t token) {
  if (token >= 0 && token < 0x100) return std::string(1, static_cast<char>(token));
  return {};
}

namespace {

json bytesJson(std::int32_t token) {
  json bytes = json::array();
  for (const char byte : logprobTokenBytes(token)) bytes.push_back(static_cast<unsigned char>(byte));
  return bytes;
}

json chatEntry(const engine::TokenLogprob& entry) {
  return {{"token", logprobTokenText(entry.token)}, {"logprob", entry.logprob}, {"bytes", bytesJson(entry.token)}};
}

}  // namespace

json logprobsJson(CompletionEndpoint endpoint, std::span<const engine::TokenLogprobs> tokens, std::int64_t firstOffset) {
  if (endpoint == CompletionEndpoint::ChatCompletions) {
    json content = json::array();
    for (const engine::TokenLogprobs& token : tokens) {
      json entry = chatEntry(token.sampled);
      json top = json::array();
      for (const engine::TokenLogprob& alternative : token.top) top.push_back(chatEntry(alternative));
      entry["top_logprobs"] = std::move(top);
      content.push_back(std::move(entry));
    }
    return {{"content", std::move(content)}, {"refusal", nullptr}};
  }
  json texts = json::array();
  json logprobs = json::array();
  json tops = json::array();
  json offsets = json::array();
  std::int64_t offset = firstOffset;
  for (const engine::TokenLogprobs& token : tokens) {
    texts.push_back(logprobTokenText(token.sampled.token));
    logprobs.push_back(token.sampled.logprob);
    json top = json::object();
    for (const engine::TokenLogprob& alternative : token.top) top[logprobTokenText(alternative.token)] = alternative.logprob;
    tops.push_back(std::move(top));
    offsets.push_back(offset);
    offset += static_cast<std::int64_t>(logprobTokenBytes(token.sampled.token).size());
  }
  return {{"tokens", std::move(texts)},
          {"token_logprobs", std::move(logprobs)},
          {"top_logprobs", std::move(tops)},
          {"text_offset", std::move(offsets)}};
}

}  // namespace headroom::serve
