#include "engine/io/json_input.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "engine/io/input_problems.h"

namespace headroom::engine {

namespace {

std::string errorText(const std::filesystem::path& file, const JsonPointer& pointer, const std::string& allowed,
                      const std::string& found) {
  std::string text = file.empty() ? std::string("input") : file.string();
  if (!pointer.empty()) text += ": " + pointer.to_string();
  text += ": " + allowed;
  // After a list of names ("must be one of: a, b") a comma would read as one more name.
  const bool afterList = allowed.rfind("must be one of: ", 0) == 0;
  if (!found.empty()) text += (afterList ? "; got " : ", got ") + found;
  return text;
}

std::string joined(std::span<const std::string_view> first, std::span<const std::string_view> second) {
  std::string text;
  for (std::span<const std::string_view> list : {first, second}) {
    for (std::string_view name : list) text += (text.empty() ? "" : ", ") + std::string(name);
  }
  return text;
}

}  // namespace

InputError::InputError(std::filesystem::path file, JsonPointer pointer, std::string allowed, std::string found)
    : std::runtime_error(errorText(file, pointer, allowed, found)),
      file_(std::move(file)),
      pointer_(std::move(pointer)),
      allowed_(std::move(allowed)),
      found_(std::move(found)) {}

NumberRange NumberRange::atLeast(double minimum, std::string_view unit, double maximum) {
  return {minimum, End::Closed, maximum, End::Closed, unit};
}

NumberRange NumberRange::above(double minimum, std::string_view unit, double maximum) {
  return {minimum, End::Open, maximum, End::Closed, unit};
}

NumberRange NumberRange::interval(double minimum, End minimumEnd, double maximum, End maximumEnd,
                                  std::string_view unit) {
  return {minimum, minimumEnd, maximum, maximumEnd, unit, Shown::Interval};
}

bool NumberRange::contains(double value) const {
  if (!std::isfinite(value)) return false;
  if (minimumEnd == End::Open ? value <= minimum : value < minimum) return false;
  if (maximumEnd == End::Open ? value >= maximum : value > maximum) return false;
  return true;
}

std::string NumberRange::describe(std::optional<double> value) const {
  constexpr double kUnbounded = std::numeric_limits<double>::max();
  const bool aboveCap = value && std::isfinite(*value) && (maximumEnd == End::Open ? *value >= maximum : *value > maximum);
  const bool lower = minimum > -kUnbounded && !(shown == Shown::Minimum && aboveCap);
  const bool upper = maximum < kUnbounded && (shown == Shown::Interval || aboveCap || minimum <= -kUnbounded);
  std::string text = "a number";
  if (lower && upper) {
    text += std::string(" in ") + (minimumEnd == End::Open ? "(" : "[") + JsonInput::formatNumber(minimum) + ", " +
            JsonInput::formatNumber(maximum) + (maximumEnd == End::Open ? ")" : "]");
  } else if (lower) {
    text += std::string(minimumEnd == End::Open ? " > " : " >= ") + JsonInput::formatNumber(minimum);
  } else if (upper) {
    text += std::string(maximumEnd == End::Open ? " < " : " <= ") + JsonInput::formatNumber(maximum);
  }
  if (!unit.empty()) text += " (" + std::string(unit) + ")";
  return text;
}

nlohmann::json JsonInput::loadFile(const std::filesystem::path& file, std::string_view what) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(file, error)) throw InputError(file, JsonPointer(), "no such " + std::string(what));
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError(file, JsonPointer(), "cannot open the " + std::string(what));
  try {
    return json::parse(in);
  } catch (const json::exception& e) {  // parse_error, and out_of_range for a number too large for a double
    std::string message = e.what();
    if (const auto end = message.find("] "); message.rfind("[json.exception", 0) == 0 && end != std::string::npos) {
      message = message.substr(end + 2);
    }
    throw InputError(file, JsonPointer(), "not valid JSON: " + message);
  }
}

void JsonInput::fail(const JsonPointer& at, std::string allowed, std::string found) const {
  throw InputError(file_, at, std::move(allowed), std::move(found));
}

void JsonInput::failValue(const JsonPointer& at, std::string allowed, const json& found) const {
  throw InputError(file_, at, std::move(allowed), shown(found));
}

void JsonInput::requireObject(const json& value, const JsonPointer& at, std::string_view what) const {
  if (!value.is_object()) failValue(at, "must be an object " + std::string(what), value);
}

void JsonInput::checkFields(const json& object, const JsonPointer& at,
                            std::initializer_list<std::string_view> allowed) const {
  checkFields(object, at, std::span<const std::string_view>(allowed.begin(), allowed.size()), {});
}

