#pragma once

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "engine/core/qos_class.h"
#include "engine/core/time.h"
#include "engine/sched/scheduler_config.h"

namespace headroom::serve {

// Bad serving or routing configuration: names the file, the JSON pointer of the offending value (e.g.
// "/classes/1/queue_limit") and what is allowed there.
class ConfigError : public std::runtime_error {
 public:
  ConfigError(std::filesystem::path file, std::string jsonPath, const std::string& problem);
  const std::filesystem::path& file() const { return file_; }
  const std::string& jsonPath() const { return jsonPath_; }

 private:
  std::filesystem::path file_;
  std::string jsonPath_;
};

// Validating accessors over one parsed JSON document; every failure throws ConfigError naming the file,
// the path and the allowed values. Class and scheduler objects use the scenario files' format.
class ConfigReader {
 public:
  using json = nlohmann::json;

  explicit ConfigReader(std::filesystem::path file) : file_(std::move(file)) {}

  // Reads and parses a JSON file; ConfigError when it cannot be read or is not JSON.
  json load() const;

  [[noreturn]] void fail(const std::string& path, const std::string& problem) const;
  void requireObject(const json& value, const std::string& path, std::string_view what) const;
  void checkFields(const json& object, const std::string& path, std::initializer_list<std::string_view> allowed) const;
  static const json* field(const json& object, std::string_view key);
  const json& required(const json& object, const std::string& path, std::string_view key, std::string_view what) const;

  std::string nonEmptyString(const json& value, const std::string& path) const;
  bool boolean(const json& value, const std::string& path) const;
  std::int64_t integer(const json& value, const std::string& path, std::int64_t minimum,
                       std::int64_t maximum = std::numeric_limits<std::int32_t>::max()) const;
  double number(const json& value, const std::string& path, double minimum, double maximum) const;
  engine::Duration positiveSeconds(const json& value, const std::string& path) const;

  // {"name", "rank", "importance", "slo": {"ttft_s", "tbt_s", "ttlt_s", "percentile"}} plus the extra
  // fields the caller allows (it reads them itself). `index` is the default rank.
  engine::QosClass qosClass(const json& object, const std::string& path, std::size_t index,
                    std::initializer_list<std::string_view> extraFields) const;
  // The scenario's "scheduler" object.
  engine::SchedulerConfig scheduler(const json& object, const std::string& path) const;

  static std::string child(const std::string& path, std::string_view key);
  static std::string child(const std::string& path, std::size_t index);
  // How a bad value is shown after "got".
  static std::string shown(const json& value);

  const std::filesystem::path& file() const { return file_; }

 private:
  engine::Slo slo(const json& object, const std::string& path) const;

  std::filesystem::path file_;
};

}  // namespace headroom::serve
