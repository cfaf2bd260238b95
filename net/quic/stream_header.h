#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace headroom::net::quic {

// The fixed header that opens every request stream, before the request itself (an HTTP/1.1 request
// message as the member's API expects it; for netbench, the payload to echo). Only durations cross the
// wire: the budget is what is left of the request's time when the header is written, and the receiver
// turns it into a deadline on its own clock.
//
// Wire layout (big-endian), 16 bytes then the two names:
//   u8  magic 'H'   u8 version (1)   u8 level   u8 class name length (1..kMaxClassNameBytes)
//   u8  request id length (0..kMaxRequestIdBytes)   u8 flags (bit 0: budget present; others 0)
//   u16 reserved (0)
//   u32 budget in microseconds (when the flag is set; 0xFFFFFFFF is not allowed)
//   u32 length of the request that follows, in bytes (at most kMaxRequestBytes)
//   class name (ASCII letters, digits, '-', '_', '.'), request id (printable ASCII)
struct StreamHeader {
  std::string className;
  std::uint8_t level = 0;  // 0 is the most urgent level (abs, ml)
  std::optional<std::chrono::microseconds> budget;
  std::string requestId;
  std::uint32_t requestBytes = 0;

  static constexpr std::size_t kFixedBytes = 16;
  static constexpr std::size_t kMaxClassNameBytes = 64;
  static constexpr std::size_t kMaxRequestIdBytes = 128;
  static constexpr std::uint32_t kMaxRequestBytes = 64u << 20;
  static constexpr std::size_t kMaxBytes = kFixedBytes + kMaxClassNameBytes + kMaxRequestIdBytes;
};

// Why a header was refused; the stream is reset with kStreamHeaderError and the message logged/counted.
struct StreamHeaderError {
  std::string message;  // names the field and what is allowed, e.g. "class name length 0: allowed 1..64"
};

// Encodes a header. Throws std::invalid_argument when a field is outside what the layout allows.
std::string encodeStreamHeader(const StreamHeader& header);

// Reads a header from the front of a stream's bytes as they arrive. feed() takes the next bytes and
// returns: std::monostate while the header is incomplete (every byte was taken), the header once complete
// (`consumed` then says how many of the bytes given to this call belong to it: the rest is the request),
// or an error (a bad magic, version, flag, length or name is refused as soon as its bytes are there).
class StreamHeaderReader {
 public:
  struct Complete {
    StreamHeader header;
    std::size_t consumed = 0;
  };
  using Result = std::variant<std::monostate, Complete, StreamHeaderError>;
  Result feed(std::string_view bytes);

 private:
  std::string buffered_;
  bool done_ = false;
};

// Application error codes carried by RESET_STREAM / STOP_SENDING on request streams.
enum class StreamErrorCode : std::uint64_t {
  BadHeader = 0x4801,      // the stream header was refused
  UnknownClass = 0x4802,   // the header names a class the receiver does not serve
  DeadlinePassed = 0x4803, // the sender's scheduler dropped the stream at its deadline
  Cancelled = 0x4804,      // the requester went away
  Internal = 0x4805,
};

}  // namespace headroom::net::quic
