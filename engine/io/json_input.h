#pragma once

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <limits>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "engine/core/duration_rule.h"
#include "engine/core/time.h"

namespace headroom::engine {

// A place in a JSON document (RFC 6901), e.g. "/classes/1/slo/ttft_s". Build children with `at / "key"`
// and `at / index`; the library escapes '~' and '/' in keys.
using JsonPointer = nlohmann::json::json_pointer;

// Bad input in any file or body Headroom reads as JSON (scenario, serve and route configuration, model
// and hardware resources, measured profiles, planning files, snapshots, admin request bodies). Carries
// the source (`file`: a path, or a name such as "request body"), the JSON pointer of the offending value
// (empty for the whole document), what is allowed there, and what was found (empty when nothing was:
// a missing field, a broken file). what() reads "FILE: POINTER: ALLOWED, got FOUND" ("; got" after "must be
// one of: NAMES", where a comma would read as one more name). Plain value.
class InputError : public std::runtime_error {
 public:
  InputError(std::filesystem::path file, JsonPointer pointer, std::string allowed, std::string found = {});

  const std::filesystem::path& file() const { return file_; }
  const JsonPointer& pointer() const { return pointer_; }
  const std::string& allowed() const { return allowed_; }
  const std::string& found() const { return found_; }

 private:
  std::filesystem::path file_;
  JsonPointer pointer_;
  std::string allowed_;
  std::string found_;
};

// Bounds of a number: [minimum, maximum] with each end open or closed, followed in messages by the unit
// in parentheses when there is one. An interval is shown whole ("a number in (0, 100]"); otherwise the
// maximum is a sanity cap, named only to a value above it ("a number > 0", "a number <= 1000000000").
struct NumberRange {
  enum class End : std::uint8_t { Open, Closed };
  enum class Shown : std::uint8_t { Minimum, Interval };
  double minimum = -std::numeric_limits<double>::max();
  End minimumEnd = End::Closed;
  double maximum = std::numeric_limits<double>::max();
  End maximumEnd = End::Closed;
  std::string_view unit;
  Shown shown = Shown::Minimum;

  static NumberRange atLeast(double minimum, std::string_view unit = {},
                             double maximum = std::numeric_limits<double>::max());
  static NumberRange above(double minimum, std::string_view unit = {},
                           double maximum = std::numeric_limits<double>::max());
  static NumberRange interval(double minimum, End minimumEnd, double maximum, End maximumEnd,
                              std::string_view unit = {});
  bool contains(double value) const;
  // What a value must be, for a message: "a number > 0 (seconds)", "a number in (0, 100]"; `value` (if
  // any) picks the cap's text for a value above a sanity cap.
  std::string describe(std::optional<double> value = std::nullopt) const;
};

// The one checked reader over a parsed JSON document from one source. Every getter takes the value and
// its pointer, checks type and range, and throws InputError naming the source, the pointer, what is
// allowed and what was found. Holds no document, only the source's name: cheap to copy and to make.
// Thread-safe (const, no state beyond the name).
class JsonInput {
 public:
  using json = nlohmann::json;

  // Longest numbers of seconds accepted anywhere (about 31 years).
  static constexpr double kMaxSeconds = kMaxInputSeconds;

  explicit JsonInput(std::filesystem::path file) : file_(std::move(file)) {}

  const std::filesystem::path& file() const { return file_; }

  // Reads and parses `file`; InputError "no such file" / "cannot open" / "not valid JSON: parse error at
  // line L, column C: ...". `what` names the kind of file in the missing-file message ("scenario file").
  static json loadFile(const std::filesystem::path& file, std::string_view what = "file");

  [[noreturn]] void fail(const JsonPointer& at, std::string allowed, std::string found = {}) const;
  // Same, with `found` shown as the value it is.
  [[noreturn]] void failValue(const JsonPointer& at, std::string allowed, const json& found) const;

  void requireObject(const json& value, const JsonPointer& at, std::string_view what) const;
  // InputError at the first key that is not in `allowed`, listing the allowed keys.
  void checkFields(const json& object, const JsonPointer& at, std::initializer_list<std::string_view> allowed) const;
  void checkFields(const json& object, const JsonPointer& at, std::span<const std::string_view> allowed,
                   std::span<const std::string_view> moreAllowed = {}) const;
  static const json* field(const json& object, std::string_view key);
  // The field, or InputError "required field is missing (WHAT)".
  const json& required(const json& object, const JsonPointer& at, std::string_view key, std::string_view what) const;

  std::string string(const json& value, const JsonPointer& at) const;
  std::string nonEmptyString(const json& value, const JsonPointer& at) const;
  bool boolean(const json& value, const JsonPointer& at) const;
  // An integer in [minimum, maximum]. `minimumText` replaces the number in the message ("min (3)").
  std::int64_t integer(const json& value, const JsonPointer& at, std::int64_t minimum,
                       std::int64_t maximum = std::numeric_limits<std::int32_t>::max(),
                       std::string_view minimumText = {}) const;
  std::uint64_t unsignedInteger(const json& value, const JsonPointer& at) const;
  // A finite number within `range`.
  double number(const json& value, const JsonPointer& at, const NumberRange& range) const;
  // Seconds > 0 and at least one microsecond, at most kMaxSeconds, as the engine's Duration.
  Duration positiveSeconds(const json& value, const JsonPointer& at) const;
  // Seconds >= 0, at most kMaxSeconds.
  double nonNegativeSeconds(const json& value, const JsonPointer& at) const;
  // A string that `parse` turns into a value (an enum); otherwise InputError "must be one of: NAMES".
  template <typename Parse>
  auto oneOf(const json& value, const JsonPointer& at, std::string_view names, Parse parse) const {
    const std::string allowed = "must be one of: " + std::string(names);
    if (!value.is_string()) failValue(at, allowed, value);
    const auto parsed = parse(value.template get_ref<const std::string&>());
    if (!parsed) failValue(at, allowed, value);
    return *parsed;
  }

  // How a value is shown after "got": scalars as JSON (cut at 60 characters), "an object", "an array".
  static std::string shown(const json& value);
  // A number as the messages write it (up to 12 significant digits).
  static std::string formatNumber(double value);

 private:
  std::filesystem::path file_;
};

}  // namespace headroom::engine
