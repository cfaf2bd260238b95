#include "serve/server/config_reader.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

namespace headroom::serve {

namespace {

constexpr double kMaxSeconds = 1e9;

std::string joined(std::initializer_list<std::string_view> first, std::initializer_list<std::string_view> second) {
  std::string text;
  for (auto list : {first, second}) {
    for (std::string_view name : list) text += (text.empty() ? "" : ", ") + std::string(name);
  }
  return text;
}

std::string formatNumber(double value) {
  std::ostringstream out;
  out.precision(12);
  out << value;
  return out.str();
}

std::string describe(const std::filesystem::path& file, const std::string& jsonPath, const std::string& problem) {
  std::string text = file.empty() ? std::string("configuration") : file.string();
  if (!jsonPath.empty()) text += ": " + jsonPath;
  return text + ": " + problem;
}

}  // namespace

ConfigError::ConfigError(std::filesystem::path file, std::string jsonPath, const std::string& problem)
    : std::runtime_error(describe(file, jsonPath, problem)), file_(std::move(file)), jsonPath_(std::move(jsonPath)) {}

ConfigReader::json ConfigReader::load() const {
  std::ifstream in(file_, std::ios::binary);
  if (!in) fail("", "cannot open the file");
  std::ostringstream text;
  text << in.rdbuf();
  json root = json::parse(text.str(), nullptr, false);
  if (root.is_discarded()) fail("", "not valid JSON");
  return root;
}

void ConfigReader::fail(const std::string& path, const std::string& problem) const {
  throw ConfigError(file_, path, problem);
}

std::string ConfigReader::child(const std::string& path, std::string_view key) {
  std::string token;
  for (char c : key) {
    if (c == '~') {
      token += "~0";
    } else if (c == '/') {
      token += "~1";
    } else {
      token.push_back(c);
    }
  }
  return path + "/" + token;
}

std::string ConfigReader::child(const std::string& path, std::size_t index) { return path + "/" + std::to_string(index); }

std::string ConfigReader::shown(const json& value) {
  switch (value.type()) {
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::null: return "null";
    default: break;
  }
  std::string text = value.dump();
  constexpr std::size_t kMaxShown = 60;
  if (text.size() > kMaxShown) text = text.substr(0, kMaxShown) + "...";
  return text;
}

void ConfigReader::requireObject(const json& value, const std::string& path, std::string_view what) const {
  if (!value.is_object()) fail(path, "must be an object " + std::string(what) + ", got " + shown(value));
}

void ConfigReader::checkFields(const json& object, const std::string& path,
                               std::initializer_list<std::string_view> allowed) const {
  for (const auto& [key, value] : object.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      fail(child(path, key), "unknown field; allowed fields here: " + joined(allowed, {}));
    }
  }
}

const ConfigReader::json* ConfigReader::field(const json& object, std::string_view key) {
  const auto found = object.find(key);
  return found == object.end() ? nullptr : &*found;
}

const ConfigReader::json& ConfigReader::required(const json& object, const std::string& path, std::string_view key,
                                                 std::string_view what) const {
  const json* value = field(object, key);
  if (!value) fail(child(path, key), "required field is missing (" + std::string(what) + ")");
  return *value;
}

std::string ConfigReader::nonEmptyString(const json& value, const std::string& path) const {
  if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
    fail(path, "must be a non-empty string, got " + shown(value));
  }
  return value.get<std::string>();
}

bool ConfigReader::boolean(const json& value, const std::string& path) const {
  if (!value.is_boolean()) fail(path, "must be true or false, got " + shown(value));
  return value.get<bool>();
}

std::int64_t ConfigReader::integer(const json& value, const std::string& path, std::int64_t minimum,
                                   std::int64_t maximum) const {
  const std::string rule = "must be an integer from " + std::to_string(minimum) + " to " + std::to_string(maximum);
  if (!value.is_number_integer()) fail(path, rule + ", got " + shown(value));
  if (value.is_number_unsigned() && value.get<std::uint64_t>() > static_cast<std::uint64_t>(maximum)) {
    fail(path, rule + ", got " + shown(value));
  }
  const auto result = value.get<std::int64_t>();
  if (result < minimum || result > maximum) fail(path, rule + ", got " + shown(value));
  return result;
}

double ConfigReader::number(const json& value, const std::string& path, double minimum, double maximum) const {
  const std::string rule = "must be a number from " + formatNumber(minimum) + " to " + formatNumber(maximum);
  if (!value.is_number()) fail(path, rule + ", got " + shown(value));
  const double result = value.get<double>();
  if (!std::isfinite(result) || result < minimum || result > maximum) fail(path, rule + ", got " + shown(value));
  return result;
}

engine::Duration ConfigReader::positiveSeconds(const json& value, const std::string& path) const {
  const std::string rule = "must be a number of seconds from 0.000001 to " + formatNumber(kMaxSeconds);
  if (!value.is_number()) fail(path, rule + ", got " + shown(value));
  const double seconds = value.get<double>();
  if (!std::isfinite(seconds) || seconds > kMaxSeconds || engine::durationFromSeconds(seconds).count() <= 0) {
    fail(path, rule + ", got " + shown(value));
  }
  return engine::durationFromSeconds(seconds);
}