void JsonInput::checkFields(const json& object, const JsonPointer& at, std::span<const std::string_view> allowed,
                            std::span<const std::string_view> moreAllowed) const {
  for (const auto& [key, value] : object.items()) {
    const auto known = [&key = key](std::span<const std::string_view> names) {
      return std::find(names.begin(), names.end(), key) != names.end();
    };
    if (!known(allowed) && !known(moreAllowed)) {
      fail(at / key, "unknown field; allowed fields here: " + joined(allowed, moreAllowed));
    }
  }
}

const nlohmann::json* JsonInput::field(const json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  const auto found = object.find(key);
  return found == object.end() ? nullptr : &*found;
}

const nlohmann::json& JsonInput::required(const json& object, const JsonPointer& at, std::string_view key,
                                          std::string_view what) const {
  const json* value = field(object, key);
  if (!value) fail(at / std::string(key), "required field is missing (" + std::string(what) + ")");
  return *value;
}

std::string JsonInput::string(const json& value, const JsonPointer& at) const {
  if (!value.is_string()) failValue(at, "must be a string", value);
  return value.get<std::string>();
}

std::string JsonInput::nonEmptyString(const json& value, const JsonPointer& at) const {
  if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
    failValue(at, "must be a non-empty string", value);
  }
  return value.get<std::string>();
}

bool JsonInput::boolean(const json& value, const JsonPointer& at) const {
  if (!value.is_boolean()) failValue(at, "must be true or false", value);
  return value.get<bool>();
}

std::int64_t JsonInput::integer(const json& value, const JsonPointer& at, std::int64_t minimum, std::int64_t maximum,
                                std::string_view minimumText) const {
  const std::string lower = minimumText.empty() ? std::to_string(minimum) : std::string(minimumText);
  const std::string upper = std::to_string(maximum);
  const bool bounded = maximum < std::numeric_limits<std::int64_t>::max();
  if (!value.is_number_integer()) failValue(at, "must be an integer >= " + lower, value);
  const bool tooLarge = value.is_number_unsigned()
                            ? value.get<std::uint64_t>() > static_cast<std::uint64_t>(maximum)
                            : value.get<std::int64_t>() > maximum;
  if (tooLarge && bounded) failValue(at, "must be an integer <= " + upper, value);
  if (tooLarge) failValue(at, "must be an integer >= " + lower + " that fits in 64 bits", value);
  const auto result = value.get<std::int64_t>();
  if (result < minimum) failValue(at, "must be an integer >= " + lower, value);
  return result;
}

std::uint64_t JsonInput::unsignedInteger(const json& value, const JsonPointer& at) const {
  // A document built in code holds a non-negative integer as signed; one parsed from text as unsigned.
  const bool nonNegative = value.is_number_unsigned() || (value.is_number_integer() && value.get<std::int64_t>() >= 0);
  if (!nonNegative) failValue(at, "must be an unsigned integer (0 to 18446744073709551615)", value);
  return value.get<std::uint64_t>();
}

double JsonInput::number(const json& value, const JsonPointer& at, const NumberRange& range) const {
  if (!value.is_number()) failValue(at, "must be " + range.describe(), value);
  const double result = value.get<double>();
  if (!range.contains(result)) failValue(at, "must be " + range.describe(result), value);
  return result;
}

Duration JsonInput::positiveSeconds(const json& value, const JsonPointer& at) const {
  if (!value.is_number()) failValue(at, englishText(SecondsProblem::NotPositive), value);
  const double seconds = value.get<double>();
  if (const auto problem = checkPositiveSeconds(seconds)) failValue(at, englishText(*problem), value);
  return durationFromSeconds(seconds);
}

double JsonInput::nonNegativeSeconds(const json& value, const JsonPointer& at) const {
  return number(value, at, NumberRange::atLeast(0.0, "seconds", kMaxSeconds));
}

std::string JsonInput::shown(const json& value) {
  switch (value.type()) {
    case json::value_t::object: return "an object";
    case json::value_t::array: return value.empty() ? "an empty array" : "an array";
    case json::value_t::null: return "null";
    default: break;
  }
  std::string text = value.dump();
  constexpr std::size_t kMaxShown = 60;
  if (text.size() > kMaxShown) text = text.substr(0, kMaxShown) + "...";
  return text;
}

std::string JsonInput::formatNumber(double value) {
  std::ostringstream out;
  out.precision(12);
  out << value;
  return out.str();
}

}  // namespace headroom::engine
