#include "engine/exec/modeled/measured_profile.h"

#include <cmath>
#include <fstream>
#include <stdexcept>

#include "engine/core/resource_paths.h"
#include "engine/exec/modeled/resource_json.h"

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

class Reader {
 public:
  explicit Reader(const std::string& origin) : origin_(origin) {}

  [[noreturn]] void fail(const std::string& field, const std::string& problem) const {
    throw std::runtime_error(origin_ + ": field '" + field + "' " + problem);
  }
  const nlohmann::json& at(const nlohmann::json& object, const std::string& key, const std::string& path) const {
    const auto it = object.find(key);
    if (it == object.end()) fail(path, "is missing");
    return *it;
  }
  std::string text(const nlohmann::json& object, const std::string& key) const {
    const auto& value = at(object, key, key);
    if (!value.is_string()) fail(key, "must be a string, got " + value.dump());
    return value.get<std::string>();
  }
  std::int64_t count(const nlohmann::json& object, const std::string& key, const std::string& path) const {
    const auto& value = at(object, key, path);
    if (!value.is_number_integer() || value.get<std::int64_t>() < 0) {
      fail(path, "must be an integer >= 0, got " + value.dump());
    }
    return value.get<std::int64_t>();
  }
  double number(const nlohmann::json& value, const std::string& path) const {
    if (!value.is_number() || !std::isfinite(value.get<double>())) fail(path, "must be a finite number, got " + value.dump());
    return value.get<double>();
  }

 private:
  std::string origin_;
};

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
  const Reader read(origin);
  if (!json.is_object()) throw std::runtime_error(origin + ": expected a JSON object at the top level");
  MeasuredProfile profile;
  profile.executor = read.text(json, "executor");
  profile.model = read.text(json, "model");
  profile.weights = json.contains("weights") ? read.text(json, "weights") : std::string("random");
  profile.machine = read.text(json, "machine");
  profile.date = read.text(json, "date");
  if (json.contains("timing")) {
    profile.timing = read.text(json, "timing");
    if (profile.timing != "wall" && profile.timing != "thread-cpu") {
      read.fail("timing", "must be \"wall\" or \"thread-cpu\", got \"" + profile.timing + "\"");
    }
  }
  profile.command = json.contains("command") ? read.text(json, "command") : std::string();

  const auto& features = read.at(json, "features", "features");
  nlohmann::json expected = nlohmann::json::array();
  for (const char* name : kProfileFeatureNames) expected.push_back(name);
  if (features != expected) read.fail("features", "must be " + expected.dump() + ", got " + features.dump());
  const auto& coefficients = read.at(json, "coefficients_us", "coefficients_us");
  if (!coefficients.is_array() || coefficients.size() != kProfileFeatureCount) {
    read.fail("coefficients_us", "must be an array of " + std::to_string(kProfileFeatureCount) + " numbers");
  }
  for (std::size_t i = 0; i < kProfileFeatureCount; ++i) {
    profile.fit.coefficientsUs[i] = read.number(coefficients[i], "coefficients_us/" + std::to_string(i));
  }
  if (json.contains("fit_mape")) profile.fit.fitMape = read.number(json.at("fit_mape"), "fit_mape");
  if (json.contains("held_out_mape")) profile.fit.heldOutMape = read.number(json.at("held_out_mape"), "held_out_mape");
  if (json.contains("points")) {
    const auto& points = json.at("points");
    if (!points.is_array()) read.fail("points", "must be an array of measured points");
    for (std::size_t i = 0; i < points.size(); ++i) {
      const std::string path = "points/" + std::to_string(i) + "/";
      const auto& p = points[i];
      if (!p.is_object()) read.fail("points/" + std::to_string(i), "must be an object");
      ProfilePoint point;
      point.shape.prefillTokens = static_cast<std::int32_t>(read.count(p, "prefill_tokens", path + "prefill_tokens"));
      point.shape.prefillSequences =
          static_cast<std::int32_t>(read.count(p, "prefill_sequences", path + "prefill_sequences"));
      point.shape.decodeTokens = static_cast<std::int32_t>(read.count(p, "decode_tokens", path + "decode_tokens"));
      point.shape.prefillAttentionPairs = read.count(p, "prefill_attention_pairs", path + "prefill_attention_pairs");
      point.shape.prefillKvTokens = read.count(p, "prefill_kv_tokens", path + "prefill_kv_tokens");
      point.shape.decodeKvTokens = read.count(p, "decode_kv_tokens", path + "decode_kv_tokens");
      point.measured = Duration{read.count(p, "measured_us", path + "measured_us")};
      point.heldOut = p.value("held_out", false);
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
  std::ifstream in(file);
  if (!in) throw std::runtime_error("profile " + file.string() + " cannot be read");
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& error) {
    throw std::runtime_error(file.string() + ": not valid JSON: " + error.what());
  }
  return measuredProfileFromJson(json, file.string());
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
