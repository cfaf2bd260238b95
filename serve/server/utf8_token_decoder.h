#pragma once

#include <cstdint>
#include <string>

namespace headroom::serve {

// Turns byte-tokeniser ids, one at a time, into text that is always valid UTF-8, for streaming. A
// character whose bytes arrive over several tokens is held back until it is complete; a byte that can
// never start or continue a valid sequence becomes U+FFFD at once; special ids (>= 256) give nothing.
// flush() ends the stream: an incomplete sequence still held becomes one U+FFFD. One request's state;
// not thread-safe.
class Utf8TokenDecoder {
 public:
  // The text that token `tokenId` completes (often empty while a character is incomplete).
  std::string push(std::int32_t tokenId);
  std::string flush();
  // Bytes held back, waiting for the rest of their character.
  std::size_t heldBytes() const { return held_.size(); }

  // Decodes a whole sequence of ids the same way (push each, then flush).
  static std::string decodeAll(const std::int32_t* tokens, std::size_t count);

 private:
  std::string held_;
};

}  // namespace headroom::serve
