#include "serve/router/route_service.h"

#include <algorithm>
#include <optional>
#include <string>

#include "serve/protocol/api_error.h"
#include "serve/protocol/completion_request.h"
#include "serve/protocol/json_object_body.h"
#include "serve/protocol/request_id.h"
#include "serve/protocol/request_id_exchange.h"
#include "serve/router/route_forward.h"
#include "serve/server/api_responses.h"
#include "serve/server/request_class.h"

namespace headroom::serve {

namespace {

using json = nlohmann::json;

void sendError(const std::shared_ptr<net::HttpExchange>& exchange, const ApiError& error, net::HttpHeaders headers = {}) {
  exchange->respond(error.toResponse(std::move(headers)));
}

}  // namespace

RouteService::RouteService(RouteConfig config, net::UpstreamTransport& transport)
    : config_(std::move(config)),
      transport_(transport),
      table_(config_.members, config_.policy, config_.shares, config_.downFor),
      prober_(table_, config_.members, transport, config_.healthCheckInterval, config_.healthCheckTimeout),
      metrics_(config_.classes) {
  if (config_.tiers) {
    tiers_ = std::make_unique<RouteTierState>(*config_.tiers, config_.classes, config_.members.size());
    metrics_.setTierModels(config_.tiers->models);
  }
}

RouteService::~RouteService() { prober_.stop(); }

void RouteService::startHealthChecks() { prober_.start(); }

void RouteService::stopHealthChecks() { prober_.stop(); }

std::vector<MemberState> RouteService::members() const { return table_.states(); }

void RouteService::setShares(RoutePolicy policy, std::vector<std::vector<double>> shares) {
  shares.resize(config_.classes.size());
  table_.setRouting(policy, std::move(shares));
}

void RouteService::beginDrain(engine::Duration drainTime) {
  if (draining_.load()) return;
  drainDeadline_.store(std::chrono::steady_clock::now() + drainTime);
  draining_.store(true);
}

bool RouteService::waitDrained(engine::Duration timeout) {
  std::unique_lock lock(forwardsMutex_);
  return forwardsEnded_.wait_for(lock, timeout, [this] { return inFlight_ == 0; });
}

void RouteService::forwardEnded() {
  {
    const std::lock_guard lock(forwardsMutex_);
    --inFlight_;
  }
  forwardsEnded_.notify_all();
}

void RouteService::endInFlight() {
  std::vector<std::shared_ptr<Forward>> live;
  {
    const std::lock_guard lock(forwardsMutex_);
    for (const std::weak_ptr<Forward>& weak : forwards_) {
      if (auto forward = weak.lock()) live.push_back(std::move(forward));
    }
  }
  for (const std::shared_ptr<Forward>& forward : live) forward->endForShutdown();
}

void RouteService::handle(net::HttpRequest request, std::shared_ptr<net::HttpExchange> plainExchange) {
  // Every answer carries the request's id, the router's own errors too; the member is given the same id.
  const std::string requestId = requestIdFor(request.header("x-request-id"));
  std::erase_if(request.headers, [](const auto& header) { return header.first == "x-request-id"; });
  request.headers.emplace_back("x-request-id", requestId);
  const std::shared_ptr<net::HttpExchange> exchange = std::make_shared<RequestIdExchange>(std::move(plainExchange), requestId);
  const std::string_view path = request.path();
  const bool completion = path == "/v1/completions" || path == "/v1/chat/completions";
  if (path == "/health") return handleHealth(exchange);
  if (path == "/metrics") return handleMetrics(exchange);
  if (path == "/v1/headroom/admin/shares") return handleShares(request, exchange);
  if (path == kRouteMembersPath) return handleMembers(request, exchange);
  if (path == kReplanPath || path == kReplanApplyPath) return handleReplan(request, exchange);
  const bool models = path == "/v1/models" || path.starts_with("/v1/models/");
  if (!completion && !models) {
    sendError(exchange, ApiError::make(404, "Unknown path " + std::string(path) + ".", "invalid_request_error", "not_found"));
    return;
  }
  if (draining_.load()) {
    exchange->respond(drainingResponse(std::chrono::ceil<engine::Duration>(drainDeadline_.load() - std::chrono::steady_clock::now())));
    return;
  }
  const std::string_view expected = completion ? "POST" : "GET";
  if (request.method != expected) {
    sendError(exchange, ApiError::make(405, "Use " + std::string(expected) + " on " + std::string(path) + ".",
                                       "invalid_request_error", "method_not_allowed"),
              {{"Allow", std::string(expected)}});
    return;
  }
  const std::string key(AccessPolicy::bearerToken(request.header("authorization").value_or("")));
  const std::optional<std::int32_t> tenant = config_.access.tenantOf(key);
  if (!tenant) {
    sendError(exchange, ApiError::make(401, key.empty() ? "You didn't provide an API key (Authorization: Bearer <key>)."
                                                        : "Incorrect API key provided.",
                                       "invalid_request_error", "invalid_api_key"));
    return;
  }
  if (models && tiers_) {
    // With model tiers the router lists its members' models and "auto" itself.
    auto model = [](std::string_view id) { return json{{"id", id}, {"object", "model"}, {"created", 0}, {"owned_by", "headroom"}}; };
    std::vector<std::string> ids = tiers_->tiers().models;
    ids.emplace_back(kAutoModel);
    if (path == "/v1/models") {
      json data = json::array();
      for (const std::string& id : ids) data.push_back(model(id));
      exchange->respond({200, {{"Content-Type", "application/json"}}, json{{"object", "list"}, {"data", data}}.dump()});
      return;
    }
    const std::string id(path.substr(std::string_view("/v1/models/").size()));  // model names need no decoding
    if (std::find(ids.begin(), ids.end(), id) != ids.end()) {
      exchange->respond({200, {{"Content-Type", "application/json"}}, model(id).dump()});
    } else {
      sendError(exchange, ApiError::make(404, "The model '" + echoInput(id) + "' does not exist here.", "invalid_request_error",
                                         "model_not_found", "model"));
    }
    return;
  }
  std::optional<json> body;
  std::optional<std::string> bodyClass;
  if (completion) {
    JsonObjectBody parsedBody = parseJsonObjectBody(request.body);
    if (!parsedBody.object) {
      sendError(exchange, ApiError::make(400, "We could not parse the JSON body of your request. The body must be a JSON object.",
                                         "invalid_request_error"));
      return;
    }
    json& parsed = *parsedBody.object;
    if (const auto found = parsed.find("qos_class"); found != parsed.end() && !found->is_null()) {
      if (!found->is_string()) {
        sendError(exchange, ApiError::make(400, "'qos_class' must be a string naming a QoS class.", "invalid_request_error", {},
                                           "qos_class"));
        return;
      }
      bodyClass = found->get<std::string>();
    }
    body = std::move(parsed);
  }
  const std::variant<engine::ClassId, ApiError> chosen =
      requestClass(config_.access, *tenant, request.header("x-headroom-class"),
                   bodyClass ? std::optional<std::string_view>(*bodyClass) : std::nullopt);
  if (const ApiError* error = std::get_if<ApiError>(&chosen)) {
    sendError(exchange, *error);
    return;
  }
  const engine::ClassId classId = std::get<engine::ClassId>(chosen);
  std::optional<Forward::Tiering> tiering;
  if (tiers_ && body) {
    const auto arrival = std::chrono::steady_clock::now();
    tiers_->arrived(arrival);
    const RouteTiers& tierConfig = tiers_->tiers();
    Forward::Tiering tier;
    const auto named = body->find("model");
    const std::string model = named != body->end() && named->is_string() ? named->get<std::string>() : std::string();
    tier.tiered = tierConfig.tieredClasses[classId] || model == kAutoModel;
    if (!tier.tiered && !model.empty()) {
      tier.group = tierConfig.groupOfModel(model);
      if (!tier.group) {
        std::string models;
        for (const std::string& known : tierConfig.models) models += (models.empty() ? "'" : "', '") + known;
        sendError(exchange, ApiError::make(404, "The model '" + model + "' does not exist here. Models: " + models + "', or '" +
                                                    std::string(kAutoModel) + "' to let the router choose.",
                                           "invalid_request_error", "model_not_found", "model"));
        return;
      }
    }
    // Its tokens as the member's own reader counts them (prompt estimate or token ids, max_tokens).
    std::int32_t promptTokens = 1;
    std::int32_t outputTokens = config_.limits.defaultMaxTokens;
    const CompletionEndpoint endpoint = path == "/v1/chat/completions" ? CompletionEndpoint::ChatCompletions : CompletionEndpoint::Completions;
    const std::variant<CompletionRequest, ApiError> parsedRequest = parseCompletionRequest(endpoint, request.body, config_.limits);
    if (const auto* parsed = std::get_if<CompletionRequest>(&parsedRequest)) {
      promptTokens = parsed->promptTokens;
      outputTokens = parsed->maxTokens;
    }
    tier.request = tiers_->describe(classId, arrival, promptTokens, outputTokens);
    if (tier.group) metrics_.countTierRouted(classId, *tier.group);
    tiering = std::move(tier);
  }
  metrics_.countRequest(classId);
  if (replanner_) replanner_->arrive(classId);
  auto forward = std::make_shared<Forward>(*this, std::move(request), std::move(exchange), classId, std::move(body), key,
                                           std::move(tiering));
  {
    const std::lock_guard lock(forwardsMutex_);
    std::erase_if(forwards_, [](const std::weak_ptr<Forward>& weak) { return weak.expired(); });
    forwards_.push_back(forward);
    ++inFlight_;
  }
  forward->start();
}

}  // namespace headroom::serve
