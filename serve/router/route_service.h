#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/core/time.h"
#include "net/http_exchange.h"
#include "net/http_server_counters.h"
#include "net/upstream.h"
#include "serve/protocol/api_error.h"
#include "serve/protocol/route_members_json.h"
#include "serve/protocol/quic_stream_metrics.h"
#include "serve/router/member_stream_metrics.h"
#include "serve/router/member_prober.h"
#include "serve/router/member_table.h"
#include "serve/router/replan_runner.h"
#include "serve/router/route_config.h"
#include "serve/router/route_metrics.h"
#include "serve/router/route_tier_state.h"

namespace headroom::serve {

// The HTTP face of `headroom-cli route`: authenticates like a server (keys -> tenants -> classes), picks
// a member per request (least-loaded, or the class's shares skipping members that are down), forwards
// the request and streams the answer back. A member that could not be reached, or answered 503 (or 429
// while another member is left), is retried elsewhere; a member that failed once the request had
// reached it is not (the request may be what broke it): the client gets a 502, or an error event when
// the answer was already streaming. Members that fail are skipped until their health check answers.
// Also serves GET /health, GET /metrics (its own), GET /v1/models and /v1/models/{id} (from a member) and
// GET|PUT /v1/headroom/admin/shares, GET /v1/headroom/members and GET /v1/headroom/replan (admin key). Thread-safe.
//
// Model tiers (members that declare their models, RouteTiers): a tiered request (model "auto", or a
// class in tiered_classes) goes to the group its tier router picks, a request naming a model to that
// model's members (404 model_not_found naming the models when none serves it); the member policy picks
// the member inside the group, and the member is asked for its own model. Answers carry
// X-Headroom-Model; /metrics counts requests, completions (SLO met or missed, as the router saw the
// tokens arrive) and the reward per class and model (RouteTierState, RelayedSlo).
//
// Shutdown: beginDrain() answers new requests 503 (Retry-After) and /health 503 while the requests in
// flight go on; waitDrained() says when none is left; endInFlight() ends the rest (a stream's error
// event, else a 503) and closes their upstream calls, so the members cancel them too.
//
// Its parts: the members and their health (MemberTable, checked by MemberProber), one request
// forwarded with retries and streaming (Forward, route_forward.*), the counters (RouteMetrics), the
// health, metrics, shares and members endpoints (route_admin.cpp) and the client side here: paths, keys and
// classes.
class RouteService final : public net::HttpHandler {
 public:
  // Throws engine::InputError when the tiers cannot be set up (a model without an accuracy for a class's
  // task, a learned policy that cannot be read or does not match the members' models).
  RouteService(RouteConfig config, net::UpstreamTransport& transport);
  ~RouteService() override;

  void handle(net::HttpRequest request, std::shared_ptr<net::HttpExchange> exchange) override;
  net::HttpResponse errorResponse(int status, std::string_view message) const override {
    return transportErrorResponse(status, message);
  }

  // Starts the members' health checks (GET /health every health_check_interval_s); stopHealthChecks(),
  // also run by the destructor, must come before the transport goes away.
  void startHealthChecks();
  void stopHealthChecks();

  std::vector<MemberState> members() const;
  // What the HTTP server counts (responses by status class, connections) for /metrics: give it to the
  // server that serves this router (net::HttpServerOptions::counters).
  const std::shared_ptr<net::HttpServerCounters>& httpCounters() const { return httpCounters_; }
  // Replaces the weighted shares ([class][member]; an empty row routes that class least-loaded).
  void setShares(RoutePolicy policy, std::vector<std::vector<double>> shares);
  // Adds the QUIC upload streams' figures to /metrics (members of transport "quic"). Call before serving.
  void setQuicStreamMetrics(std::shared_ptr<const MemberStreamMetrics> metrics) { quicStreamMetrics_ = std::move(metrics); }
  // Re-planning at run time (route --replan): counts each request's class for it, adds its gauges to
  // /metrics and serves GET /v1/headroom/replan (admin key; ?format=diff: the dry-run diff as text).
  // Call before serving.
  void setReplanner(std::shared_ptr<ReplanRunner> replanner) { replanner_ = std::move(replanner); }
  // The tier router, as an operator writes it ("greedy", ...); empty without model tiers.
  std::string tierRouterName() const { return tiers_ ? tiers_->describeRouter() : std::string(); }

  // Starts the shutdown: from now on completions and model lists are answered 503 with a retry after
  // the rest of `drainTime` (at least 1 s), /health 503 {"status": "draining"}. Idempotent.
  void beginDrain(engine::Duration drainTime);
  bool draining() const { return draining_.load(); }
  // Waits up to `timeout` until no forwarded request is left in flight; true when none is.
  bool waitDrained(engine::Duration timeout);
  // Ends every forwarded request still in flight (see Forward::endForShutdown).
  void endInFlight();

  class Forward;

 private:
  friend class Forward;

  void handleHealth(const std::shared_ptr<net::HttpExchange>& exchange);
  void handleMetrics(const std::shared_ptr<net::HttpExchange>& exchange);
  void handleShares(const net::HttpRequest& request, const std::shared_ptr<net::HttpExchange>& exchange);
  nlohmann::json sharesJson() const;
  void handleMembers(const net::HttpRequest& request, const std::shared_ptr<net::HttpExchange>& exchange);
  void handleReplan(const net::HttpRequest& request, const std::shared_ptr<net::HttpExchange>& exchange);
  void handleReplanApply(const net::HttpRequest& request, const std::shared_ptr<net::HttpExchange>& exchange);
  // The per-class stream figures of each member (one entry per member, in configuration order) for
  // GET /v1/headroom/members; empty entries for members reached over HTTP.
  std::vector<std::vector<MemberClassStreams>> memberStreamFigures() const;
  // A forwarded request ended (Forward calls it once).
  void forwardEnded();

  const RouteConfig config_;  // its routing (policy, shares) lives on in table_
  net::UpstreamTransport& transport_;
  MemberTable table_;
  MemberProber prober_;
  RouteMetrics metrics_;
  std::unique_ptr<RouteTierState> tiers_;  // set when the members declare their models
  std::shared_ptr<net::HttpServerCounters> httpCounters_ = std::make_shared<net::HttpServerCounters>();
  std::shared_ptr<const MemberStreamMetrics> quicStreamMetrics_;
  std::shared_ptr<ReplanRunner> replanner_;

  std::atomic<bool> draining_{false};
  std::atomic<std::chrono::steady_clock::time_point> drainDeadline_{};
  std::mutex forwardsMutex_;
  std::condition_variable forwardsEnded_;
  std::vector<std::weak_ptr<Forward>> forwards_;  // guarded by forwardsMutex_; pruned as they end
  std::int64_t inFlight_ = 0;                      // guarded by forwardsMutex_
};

}  // namespace headroom::serve
