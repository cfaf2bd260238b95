#include "serve/server/serve_config.h"

#include <algorithm>
#include <limits>
#include <set>

namespace headroom::serve {

namespace {

using json = nlohmann::json;

// The scenario files' executor rules (engine/workload/scenario_json.cpp), with the same messages.
engine::ExecutorSpec readExecutor(const ConfigReader& reader, const json& root) {
  engine::ExecutorSpec executor;
  executor.kind = engine::ExecutorKind::Modeled;
  bool computing = false;
  if (const json* object = ConfigReader::field(root, "executor")) {
    reader.requireObject(*object, "/executor",
                         "({\"kind\": \"constant\", \"iteration_s\": ...}, {\"kind\": \"modeled\"} or "
                         "{\"kind\": \"cpu\", \"model\": ..., \"weights\": ...})");
    const json& kind = reader.required(*object, "/executor", "kind", "one of: constant, modeled, cpu, cuda");
    if (kind == "constant") {
      reader.checkFields(*object, "/executor", {"kind", "iteration_s"});
      executor.kind = engine::ExecutorKind::Constant;
      executor.iteration = reader.positiveSeconds(
          reader.required(*object, "/executor", "iteration_s", "a number > 0, seconds"), "/executor/iteration_s");
    } else if (kind == "modeled") {
      reader.checkFields(*object, "/executor", {"kind", "profile"});
    } else if (kind == "cpu" || kind == "cuda") {
      reader.checkFields(*object, "/executor", {"kind", "model", "weights", "weights_seed", "profile"});
      executor.kind = kind == "cpu" ? engine::ExecutorKind::Cpu : engine::ExecutorKind::Cuda;
      computing = true;
      if (const json* v = ConfigReader::field(*object, "model")) executor.model = reader.nonEmptyString(*v, "/executor/model");
      if (const json* v = ConfigReader::field(*object, "weights")) {
        executor.weights = reader.nonEmptyString(*v, "/executor/weights");
        const std::filesystem::path path(executor.weights);
        if (executor.weights != "random" && path.is_relative() && !reader.file().empty()) {
          executor.weights = (reader.file().parent_path() / path).lexically_normal().string();
        }
      }
      if (const json* v = ConfigReader::field(*object, "weights_seed")) {
        executor.weightsSeed = static_cast<std::uint64_t>(
            reader.integer(*v, "/executor/weights_seed", 0, std::numeric_limits<std::int64_t>::max()));
      }
    } else {
      reader.fail("/executor/kind", "must be one of: constant, modeled, cpu, cuda; got " + ConfigReader::shown(kind));
    }
    if (const json* v = ConfigReader::field(*object, "profile")) {
      executor.profile = reader.nonEmptyString(*v, "/executor/profile");
    }
  }
  if (const json* v = ConfigReader::field(root, "model")) {
    const std::string name = reader.nonEmptyString(*v, "/model");
    if (!executor.model.empty() && executor.model != name) {
      reader.fail("/executor/model", "names \"" + executor.model + "\" but /model names \"" + name + "\"; give one");
    }
    executor.model = name;
  }
  if (const json* v = ConfigReader::field(root, "hardware")) executor.hardware = reader.nonEmptyString(*v, "/hardware");
  if (const json* v = ConfigReader::field(root, "tensor_parallel")) {
    executor.tensorParallel = static_cast<std::int32_t>(reader.integer(*v, "/tensor_parallel", 1, 64));
  }
  if (executor.kind == engine::ExecutorKind::Constant && !executor.hardware.empty()) {
    reader.fail("/hardware",
                "not allowed with a constant executor (its iteration time is fixed); remove \"hardware\" "
                "or use {\"kind\": \"modeled\"}");
  }
  if (executor.kind == engine::ExecutorKind::Modeled) {
    if (executor.model.empty()) {
      reader.fail("/model", "required field is missing for the modeled executor (a model name, e.g. \"llama-3.1-8b\")");
    }
    if (executor.hardware.empty() && executor.profile.empty()) {
      reader.fail("/hardware",
                  "required field is missing for the modeled executor (a hardware name, e.g. \"a100-80g\", or "
                  "a measured profile in /executor/profile)");
    }
  }
  if (computing && executor.model.empty()) {
    reader.fail("/executor/model", "required field is missing for a computing executor (a model name, e.g. "
                                   "\"llama-tiny\")");
  }
  return executor;
}

}  // namespace

std::vector<engine::QosClass> ServeConfig::qosClasses() const {
  std::vector<engine::QosClass> result;
  result.reserve(classes.size());
  for (const ServedClass& served : classes) result.push_back(served.qos);
  return result;
}

std::vector<ServedClass> readServedClasses(const ConfigReader& reader, const json& root) {
  const json& array = reader.required(root, "", "classes", "a non-empty array of class objects");
  if (!array.is_array() || array.empty()) {
    reader.fail("/classes", "must be a non-empty array of class objects, got " + ConfigReader::shown(array));
  }
  constexpr std::size_t kMaxClasses = 256;
  if (array.size() > kMaxClasses) reader.fail("/classes", "at most 256 classes are allowed");
  std::vector<ServedClass> classes;
  std::set<std::string> names;
  for (std::size_t i = 0; i < array.size(); ++i) {
    const std::string path = ConfigReader::child("/classes", i);
    ServedClass served;
    served.qos = reader.qosClass(array[i], path, i, {"queue_limit", "overload", "relegated_limit"});
    if (!names.insert(served.qos.name).second) {
      reader.fail(ConfigReader::child(path, "name"), "duplicate class name \"" + served.qos.name + "\"");
    }
    if (const json* v = ConfigReader::field(array[i], "queue_limit")) {
      served.queueLimit = static_cast<std::int32_t>(reader.integer(*v, ConfigReader::child(path, "queue_limit"), 1, 1000000));
    }
    if (const json* v = ConfigReader::field(array[i], "overload")) {
      if (*v == "reject") {
        served.overload = OverloadAction::Reject;
      } else if (*v == "relegate") {
        served.overload = OverloadAction::Relegate;
      } else {
        reader.fail(ConfigReader::child(path, "overload"),
                    "must be one of: " + std::string(kOverloadActionNames) + "; got " + ConfigReader::shown(*v));
      }
    }
    if (const json* v = ConfigReader::field(array[i], "relegated_limit")) {
      if (served.overload != OverloadAction::Relegate) {
        reader.fail(ConfigReader::child(path, "relegated_limit"), "only allowed with \"overload\": \"relegate\"");
      }
      served.relegatedLimit =
          static_cast<std::int32_t>(reader.integer(*v, ConfigReader::child(path, "relegated_limit"), 1, 1000000));
    }
    classes.push_back(std::move(served));
  }
  return classes;
}

AccessPolicy readAccess(const ConfigReader& reader, const json& root, const std::vector<ServedClass>& classes) {
  std::vector<std::string> classNames;
  for (const ServedClass& served : classes) classNames.push_back(served.qos.name);
  auto classId = [&](const json& value, const std::string& path) -> engine::ClassId {
    const std::string name = reader.nonEmptyString(value, path);
    const auto it = std::find(classNames.begin(), classNames.end(), name);
    if (it == classNames.end()) {
      std::string allowed;
      for (const std::string& n : classNames) allowed += (allowed.empty() ? "" : ", ") + n;
      reader.fail(path, "unknown class \"" + name + "\"; classes: " + allowed);
    }
    return static_cast<engine::ClassId>(it - classNames.begin());
  };

  const json& array = reader.required(root, "", "tenants", "a non-empty array of tenant objects");
  if (!array.is_array() || array.empty()) {
    reader.fail("/tenants", "must be a non-empty array of tenant objects, got " + ConfigReader::shown(array));
  }
  std::vector<Tenant> tenants;
  std::vector<std::pair<std::string, std::int32_t>> keys;
  std::set<std::string> seenKeys;
  std::set<std::string> tenantNames;
  auto readKey = [&](const json& value, const std::string& path) {
    const std::string key = reader.nonEmptyString(value, path);
    constexpr std::size_t kMinKeyLength = 8;
    if (key.size() < kMinKeyLength) reader.fail(path, "an API key must have at least 8 characters");
    if (!seenKeys.insert(key).second) reader.fail(path, "this key is given more than once");
    return key;
  };
  for (std::size_t i = 0; i < array.size(); ++i) {
    const std::string path = ConfigReader::child("/tenants", i);
    const json& object = array[i];
    reader.requireObject(object, path, "(name, classes, default_class, keys)");
    reader.checkFields(object, path, {"name", "classes", "default_class", "keys"});
    Tenant tenant;
    tenant.name = reader.nonEmptyString(reader.required(object, path, "name", "a non-empty string"),
                                        ConfigReader::child(path, "name"));
    if (!tenantNames.insert(tenant.name).second) {
      reader.fail(ConfigReader::child(path, "name"), "duplicate tenant name \"" + tenant.name + "\"");
    }
    const std::string classesPath = ConfigReader::child(path, "classes");
    const json& allowed = reader.required(object, path, "classes", "a non-empty array of class names");
    if (!allowed.is_array() || allowed.empty()) {
      reader.fail(classesPath, "must be a non-empty array of class names, got " + ConfigReader::shown(allowed));
    }
    for (std::size_t c = 0; c < allowed.size(); ++c) {
      const engine::ClassId id = classId(allowed[c], ConfigReader::child(classesPath, c));
      if (std::find(tenant.classes.begin(), tenant.classes.end(), id) == tenant.classes.end()) tenant.classes.push_back(id);
    }
    tenant.defaultClass = tenant.classes.front();
    if (const json* v = ConfigReader::field(object, "default_class")) {
      const std::string defaultPath = ConfigReader::child(path, "default_class");
      tenant.defaultClass = classId(*v, defaultPath);
      if (std::find(tenant.classes.begin(), tenant.classes.end(), tenant.defaultClass) == tenant.classes.end()) {
        reader.fail(defaultPath, "must be one of the tenant's own classes");
      }
    }
    const std::string keysPath = ConfigReader::child(path, "keys");
    const json& keyArray = reader.required(object, path, "keys", "a non-empty array of API keys");
    if (!keyArray.is_array() || keyArray.empty()) {
      reader.fail(keysPath, "must be a non-empty array of API keys (strings), got " + ConfigReader::shown(keyArray));
    }
    for (std::size_t k = 0; k < keyArray.size(); ++k) {
      keys.emplace_back(readKey(keyArray[k], ConfigReader::child(keysPath, k)), static_cast<std::int32_t>(i));
    }
    tenants.push_back(std::move(tenant));
  }
  std::vector<std::string> adminKeys;
  if (const json* admin = ConfigReader::field(root, "admin_keys")) {
    if (!admin->is_array()) reader.fail("/admin_keys", "must be an array of keys, got " + ConfigReader::shown(*admin));
    for (std::size_t k = 0; k < admin->size(); ++k) {
      adminKeys.push_back(readKey((*admin)[k], ConfigReader::child("/admin_keys", k)));
    }
  }
  return AccessPolicy(std::move(classNames), std::move(tenants), std::move(keys), std::move(adminKeys));
}

ServeLimits readLimits(const ConfigReader& reader, const json& root) {
  ServeLimits limits;
  const json* object = ConfigReader::field(root, "limits");
  if (!object) return limits;
  reader.requireObject(*object, "/limits", "(max_body_bytes, max_header_bytes, max_prompt_tokens, ...)");
  reader.checkFields(*object, "/limits",
                     {"max_body_bytes", "max_header_bytes", "max_prompt_tokens", "max_output_tokens",
                      "default_max_tokens", "max_connections", "idle_timeout_s"});
  auto get = [&](std::string_view key, std::int64_t minimum, std::int64_t maximum, auto& into) {
    if (const json* v = ConfigReader::field(*object, key)) {
      into = static_cast<std::remove_reference_t<decltype(into)>>(
          reader.integer(*v, ConfigReader::child("/limits", key), minimum, maximum));
    }
  };
  get("max_body_bytes", 64, std::int64_t{1} << 30, limits.maxBodyBytes);
  get("max_header_bytes", 256, 1 << 20, limits.maxHeaderBytes);
  get("max_prompt_tokens", 1, 10000000, limits.maxPromptTokens);
  get("max_output_tokens", 1, 10000000, limits.maxOutputTokens);
  get("default_max_tokens", 1, 10000000, limits.defaultMaxTokens);
  get("max_connections", 1, 1000000, limits.maxConnections);
  if (const json* v = ConfigReader::field(*object, "idle_timeout_s")) {
    limits.idleTimeout = reader.positiveSeconds(*v, "/limits/idle_timeout_s");
  }
  if (limits.defaultMaxTokens > limits.maxOutputTokens) {
    reader.fail("/limits/default_max_tokens", "must not exceed max_output_tokens (" +
                                                  std::to_string(limits.maxOutputTokens) + ")");
  }
  return limits;
}

ServeConfig parseServeConfig(const json& root, const std::filesystem::path& file) {
  const ConfigReader reader(file);
  if (!root.is_object()) reader.fail("", "the top level must be a JSON object, got " + ConfigReader::shown(root));
  reader.checkFields(root, "",
                     {"model_name", "model", "hardware", "tensor_parallel", "executor", "scheduler", "classes",
                      "tenants", "admin_keys", "limits"});
  ServeConfig config;
  config.executor = readExecutor(reader, root);
  if (const json* v = ConfigReader::field(root, "scheduler")) config.scheduler = reader.scheduler(*v, "/scheduler");
  config.classes = readServedClasses(reader, root);
  config.access = readAccess(reader, root, config.classes);
  config.limits = readLimits(reader, root);
  if (const json* v = ConfigReader::field(root, "model_name")) {
    config.modelName = reader.nonEmptyString(*v, "/model_name");
  } else {
    config.modelName = config.executor.model.empty() ? std::string("headroom") : config.executor.model;
  }
  return config;
}

ServeConfig loadServeConfig(const std::filesystem::path& file) {
  const ConfigReader reader(file);
  return parseServeConfig(reader.load(), file);
}

}  // namespace headroom::serve
