#include "serve/server/utf8_token_decoder.h"

namespace headroom::serve {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
constexpr std::int32_t kByteTokens = 256;

// Bytes a sequence starting with `lead` has, or 0 when `lead` cannot start one.
int sequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

// Whether `byte` may follow `lead` at position `index` (1..3) of its sequence: no overlong forms, no
// surrogates, nothing above U+10FFFF.
bool validContinuation(unsigned char lead, int index, unsigned char byte) {
  if (byte < 0x80 || byte > 0xBF) return false;
  if (index != 1) return true;
  if (lead == 0xE0) return byte >= 0xA0;
  if (lead == 0xED) return byte <= 0x9F;
  if (lead == 0xF0) return byte >= 0x90;
  if (lead == 0xF4) return byte <= 0x8F;
  return true;
}

}  // namespace

std::string Utf8TokenDecoder::push(std::int32_t tokenId) {
  if (tokenId < 0 || tokenId >= kByteTokens) return {};
  held_.push_back(static_cast<char>(tokenId));
  std::string out;
  std::size_t at = 0;
  while (at < held_.size()) {
    const auto lead = static_cast<unsigned char>(held_[at]);
    const int length = sequenceLength(lead);
    if (length == 0) {
      out += kReplacement;
      ++at;
      continue;
    }
    int valid = 1;
    while (valid < length && at + static_cast<std::size_t>(valid) < held_.size() &&
           validContinuation(lead, valid, static_cast<unsigned char>(held_[at + static_cast<std::size_t>(valid)]))) {
      ++valid;
    }
    if (valid == length) {
      out.append(held_, at, static_cast<std::size_t>(length));
      at += static_cast<std::size_t>(length);
    } else if (at + static_cast<std::size_t>(valid) == held_.size()) {
      break;  // a prefix of a valid character: wait for the rest
    } else {
      out += kReplacement;  // broken by the byte after the valid prefix: that byte starts afresh
      at += static_cast<std::size_t>(valid);
    }
  }
  held_.erase(0, at);
  return out;
}

std::string Utf8TokenDecoder::flush() {
  if (held_.empty()) return {};
  held_.clear();
  return std::string(kReplacement);
}

std::string Utf8TokenDecoder::decodeAll(const std::int32_t* tokens, std::size_t count) {
  Utf8TokenDecoder decoder;
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out += decoder.push(tokens[i]);
  out += decoder.flush();
  return out;
}

}  // namespace headroom::serve
