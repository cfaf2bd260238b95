#include "serve/protocol/synthetic_text.h"

#include <array>
#include <cstddef>

namespace headroom::serve {

namespace {

constexpr std::array<std::string_view, 64> kWords{
    " the",    " of",     " and",    " a",      " to",     " in",     " is",     " that",   " for",    " it",
    " as",     " with",   " was",    " on",     " be",     " by",     " this",   " at",     " from",   " or",
    " an",     " are",    " which",  " but",    " not",    " have",   " one",    " all",    " can",    " its",
    " more",   " time",   " into",   " some",   " only",   " other",  " new",    " first",  " when",   " also",
    " after",  " two",    " between"," under",  " while",  " each",   " model",  " token",  " queue",  " class",
    " server", " request"," latency"," batch",  " cache",  " memory", " data",   " rate",   " load",   " serve",
    " plan",   " slot",   " block",  "."};

}  // namespace

std::string_view tokenText(std::int32_t tokenId) {
  const auto index = static_cast<std::size_t>(tokenId < 0 ? -static_cast<std::int64_t>(tokenId) : tokenId) % kWords.size();
  return kWords[index];
}

}  // namespace headroom::serve
