// RouteService's own endpoints: GET /health, GET /metrics, GET|PUT /v1/headroom/admin/shares and
// GET /v1/headroom/members, GET /v1/headroom/replan, POST /v1/headroom/replan/apply.
#include "serve/router/route_service.h"

#include <limits>

#include "serve/protocol/admin_put_body.h"
#include "serve/protocol/http_server_metrics.h"
#include "serve/protocol/json_object_body.h"
#include "serve/protocol/process_metrics.h"
#include "serve/protocol/prometheus_writer.h"
#include "serve/protocol/route_members_json.h"
#include "serve/router/route_members_status.h"
#include "engine/io/json_input.h"

namespace headroom::serve {

namespace {

using json = nlohmann::json;

net::HttpResponse jsonResponse(const json& body) { return {200, {{"Content-Type", "application/json"}}, body.dump()}; }

// Answers 401 (no key or an unknown one) or 403 (a tenant's key) and returns false unless the request
// carries an admin key.
bool admitAdmin(const AccessPolicy& access, const net::HttpRequest& request, const std::shared_ptr<net::HttpExchange>& exchange) {
  const auto key = AccessPolicy::bearerToken(request.header("authorization").value_or(""));
  if (access.isAdmin(key)) return true;
  const bool known = access.tenantOf(key).has_value();
  exchange->respond(ApiError::make(known ? 403 : 401, known ? "This endpoint needs an admin key." : "Missing or invalid admin key.",
                                   known ? "permission_error" : "invalid_request_error", known ? "admin_only" : "invalid_api_key")
                        .toResponse());
  return false;
}

}  // namespace

void RouteService::handleHealth(const std::shared_ptr<net::HttpExchange>& exchange) {
  json members = json::array();
  for (const MemberState& member : table_.states()) {
    members.push_back({{"name", member.name}, {"up", member.up}, {"in_flight", member.inFlight}});
  }
  if (draining()) {
    // Shutting down: load balancers take the router out while its requests in flight finish.
    exchange->respond({503, {{"Content-Type", "application/json"}}, json({{"status", "draining"}, {"members", members}}).dump()});
    return;
  }
  exchange->respond(jsonResponse({{"status", "ok"}, {"members", members}}));
}

void RouteService::handleMetrics(const std::shared_ptr<net::HttpExchange>& exchange) {
  PrometheusWriter http;
  writeHttpServerMetrics(http, *httpCounters_);
  writeProcessMetrics(http);
  if (quicStreamMetrics_) quicStreamMetrics_->all().write(http, "requests");
  if (replanner_) replanner_->writeMetrics(http);
  exchange->respond({200, {{"Content-Type", std::string(PrometheusWriter::kContentType)}},
                     metrics_.prometheusText(table_.states()) + http.take()});
}

json RouteService::sharesJson() const {
  const RouteRouting routing = table_.routing();
  json shares = json::object();
  for (std::size_t c = 0; c < config_.classes.size() && c < routing.shares.size(); ++c) {
    if (!routing.shares[c].empty()) shares[config_.classes[c].qos.name] = routing.shares[c];
  }
  json members = json::array();
  for (const RouteMember& member : config_.members) members.push_back(member.name);
  return {{"policy", routing.policy == RoutePolicy::Weighted ? "weighted" : "least-loaded"},
          {"members", members},
          {"shares", shares}};
}

void RouteService::handleShares(const net::HttpRequest& request, const std::shared_ptr<net::HttpExchange>& exchange) {
  if (!admitAdmin(config_.access, request, exchange)) return;
  if (request.method == "GET") {
    exchange->respond(jsonResponse(sharesJson()));
    return;
  }
  AdminPutBody put = readAdminPutBody(request, "The body must be a JSON object {\"policy\", \"shares\"}.");
  if (put.refusal) {
    exchange->respond(std::move(*put.refusal));
    return;
  }
  try {
    const engine::JsonInput reader("request body");
    RouteRouting routing = readRouting(reader, put.object, engine::JsonPointer(), config_.classes, config_.members.size());
    setShares(routing.policy, std::move(routing.shares));
  } catch (const std::exception& error) {
    exchange->respond(ApiError::make(400, error.what(), "invalid_request_error", {}, "shares").toResponse());
    return;
  }
  exchange->respond(jsonResponse(sharesJson()));
}

std::vector<std::vector<MemberClassStreams>> RouteService::memberStreamFigures() const {
  // Per member, per class: what the QUIC transport counts of the streams to that member. HTTP members
  // have none.
  return quicStreamMetrics_ ? quicStreamMetrics_->byMember() : std::vector<std::vector<MemberClassStreams>>{};
}

void RouteService::handleMembers(const net::HttpRequest& request, const std::shared_ptr<net::HttpExchange>& exchange) {
  if (!admitAdmin(config_.access, request, exchange)) return;
  if (request.method != "GET") {
    exchange->respond(ApiError::make(405, "Use GET on /v1/headroom/members.", "invalid_request_error", "method_not_allowed")
                          .toResponse({{"Allow", "GET"}}));
    return;
  }
  const std::vector<std::vector<MemberClassStreams>> streams = memberStreamFigures();
  exchange->respond(jsonResponse(toRouteMembersJson(routeMembersStatus(config_.members, table_.states(), streams))));
}

void RouteService::handleReplan(const net::HttpRequest& request, const std::shared_ptr<net::HttpExchange>& exchange) {
  if (!admitAdmin(config_.access, request, exchange)) return;
  const bool apply = request.path() == kReplanApplyPath;
  const std::string_view method = apply ? "POST" : "GET";
  if (request.method != method) {
    exchange->respond(ApiError::make(405, "Use " + std::string(method) + " on " + std::string(request.path()) + ".",
                                     "invalid_request_error", "method_not_allowed")
                          .toResponse({{"Allow", std::string(method)}}));
    return;
  }
  if (!replanner_) {
    exchange->respond(ApiError::make(404, "Re-planning is off: start the router with --replan advisory|auto.",
                                     "invalid_request_error", "not_found")
                          .toResponse());
    return;
  }
  if (apply) return handleReplanApply(request, exchange);
  if (request.query() == "format=diff") {
    exchange->respond({200, {{"Content-Type", "text/plain; charset=utf-8"}}, replanner_->diffText()});
    return;
  }
  exchange->respond(jsonResponse(toJson(replanner_->status())));
}

void RouteService::handleReplanApply(const net::HttpRequest& request, const std::shared_ptr<net::HttpExchange>& exchange) {
  constexpr std::string_view kShape = "The body must be a JSON object {\"sequence\": N}: the number of the decision to apply.";
  JsonObjectBody body = parseJsonObjectBody(request.body);
  if (!body.object) {
    exchange->respond(ApiError::make(400, body.tooDeep ? "The JSON body nests too deeply." : std::string(kShape), "invalid_request_error")
                          .toResponse());
    return;
  }
  std::int64_t sequence = 0;
  try {
    const engine::JsonInput reader("request body");
    const engine::JsonPointer top;
    reader.checkFields(*body.object, top, {"sequence"});
    sequence = reader.integer(reader.required(*body.object, top, "sequence", "the number of the decision to apply"),
                              top / "sequence", 1, std::numeric_limits<std::int64_t>::max());
  } catch (const engine::InputError& error) {
    exchange->respond(ApiError::make(400, error.what(), "invalid_request_error").toResponse());
    return;
  }
  const ReplanRunner::Acceptance acceptance = replanner_->accept(sequence);
  if (!acceptance.decision) {
    exchange->respond(ApiError::make(409, "Not applied: " + acceptance.refusal + ".", "invalid_request_error", "conflict")
                          .toResponse());
    return;
  }
  exchange->respond(jsonResponse(toJson(replanner_->status())));
}

}  // namespace headroom::serve
