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
#include "serve/protocol/sse_decoder.h"
#include "serve/router/relayed_slo.h"
#include "serve/router/route_service.h"

namespace headroom::serve {

// One client request on its way through the router: one attempt per member tried. Only a failure the
// request cannot have caused moves it to the next member: the member could not be reached (nothing
// was sent), or it answered 503 (stopping, or its instance failed), or 429 while an untried member is
// left. Once the request was sent, a broken connection or another 5xx may be the request's own doing
// (a request that crashes its member would crash the next one too): the client gets a 502 naming the
// member and the request goes nowhere else. Once the answer streams it stays where it is; a member
// that fails mid-stream ends the stream with an error event (text/event-stream is passed on in whole
// events, so the error never lands inside a half event). An answer that does not stream is buffered
// (up to 64 MiB) and sent whole. Errors name members by their configured name, never by address.
// Callbacks of an attempt the request already gave up on are ignored. Owned by shared_ptr (its attempts
// hold it); thread-safe.
class RouteService::Forward final : public std::enable_shared_from_this<Forward> {
 public:
  // A completion on a router with model tiers: `tiered` (the tier router picks its group at the first
  // attempt), else `group` (the model it names; nullopt: it names none the router knows, any member).
  // `request` describes it to the tier router and the reward (its id, arrival, tokens, task).
  struct Tiering {
    bool tiered = false;
    std::optional<engine::GroupId> group;
    engine::Request request;
  };

  // `body`: the parsed JSON body of a completion (rewritten for openai members, and for members of
  // another model than the one it names), empty for GET.
  Forward(RouteService& service, net::HttpRequest request, std::shared_ptr<net::HttpExchange> exchange,
          engine::ClassId classId, std::optional<nlohmann::json> body, std::string clientKey,
          std::optional<Tiering> tiering = std::nullopt);

  // Tells the service that it ended (no attempt holds it any more).
  ~Forward();

  void start();
  // The router shuts down and this request is still in flight: a stream ends with an error event, an
  // answer not yet sent becomes a 503, and the upstream call is closed (the member cancels it).
  void endForShutdown();

  void onSending(int attempt);
  void onHead(int attempt, int status, const net::HttpHeaders& headers);
  void onBody(int attempt, std::string_view bytes);
  void onComplete(int attempt);
  void onError(int attempt, std::string_view message);
  // A QUIC stream scheduler (the router's or the member's) dropped the request at its class's stream
  // deadline: 504 deadline_passed, or an error event once the answer streams.
  void onDeadlinePassed(int attempt);

 private:
  class Attempt;
  using SteadyClock = std::chrono::steady_clock;

  bool hasUntriedMember() const;
  // The member's attempt ended: the member table and the tier load hear it.
  void endAttempt(bool memberFailed);
  // The member for the next attempt: in the request's group while one is left (a tiered request then
  // goes to any member left), -1 when none is.
  int pickMember();
  // Tokens of a streamed answer reached the router (tier load and SLO judgement).
  void tokensArrived(std::string_view bytes, SteadyClock::time_point at);
  // A tiered request's answer arrived whole: judge it, count it, pay its reward.
  void judgeAnswer(SteadyClock::time_point at);
  void abandonAttempt(bool memberFailed);
  // Picks the member for the next attempt and prepares its call (pending_), or answers 503 when none is
  // left. launch() starts the prepared call with the lock released: callers hold the lock in `lock`.
  void nextAttempt();
  void launch(std::unique_lock<std::mutex>& lock);
  const std::string& memberName() const;
  // The member failed while serving the request: answer 502 and try no other member. `how` says what
  // happened, e.g. "the connection broke off before its answer".
  void failRequest(const std::string& how, bool memberFailed);
  // The member failed after the answer began streaming: an error event ends the stream.
  void failStream(bool memberFailed);
  void sendStreamed(std::string_view bytes);
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
  struct PendingCall {
    net::UpstreamRequest upstream;
    std::shared_ptr<net::UpstreamHandler> handler;
    int attempt = 0;
  };
  std::optional<PendingCall> pending_;  // prepared by nextAttempt, started by launch
  int attempt_ = 0;
  int member_ = -1;
  int status_ = 0;
  net::HttpHeaders headers_;
  std::string reply_;
  std::string heldEvent_;              // the unfinished event of an event stream, not yet passed on
  std::vector<std::string> failures_;  // per member tried: why it could not take the request
  bool sent_ = false;                  // the current attempt's request may have reached its member
  bool eventStream_ = false;
  bool streaming_ = false;
  bool finished_ = false;
  bool clientGone_ = false;

  std::optional<Tiering> tiering_;
  bool decided_ = false;         // the tier router chose the request's group
  bool widened_ = false;         // its group had no member left; any member may take it
  bool outcomeGiven_ = false;    // the tier router heard how it ended
  bool firstTokenSeen_ = false;  // this attempt's first token came back
  std::int32_t tokensSeen_ = 0;  // this attempt's tokens that came back
  std::optional<RelayedSlo> slo_;
  SseDecoder events_;
};

}  // namespace headroom::serve
