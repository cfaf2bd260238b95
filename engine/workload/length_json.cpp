#include "engine/workload/length_json.h"

#include <algorithm>
#include <cmath>

#include "engine/core/enum_names.h"

namespace headroom::engine {

using nlohmann::json;

namespace {

constexpr std::int64_t kMaxInt32 = std::numeric_limits<std::int32_t>::max();

constexpr auto kLengthKindNames = enumNames<LengthKind>({
    {LengthKind::Fixed, "fixed"},
    {LengthKind::Uniform, "uniform"},
    {LengthKind::Lognormal, "lognormal"},
    {LengthKind::Empirical, "empirical"},
});

std::optional<LengthKind> parseLengthKind(std::string_view text) { return kLengthKindNames.parse(text); }

std::string_view lengthKindName(LengthKind kind) { return kLengthKindNames.name(kind); }

std::int32_t tokens(const JsonInput& input, const json& value, const JsonPointer& at, std::int64_t minimum = 1,
                    std::string_view minimumText = {}) {
  return static_cast<std::int32_t>(input.integer(value, at, minimum, kMaxInt32, minimumText));
}

}  // namespace

json lengthSpecToJson(const LengthSpec& length) {
  json object = {{"dist", lengthKindName(length.kind)}};
  switch (length.kind) {
    case LengthKind::Fixed: object["value"] = length.value; break;
    case LengthKind::Uniform:
      object["min"] = length.min;
      object["max"] = length.max;
      break;
    case LengthKind::Lognormal:
      object["median"] = length.median;
      object["p90"] = length.p90;
      object["max"] = length.max;
      break;
    case LengthKind::Empirical: object["values"] = length.values; break;
  }
  return object;
}

LengthSpec lengthSpecFromJson(const JsonInput& input, const json& value, const JsonPointer& at) {
  LengthSpec spec;
  if (value.is_number_integer()) {
    spec.kind = LengthKind::Fixed;
    spec.value = tokens(input, value, at);
    return spec;
  }
  if (!value.is_object()) {
    input.failValue(at,
                    "must be a positive integer (a fixed length) or an object {\"dist\": fixed, uniform, lognormal or "
                    "empirical, ...}",
                    value);
  }
  spec.kind = input.oneOf(input.required(value, at, "dist", "one of: fixed, uniform, lognormal, empirical"),
                          at / "dist", "fixed, uniform, lognormal, empirical", parseLengthKind);
  switch (spec.kind) {
    case LengthKind::Fixed:
      input.checkFields(value, at, {"dist", "value"});
      spec.value = tokens(input, input.required(value, at, "value", "an integer >= 1"), at / "value");
      break;
    case LengthKind::Uniform:
      input.checkFields(value, at, {"dist", "min", "max"});
      spec.min = tokens(input, input.required(value, at, "min", "an integer >= 1"), at / "min");
      spec.max = tokens(input, input.required(value, at, "max", "an integer >= min"), at / "max", spec.min,
                        "min (" + std::to_string(spec.min) + ")");
      break;
    case LengthKind::Lognormal: {
      input.checkFields(value, at, {"dist", "median", "p90", "max"});
      spec.median = input.number(input.required(value, at, "median", "a number > 0, tokens"), at / "median",
                                 NumberRange::above(0.0, "tokens", static_cast<double>(kMaxInt32)));
      spec.p90 = input.number(input.required(value, at, "p90", "a number > median, tokens"), at / "p90",
                              NumberRange::above(spec.median, "tokens, above the median", 1e12));
      const auto minimumMax = std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil(spec.median)));
      spec.max = tokens(input, input.required(value, at, "max", "an integer >= median"), at / "max", minimumMax,
                        "the median (" + JsonInput::formatNumber(spec.median) + ")");
      break;
    }
    case LengthKind::Empirical: {
      input.checkFields(value, at, {"dist", "values"});
      const json& values = input.required(value, at, "values", "a non-empty array of integers >= 1");
      if (!values.is_array() || values.empty()) {
        input.failValue(at / "values", "must be a non-empty array of integers >= 1", values);
      }
      for (std::size_t k = 0; k < values.size(); ++k) spec.values.push_back(tokens(input, values[k], at / "values" / k));
      break;
    }
  }
  return spec;
}

}  // namespace headroom::engine
