#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "serve/protocol/api_error.h"
#include "serve/protocol/bucket_histogram.h"
#include "net/http_exchange.h"
#include "serve/router/route_config.h"
#include "net/upstream.h"

namespace headroom::serve {

// One member as the router sees it now.
struct MemberState {
  std::string name;
  bool up = true;
  std::int64_t inFlight = 0;
  std::uint64_t requests = 0;  // attempts sent to it
  std::uint64_t failures = 0;  // attempts that failed before an answer (it was then marked down)
};

// The HTTP face of `headroom-cli route`: authenticates like a server (keys -> tenants -> classes), picks
// a member per request (least-loaded, or the class's shares skipping members that are down), forwards
// the request and streams the answer back. A member that fails before anything was sent to the client
// (connection refused or broken, 5xx, or 429 while another member is left) is skipped for downFor and
// the request retried on another member; once bytes went to the client the request stays where it is.
// Also serves GET /health, GET /metrics (its own), GET /v1/models (from a member) and
// GET|PUT /v1/headroom/admin/shares (admin key). Thread-safe.
class RouteService final : public net::HttpHandler {
 public:
  RouteService(RouteConfig config, net::UpstreamTransport& transport);
  ~RouteService() override;

  void handle(net::HttpRequest request, std::shared_ptr<net::HttpExchange> exchange) override;
  net::HttpResponse errorResponse(int status, std::string_view message) const override {
    return transportErrorResponse(status, message);
  }

  std::vector<MemberState> members() const;
  // Replaces the weighted shares ([class][member]; an empty row routes that class least-loaded).
  void setShares(RoutePolicy policy, std::vector<std::vector<double>> shares);

  class Forward;

 private:
  friend class Forward;
  struct Member {
    MemberState state;
    std::chrono::steady_clock::time_point downUntil{};
  };
  struct ClassCounters {
    std::uint64_t requests = 0;
    std::uint64_t retries = 0;
    std::uint64_t unavailable = 0;  // no member could answer
    BucketHistogram overhead;       // time the router itself added
    BucketHistogram firstByte;      // arrival at the router to the first answer byte from a member
  };

  // The member for the next attempt: not in `tried`, not down; -1 when none is left.
  int pick(engine::ClassId classId, const std::vector<bool>& tried);
  void attemptStarted(int member);
  void attemptEnded(int member, bool failed);
  void recordOverhead(engine::ClassId classId, engine::Duration overhead, engine::Duration firstByte);
  void countRetry(engine::ClassId classId);
  void countUnavailable(engine::ClassId classId);

  void handleMetrics(const std::shared_ptr<net::HttpExchange>& exchange);
  void handleShares(const net::HttpRequest& request, const std::shared_ptr<net::HttpExchange>& exchange);
  nlohmann::json sharesJson() const;

  RouteConfig config_;
  net::UpstreamTransport& transport_;
  mutable std::mutex mutex_;
  std::vector<Member> members_;
  std::vector<std::vector<double>> current_;  // smooth weighted rotation state, [class][member]
  std::vector<ClassCounters> counters_;
  std::uint64_t rotation_ = 0;
};

}  // namespace headroom::serve
