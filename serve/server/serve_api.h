#pragma once

#include <array>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "net/http_exchange.h"
#include "net/http_server_counters.h"
#include "serve/protocol/completion_request.h"
#include "serve/protocol/quic_stream_metrics.h"
#include "serve/server/serve_config.h"
#include "serve/server/serving_host.h"

namespace headroom::serve {

// The HTTP face of one serving host, independent of the transport:
//  POST /v1/completions, POST /v1/chat/completions (OpenAI shapes, SSE when "stream": true),
//  GET /v1/models, GET /health, GET /metrics (Prometheus text),
//  GET /v1/headroom/telemetry (SSE of metric snapshots; admin key),
//  GET|PUT /v1/headroom/admin/classes, GET|PUT /v1/headroom/admin/scheduler (the policy, live),
//  GET /v1/headroom/admin/status (admin key).
// With a computing executor (cpu, cuda) prompts are byte-tokenised (chats through renderChatPrompt) and
// replies are the model's text; with a modeled one prompts are estimated and replies synthetic.
// The class of a completion comes from the API key's tenant, narrowed by the X-Headroom-Class header
// or the body's qos_class. GET /health answers 503 {"status": "failed"} once the host's instance failed,
// 503 {"status": "draining"} while it shuts down (completions then get 503 with Retry-After).
// Thread-safe: handle() may run on several server threads at once. Owns one thread that feeds the
// telemetry streams. One endpoint family per file: serve_api.cpp (dispatch, auth, responses),
// completion_endpoint.cpp, metrics_endpoint.cpp, telemetry_stream.cpp, admin_endpoints.cpp.
class ServeApi final : public net::HttpHandler {
 public:
  ServeApi(ServeConfig config, ServingHost& host, engine::Duration telemetryInterval = std::chrono::milliseconds(500));
  ~ServeApi() override;

  void handle(net::HttpRequest request, std::shared_ptr<net::HttpExchange> exchange) override;
  net::HttpResponse errorResponse(int status, std::string_view message) const override {
    return transportErrorResponse(status, message);
  }

  // What the HTTP server counts (responses by status class, connections) for /metrics: give it to the
  // server that serves this API (net::HttpServerOptions::counters).
  const std::shared_ptr<net::HttpServerCounters>& httpCounters() const { return httpCounters_; }

  // Ends the telemetry streams (each body terminated) and refuses new ones (503); before the server
  // stops, so they end cleanly. Idempotent; the destructor calls it.
  void stopTelemetry();
  // Adds the QUIC answer streams' figures to /metrics (serve --quic-port). Call before serving.
  void setQuicStreamMetrics(std::shared_ptr<const QuicStreamMetrics> metrics) { quicStreamMetrics_ = std::move(metrics); }

  static constexpr std::size_t kMaxTelemetryStreams = 64;

 private:
  void handleCompletion(CompletionEndpoint endpoint, const net::HttpRequest& request, const std::shared_ptr<net::HttpExchange>& exchange);
  void handleMetrics(const std::shared_ptr<net::HttpExchange>& exchange);
  void handleTelemetry(const net::HttpRequest& request, const std::shared_ptr<net::HttpExchange>& exchange);
  void handleAdmin(const net::HttpRequest& request, const std::shared_ptr<net::HttpExchange>& exchange);
  void respond(const std::shared_ptr<net::HttpExchange>& exchange, net::HttpResponse response);
  void respondJson(const std::shared_ptr<net::HttpExchange>& exchange, int status, const nlohmann::json& body);
  void respondError(const std::shared_ptr<net::HttpExchange>& exchange, const ApiError& error, net::HttpHeaders headers = {});
  bool requireAdmin(const net::HttpRequest& request, const std::shared_ptr<net::HttpExchange>& exchange);
  // The JSON object body of an admin PUT; anything else (another method, a body too deep or not an
  // object) is answered here (405 or 400 with `shapeHint`) and gives nothing.
  std::optional<nlohmann::json> readAdminPut(const net::HttpRequest& request, const std::shared_ptr<net::HttpExchange>& exchange,
                                             const std::string& shapeHint);
  std::string telemetryEvent() const;
  void runTelemetry();

  ServeConfig config_;
  ServingHost& host_;
  engine::Duration telemetryInterval_;
  bool computesText_;
  std::shared_ptr<net::HttpServerCounters> httpCounters_ = std::make_shared<net::HttpServerCounters>();
  std::shared_ptr<const QuicStreamMetrics> quicStreamMetrics_;

  std::mutex telemetryMutex_;
  std::condition_variable telemetryWake_;
  std::vector<std::shared_ptr<net::HttpExchange>> telemetryStreams_;
  bool stopping_ = false;
  std::thread telemetryThread_;
};

// The class list as the admin endpoint and the config file write it.
nlohmann::json servedClassesJson(const std::vector<ServedClass>& classes);

}  // namespace headroom::serve
