// libFuzzer target: the QUIC stream header reader (net/quic/stream_header.cpp) as a receiver runs it:
// the input split into feeds at points taken from its first byte. Whatever the split, the reader must
// give the same outcome as one feed of everything; a header it accepts must encode back to exactly the
// bytes it consumed; it never consumes more than it was given. Run by scripts/fuzz_http.sh.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "net/quic/stream_header.h"

namespace {

using headroom::net::quic::StreamHeaderError;
using headroom::net::quic::StreamHeaderReader;

// One outcome, comparable across splits: "incomplete", the error, or the header's bytes and where
// in the input the request begins.
std::string outcome(const StreamHeaderReader::Result& result, std::size_t fedBefore) {
  if (std::holds_alternative<std::monostate>(result)) return "incomplete";
  if (const auto* error = std::get_if<StreamHeaderError>(&result)) {
    if (error->message.rfind("stream header: ", 0) != 0) __builtin_trap();
    return "error " + error->message;
  }
  const auto& complete = std::get<StreamHeaderReader::Complete>(result);
  return "header " + headroom::net::quic::encodeStreamHeader(complete.header) + " at " +
         std::to_string(fedBefore + complete.consumed);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t step = 1 + data[0] % 32;
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);

  StreamHeaderReader whole;
  const auto wholeResult = whole.feed(bytes);
  const std::string expected = outcome(wholeResult, 0);
  if (const auto* complete = std::get_if<StreamHeaderReader::Complete>(&wholeResult)) {
    if (complete->consumed > bytes.size()) __builtin_trap();
    if (headroom::net::quic::encodeStreamHeader(complete->header) != bytes.substr(0, complete->consumed)) __builtin_trap();
  }

  StreamHeaderReader pieces;
  std::string got = "incomplete";
  for (std::size_t at = 0; at < bytes.size(); at += step) {
    const auto result = pieces.feed(bytes.substr(at, step));
    if (const auto* complete = std::get_if<StreamHeaderReader::Complete>(&result)) {
      if (complete->consumed > step) __builtin_trap();
    }
    got = outcome(result, at);
    if (got != "incomplete") break;
  }
  if (got != expected) __builtin_trap();
  return 0;
}
