#include "net/quic/stream_header.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace headroom::net::quic {

namespace {

constexpr std::uint8_t kMagic = 'H';
constexpr std::uint8_t kVersion = 1;
constexpr std::uint8_t kFlagBudget = 0x01;
constexpr std::uint32_t kBudgetNotAllowed = 0xFFFFFFFFu;

// Offsets in the fixed part.
constexpr std::size_t kMagicAt = 0, kVersionAt = 1, kLevelAt = 2, kClassLengthAt = 3, kRequestIdLengthAt = 4,
                      kFlagsAt = 5, kReservedAt = 6, kBudgetAt = 8, kRequestLengthAt = 12;

constexpr std::string_view kClassNameAllowed = "ASCII letters, digits, '-', '_', '.'";
constexpr std::string_view kRequestIdAllowed = "printable ASCII (0x20..0x7e)";

bool isClassNameByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}
bool isRequestIdByte(unsigned char c) { return c >= 0x20 && c <= 0x7E; }

std::string hexByte(unsigned char c) {
  char text[8];
  std::snprintf(text, sizeof text, "0x%02x", c);
  return text;
}

std::string range(std::uint64_t low, std::uint64_t high) { return std::to_string(low) + ".." + std::to_string(high); }

std::uint8_t byteAt(std::string_view bytes, std::size_t at) { return static_cast<std::uint8_t>(bytes[at]); }

std::uint32_t u32At(std::string_view bytes, std::size_t at) {
  return (std::uint32_t{byteAt(bytes, at)} << 24) | (std::uint32_t{byteAt(bytes, at + 1)} << 16) |
         (std::uint32_t{byteAt(bytes, at + 2)} << 8) | std::uint32_t{byteAt(bytes, at + 3)};
}

void appendU32(std::string& out, std::uint32_t value) {
  out.push_back(static_cast<char>(value >> 24));
  out.push_back(static_cast<char>(value >> 16));
  out.push_back(static_cast<char>(value >> 8));
  out.push_back(static_cast<char>(value));
}

std::size_t totalBytes(std::string_view fixed) {
  return StreamHeader::kFixedBytes + byteAt(fixed, kClassLengthAt) + byteAt(fixed, kRequestIdLengthAt);
}

// The first refused field among the bytes there so far, as a message; empty when all is well.
std::string checkPrefix(std::string_view bytes) {
  const auto have = [&](std::size_t at, std::size_t length = 1) { return bytes.size() >= at + length; };
  if (have(kMagicAt) && byteAt(bytes, kMagicAt) != kMagic) {
    return "magic " + hexByte(byteAt(bytes, kMagicAt)) + ": allowed 0x48 ('H')";
  }
  if (have(kVersionAt) && byteAt(bytes, kVersionAt) != kVersion) {
    return "version " + std::to_string(byteAt(bytes, kVersionAt)) + ": allowed 1";
  }
  if (have(kClassLengthAt)) {
    const std::size_t length = byteAt(bytes, kClassLengthAt);
    if (length < 1 || length > StreamHeader::kMaxClassNameBytes) {
      return "class name length " + std::to_string(length) + ": allowed " + range(1, StreamHeader::kMaxClassNameBytes);
    }
  }
  if (have(kRequestIdLengthAt) && byteAt(bytes, kRequestIdLengthAt) > StreamHeader::kMaxRequestIdBytes) {
    return "request id length " + std::to_string(byteAt(bytes, kRequestIdLengthAt)) + ": allowed " +
           range(0, StreamHeader::kMaxRequestIdBytes);
  }
  if (have(kFlagsAt) && (byteAt(bytes, kFlagsAt) & ~kFlagBudget) != 0) {
    return "flags " + hexByte(byteAt(bytes, kFlagsAt)) + ": allowed 0x00 or 0x01 (bit 0: budget present)";
  }
  for (std::size_t at = kReservedAt; at < kBudgetAt; ++at) {
    if (have(at) && byteAt(bytes, at) != 0) return "reserved byte " + hexByte(byteAt(bytes, at)) + ": allowed 0x00";
  }
  if (have(kBudgetAt, 4)) {
    const std::uint32_t budget = u32At(bytes, kBudgetAt);
    if ((byteAt(bytes, kFlagsAt) & kFlagBudget) == 0 && budget != 0) {
      return "budget " + std::to_string(budget) + " microseconds without the budget flag: allowed 0";
    }
    if (budget == kBudgetNotAllowed) {
      return "budget " + std::to_string(budget) + " microseconds: allowed " + range(0, kBudgetNotAllowed - 1);
    }
  }
  if (have(kRequestLengthAt, 4) && u32At(bytes, kRequestLengthAt) > StreamHeader::kMaxRequestBytes) {
    return "request length " + std::to_string(u32At(bytes, kRequestLengthAt)) + " bytes: allowed " +
           range(0, StreamHeader::kMaxRequestBytes);
  }
  if (bytes.size() <= StreamHeader::kFixedBytes) return {};
  const std::size_t classLength = byteAt(bytes, kClassLengthAt);
  for (std::size_t i = 0; i < classLength && StreamHeader::kFixedBytes + i < bytes.size(); ++i) {
    const unsigned char c = byteAt(bytes, StreamHeader::kFixedBytes + i);
    if (!isClassNameByte(c)) {
      return "class name byte " + hexByte(c) + " at " + std::to_string(i) + ": allowed " + std::string(kClassNameAllowed);
    }
  }
  const std::size_t idStart = StreamHeader::kFixedBytes + classLength;
  for (std::size_t at = idStart; at < bytes.size(); ++at) {
    const unsigned char c = byteAt(bytes, at);
    if (!isRequestIdByte(c)) {
      return "request id byte " + hexByte(c) + " at " + std::to_string(at - idStart) + ": allowed " +
             std::string(kRequestIdAllowed);
    }
  }
  return {};
}

