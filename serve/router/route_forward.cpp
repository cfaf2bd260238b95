#include "serve/router/route_forward.h"

#include <algorithm>
#include <cctype>

#include <spdlog/spdlog.h>

#include "engine/core/tier_reward.h"
#include "serve/protocol/api_error.h"
#include "serve/router/route_tier_state.h"
#include "serve/server/api_responses.h"

namespace headroom::serve {

namespace {

using json = nlohmann::json;

constexpr std::size_t kMaxBufferedReplyBytes = 64 << 20;

engine::Duration since(std::chrono::steady_clock::time_point from, std::chrono::steady_clock::time_point to) {
  return std::chrono::duration_cast<engine::Duration>(to - from);
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

// The member's answer headers worth passing on (no hop-by-hop or framing ones), with the member's name
// and, when it declares one, its model.
net::HttpHeaders passedHeaders(const net::HttpHeaders& headers, const RouteMember& routeMember) {
  const std::string& member = routeMember.name;
  net::HttpHeaders out;
  for (const auto& [name, value] : headers) {
    for (std::string_view kept : {"content-type", "retry-after", "x-headroom-class", "x-request-id", "cache-control"}) {
      if (equalsIgnoringCase(name, kept)) out.emplace_back(name, value);
    }
  }
  out.emplace_back("X-Headroom-Member", member);
  if (!routeMember.model.empty()) out.emplace_back("X-Headroom-Model", routeMember.model);
  return out;
}

// Where the last complete event of an event stream ends in `bytes` (0: none complete yet). An event
// ends at a blank line; lines end with LF, CRLF or CR.
std::size_t completeEventsEnd(std::string_view bytes) {
  std::size_t end = 0;
  bool lineEmpty = true;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const char c = bytes[i];
    if (c != '\n' && c != '\r') {
      lineEmpty = false;
      continue;
    }
    if (c == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
    if (lineEmpty) end = i + 1;
    lineEmpty = true;
  }
  return end;
}

// An event stream whose member sends no blank line is passed on in pieces past this size.
constexpr std::size_t kMaxHeldEventBytes = 1 << 20;

std::optional<std::string_view> headerValue(const net::HttpHeaders& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (equalsIgnoringCase(key, name)) return std::string_view(value);
  }
  return std::nullopt;
}

}  // namespace

// The upstream side of one attempt: hands the member's answer to its Forward, tagged with the attempt.
class RouteService::Forward::Attempt final : public net::UpstreamHandler {
 public:
  Attempt(std::shared_ptr<Forward> forward, int attempt) : forward_(std::move(forward)), attempt_(attempt) {}
  void onSending() override { forward_->onSending(attempt_); }
  void onHead(int status, const net::HttpHeaders& headers) override { forward_->onHead(attempt_, status, headers); }
  void onBody(std::string_view bytes) override { forward_->onBody(attempt_, bytes); }
  void onComplete() override {
    forward_->onComplete(attempt_);
    forward_.reset();
  }
  void onError(std::string_view message) override {
    forward_->onError(attempt_, message);
    forward_.reset();
  }
  void onDeadlinePassed() override {
    forward_->onDeadlinePassed(attempt_);
    forward_.reset();
  }

