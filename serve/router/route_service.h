#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "net/http_exchange.h"
#include "net/http_server_counters.h"
#include "net/upstream.h"
#include "serve/protocol/api_error.h"
#include "serve/router/member_table.h"
#include "serve/router/route_config.h"
#include "serve/router/route_metrics.h"

namespace headroom::serve {

// The HTTP face of `headroom-cli route`: authenticates like a server (keys -> tenants -> classes), picks
// a member per request (least-loaded, or the class's shares skipping members that are down), forwards
// the request and streams the answer back. A member that fails before anything was sent to the client
// (connection refused or broken, 5xx, or 429 while another member is left) is skipped for downFor and
// the request retried on another member; once bytes went to the client the request stays where it is.
// Also serves GET /health, GET /metrics (its own), GET /v1/models (from a member) and
// GET|PUT /v1/headroom/admin/shares (admin key). Thread-safe.
//
// Its parts: the members and their health (MemberTable), one request forwarded with retries and
// streaming (Forward, route_forward.*), the counters (RouteMetrics), the health, metrics and shares
// endpoints (route_admin.cpp) and the client side here: paths, keys and classes.
class RouteService final : public net::HttpHandler {
 public:
  RouteService(RouteConfig config, net::UpstreamTransport& transport);
  ~RouteService() override;

  void handle(net::HttpRequest request, std::shared_ptr<net::HttpExchange> exchange) override;
  net::HttpResponse errorResponse(int status, std::string_view message) const override {
    return transportErrorResponse(status, message);
  }

  std::vector<MemberState> members() const;
  // What the HTTP server counts (responses by status class, connections) for /metrics: give it to the
  // server that serves this router (net::HttpServerOptions::counters).
  const std::shared_ptr<net::HttpServerCounters>& httpCounters() const { return httpCounters_; }
  // Replaces the weighted shares ([class][member]; an empty row routes that class least-loaded).
  void setShares(RoutePolicy policy, std::vector<std::vector<double>> shares);

  class Forward;

 private:
  friend class Forward;

  void handleHealth(const std::shared_ptr<net::HttpExchange>& exchange);
  void handleMetrics(const std::shared_ptr<net::HttpExchange>& exchange);
  void handleShares(const net::HttpRequest& request, const std::shared_ptr<net::HttpExchange>& exchange);
  nlohmann::json sharesJson() const;

  const RouteConfig config_;  // its routing (policy, shares) lives on in table_
  net::UpstreamTransport& transport_;
  MemberTable table_;
  RouteMetrics metrics_;
  std::shared_ptr<net::HttpServerCounters> httpCounters_ = std::make_shared<net::HttpServerCounters>();
};

}  // namespace headroom::serve
