#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace headroom::serve {

// The X-Request-Id every answer carries, errors included: the client's own when it sent a sane one (1 to
// kMaxRequestIdChars of A-Z a-z 0-9 and . _ : -), else a fresh "req-" followed by 24 hex digits.
inline constexpr std::size_t kMaxRequestIdChars = 64;

// `header` when it is a sane request id; else nullopt (absent, empty, too long, other characters).
std::optional<std::string> saneRequestId(std::optional<std::string_view> header);
std::string newRequestId();
// 24 random hex digits, the unique part of request and completion ids. Thread-safe.
std::string randomIdDigits();
// The id to answer a request with: saneRequestId(header) or newRequestId().
std::string requestIdFor(std::optional<std::string_view> header);

}  // namespace headroom::serve
