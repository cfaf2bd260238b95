#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace headroom::engine {

// The names an enum's values have in files, wires and flags, in one table read both ways: name() for
// writing, parse() for reading (exact, case-sensitive). The first entry is the name of a value the table
// does not list. A constexpr value; thread-safe.
template <typename Enum, std::size_t N>
struct EnumNames {
  std::array<std::pair<Enum, std::string_view>, N> entries;

  constexpr std::string_view name(Enum value) const {
    for (const auto& [candidate, text] : entries) {
      if (candidate == value) return text;
    }
    return entries[0].second;
  }
  constexpr std::optional<Enum> parse(std::string_view text) const {
    for (const auto& [candidate, name] : entries) {
      if (name == text) return candidate;
    }
    return std::nullopt;
  }
};

// enumNames<Importance>({{Importance::High, "high"}, {Importance::Low, "low"}})
template <typename Enum, std::size_t N>
constexpr EnumNames<Enum, N> enumNames(const std::pair<Enum, std::string_view> (&entries)[N]) {
  EnumNames<Enum, N> names{};
  for (std::size_t i = 0; i < N; ++i) names.entries[i] = entries[i];
  return names;
}

}  // namespace headroom::engine