engine::Slo ConfigReader::slo(const json& object, const std::string& path) const {
  requireObject(object, path, "(ttft_s, tbt_s, ttlt_s in seconds, percentile)");
  checkFields(object, path, {"ttft_s", "tbt_s", "ttlt_s", "percentile"});
  engine::Slo result;
  if (const json* v = field(object, "ttft_s")) result.ttft = positiveSeconds(*v, child(path, "ttft_s"));
  if (const json* v = field(object, "tbt_s")) result.tbt = positiveSeconds(*v, child(path, "tbt_s"));
  if (const json* v = field(object, "ttlt_s")) result.ttlt = positiveSeconds(*v, child(path, "ttlt_s"));
  if (const json* v = field(object, "percentile")) {
    result.percentile = number(*v, child(path, "percentile"), 1.0, 100.0);
  }
  if (!result.hasBound()) fail(path, "needs at least one bound: ttft_s, tbt_s or ttlt_s (numbers > 0, seconds)");
  return result;
}

engine::QosClass ConfigReader::qosClass(const json& object, const std::string& path, std::size_t index,
                                std::initializer_list<std::string_view> extraFields) const {
  requireObject(object, path, "(a class: name, rank, importance, slo)");
  for (const auto& [key, value] : object.items()) {
    const bool known = key == "name" || key == "rank" || key == "importance" || key == "slo" ||
                       std::find(extraFields.begin(), extraFields.end(), key) != extraFields.end();
    if (!known) {
      fail(child(path, key), "unknown field; allowed fields here: " + joined({"name", "rank", "importance", "slo"},
                                                                             extraFields));
    }
  }
  engine::QosClass qos;
  qos.name = nonEmptyString(required(object, path, "name", "a non-empty string"), child(path, "name"));
  qos.rank = static_cast<int>(index);
  if (const json* rank = field(object, "rank")) qos.rank = static_cast<int>(integer(*rank, child(path, "rank"), 0));
  if (const json* importance = field(object, "importance")) {
    const std::string rule = "must be one of: high, normal, low; got " + shown(*importance);
    if (!importance->is_string()) fail(child(path, "importance"), rule);
    const auto parsed = engine::importanceFromString(importance->get_ref<const std::string&>());
    if (!parsed) fail(child(path, "importance"), rule);
    qos.importance = *parsed;
  }
  qos.slo = slo(required(object, path, "slo", "an object with ttft_s, tbt_s and/or ttlt_s"), child(path, "slo"));
  return qos;
}

engine::SchedulerConfig ConfigReader::scheduler(const json& object, const std::string& path) const {
  requireObject(object, path, "(policy, alpha_s_per_token, chunking, relegation, ...)");
  checkFields(object, path,
              {"policy", "alpha_s_per_token", "chunking", "relegation", "selective_preemption", "max_batch_tokens",
               "max_batch_size", "kv_block_tokens", "kv_blocks"});
  engine::SchedulerConfig config;
  if (const json* v = field(object, "policy")) {
    const std::string rule = "must be one of: " + std::string(engine::kOrderingPolicyNames) + "; got " + shown(*v);
    if (!v->is_string()) fail(child(path, "policy"), rule);
    const auto parsed = engine::orderingPolicyFromString(v->get_ref<const std::string&>());
    if (!parsed) fail(child(path, "policy"), rule);
    config.policy = *parsed;
  }
  if (const json* v = field(object, "alpha_s_per_token")) {
    config.alphaSPerToken = number(*v, child(path, "alpha_s_per_token"), 0.0, 1e6);
  }
  if (const json* v = field(object, "chunking")) {
    const std::string rule = "must be one of: " + std::string(engine::kChunkingNames) + "; got " + shown(*v);
    if (!v->is_string()) fail(child(path, "chunking"), rule);
    const auto parsed = engine::chunkingFromString(v->get_ref<const std::string&>());
    if (!parsed) fail(child(path, "chunking"), rule);
    config.chunking = *parsed;
  }
  if (const json* v = field(object, "relegation")) {
    if (v->is_boolean()) {
      config.relegation = v->get<bool>() ? engine::Relegation::On : engine::Relegation::Off;
    } else if (v->is_string() && (*v == "on" || *v == "off")) {
      config.relegation = *v == "on" ? engine::Relegation::On : engine::Relegation::Off;
    } else {
      fail(child(path, "relegation"), "must be \"on\", \"off\", true or false, got " + shown(*v));
    }
  }
  if (const json* v = field(object, "selective_preemption")) {
    config.selectivePreemption = boolean(*v, child(path, "selective_preemption"));
  }
  if (const json* v = field(object, "max_batch_tokens")) {
    config.maxBatchTokens = static_cast<std::int32_t>(integer(*v, child(path, "max_batch_tokens"), 1));
  }
  if (const json* v = field(object, "max_batch_size")) {
    config.maxBatchSize = static_cast<std::int32_t>(integer(*v, child(path, "max_batch_size"), 1));
  }
  if (const json* v = field(object, "kv_block_tokens")) {
    config.kvBlockTokens = static_cast<std::int32_t>(integer(*v, child(path, "kv_block_tokens"), 1));
  }
  if (const json* v = field(object, "kv_blocks")) {
    config.kvBlocksOverride = integer(*v, child(path, "kv_blocks"), 1, std::numeric_limits<std::int64_t>::max());
  }
  return config;
}

}  // namespace headroom::serve
