// ServeApi's construction, its dispatcher (path and method to endpoint), the admin-key check and the
// response helpers every endpoint uses. The endpoints are in completion_endpoint.cpp,
// metrics_endpoint.cpp, telemetry_stream.cpp and admin_endpoints.cpp.
#include "serve/server/serve_api.h"

#include <algorithm>

#include "serve/server/api_responses.h"

namespace headroom::serve {

using json = nlohmann::json;

ServeApi::ServeApi(ServeConfig config, ServingHost& host, engine::Duration telemetryInterval)
    : config_(std::move(config)),
      host_(host),
      telemetryInterval_(telemetryInterval),
      computesText_(config_.executor.kind == engine::ExecutorKind::Cpu || config_.executor.kind == engine::ExecutorKind::Cuda) {
  telemetryThread_ = std::thread([this] { runTelemetry(); });
}

ServeApi::~ServeApi() { stopTelemetry(); }

void ServeApi::stopTelemetry() {
  std::vector<std::shared_ptr<net::HttpExchange>> streams;
  {
    std::lock_guard lock(telemetryMutex_);
    stopping_ = true;
    streams.swap(telemetryStreams_);
  }
  telemetryWake_.notify_all();
  if (telemetryThread_.joinable()) telemetryThread_.join();
  for (const auto& stream : streams) stream->endStream();
}

void ServeApi::respond(const std::shared_ptr<net::HttpExchange>& exchange, net::HttpResponse response) {
  exchange->respond(std::move(response));
}

void ServeApi::respondJson(const std::shared_ptr<net::HttpExchange>& exchange, int status, const json& body) {
  respond(exchange, {status, jsonHeaders(), body.dump(-1, ' ', false, json::error_handler_t::replace)});
}

void ServeApi::respondError(const std::shared_ptr<net::HttpExchange>& exchange, const ApiError& error, net::HttpHeaders headers) {
  headers.emplace_back("Content-Type", "application/json");
  respond(exchange, {error.status, std::move(headers), error.body()});
}

void ServeApi::handle(net::HttpRequest request, std::shared_ptr<net::HttpExchange> exchange) {
  const std::string_view path = request.path();
  const std::string& method = request.method;
  auto only = [&](std::string_view allowed) {
    if (method == allowed) return true;
    respondError(exchange, ApiError::make(405, "Method " + method + " is not allowed on " + std::string(path) + "; use " +
                                              std::string(allowed) + ".",
                                     "invalid_request_error", "method_not_allowed"),
                 {{"Allow", std::string(allowed)}});
    return false;
  };
  if (path == "/v1/completions") {
    if (only("POST")) handleCompletion(CompletionEndpoint::Completions, request, exchange);
  } else if (path == "/v1/chat/completions") {
    if (only("POST")) handleCompletion(CompletionEndpoint::ChatCompletions, request, exchange);
  } else if (path == "/v1/models") {
    if (!only("GET")) return;
    const auto key = AccessPolicy::bearerToken(request.header("authorization").value_or(""));
    if (!config_.access.tenantOf(key) && !config_.access.isAdmin(key)) {
      respondError(exchange, ApiError::make(401, "Missing or invalid API key.", "invalid_request_error", "invalid_api_key"));
      return;
    }
    respondJson(exchange, 200,
                {{"object", "list"},
                 {"data", json::array({{{"id", config_.modelName},
                                        {"object", "model"},
                                        {"created", 0},
                                        {"owned_by", "headroom"}}})}});
  } else if (path == "/health") {
    if (!only("GET")) return;
    if (const std::string failure = host_.failure(); !failure.empty()) {
      respondJson(exchange, 503, {{"status", "failed"}, {"model", config_.modelName}, {"error", failure}});
      return;
    }
    if (host_.draining()) {
      // Shutting down: load balancers take this instance out while it finishes what it holds.
      respondJson(exchange, 503, {{"status", "draining"}, {"model", config_.modelName}});
      return;
    }
    const engine::InstanceStatus status = host_.status();
    respondJson(exchange, 200,
                {{"status", "ok"},
                 {"model", config_.modelName},
                 {"waiting", status.load.waiting + status.load.relegated},
                 {"running", status.load.prefilling + status.load.decoding},
                 {"outstanding_tokens", status.load.outstandingTokens},
                 {"kv_used_fraction", status.kvUsedFraction}});
  } else if (path == "/metrics") {
    if (only("GET")) handleMetrics(exchange);
  } else if (path == "/v1/headroom/telemetry") {
    if (only("GET")) handleTelemetry(request, exchange);
  } else if (path.starts_with("/v1/headroom/admin/")) {
    handleAdmin(request, exchange);
  } else {
    respondError(exchange, ApiError::make(404, "Unknown path " + std::string(path) + ".", "invalid_request_error", "not_found"));
  }
}

bool ServeApi::requireAdmin(const net::HttpRequest& request, const std::shared_ptr<net::HttpExchange>& exchange) {
  const auto key = AccessPolicy::bearerToken(request.header("authorization").value_or(""));
  if (config_.access.isAdmin(key)) return true;
  if (config_.access.tenantOf(key)) {
    respondError(exchange, ApiError::make(403, "This endpoint needs an admin key.", "permission_error", "admin_only"));
  } else {
    respondError(exchange, ApiError::make(401, "Missing or invalid admin key.", "invalid_request_error", "invalid_api_key"));
  }
  return false;
}

}  // namespace headroom::serve
