#include "serve/router/route_config.h"

#include <charconv>
#include <set>

namespace headroom::serve {

namespace {

using json = nlohmann::json;

std::vector<std::vector<double>> readShares(const ConfigReader& reader, const json& object, const std::string& path,
                                            const std::vector<ServedClass>& classes, std::size_t members) {
  reader.requireObject(object, path, "(class name -> array of one share per member)");
  std::vector<std::vector<double>> shares(classes.size());
  for (const auto& [name, row] : object.items()) {
    const std::string rowPath = ConfigReader::child(path, name);
    std::size_t c = 0;
    while (c < classes.size() && classes[c].qos.name != name) ++c;
    if (c == classes.size()) reader.fail(rowPath, "unknown class \"" + name + "\"");
    if (!row.is_array() || row.size() != members) {
      reader.fail(rowPath, "must be an array of " + std::to_string(members) + " shares (one per member, numbers >= 0)");
    }
    double sum = 0.0;
    for (std::size_t m = 0; m < members; ++m) {
      shares[c].push_back(reader.number(row[m], ConfigReader::child(rowPath, m), 0.0, 1e12));
      sum += shares[c].back();
    }
    if (!(sum > 0.0)) reader.fail(rowPath, "needs at least one share > 0");
  }
  return shares;
}

}  // namespace

RouteRouting readRouting(const ConfigReader& reader, const json& object, const std::string& path,
                         const std::vector<ServedClass>& classes, std::size_t members) {
  reader.requireObject(object, path, "(policy, shares)");
  reader.checkFields(object, path, {"policy", "shares"});
  RouteRouting routing;
  if (const json* v = ConfigReader::field(object, "policy")) {
    if (*v == "least-loaded") {
      routing.policy = RoutePolicy::LeastLoaded;
    } else if (*v == "weighted") {
      routing.policy = RoutePolicy::Weighted;
    } else {
      reader.fail(ConfigReader::child(path, "policy"), "must be one of: least-loaded, weighted; got " + ConfigReader::shown(*v));
    }
  }
  if (const json* v = ConfigReader::field(object, "shares")) {
    if (routing.policy != RoutePolicy::Weighted) reader.fail(ConfigReader::child(path, "shares"), "only allowed with policy \"weighted\"");
    routing.shares = readShares(reader, *v, ConfigReader::child(path, "shares"), classes, members);
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
  const ConfigReader reader(file);
  if (!root.is_object()) reader.fail("", "the top level must be a JSON object, got " + ConfigReader::shown(root));
  reader.checkFields(root, "",
                     {"classes", "tenants", "admin_keys", "limits", "members", "routing", "down_for_s", "upstream_timeout_s"});
  RouteConfig config;
  config.classes = readServedClasses(reader, root);
  config.access = readAccess(reader, root, config.classes);
  config.limits = readLimits(reader, root);

  const json& members = reader.required(root, "", "members", "a non-empty array of member objects");
  if (!members.is_array() || members.empty()) {
    reader.fail("/members", "must be a non-empty array of member objects, got " + ConfigReader::shown(members));
  }
  std::set<std::string> names;
  for (std::size_t i = 0; i < members.size(); ++i) {
    const std::string path = ConfigReader::child("/members", i);
    const json& object = members[i];
    reader.requireObject(object, path, "(name, url, kind, api_key, priority)");
    reader.checkFields(object, path, {"name", "url", "kind", "api_key", "priority"});
    RouteMember member;
    member.name = "member-" + std::to_string(i);
    if (const json* v = ConfigReader::field(object, "name")) member.name = reader.nonEmptyString(*v, ConfigReader::child(path, "name"));
    if (!names.insert(member.name).second) reader.fail(ConfigReader::child(path, "name"), "duplicate member name \"" + member.name + "\"");
    const std::string urlPath = ConfigReader::child(path, "url");
    const std::string url = reader.nonEmptyString(reader.required(object, path, "url", "http://host:port or https://host:port"), urlPath);
    const auto endpoint = parseEndpointUrl(url);
    if (!endpoint) reader.fail(urlPath, "must be http://host:port or https://host:port (no path), got \"" + url + "\"");
    member.endpoint = *endpoint;
    if (const json* v = ConfigReader::field(object, "kind")) {
      if (*v == "headroom") {
        member.kind = MemberKind::Headroom;
      } else if (*v == "openai") {
        member.kind = MemberKind::OpenAi;
      } else {
        reader.fail(ConfigReader::child(path, "kind"), "must be one of: headroom, openai; got " + ConfigReader::shown(*v));
      }
    }
    if (const json* v = ConfigReader::field(object, "api_key")) member.apiKey = reader.nonEmptyString(*v, ConfigReader::child(path, "api_key"));
    for (const ServedClass& served : config.classes) member.priorityByClass.push_back(served.qos.rank);
    if (const json* v = ConfigReader::field(object, "priority")) {
      const std::string priorityPath = ConfigReader::child(path, "priority");
      if (member.kind != MemberKind::OpenAi) reader.fail(priorityPath, "only allowed for members of kind \"openai\"");
      reader.requireObject(*v, priorityPath, "(class name -> integer priority, lower first)");
      for (const auto& [name, value] : v->items()) {
        std::size_t c = 0;
        while (c < config.classes.size() && config.classes[c].qos.name != name) ++c;
        if (c == config.classes.size()) reader.fail(ConfigReader::child(priorityPath, name), "unknown class \"" + name + "\"");
        member.priorityByClass[c] = static_cast<int>(
            reader.integer(value, ConfigReader::child(priorityPath, name), -1000000, 1000000));
      }
    }
    config.members.push_back(std::move(member));
  }

  if (const json* routing = ConfigReader::field(root, "routing")) {
    RouteRouting parsed = readRouting(reader, *routing, "/routing", config.classes, config.members.size());
    config.policy = parsed.policy;
    config.shares = std::move(parsed.shares);
  }
  if (config.shares.empty()) config.shares.assign(config.classes.size(), {});
  if (const json* v = ConfigReader::field(root, "down_for_s")) config.downFor = reader.positiveSeconds(*v, "/down_for_s");
  if (const json* v = ConfigReader::field(root, "upstream_timeout_s")) {
    config.upstreamTimeout = reader.positiveSeconds(*v, "/upstream_timeout_s");
  }
  return config;
}

RouteConfig loadRouteConfig(const std::filesystem::path& file) {
  const ConfigReader reader(file);
  return parseRouteConfig(reader.load(), file);
}

std::vector<std::vector<double>> loadPlanShares(const std::filesystem::path& file, const std::vector<ServedClass>& classes,
                                                std::size_t members) {
  const ConfigReader reader(file);
  const json root = reader.load();
  if (!root.is_object()) reader.fail("", "a plan must be a JSON object (headroom-cli plan --json)");
  const json& instances = reader.required(root, "", "instances", "the plan's array of instances");
  if (!instances.is_array() || instances.size() != members) {
    reader.fail("/instances", "the plan has " + std::to_string(instances.is_array() ? instances.size() : 0) +
                                  " instance(s) but the router has " + std::to_string(members) + " member(s); they must match");
  }
  std::vector<std::vector<double>> shares(classes.size(), std::vector<double>(members, 0.0));
  for (std::size_t m = 0; m < members; ++m) {
    const std::string path = ConfigReader::child("/instances", m);
    reader.requireObject(instances[m], path, "(mode, rates_per_s, ...)");
    const json& rates = reader.required(instances[m], path, "rates_per_s", "class name -> requests per second");
    reader.requireObject(rates, ConfigReader::child(path, "rates_per_s"), "(class name -> requests per second)");
    for (const auto& [name, rate] : rates.items()) {
      std::size_t c = 0;
      while (c < classes.size() && classes[c].qos.name != name) ++c;
      const std::string ratePath = ConfigReader::child(ConfigReader::child(path, "rates_per_s"), name);
      if (c == classes.size()) reader.fail(ratePath, "the router has no class \"" + name + "\"");
      shares[c][m] = reader.number(rate, ratePath, 0.0, 1e12);
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
