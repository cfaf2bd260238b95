#include "serve/server/serve_config.h"

#include <algorithm>
#include <array>
#include <optional>
#include <limits>
#include <set>

#include "engine/core/qos_class_json.h"
#include "engine/io/input_problems.h"
#include "engine/sched/scheduler_config_json.h"
#include "engine/workload/executor_spec_json.h"

namespace headroom::serve {

namespace {

using json = nlohmann::json;
using engine::JsonInput;
using engine::JsonPointer;

const JsonPointer kRoot;

}  // namespace

std::vector<engine::QosClass> ServeConfig::qosClasses() const {
  std::vector<engine::QosClass> result;
  result.reserve(classes.size());
  for (const ServedClass& served : classes) result.push_back(served.qos);
  return result;
}

std::vector<ServedClass> readServedClasses(const JsonInput& reader, const json& root) {
  const json& array = reader.required(root, kRoot, "classes", "a non-empty array of class objects");
  if (!array.is_array() || array.empty()) {
    reader.failValue(kRoot / "classes", "must be a non-empty array of class objects", array);
  }
  constexpr std::size_t kMaxClasses = 256;
  if (array.size() > kMaxClasses) reader.fail(kRoot / "classes", "must have at most 256 classes", std::to_string(array.size()));
  std::vector<ServedClass> classes;
  std::vector<std::string> names;
  for (std::size_t i = 0; i < array.size(); ++i) {
    const JsonPointer path = kRoot / "classes" / i;
    ServedClass served;
    reader.requireObject(array[i], path, "(a class: name, rank, importance, slo, queue_limit, overload, relegated_limit)");
    static constexpr std::array<std::string_view, 3> kAdmissionFields = {"queue_limit", "overload", "relegated_limit"};
    reader.checkFields(array[i], path, engine::kQosClassFields, kAdmissionFields);
    served.qos = engine::qosClassFromJson(reader, array[i], path, i);
    if (const auto problem = engine::checkClassName(served.qos.name, names)) {
      reader.failValue(path / "name", engine::englishText(*problem), array[i].at("name"));
    }
    names.push_back(served.qos.name);
    if (const json* v = JsonInput::field(array[i], "queue_limit")) {
      served.queueLimit = static_cast<std::int32_t>(reader.integer(*v, (path / "queue_limit"), 1, 1000000));
    }
    if (const json* v = JsonInput::field(array[i], "overload")) {
      served.overload = reader.oneOf(*v, path / "overload", kOverloadActionNames,
                                     [](const std::string& name) -> std::optional<OverloadAction> {
                                       if (name == "reject") return OverloadAction::Reject;
                                       if (name == "relegate") return OverloadAction::Relegate;
                                       return std::nullopt;
                                     });
    }
    if (const json* v = JsonInput::field(array[i], "relegated_limit")) {
      if (served.overload != OverloadAction::Relegate) {
        reader.fail((path / "relegated_limit"), "only allowed with \"overload\": \"relegate\"");
      }
      served.relegatedLimit =
          static_cast<std::int32_t>(reader.integer(*v, (path / "relegated_limit"), 1, 1000000));
    }
    classes.push_back(std::move(served));
  }
  return classes;
}

AccessPolicy readAccess(const JsonInput& reader, const json& root, const std::vector<ServedClass>& classes) {
  std::vector<std::string> classNames;
  for (const ServedClass& served : classes) classNames.push_back(served.qos.name);
  auto classId = [&](const json& value, const JsonPointer& path) -> engine::ClassId {
    const std::string name = reader.nonEmptyString(value, path);
    const auto it = std::find(classNames.begin(), classNames.end(), name);
    if (it == classNames.end()) {
      std::string allowed;
      for (const std::string& n : classNames) allowed += (allowed.empty() ? "" : ", ") + n;
      reader.fail(path, "unknown class \"" + name + "\"; classes: " + allowed);
    }
    return static_cast<engine::ClassId>(it - classNames.begin());
  };

  const json& array = reader.required(root, kRoot, "tenants", "a non-empty array of tenant objects");
  if (!array.is_array() || array.empty()) {
    reader.failValue(kRoot / "tenants", "must be a non-empty array of tenant objects", array);
  }
  std::vector<Tenant> tenants;
  std::vector<std::pair<std::string, std::int32_t>> keys;
  std::set<std::string> seenKeys;
  std::set<std::string> tenantNames;
  auto readKey = [&](const json& value, const JsonPointer& path) {
    const std::string key = reader.nonEmptyString(value, path);
    constexpr std::size_t kMinKeyLength = 8;
    if (key.size() < kMinKeyLength) reader.fail(path, "must be an API key of at least 8 characters", std::to_string(key.size()) + " characters");
    if (!seenKeys.insert(key).second) reader.fail(path, "must be a key not given before (this key is given more than once)");
    return key;
  };
  for (std::size_t i = 0; i < array.size(); ++i) {
    const JsonPointer path = kRoot / "tenants" / i;
    const json& object = array[i];
    reader.requireObject(object, path, "(name, classes, default_class, keys)");
    reader.checkFields(object, path, {"name", "classes", "default_class", "keys"});
    Tenant tenant;
    tenant.name = reader.nonEmptyString(reader.required(object, path, "name", "a non-empty string"),
                                        (path / "name"));
    if (!tenantNames.insert(tenant.name).second) {
      reader.fail((path / "name"), "duplicate tenant name \"" + tenant.name + "\"");
    }
    const JsonPointer classesPath = path / "classes";
    const json& allowed = reader.required(object, path, "classes", "a non-empty array of class names");
    if (!allowed.is_array() || allowed.empty()) {
      reader.failValue(classesPath, "must be a non-empty array of class names", allowed);
    }
    for (std::size_t c = 0; c < allowed.size(); ++c) {
      const engine::ClassId id = classId(allowed[c], (classesPath / c));
      if (std::find(tenant.classes.begin(), tenant.classes.end(), id) == tenant.classes.end()) tenant.classes.push_back(id);
    }
    tenant.defaultClass = tenant.classes.front();
    if (const json* v = JsonInput::field(object, "default_class")) {
      const JsonPointer defaultPath = path / "default_class";
      tenant.defaultClass = classId(*v, defaultPath);
      if (std::find(tenant.classes.begin(), tenant.classes.end(), tenant.defaultClass) == tenant.classes.end()) {
        reader.fail(defaultPath, "must be one of the tenant's own classes");
      }
    }
    const JsonPointer keysPath = path / "keys";
    const json& keyArray = reader.required(object, path, "keys", "a non-empty array of API keys");
    if (!keyArray.is_array() || keyArray.empty()) {
      reader.failValue(keysPath, "must be a non-empty array of API keys (strings)", keyArray);
    }
    for (std::size_t k = 0; k < keyArray.size(); ++k) {
      keys.emplace_back(readKey(keyArray[k], (keysPath / k)), static_cast<std::int32_t>(i));
    }
    tenants.push_back(std::move(tenant));
  }
  std::vector<std::string> adminKeys;
  if (const json* admin = JsonInput::field(root, "admin_keys")) {
    if (!admin->is_array()) reader.failValue(kRoot / "admin_keys", "must be an array of keys", *admin);
    for (std::size_t k = 0; k < admin->size(); ++k) {
      adminKeys.push_back(readKey((*admin)[k], kRoot / "admin_keys" / k));
    }
  }
  return AccessPolicy(std::move(classNames), std::move(tenants), std::move(keys), std::move(adminKeys));
}

ServeLimits readLimits(const JsonInput& reader, const json& root) {
  ServeLimits limits;
  const json* object = JsonInput::field(root, "limits");
  if (!object) return limits;
  reader.requireObject(*object, kRoot / "limits", "(max_body_bytes, max_header_bytes, max_prompt_tokens, ...)");
  reader.checkFields(*object, kRoot / "limits",
                     {"max_body_bytes", "max_header_bytes", "max_prompt_tokens", "max_output_tokens",
                      "default_max_tokens", "max_connections", "max_connections_per_client", "header_timeout_s",
                      "body_timeout_s", "idle_timeout_s", "drain_s"});
  auto get = [&](std::string_view key, std::int64_t minimum, std::int64_t maximum, auto& into) {
    if (const json* v = JsonInput::field(*object, key)) {
      into = static_cast<std::remove_reference_t<decltype(into)>>(
          reader.integer(*v, kRoot / "limits" / std::string(key), minimum, maximum));
    }
  };
  get("max_body_bytes", 64, std::int64_t{1} << 30, limits.maxBodyBytes);
  get("max_header_bytes", 256, 1 << 20, limits.maxHeaderBytes);
  get("max_prompt_tokens", 1, 10000000, limits.maxPromptTokens);
  get("max_output_tokens", 1, 10000000, limits.maxOutputTokens);
  get("default_max_tokens", 1, 10000000, limits.defaultMaxTokens);
  get("max_connections", 1, 1000000, limits.maxConnections);
  get("max_connections_per_client", 1, 1000000, limits.maxConnectionsPerClient);
  for (const auto& [key, into] : {std::pair<std::string_view, engine::Duration*>{"header_timeout_s", &limits.headerTimeout},
                                  {"body_timeout_s", &limits.bodyTimeout},
                                  {"idle_timeout_s", &limits.idleTimeout}}) {
    if (const json* v = JsonInput::field(*object, key)) *into = reader.positiveSeconds(*v, kRoot / "limits" / std::string(key));
  }
  if (limits.maxConnectionsPerClient > limits.maxConnections) {
    reader.fail(kRoot / "limits" / "max_connections_per_client",
                "must not exceed max_connections (" + std::to_string(limits.maxConnections) + ")",
                std::to_string(limits.maxConnectionsPerClient));
  }
  if (const json* v = JsonInput::field(*object, "drain_s")) {
    limits.drainTime = engine::durationFromSeconds(reader.nonNegativeSeconds(*v, kRoot / "limits" / "drain_s"));
  }
  if (limits.defaultMaxTokens > limits.maxOutputTokens) {
    reader.fail(kRoot / "limits" / "default_max_tokens",
                "must not exceed max_output_tokens (" + std::to_string(limits.maxOutputTokens) + ")",
                std::to_string(limits.defaultMaxTokens));
  }
  return limits;
}

void checkOpenFileLimit(const ServeLimits& limits, std::int64_t openFileLimit, int descriptorsPerConnection,
                        const std::filesystem::path& file) {
  const std::int64_t fitting = (openFileLimit - kReservedFileDescriptors) / std::max(descriptorsPerConnection, 1);
  if (limits.maxConnections <= fitting) return;
  const std::string perConnection = descriptorsPerConnection == 1 ? std::string("one descriptor")
                                                                  : std::to_string(descriptorsPerConnection) + " descriptors";
  throw engine::InputError(
      file.empty() ? std::filesystem::path("configuration") : file, kRoot / "limits" / "max_connections",
      "must be at most " + std::to_string(std::max<std::int64_t>(fitting, 0)) + " under this process's open-file limit (RLIMIT_NOFILE " +
          std::to_string(openFileLimit) + ", raised to the hard limit; " + perConnection + " per connection and " +
          std::to_string(kReservedFileDescriptors) + " kept for the server): lower it or raise the hard limit (ulimit -Hn)",
      std::to_string(limits.maxConnections));
}

ServeConfig parseServeConfig(const json& root, const std::filesystem::path& file) {
  const JsonInput reader(file.empty() ? std::filesystem::path("configuration") : file);
  if (!root.is_object()) reader.failValue(kRoot, "the top level must be a JSON object", root);
  reader.checkFields(root, kRoot,
                     {"model_name", "model", "hardware", "tensor_parallel", "executor", "scheduler", "classes",
                      "tenants", "admin_keys", "limits"});
  ServeConfig config;
  config.executor = engine::executorSpecFromJson(reader, root);
  if (const json* v = JsonInput::field(root, "scheduler")) config.scheduler = engine::schedulerConfigFromJson(reader, *v, kRoot / "scheduler");
  config.classes = readServedClasses(reader, root);
  config.access = readAccess(reader, root, config.classes);
  config.limits = readLimits(reader, root);
  if (const json* v = JsonInput::field(root, "model_name")) {
    config.modelName = reader.nonEmptyString(*v, kRoot / "model_name");
  } else {
    config.modelName = config.executor.model.empty() ? std::string("headroom") : config.executor.model;
  }
  return config;
}

ServeConfig loadServeConfig(const std::filesystem::path& file) {
  return parseServeConfig(JsonInput::loadFile(file, "serve configuration"), file);
}

}  // namespace headroom::serve
