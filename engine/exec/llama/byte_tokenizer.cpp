#include "engine/exec/llama/byte_tokenizer.h"

#include <stdexcept>

namespace headroom::engine {

std::vector<std::int32_t> ByteTokenizer::encode(std::string_view text, AddBos addBos) const {
  std::vector<std::int32_t> tokens;
  tokens.reserve(text.size() + 1);
  if (addBos == AddBos::Yes) tokens.push_back(kBos);
  for (const char c : text) tokens.push_back(static_cast<std::int32_t>(static_cast<unsigned char>(c)));
  return tokens;
}

std::string ByteTokenizer::decode(std::span<const std::int32_t> tokens) const {
  std::string text;
  text.reserve(tokens.size());
  for (const std::int32_t token : tokens) {
    if (token < 0) throw std::invalid_argument("byte tokenizer: negative token id " + std::to_string(token));
    if (token < 256) text.push_back(static_cast<char>(token));
  }
  return text;
}

}  // namespace headroom::engine
