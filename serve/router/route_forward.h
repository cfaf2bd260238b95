#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/core/qos_class.h"
#include "engine/core/time.h"
#include "net/http_exchange.h"
#include "net/upstream.h"
#include "serve/router/route_service.h"

namespace headroom::serve {

// One client request on its way through the router: one attempt per member tried. An attempt whose
// member fails before anything reached the client (an error, 5xx, or 429 while an untried member is
// left) marks the member down and moves on to the next; once the answer streams it stays there. An
// answer that does not stream is buffered (up to 64 MiB) and sent whole. Callbacks of an attempt the
// request already gave up on are ignored. Owned by shared_ptr (its attempts hold it); thread-safe.
class RouteService::Forward final : public std::enable_shared_from_this<Forward> {
 public:
  // `body`: the parsed JSON body of a completion (rewritten for openai members), empty for GET.
  Forward(RouteService& service, net::HttpRequest request, std::shared_ptr<net::HttpExchange> exchange,
          engine::ClassId classId, std::optional<nlohmann::json> body, std::string clientKey);

  // Tells the service that it ended (no attempt holds it any more).
  ~Forward();

  void start();
  // The router shuts down and this request is still in flight: a stream ends with an error event, an
  // answer not yet sent becomes a 503, and the upstream call is closed (the member cancels it).
  void endForShutdown();

  void onHead(int attempt, int status, const net::HttpHeaders& headers);
  void onBody(int attempt, std::string_view bytes);
  void onComplete(int attempt);
  void onError(int attempt, std::string_view message);

 private:
  class Attempt;
  using SteadyClock = std::chrono::steady_clock;

  bool hasUntriedMember() const;
  void abandonAttempt(bool memberFailed);
  void nextAttempt();
  net::UpstreamRequest upstreamRequest(const RouteMember& member) const;
  void clientGone();

  RouteService& service_;
  net::HttpRequest request_;
  std::shared_ptr<net::HttpExchange> exchange_;
  engine::ClassId classId_;
  std::optional<nlohmann::json> body_;
  std::string clientKey_;
  SteadyClock::time_point arrival_;
  SteadyClock::time_point sentAt_{};
  SteadyClock::time_point headAt_{};
  engine::Duration pendingFirstByte_{};

  std::mutex mutex_;
  std::vector<bool> tried_;
  std::shared_ptr<net::UpstreamCall> call_;
  int attempt_ = 0;
  int member_ = -1;
  int status_ = 0;
  net::HttpHeaders headers_;
  std::string reply_;
  std::string lastError_;
  bool streaming_ = false;
  bool finished_ = false;
  bool clientGone_ = false;
};

}  // namespace headroom::serve
