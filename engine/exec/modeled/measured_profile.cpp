#include "engine/exec/modeled/measured_profile.h"

#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>

#include "engine/core/resource_paths.h"
#include "engine/exec/modeled/resource_json.h"
#include "engine/io/json_input.h"

namespace headroom::engine {

namespace {

nlohmann::json pointJson(const ProfilePoint& point) {
  const BatchShape& s = point.shape;
  return {{"prefill_tokens", s.prefillTokens},
          {"prefill_sequences", s.prefillSequences},
          {"decode_tokens", s.decodeTokens},
          {"prefill_attention_pairs", s.prefillAttentionPairs},
          {"prefill_kv_tokens", s.prefillKvTokens},
          {"decode_kv_tokens", s.decodeKvTokens},
          {"measured_us", point.measured.count()},
          {"held_out", point.heldOut}};
}

}  // namespace

nlohmann::json toJson(const MeasuredProfile& profile) {
  nlohmann::json points = nlohmann::json::array();
  for (const ProfilePoint& point : profile.points) points.push_back(pointJson(point));
  nlohmann::json features = nlohmann::json::array();
  for (const char* name : kProfileFeatureNames) features.push_back(name);
  return {{"source", "measured by `" + profile.command + "` on " + profile.machine + ", " + profile.date},
          {"executor", profile.executor},
          {"model", profile.model},
          {"weights", profile.weights},
          {"machine", profile.machine},
          {"date", profile.date},
          {"timing", profile.timing},
          {"command", profile.command},
          {"features", features},
          {"coefficients_us", profile.fit.coefficientsUs},
          {"fit_mape", profile.fit.fitMape},
          {"held_out_mape", profile.fit.heldOutMape},
          {"fit_points", profile.fit.fitPoints},
          {"held_out_points", profile.fit.heldOutPoints},
          {"points", points}};
}

MeasuredProfile measuredProfileFromJson(const nlohmann::json& json, const std::string& origin) {
  using nlohmann::json_pointer;
  const JsonInput input(origin);
  const JsonPointer top;
  if (!json.is_object()) input.failValue(top, "expected a JSON object at the top level", json);
  const auto text = [&](const char* key) {
    return input.string(input.required(json, top, key, "a string"), top / key);
  };
  const auto count = [&](const nlohmann::json& object, const JsonPointer& at, const char* key) {
    return input.integer(input.required(object, at, key, "an integer >= 0"), at / key, 0,
                         std::numeric_limits<std::int64_t>::max());
  };
  const auto finite = NumberRange{};
  MeasuredProfile profile;
  profile.executor = text("executor");
  profile.model = text("model");
  profile.weights = json.contains("weights") ? text("weights") : std::string("random");
  profile.machine = text("machine");
  profile.date = text("date");
  if (json.contains("timing")) {
    profile.timing = input.oneOf(json.at("timing"), top / "timing", "wall, thread-cpu",
                                 [](const std::string& name) -> std::optional<std::string> {
                                   if (name == "wall" || name == "thread-cpu") return name;
                                   return std::nullopt;
                                 });
  }
  profile.command = json.contains("command") ? text("command") : std::string();

  const auto& features = input.required(json, top, "features", "the feature names");
  nlohmann::json expected = nlohmann::json::array();
  for (const char* name : kProfileFeatureNames) expected.push_back(name);
  if (features != expected) input.fail(top / "features", "must be " + expected.dump(), features.dump());
  const auto& coefficients = input.required(json, top, "coefficients_us", "an array of numbers");
  if (!coefficients.is_array() || coefficients.size() != kProfileFeatureCount) {
    input.failValue(top / "coefficients_us", "must be an array of " + std::to_string(kProfileFeatureCount) + " numbers",
                    coefficients);
  }
  for (std::size_t i = 0; i < kProfileFeatureCount; ++i) {
    profile.fit.coefficientsUs[i] = input.number(coefficients[i], top / "coefficients_us" / i, finite);
  }
  if (json.contains("fit_mape")) profile.fit.fitMape = input.number(json.at("fit_mape"), top / "fit_mape", finite);
  if (json.contains("held_out_mape")) {
    profile.fit.heldOutMape = input.number(json.at("held_out_mape"), top / "held_out_mape", finite);
  }
  if (json.contains("points")) {
    const auto& points = json.at("points");
    if (!points.is_array()) input.failValue(top / "points", "must be an array of measured points", points);
    for (std::size_t i = 0; i < points.size(); ++i) {
      const JsonPointer at = top / "points" / i;
      const auto& p = points[i];
      input.requireObject(p, at, "(a measured point)");
      ProfilePoint point;
      point.shape.prefillTokens = static_cast<std::int32_t>(count(p, at, "prefill_tokens"));
      point.shape.prefillSequences = static_cast<std::int32_t>(count(p, at, "prefill_sequences"));
      point.shape.decodeTokens = static_cast<std::int32_t>(count(p, at, "decode_tokens"));
      point.shape.prefillAttentionPairs = count(p, at, "prefill_attention_pairs");
      point.shape.prefillKvTokens = count(p, at, "prefill_kv_tokens");
      point.shape.decodeKvTokens = count(p, at, "decode_kv_tokens");
      point.measured = Duration{count(p, at, "measured_us")};
      if (const auto* heldOut = JsonInput::field(p, "held_out")) point.heldOut = input.boolean(*heldOut, at / "held_out");
      profile.points.push_back(point);
    }
    for (const ProfilePoint& point : profile.points) {
      profile.fit.heldOutPoints += point.heldOut ? 1 : 0;
      profile.fit.fitPoints += point.heldOut ? 0 : 1;
    }
  }
  return profile;
}

MeasuredProfile readMeasuredProfile(const std::filesystem::path& file) {
  return measuredProfileFromJson(JsonInput::loadFile(file, "profile"), file.string());
}

MeasuredProfile loadMeasuredProfile(std::string_view name) {
  const auto file = resourceFile("profiles", name);
  if (name.empty() || name.find('/') != std::string_view::npos || !std::filesystem::exists(file)) {
    throw std::runtime_error("unknown profile '" + std::string(name) + "' (available: " + availableNames("profiles") +
                             ")");
  }
  return readMeasuredProfile(file);
}

}  // namespace headroom::engine
