#include "serve/protocol/request_id.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <random>

namespace headroom::serve {

std::optional<std::string> saneRequestId(std::optional<std::string_view> header) {
  if (!header || header->empty() || header->size() > kMaxRequestIdChars) return std::nullopt;
  const bool sane = std::all_of(header->begin(), header->end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == ':' || c == '-';
  });
  if (!sane) return std::nullopt;
  return std::string(*header);
}

std::string randomIdDigits() {
  static std::atomic<std::uint64_t> counter{0};
  thread_local std::mt19937_64 random(std::random_device{}());
  const std::uint64_t value = random() ^ (counter.fetch_add(1, std::memory_order_relaxed) * 0x9E3779B97F4A7C15ULL);
  char hex[32];
  std::snprintf(hex, sizeof hex, "%016llx%08x", static_cast<unsigned long long>(value),
                static_cast<unsigned>(random() & 0xFFFFFFFFu));
  return hex;
}

std::string newRequestId() { return "req-" + randomIdDigits(); }

std::string requestIdFor(std::optional<std::string_view> header) {
  if (std::optional<std::string> own = saneRequestId(header)) return *own;
  return newRequestId();
}

}  // namespace headroom::serve