StreamHeader decode(std::string_view bytes) {
  StreamHeader header;
  header.level = byteAt(bytes, kLevelAt);
  if ((byteAt(bytes, kFlagsAt) & kFlagBudget) != 0) header.budget = std::chrono::microseconds(u32At(bytes, kBudgetAt));
  header.requestBytes = u32At(bytes, kRequestLengthAt);
  const std::size_t classLength = byteAt(bytes, kClassLengthAt);
  header.className = std::string(bytes.substr(StreamHeader::kFixedBytes, classLength));
  header.requestId = std::string(bytes.substr(StreamHeader::kFixedBytes + classLength));
  return header;
}

[[noreturn]] void refuse(const std::string& message) { throw std::invalid_argument("stream header: " + message); }

}  // namespace

std::string encodeStreamHeader(const StreamHeader& header) {
  if (header.className.empty() || header.className.size() > StreamHeader::kMaxClassNameBytes) {
    refuse("class name length " + std::to_string(header.className.size()) + ": allowed " +
           range(1, StreamHeader::kMaxClassNameBytes));
  }
  for (std::size_t i = 0; i < header.className.size(); ++i) {
    const auto c = static_cast<unsigned char>(header.className[i]);
    if (!isClassNameByte(c)) {
      refuse("class name byte " + hexByte(c) + " at " + std::to_string(i) + ": allowed " + std::string(kClassNameAllowed));
    }
  }
  if (header.requestId.size() > StreamHeader::kMaxRequestIdBytes) {
    refuse("request id length " + std::to_string(header.requestId.size()) + ": allowed " +
           range(0, StreamHeader::kMaxRequestIdBytes));
  }
  for (std::size_t i = 0; i < header.requestId.size(); ++i) {
    const auto c = static_cast<unsigned char>(header.requestId[i]);
    if (!isRequestIdByte(c)) {
      refuse("request id byte " + hexByte(c) + " at " + std::to_string(i) + ": allowed " + std::string(kRequestIdAllowed));
    }
  }
  if (header.budget && (header.budget->count() < 0 || header.budget->count() >= kBudgetNotAllowed)) {
    refuse("budget " + std::to_string(header.budget->count()) + " microseconds: allowed " +
           range(0, kBudgetNotAllowed - 1));
  }
  if (header.requestBytes > StreamHeader::kMaxRequestBytes) {
    refuse("request length " + std::to_string(header.requestBytes) + " bytes: allowed " +
           range(0, StreamHeader::kMaxRequestBytes));
  }

  std::string out;
  out.reserve(StreamHeader::kFixedBytes + header.className.size() + header.requestId.size());
  out.push_back(static_cast<char>(kMagic));
  out.push_back(static_cast<char>(kVersion));
  out.push_back(static_cast<char>(header.level));
  out.push_back(static_cast<char>(header.className.size()));
  out.push_back(static_cast<char>(header.requestId.size()));
  out.push_back(static_cast<char>(header.budget ? kFlagBudget : 0));
  out.push_back('\0');
  out.push_back('\0');
  appendU32(out, header.budget ? static_cast<std::uint32_t>(header.budget->count()) : 0);
  appendU32(out, header.requestBytes);
  out += header.className;
  out += header.requestId;
  return out;
}

StreamHeaderReader::Result StreamHeaderReader::feed(std::string_view bytes) {
  if (done_) return StreamHeaderError{"stream header: already read (complete or refused)"};
  std::size_t taken = 0;
  while (true) {
    const std::size_t target =
        buffered_.size() >= StreamHeader::kFixedBytes ? totalBytes(buffered_) : StreamHeader::kFixedBytes;
    const std::size_t chunk = std::min(target - buffered_.size(), bytes.size() - taken);
    buffered_.append(bytes.substr(taken, chunk));
    taken += chunk;
    if (std::string problem = checkPrefix(buffered_); !problem.empty()) {
      done_ = true;
      buffered_.clear();
      return StreamHeaderError{"stream header: " + problem};
    }
    if (buffered_.size() >= StreamHeader::kFixedBytes && buffered_.size() == totalBytes(buffered_)) {
      done_ = true;
      Complete complete{decode(buffered_), taken};
      buffered_.clear();
      return complete;
    }
    if (chunk == 0) return std::monostate{};
  }
}

}  // namespace headroom::net::quic
