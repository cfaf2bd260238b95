#include "serve/client/remote_admin.h"

#include <stdexcept>
#include <string>

#include "engine/io/json_input.h"

namespace headroom::serve {

using json = nlohmann::json;

json routerSharesFromPlan(const json& plan) {
  if (!plan.is_object()) throw std::invalid_argument("plan: must be a JSON object (headroom-cli plan --json)");
  const auto instances = plan.find("instances");
  if (instances == plan.end() || !instances->is_array() || instances->empty()) {
    throw std::invalid_argument("plan: /instances must be a non-empty array of instances");
  }
  const std::size_t members = instances->size();
  json shares = json::object();
  for (std::size_t m = 0; m < members; ++m) {
    const json& instance = (*instances)[m];
    const std::string path = "/instances/" + std::to_string(m) + "/rates_per_s";
    const auto rates = instance.is_object() ? instance.find("rates_per_s") : instance.end();
    if (!instance.is_object() || rates == instance.end() || !rates->is_object()) {
      throw std::invalid_argument("plan: " + path + " must be an object (class name -> requests per second)");
    }
    for (const auto& [name, rate] : rates->items()) {
      if (!rate.is_number() || rate.get<double>() < 0.0) {
        throw std::invalid_argument("plan: " + path + "/" + name + " must be a non-negative number");
      }
      if (!shares.contains(name)) shares[name] = json(std::vector<double>(members, 0.0));
      shares[name][m] = rate.get<double>();
    }
  }
  for (auto it = shares.begin(); it != shares.end();) {
    double sum = 0.0;
    for (const json& share : *it) sum += share.get<double>();
    it = sum > 0.0 ? std::next(it) : shares.erase(it);
  }
  return {{"policy", "weighted"}, {"shares", std::move(shares)}};
}

RemoteReply pushSharesToRouter(net::UpstreamTransport& transport, std::string_view url, std::string apiKey, const json& plan) {
  const auto target = remoteTarget(url, std::move(apiKey));
  if (!target) return {0, {}, {RemoteErrorKind::BadUrl, 0, std::string(url)}};
  json body;
  try {
    body = routerSharesFromPlan(plan);
  } catch (const std::invalid_argument& error) {
    return {0, {}, {RemoteErrorKind::Protocol, 0, error.what()}};
  }
  return callRemote(transport, *target, "PUT", "/v1/headroom/admin/shares", body.dump());
}

RemoteReply putServerClasses(net::UpstreamTransport& transport, const RemoteTarget& target, const json& classes) {
  return callRemote(transport, target, "PUT", "/v1/headroom/admin/classes", json{{"classes", classes}}.dump());
}

RouteMembersAnswer routeMembersAnswer(const RemoteReply& reply) {
  if (reply.error) return {{}, reply.error};
  try {
    return {parseRouteMembers(reply.body, "the router's members"), {}};
  } catch (const engine::InputError& error) {
    return {{}, {RemoteErrorKind::Protocol, reply.status, error.what()}};
  }
}

RouteMembersAnswer readRouteMembers(net::UpstreamTransport& transport, const RemoteTarget& target, engine::Duration timeout) {
  return routeMembersAnswer(callRemote(transport, target, "GET", std::string(kRouteMembersPath), {}, timeout));
}

ReplanStatusAnswer replanStatusAnswer(const RemoteReply& reply) {
  ReplanStatusAnswer answer;
  answer.error = reply.error;
  if (reply.error) {
    answer.off = reply.error.kind == RemoteErrorKind::HttpStatus && reply.status == 404;
    return answer;
  }
  const nlohmann::json root = nlohmann::json::parse(reply.body, nullptr, false);
  if (root.is_discarded()) {
    answer.error = {RemoteErrorKind::Protocol, reply.status, "the re-planning status is not JSON"};
    return answer;
  }
  try {
    answer.status = replanStatusFromJson(root, "the router's re-planning status");
  } catch (const engine::InputError& error) {
    answer.error = {RemoteErrorKind::Protocol, reply.status, error.what()};
  }
  return answer;
}

ReplanStatusAnswer readReplanStatus(net::UpstreamTransport& transport, const RemoteTarget& target, engine::Duration timeout) {
  return replanStatusAnswer(callRemote(transport, target, "GET", std::string(kReplanPath), {}, timeout));
}

ReplanStatusAnswer applyReplanDecision(net::UpstreamTransport& transport, const RemoteTarget& target, std::int64_t sequence) {
  const nlohmann::json body = {{"sequence", sequence}};
  return replanStatusAnswer(callRemote(transport, target, "POST", std::string(kReplanApplyPath), body.dump()));
}

}  // namespace headroom::serve
