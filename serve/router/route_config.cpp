#include "serve/router/route_config.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <set>

#include "engine/exec/executor_factory.h"

namespace headroom::serve {

namespace {

using json = nlohmann::json;
using engine::JsonInput;
using engine::JsonPointer;

const JsonPointer kRoot;

std::vector<std::vector<double>> readShares(const JsonInput& reader, const json& object, const JsonPointer& path,
                                            const std::vector<ServedClass>& classes, std::size_t members) {
  reader.requireObject(object, path, "(class name -> array of one share per member)");
  std::vector<std::vector<double>> shares(classes.size());
  for (const auto& [name, row] : object.items()) {
    const JsonPointer rowPath = path / name;
    std::size_t c = 0;
    while (c < classes.size() && classes[c].qos.name != name) ++c;
    if (c == classes.size()) reader.fail(rowPath, "must name a class of this configuration (unknown class \"" + name + "\")");
    if (!row.is_array() || row.size() != members) {
      reader.fail(rowPath, "must be an array of " + std::to_string(members) + " shares (one per member, numbers >= 0)",
                  row.is_array() ? std::to_string(row.size()) + " shares" : JsonInput::shown(row));
    }
    double sum = 0.0;
    for (std::size_t m = 0; m < members; ++m) {
      shares[c].push_back(reader.number(row[m], rowPath / m, engine::NumberRange::atLeast(0.0, {}, 1e12)));
      sum += shares[c].back();
    }
    if (!(sum > 0.0)) reader.fail(rowPath, "needs at least one share > 0", "all zeros");
  }
  return shares;
}

net::quic::StreamSchedulerKind readScheduler(const JsonInput& reader, const json& value, const JsonPointer& path) {
  return reader.oneOf(value, path, std::string(net::quic::streamSchedulerNames()),
                      [](const std::string& name) { return net::quic::parseStreamSchedulerName(name); });
}

net::quic::CongestionControl readCongestionControl(const JsonInput& reader, const json& value, const JsonPointer& path) {
  return reader.oneOf(value, path, std::string(net::quic::kCongestionControlNames),
                      [](const std::string& name) { return net::quic::parseCongestionControlName(name); });
}

std::vector<StreamClassSettings> readStreamClasses(const JsonInput& reader, const json& root, const std::vector<ServedClass>& classes) {
  std::vector<StreamClassSettings> settings;
  for (const ServedClass& served : classes) {
    StreamClassSettings entry;
    entry.level = static_cast<std::uint8_t>(std::clamp<std::int64_t>(served.qos.rank, 0, 255));
    settings.push_back(entry);
  }
  const json* object = JsonInput::field(root, "stream_classes");
  if (!object) return settings;
  const JsonPointer path = kRoot / "stream_classes";
  reader.requireObject(*object, path, "(class name -> {level, deadline_s})");
  for (const auto& [name, value] : object->items()) {
    const JsonPointer classPath = path / name;
    std::size_t c = 0;
    while (c < classes.size() && classes[c].qos.name != name) ++c;
    if (c == classes.size()) reader.fail(classPath, "must name a class of this configuration (unknown class \"" + name + "\")");
    reader.requireObject(value, classPath, "(level, deadline_s)");
    reader.checkFields(value, classPath, {"level", "deadline_s"});
    if (const json* v = JsonInput::field(value, "level")) settings[c].level = static_cast<std::uint8_t>(reader.integer(*v, classPath / "level", 0, 255));
    if (const json* v = JsonInput::field(value, "deadline_s")) settings[c].deadline = reader.positiveSeconds(*v, classPath / "deadline_s");
  }
  return settings;
}

// Which member lacks `field` ("model" or "hardware") that the tier router needs; throws naming it.
void requireMemberField(const JsonInput& reader, const std::vector<RouteMember>& members, std::string_view field,
                        const std::string& why) {
  for (std::size_t m = 0; m < members.size(); ++m) {
    const std::string& value = field == "model" ? members[m].model : members[m].hardware;
    if (value.empty()) {
      reader.fail(kRoot / "members" / m / std::string(field),
                  "required: member \"" + members[m].name + "\" declares no " + std::string(field) + " (" + why + ")");
    }
  }
}

std::optional<RouteTiers> readTiers(const JsonInput& reader, const json& root, const std::vector<ServedClass>& classes,
                                    const std::vector<RouteMember>& members, const std::filesystem::path& base) {
  const json* routerField = JsonInput::field(root, "tier_router");
  const json* tieredField = JsonInput::field(root, "tiered_classes");
  const bool anyModel = std::any_of(members.begin(), members.end(), [](const RouteMember& m) { return !m.model.empty(); });
  const bool anyHardware = std::any_of(members.begin(), members.end(), [](const RouteMember& m) { return !m.hardware.empty(); });
  if (!anyModel && !routerField && !tieredField) {
    if (anyHardware) {
      for (std::size_t m = 0; m < members.size(); ++m) {
        if (!members[m].hardware.empty()) {
          reader.fail(kRoot / "members" / m / "model",
                      "required with \"hardware\": member \"" + members[m].name + "\" declares hardware but no model");
        }
      }
    }
    return std::nullopt;
  }
  RouteTiers tiers;
  const std::string why = routerField ? "members of a tier router declare the model they serve"
                                      : "once one member declares its model, every member must";
  requireMemberField(reader, members, "model", why);
  for (std::size_t m = 0; m < members.size(); ++m) {
    const RouteMember& member = members[m];
    auto found = std::find(tiers.models.begin(), tiers.models.end(), member.model);
    if (found == tiers.models.end()) {
      if (tiers.models.size() == engine::kMaxPoolGroups) {
        reader.fail(kRoot / "members" / m / "model",
                    "at most " + std::to_string(engine::kMaxPoolGroups) + " different models per router", member.model);
      }
      tiers.models.push_back(member.model);
      found = tiers.models.end() - 1;
    }
    tiers.groupOf.push_back(static_cast<engine::GroupId>(found - tiers.models.begin()));
  }

  if (routerField) {
    const JsonPointer at = kRoot / "tier_router";
    const std::string text = reader.nonEmptyString(*routerField, at);
    const auto spec = engine::parseTierRouterSpec(text);
    if (!spec) reader.failValue(at, "must be one of: " + std::string(engine::kTierRouterForms), text);
    tiers.router = *spec;
  } else if (tiers.models.size() >= 2) {
    tiers.router.kind = engine::TierRouterKind::Greedy;
  } else {
    tiers.router.kind = engine::TierRouterKind::Static;
    tiers.router.group = tiers.models.front();
  }
  switch (tiers.router.kind) {
    case engine::TierRouterKind::Static:
      if (std::find(tiers.models.begin(), tiers.models.end(), tiers.router.group) == tiers.models.end()) {
        std::string models;
        for (const std::string& model : tiers.models) models += (models.empty() ? "" : ", ") + model;
        reader.failValue(kRoot / "tier_router", "static: must name a model of the members (" + models + ")",
                         "static:" + tiers.router.group);
      }
      break;
    case engine::TierRouterKind::Learned:
      if (tiers.router.policy.is_relative()) tiers.router.policy = base / tiers.router.policy;
      [[fallthrough]];
    case engine::TierRouterKind::Greedy:
      requireMemberField(reader, members, "hardware",
                         "tier router \"" + engine::toString(tiers.router) + "\" predicts finish times on each member's hardware");
      break;
    case engine::TierRouterKind::Random:
      break;
  }

  // One group is one model on one hardware: its members must agree, and the time model is built once.
  tiers.timeModels.resize(tiers.models.size());
  for (std::size_t g = 0; g < tiers.models.size(); ++g) {
    std::size_t first = members.size();
    for (std::size_t m = 0; m < members.size(); ++m) {
      if (tiers.groupOf[m] != g) continue;
      if (first == members.size()) {
        first = m;
        continue;
      }
      for (const auto& [field, same] : {std::pair{"hardware", members[m].hardware == members[first].hardware},
                                        std::pair{"tensor_parallel", members[m].tensorParallel == members[first].tensorParallel}}) {
        if (!same) {
          reader.fail(kRoot / "members" / m / field,
                      "must equal that of member \"" + members[first].name + "\": members of model \"" + tiers.models[g] +
                          "\" form one group, one model on one hardware");
        }
      }
    }
    const RouteMember& member = members[first];
    if (member.hardware.empty()) continue;
    engine::ExecutorSpec spec;
    spec.kind = engine::ExecutorKind::Modeled;
    spec.model = member.model;
    spec.hardware = member.hardware;
    spec.tensorParallel = member.tensorParallel;
    try {
      tiers.timeModels[g] = engine::makeTimeModel(spec);
    } catch (const std::exception& error) {
      reader.fail(kRoot / "members" / first,
                  "must name a model and hardware of resources/models and resources/hardware (member \"" + member.name +
                      "\": " + error.what() + ")");
    }
  }

  tiers.tieredClasses.assign(classes.size(), false);
  if (tieredField) {
    const JsonPointer at = kRoot / "tiered_classes";
    if (!tieredField->is_array()) reader.failValue(at, "must be an array of class names", *tieredField);
    for (std::size_t i = 0; i < tieredField->size(); ++i) {
      const std::string name = reader.nonEmptyString((*tieredField)[i], at / i);
      std::size_t c = 0;
      while (c < classes.size() && classes[c].qos.name != name) ++c;
      if (c == classes.size()) reader.fail(at / i, "must name a class of this configuration (unknown class \"" + name + "\")");
      tiers.tieredClasses[c] = true;
    }
  }
  return tiers;
}

}  // namespace

std::optional<engine::GroupId> RouteTiers::groupOfModel(std::string_view model) const {
  for (std::size_t g = 0; g < models.size(); ++g) {
    if (models[g] == model) return static_cast<engine::GroupId>(g);
  }
  return std::nullopt;
}

RouteRouting readRouting(const JsonInput& reader, const json& object, const JsonPointer& path,
                         const std::vector<ServedClass>& classes, std::size_t members) {
  reader.requireObject(object, path, "(policy, shares)");
  reader.checkFields(object, path, {"policy", "shares"});
  RouteRouting routing;
  if (const json* v = JsonInput::field(object, "policy")) {
    routing.policy = reader.oneOf(*v, path / "policy", "least-loaded, weighted",
                                  [](const std::string& name) -> std::optional<RoutePolicy> {
                                    if (name == "least-loaded") return RoutePolicy::LeastLoaded;
                                    if (name == "weighted") return RoutePolicy::Weighted;
                                    return std::nullopt;
                                  });
  }
  if (const json* v = JsonInput::field(object, "shares")) {
    if (routing.policy != RoutePolicy::Weighted) reader.fail(path / "shares", "only allowed with policy \"weighted\"");
    routing.shares = readShares(reader, *v, path / "shares", classes, members);
  }
  routing.shares.resize(classes.size());
  return routing;
}

std::optional<net::UpstreamEndpoint> parseEndpointUrl(std::string_view url) {
  net::UpstreamEndpoint endpoint;
  if (url.starts_with("http://")) {
    url.remove_prefix(7);
    endpoint.port = 80;
  } else if (url.starts_with("https://")) {
    url.remove_prefix(8);
    endpoint.tls = true;
    endpoint.port = 443;
  } else if (url.starts_with("quic://")) {
    url.remove_prefix(7);
    endpoint.quic = true;
    if (url.find(':') == std::string_view::npos) return std::nullopt;
  } else {
    return std::nullopt;
  }
  if (!url.empty() && url.back() == '/') url.remove_suffix(1);
  if (url.empty() || url.find('/') != std::string_view::npos) return std::nullopt;
  const std::size_t colon = url.rfind(':');
  if (colon != std::string_view::npos) {
    const std::string_view port = url.substr(colon + 1);
    unsigned value = 0;
    const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (error != std::errc() || end != port.data() + port.size() || value == 0 || value > 65535) return std::nullopt;
    endpoint.port = static_cast<std::uint16_t>(value);
    url = url.substr(0, colon);
  }
  if (url.empty()) return std::nullopt;
  endpoint.host = std::string(url);
  return endpoint;
}

RouteConfig parseRouteConfig(const json& root, const std::filesystem::path& file) {
  const JsonInput reader(file.empty() ? std::filesystem::path("configuration") : file);
  if (!root.is_object()) reader.failValue(kRoot, "the top level must be a JSON object", root);
  reader.checkFields(root, kRoot,
                     {"classes", "tenants", "admin_keys", "limits", "members", "routing", "down_for_s", "upstream_timeout_s",
                      "health_check_interval_s", "health_check_timeout_s", "stream_scheduler", "stream_classes",
                      "congestion_control", "tier_router", "tiered_classes"});
  RouteConfig config;
  config.classes = readServedClasses(reader, root);
  config.access = readAccess(reader, root, config.classes);
  config.limits = readLimits(reader, root);

  net::quic::StreamSchedulerKind routeScheduler = net::quic::StreamSchedulerKind::Edf;
  if (const json* v = JsonInput::field(root, "stream_scheduler")) routeScheduler = readScheduler(reader, *v, kRoot / "stream_scheduler");
  net::quic::CongestionControl routeCongestion = net::quic::kDefaultCongestionControl;
  if (const json* v = JsonInput::field(root, "congestion_control")) {
    routeCongestion = readCongestionControl(reader, *v, kRoot / "congestion_control");
  }
  config.streamClasses = readStreamClasses(reader, root, config.classes);
  const std::filesystem::path base = file.empty() ? std::filesystem::path() : file.parent_path();

  const json& members = reader.required(root, kRoot, "members", "a non-empty array of member objects");
  if (!members.is_array() || members.empty()) {
    reader.failValue(kRoot / "members", "must be a non-empty array of member objects", members);
  }
  std::set<std::string> names;
  for (std::size_t i = 0; i < members.size(); ++i) {
    const JsonPointer path = kRoot / "members" / i;
    const json& object = members[i];
    reader.requireObject(object, path,
                         "(name, url, transport, certificate, stream_scheduler, congestion_control, kind, api_key, priority, "
                         "model, hardware, tensor_parallel)");
    reader.checkFields(object, path,
                       {"name", "url", "transport", "certificate", "stream_scheduler", "congestion_control", "kind", "api_key",
                        "priority", "model", "hardware", "tensor_parallel"});
    RouteMember member;
    member.name = "member-" + std::to_string(i);
    if (const json* v = JsonInput::field(object, "name")) member.name = reader.nonEmptyString(*v, path / "name");
    if (!names.insert(member.name).second) reader.fail(path / "name", "duplicate member name \"" + member.name + "\"");
    const JsonPointer urlPath = path / "url";
    const std::string url =
        reader.nonEmptyString(reader.required(object, path, "url", "http://host:port, https://host:port or quic://host:port"), urlPath);
    const auto endpoint = parseEndpointUrl(url);
    if (!endpoint) reader.failValue(urlPath, "must be http://host:port, https://host:port or quic://host:port (no path)", url);
    member.endpoint = *endpoint;
    if (const json* v = JsonInput::field(object, "transport")) {
      const bool quic = reader.oneOf(*v, path / "transport", "http, quic", [](const std::string& name) -> std::optional<bool> {
        if (name == "http") return false;
        if (name == "quic") return true;
        return std::nullopt;
      });
      if (quic != member.endpoint.quic) {
        reader.failValue(urlPath, quic ? "must be quic://host:port for transport \"quic\"" : "must be http:// or https:// for transport \"http\"", url);
      }
    }
    if (member.endpoint.quic) {
      const JsonPointer certificatePath = path / "certificate";
      const std::string certificate = reader.nonEmptyString(
          reader.required(object, path, "certificate", "the member's certificate (PEM file), pinned: required for transport \"quic\""),
          certificatePath);
      member.endpoint.pinnedCertificate = base / certificate;
      if (!std::filesystem::is_regular_file(member.endpoint.pinnedCertificate)) {
        reader.failValue(certificatePath, "must name a readable PEM certificate file (relative to the configuration file)", certificate);
      }
      member.endpoint.streamScheduler = routeScheduler;
      if (const json* v = JsonInput::field(object, "stream_scheduler")) {
        member.endpoint.streamScheduler = readScheduler(reader, *v, path / "stream_scheduler");
      }
      member.endpoint.congestionControl = routeCongestion;
      if (const json* v = JsonInput::field(object, "congestion_control")) {
        member.endpoint.congestionControl = readCongestionControl(reader, *v, path / "congestion_control");
      }
    } else {
      for (const char* quicOnly : {"certificate", "stream_scheduler", "congestion_control"}) {
        if (JsonInput::field(object, quicOnly)) reader.fail(path / quicOnly, "only allowed for members of transport \"quic\"");
      }
    }
    if (const json* v = JsonInput::field(object, "kind")) {
      member.kind = reader.oneOf(*v, path / "kind", "headroom, openai", [](const std::string& name) -> std::optional<MemberKind> {
        if (name == "headroom") return MemberKind::Headroom;
        if (name == "openai") return MemberKind::OpenAi;
        return std::nullopt;
      });
    }
    if (const json* v = JsonInput::field(object, "api_key")) member.apiKey = reader.nonEmptyString(*v, path / "api_key");
    for (const ServedClass& served : config.classes) member.priorityByClass.push_back(served.qos.rank);
    if (const json* v = JsonInput::field(object, "priority")) {
      const JsonPointer priorityPath = path / "priority";
      if (member.kind != MemberKind::OpenAi) reader.fail(priorityPath, "only allowed for members of kind \"openai\"");
      reader.requireObject(*v, priorityPath, "(class name -> integer priority, lower first)");
      for (const auto& [name, value] : v->items()) {
        std::size_t c = 0;
        while (c < config.classes.size() && config.classes[c].qos.name != name) ++c;
        if (c == config.classes.size()) {
          reader.fail(priorityPath / name, "must name a class of this configuration (unknown class \"" + name + "\")");
        }
        member.priorityByClass[c] = static_cast<int>(reader.integer(value, priorityPath / name, -1000000, 1000000));
      }
    }
    if (const json* v = JsonInput::field(object, "model")) member.model = reader.nonEmptyString(*v, path / "model");
    if (const json* v = JsonInput::field(object, "hardware")) member.hardware = reader.nonEmptyString(*v, path / "hardware");
    if (const json* v = JsonInput::field(object, "tensor_parallel")) {
      member.tensorParallel = static_cast<std::int32_t>(reader.integer(*v, path / "tensor_parallel", 1, 64));
    }
    config.members.push_back(std::move(member));
  }
  config.tiers = readTiers(reader, root, config.classes, config.members, base);

  if (const json* routing = JsonInput::field(root, "routing")) {
    RouteRouting parsed = readRouting(reader, *routing, kRoot / "routing", config.classes, config.members.size());
    config.policy = parsed.policy;
    config.shares = std::move(parsed.shares);
  }
  if (config.shares.empty()) config.shares.assign(config.classes.size(), {});
  if (const json* v = JsonInput::field(root, "down_for_s")) config.downFor = reader.positiveSeconds(*v, kRoot / "down_for_s");
  if (const json* v = JsonInput::field(root, "upstream_timeout_s")) {
    config.upstreamTimeout = reader.positiveSeconds(*v, kRoot / "upstream_timeout_s");
  }
  if (const json* v = JsonInput::field(root, "health_check_interval_s")) {
    config.healthCheckInterval = reader.positiveSeconds(*v, kRoot / "health_check_interval_s");
  }
  if (const json* v = JsonInput::field(root, "health_check_timeout_s")) {
    config.healthCheckTimeout = reader.positiveSeconds(*v, kRoot / "health_check_timeout_s");
  }
  return config;
}

RouteConfig loadRouteConfig(const std::filesystem::path& file) {
  return parseRouteConfig(JsonInput::loadFile(file, "route configuration"), file);
}

std::vector<std::vector<double>> loadPlanShares(const std::filesystem::path& file, const std::vector<ServedClass>& classes,
                                                std::size_t members) {
  const JsonInput reader(file);
  const json root = JsonInput::loadFile(file, "plan file");
  if (!root.is_object()) reader.failValue(kRoot, "a plan must be a JSON object (headroom-cli plan --json)", root);
  const json& instances = reader.required(root, kRoot, "instances", "the plan's array of instances");
  if (!instances.is_array() || instances.size() != members) {
    reader.fail(kRoot / "instances",
                "must be an array of one instance per router member (" + std::to_string(members) + ")",
                std::to_string(instances.is_array() ? instances.size() : 0) + " instance(s)");
  }
  std::vector<std::vector<double>> shares(classes.size(), std::vector<double>(members, 0.0));
  for (std::size_t m = 0; m < members; ++m) {
    const JsonPointer path = kRoot / "instances" / m;
    reader.requireObject(instances[m], path, "(mode, rates_per_s, ...)");
    const json& rates = reader.required(instances[m], path, "rates_per_s", "class name -> requests per second");
    reader.requireObject(rates, path / "rates_per_s", "(class name -> requests per second)");
    for (const auto& [name, rate] : rates.items()) {
      std::size_t c = 0;
      while (c < classes.size() && classes[c].qos.name != name) ++c;
      const JsonPointer ratePath = path / "rates_per_s" / name;
      if (c == classes.size()) reader.fail(ratePath, "must name a class of the router (it has no class \"" + name + "\")");
      shares[c][m] = reader.number(rate, ratePath, engine::NumberRange::atLeast(0.0, "requests per second", 1e12));
    }
  }
  for (auto& row : shares) {
    double sum = 0.0;
    for (double share : row) sum += share;
    if (!(sum > 0.0)) row.clear();
  }
  return shares;
}

}  // namespace headroom::serve