 private:
  std::shared_ptr<Forward> forward_;
  int attempt_;
};

RouteService::Forward::Forward(RouteService& service, net::HttpRequest request, std::shared_ptr<net::HttpExchange> exchange,
                               engine::ClassId classId, std::optional<json> body, std::string clientKey,
                               std::optional<Tiering> tiering)
    : service_(service),
      request_(std::move(request)),
      exchange_(std::move(exchange)),
      classId_(classId),
      body_(std::move(body)),
      clientKey_(std::move(clientKey)),
      arrival_(SteadyClock::now()),
      tried_(service.table_.size(), false),
      tiering_(std::move(tiering)) {}

void RouteService::Forward::start() {
  std::weak_ptr<Forward> weak = shared_from_this();
  exchange_->onClose([weak] {
    if (auto self = weak.lock()) self->clientGone();
  });
  std::unique_lock lock(mutex_);
  nextAttempt();
  launch(lock);
}

void RouteService::Forward::onSending(int attempt) {
  std::lock_guard lock(mutex_);
  if (attempt == attempt_) sent_ = true;
}

void RouteService::Forward::onHead(int attempt, int status, const net::HttpHeaders& headers) {
  std::unique_lock lock(mutex_);
  if (attempt != attempt_ || finished_) return;
  const auto now = SteadyClock::now();
  // 503: the member is stopping or its instance failed; 429: its queue for the class is full. Neither
  // is the request's doing, and nothing went to the client yet: try elsewhere.
  if ((status == 503 || status == 429) && hasUntriedMember()) {
    failures_.push_back("member \"" + memberName() + "\" answered " + std::to_string(status));
    abandonAttempt(status == 503);
    service_.metrics_.countRetry(classId_);
    nextAttempt();
    launch(lock);
    return;
  }
  status_ = status;
  headers_ = passedHeaders(headers, service_.config_.members[static_cast<std::size_t>(member_)]);
  if (status >= 500 && status != 503) {
    // The member failed while serving the request. Its own message stays in its log: it may name hosts
    // the client is not to see.
    failRequest("it answered " + std::to_string(status), false);
    return;
  }
  const auto contentType = headerValue(headers, "content-type");
  const auto encoding = headerValue(headers, "transfer-encoding");
  eventStream_ = contentType && contentType->starts_with("text/event-stream");
  streaming_ = eventStream_ || (encoding && encoding->find("chunked") != std::string_view::npos && status == 200);
  const engine::Duration firstByte = since(arrival_, now);
  headAt_ = now;
  if (streaming_) {
    exchange_->startStream(status, headers_);
    service_.metrics_.recordOverhead(classId_, since(arrival_, sentAt_) + since(headAt_, SteadyClock::now()), firstByte);
  } else {
    pendingFirstByte_ = firstByte;
  }
}

void RouteService::Forward::onBody(int attempt, std::string_view bytes) {
  std::lock_guard lock(mutex_);
  if (attempt != attempt_ || finished_) return;
  if (streaming_) {
    if (eventStream_ && slo_) tokensArrived(bytes, SteadyClock::now());
    sendStreamed(bytes);
  } else if (reply_.size() + bytes.size() <= kMaxBufferedReplyBytes) {
    reply_.append(bytes);
  }
}

void RouteService::Forward::sendStreamed(std::string_view bytes) {
  if (!eventStream_) {
    exchange_->sendChunk(std::string(bytes));
    return;
  }
  heldEvent_.append(bytes);
  std::size_t end = completeEventsEnd(heldEvent_);
  if (end == 0 && heldEvent_.size() > kMaxHeldEventBytes) end = heldEvent_.size();
  if (end == 0) return;
  exchange_->sendChunk(heldEvent_.substr(0, end));
  heldEvent_.erase(0, end);
}

void RouteService::Forward::onComplete(int attempt) {
  std::lock_guard lock(mutex_);
  if (attempt != attempt_ || finished_) return;
  finished_ = true;
  judgeAnswer(SteadyClock::now());
  endAttempt(false);
  if (streaming_) {
    if (!heldEvent_.empty()) exchange_->sendChunk(std::move(heldEvent_));
    exchange_->endStream();
  } else {
    const auto before = SteadyClock::now();
    exchange_->respond({status_, headers_, std::move(reply_)});
    service_.metrics_.recordOverhead(classId_, since(arrival_, sentAt_) + since(before, SteadyClock::now()), pendingFirstByte_);
  }
  call_.reset();
}

void RouteService::Forward::onError(int attempt, std::string_view message) {
  std::unique_lock lock(mutex_);
  if (attempt != attempt_ || finished_) return;
  if (clientGone_) {
    finished_ = true;
    endAttempt(false);
    call_.reset();
    return;
  }
  spdlog::debug("route: member {} failed: {}", memberName(), message);
  if (streaming_) return failStream(true);
  if (sent_) return failRequest(status_ == 0 ? "the connection broke off or timed out before its answer"
                                             : "the connection broke off during its answer",
                                true);
  // Nothing was sent: the member is down, the request goes elsewhere. The QUIC transport's reasons name
  // no address, so they may go to the client (a refused certificate pin, a failed handshake).
  const bool quic = service_.config_.members[static_cast<std::size_t>(member_)].endpoint.quic;
  failures_.push_back("member \"" + memberName() + "\" could not be reached" + (quic ? " (" + std::string(message) + ")" : ""));
  abandonAttempt(true);
  service_.metrics_.countRetry(classId_);
  nextAttempt();
  launch(lock);
}

void RouteService::Forward::onDeadlinePassed(int attempt) {
  std::lock_guard lock(mutex_);
  if (attempt != attempt_ || finished_) return;
  finished_ = true;
  endAttempt(false);
  call_.reset();
  if (clientGone_) return;
  service_.metrics_.countDeadlinePassed(classId_);
  const auto& deadline = service_.config_.streamClasses[classId_].deadline;
  const std::string budget = deadline ? " (" + engine::JsonInput::formatNumber(engine::toSeconds(*deadline)) + " s for class \"" +
                                            service_.config_.classes[classId_].qos.name + "\")"
                                      : std::string();
  const ApiError error = ApiError::make(504,
                                        "The request's stream deadline" + budget + " passed before member \"" + memberName() +
                                            "\" could answer it in full; it was dropped.",
                                        "server_error", "deadline_passed");
  if (streaming_) {
    if (eventStream_) exchange_->sendChunk(error.sseEvent());
    exchange_->endStream();
    return;
  }
  exchange_->respond(error.toResponse({{"X-Headroom-Member", memberName()}, {"X-Should-Retry", "false"}}));
}

void RouteService::Forward::failRequest(const std::string& how, bool memberFailed) {
  finished_ = true;
  endAttempt(memberFailed);
  service_.metrics_.countMemberFailed(classId_);
  const ApiError error = ApiError::make(502,
                                        "Member \"" + memberName() + "\" failed while serving this request (" + how +
                                            "). The request was not tried on another member: it may have caused the failure.",
                                        "server_error", "member_failed");
  // The OpenAI SDKs would otherwise send the request again, to the next member.
  exchange_->respond(error.toResponse({{"X-Headroom-Member", memberName()}, {"X-Should-Retry", "false"}}));
  if (call_) call_->cancel();
  call_.reset();
}

void RouteService::Forward::failStream(bool memberFailed) {
  finished_ = true;
  endAttempt(memberFailed);
  service_.metrics_.countStreamError(classId_);
  if (eventStream_) {
    const ApiError error = ApiError::make(502,
                                          "Member \"" + memberName() +
                                              "\" failed while streaming this response; the response is incomplete.",
                                          "server_error", "member_failed");
    exchange_->sendChunk(error.sseEvent());
  }
  exchange_->endStream();
  call_.reset();
}

const std::string& RouteService::Forward::memberName() const {
  return service_.config_.members[static_cast<std::size_t>(member_)].name;
}

bool RouteService::Forward::hasUntriedMember() const {
  return std::find(tried_.begin(), tried_.end(), false) != tried_.end();
}

void RouteService::Forward::endAttempt(bool memberFailed) {
  service_.table_.attemptEnded(member_, memberFailed);
  if (slo_) service_.tiers_->ended(member_, tiering_->request, firstTokenSeen_, tokensSeen_);
  slo_.reset();
}

void RouteService::Forward::tokensArrived(std::string_view bytes, SteadyClock::time_point at) {
  for (const std::string& data : events_.feed(bytes)) {
    const std::int32_t tokens = streamedTokens(data);
    if (tokens == 0) continue;
    if (!firstTokenSeen_) service_.tiers_->firstToken(member_, tiering_->request);
    firstTokenSeen_ = true;
    // The load counts at most the tokens the request may generate; the judgement counts every one.
    const std::int32_t counted = std::min(tokens, std::max(0, tiering_->request.outputTokens - tokensSeen_));
    if (counted > 0) service_.tiers_->tokensSeen(member_, counted);
    tokensSeen_ += counted;
    slo_->tokens(tokens, service_.tiers_->toEngineTime(at));
  }
}

void RouteService::Forward::judgeAnswer(SteadyClock::time_point at) {
  if (!slo_ || status_ != 200) return;
  if (!streaming_) slo_->tokens(completionTokens(reply_).value_or(1), service_.tiers_->toEngineTime(at));
  const engine::GroupId served = service_.tiers_->tiers().groupOf[static_cast<std::size_t>(member_)];
  const engine::QosClass& qos = service_.config_.classes[classId_].qos;
  const bool met = slo_->judge(service_.tiers_->toEngineTime(at)).met();
  const double reward = engine::tierReward(qos, met, service_.tiers_->accuracy(served, tiering_->request.task));
  service_.metrics_.countTierCompletion(classId_, served, met, reward);
  if (decided_) {
    service_.tiers_->outcome(tiering_->request.id, reward, at);
    outcomeGiven_ = true;
  }
}

int RouteService::Forward::pickMember() {
  if (!tiering_) return service_.table_.pick(classId_, tried_);
  const RouteTiers& tiers = service_.tiers_->tiers();
  if (tiering_->tiered && !decided_) {
    const std::vector<MemberState> states = service_.table_.states();
    std::vector<bool> available(tried_.size());
    for (std::size_t m = 0; m < available.size(); ++m) available[m] = !tried_[m] && states[m].up;
    tiering_->group = service_.tiers_->choose(tiering_->request, available);
    decided_ = true;
    service_.metrics_.countTierRouted(classId_, *tiering_->group);
  }
  if (!tiering_->group || widened_) return service_.table_.pick(classId_, tried_);
  std::vector<bool> excluded = tried_;
  for (std::size_t m = 0; m < excluded.size(); ++m) excluded[m] = excluded[m] || tiers.groupOf[m] != *tiering_->group;
  const int member = service_.table_.pick(classId_, excluded);
  if (member >= 0 || !tiering_->tiered) return member;
  // Every member of the chosen model is down or tried: a tiered request may take another model.
  widened_ = true;
  return service_.table_.pick(classId_, tried_);
}

void RouteService::Forward::abandonAttempt(bool memberFailed) {
  endAttempt(memberFailed);
  if (call_) call_->cancel();
  call_.reset();
  ++attempt_;
  status_ = 0;
  sent_ = false;
  reply_.clear();
}

void RouteService::Forward::nextAttempt() {
  member_ = pickMember();
  if (member_ < 0) {
    finished_ = true;
    service_.metrics_.countUnavailable(classId_);
    std::string reasons;
    for (const std::string& failure : failures_) reasons += (reasons.empty() ? ": " : "; ") + failure;
    // Members skipped as down whose health check said why (QUIC members: no address in it).
    const std::vector<MemberState> states = service_.table_.states();
    for (std::size_t m = 0; m < states.size(); ++m) {
      if (tried_[m] || states[m].downReason.empty()) continue;
      reasons += (reasons.empty() ? ": " : "; ") + ("member \"" + states[m].name + "\" is down (" + states[m].downReason + ")");
    }
    exchange_->respond(ApiError::make(503, "No member could serve the request" + reasons + ".", "server_error", "no_member_available")
                           .toResponse());
    return;
  }
  tried_[static_cast<std::size_t>(member_)] = true;
  if (tiering_ && body_) {
    firstTokenSeen_ = false;
    tokensSeen_ = 0;
    events_ = SseDecoder();
    slo_.emplace(service_.config_.classes[classId_].qos.slo, tiering_->request.arrival);
    service_.tiers_->sent(member_, tiering_->request);
  }
  net::UpstreamRequest upstream = upstreamRequest(service_.config_.members[static_cast<std::size_t>(member_)]);
  service_.table_.attemptStarted(member_);
  auto handler = std::make_shared<Attempt>(shared_from_this(), attempt_);
  sentAt_ = SteadyClock::now();
  pending_ = PendingCall{std::move(upstream), std::move(handler), attempt_};
}

void RouteService::Forward::launch(std::unique_lock<std::mutex>& lock) {
  if (!pending_) return;
  PendingCall pending = std::move(*pending_);
  pending_.reset();
  // The transport may call the attempt back before start() returns (a kept-alive connection sends at
  // once, on this very thread when it is the transport's): the lock must be free by then.
  lock.unlock();
  std::shared_ptr<net::UpstreamCall> call = service_.transport_.start(std::move(pending.upstream), std::move(pending.handler));
  lock.lock();
  if (pending.attempt == attempt_ && !finished_ && !clientGone_) {
    call_ = std::move(call);
  } else {
    // The attempt ended (or the client left) meanwhile: its call is over or to be ended.
    call->cancel();
  }
}

net::UpstreamRequest RouteService::Forward::upstreamRequest(const RouteMember& member) const {
  net::UpstreamRequest upstream;
  upstream.endpoint = member.endpoint;
  upstream.method = request_.method;
  upstream.target = request_.target;
  upstream.idleTimeout = service_.config_.upstreamTimeout;
  const std::string& key = member.apiKey.empty() ? clientKey_ : member.apiKey;
  if (!key.empty()) upstream.headers.emplace_back("Authorization", "Bearer " + key);
  if (body_) {
    upstream.headers.emplace_back("Content-Type", "application/json");
    // A member of a declared model is asked for that model (a tiered request names "auto", or nothing
    // the member knows).
    const auto named = body_->find("model");
    const bool renamed = !member.model.empty() && (named == body_->end() || !named->is_string() || *named != member.model);
    if (member.kind == MemberKind::Headroom) {
      upstream.headers.emplace_back("X-Headroom-Class", service_.config_.classes[classId_].qos.name);
      if (renamed) {
        json rewritten = *body_;
        rewritten["model"] = member.model;
        upstream.body = rewritten.dump(-1, ' ', false, json::error_handler_t::replace);
      } else {
        upstream.body = request_.body;
      }
    } else {
      json rewritten = *body_;
      if (renamed) rewritten["model"] = member.model;
      rewritten.erase("qos_class");
      rewritten["priority"] = member.priorityByClass[classId_];
      upstream.body = rewritten.dump(-1, ' ', false, json::error_handler_t::replace);
    }
  }
  if (const auto accept = request_.header("accept")) upstream.headers.emplace_back("Accept", std::string(*accept));
  if (const auto id = request_.header("x-request-id")) upstream.headers.emplace_back("X-Request-Id", std::string(*id));
  if (member.endpoint.quic) {
    if (body_) {
      const StreamClassSettings& stream = service_.config_.streamClasses[classId_];
      upstream.stream.className = service_.config_.classes[classId_].qos.name;
      upstream.stream.level = stream.level;
      if (stream.deadline) upstream.stream.deadline = arrival_ + std::chrono::microseconds(stream.deadline->count());
    }
    if (const auto id = request_.header("x-request-id")) upstream.stream.requestId = std::string(*id);
  }
  return upstream;
}

void RouteService::Forward::clientGone() {
  std::shared_ptr<net::UpstreamCall> call;
  {
    std::lock_guard lock(mutex_);
    clientGone_ = true;
    call = call_;
  }
  if (call) call->cancel();
}

RouteService::Forward::~Forward() {
  // A tiered request that ended without an answer judged (its member failed, none was left, the router
  // shut down) earned nothing; one whose client left is not judged.
  if (decided_ && !outcomeGiven_ && !clientGone_) service_.tiers_->outcome(tiering_->request.id, 0.0, SteadyClock::now());
  service_.forwardEnded();
}

void RouteService::Forward::endForShutdown() {
  std::shared_ptr<net::UpstreamCall> call;
  {
    std::lock_guard lock(mutex_);
    if (finished_) return;
    finished_ = true;
    const ApiError error = serverShutdownError();
    if (streaming_) {
      // Whole events only were passed on (a held partial one is dropped), so the error event stands
      // alone; a chunked answer that is not an event stream just ends.
      if (eventStream_) exchange_->sendChunk(error.sseEvent());
      exchange_->endStream();
    } else {
      exchange_->respond(error.toResponse());
    }
    endAttempt(false);
    call = std::move(call_);
  }
  if (call) call->cancel();
}

}  // namespace headroom::serve
