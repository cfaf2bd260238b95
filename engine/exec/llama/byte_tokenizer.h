#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace headroom::engine {

// Byte-level tokenisation: token t < 256 is the byte t, so any text round-trips with any weights whose
// vocabulary has at least kVocabSize entries. kBos and kEos are the two special ids above the bytes.
// Stateless; safe from any thread.
class ByteTokenizer {
 public:
  static constexpr std::int32_t kBos = 256;
  static constexpr std::int32_t kEos = 257;
  static constexpr std::int32_t kVocabSize = 258;

  enum class AddBos : std::uint8_t { No, Yes };

  std::vector<std::int32_t> encode(std::string_view text, AddBos addBos = AddBos::Yes) const;
  // The bytes of every byte token; special ids and ids above them are skipped. Throws
  // std::invalid_argument on a negative id.
  std::string decode(std::span<const std::int32_t> tokens) const;
};

}  // namespace headroom::engine
