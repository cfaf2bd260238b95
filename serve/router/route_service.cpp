#include "serve/router/route_service.h"

#include <algorithm>
#include <limits>

#include <spdlog/spdlog.h>

#include "serve/protocol/json_text.h"
#include "serve/protocol/api_error.h"
#include "serve/protocol/prometheus_writer.h"
#include "serve/server/serving_stats.h"

namespace headroom::serve {

namespace {

using json = nlohmann::json;
using SteadyClock = std::chrono::steady_clock;

constexpr std::size_t kMaxBufferedReplyBytes = 64 << 20;

engine::Duration since(SteadyClock::time_point from, SteadyClock::time_point to) {
  return std::chrono::duration_cast<engine::Duration>(to - from);
}

ApiError routeError(int status, std::string message, std::string type, std::string code = {}, std::string param = {}) {
  ApiError error;
  error.status = status;
  error.message = std::move(message);
  error.type = std::move(type);
  error.code = std::move(code);
  error.param = std::move(param);
  return error;
}

void sendError(const std::shared_ptr<net::HttpExchange>& exchange, const ApiError& error, net::HttpHeaders headers = {}) {
  headers.emplace_back("Content-Type", "application/json");
  exchange->respond({error.status, std::move(headers), error.body()});
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

// The member's answer headers worth passing on (no hop-by-hop or framing ones).
net::HttpHeaders passedHeaders(const net::HttpHeaders& headers, const std::string& member) {
  net::HttpHeaders out;
  for (const auto& [name, value] : headers) {
    for (std::string_view kept : {"content-type", "retry-after", "x-headroom-class", "x-request-id", "cache-control"}) {
      if (equalsIgnoringCase(name, kept)) out.emplace_back(name, value);
    }
  }
  out.emplace_back("X-Headroom-Member", member);
  return out;
}

std::optional<std::string_view> headerValue(const net::HttpHeaders& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (equalsIgnoringCase(key, name)) return std::string_view(value);
  }
  return std::nullopt;
}

std::vector<double> overheadBoundsS() {
  return {0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1, 1.0};
}

}  // namespace

// One client request on its way through the router: one attempt per member tried. Callbacks of an
// attempt the request already gave up on are ignored.
class RouteService::Forward final : public std::enable_shared_from_this<Forward> {
 public:
  Forward(RouteService& service, net::HttpRequest request, std::shared_ptr<net::HttpExchange> exchange, engine::ClassId classId,
          std::optional<json> body, std::string clientKey)
      : service_(service),
        request_(std::move(request)),
        exchange_(std::move(exchange)),
        classId_(classId),
        body_(std::move(body)),
        clientKey_(std::move(clientKey)),
        arrival_(SteadyClock::now()),
        tried_(service.members_.size(), false) {}

  void start() {
    std::weak_ptr<Forward> weak = shared_from_this();
    exchange_->onClose([weak] {
      if (auto self = weak.lock()) self->clientGone();
    });
    std::lock_guard lock(mutex_);
    nextAttempt();
  }

  void onHead(int attempt, int status, const net::HttpHeaders& headers) {
    std::lock_guard lock(mutex_);
    if (attempt != attempt_ || finished_) return;
    const auto now = SteadyClock::now();
    const bool failed = status >= 500 || status == 429;
    if (failed && hasUntriedMember()) {
      // Nothing went to the client yet: try elsewhere. A 429 is a full queue, not a failure.
      abandonAttempt(status != 429);
      service_.countRetry(classId_);
      nextAttempt();
      return;
    }
    status_ = status;
    const std::string& member = service_.config_.members[static_cast<std::size_t>(member_)].name;
    headers_ = passedHeaders(headers, member);
    const auto contentType = headerValue(headers, "content-type");
    const auto encoding = headerValue(headers, "transfer-encoding");
    streaming_ = (contentType && contentType->starts_with("text/event-stream")) ||
                 (encoding && encoding->find("chunked") != std::string_view::npos && status == 200);
    const engine::Duration firstByte = since(arrival_, now);
    headAt_ = now;
    if (streaming_) {
      exchange_->startStream(status, headers_);
      service_.recordOverhead(classId_, since(arrival_, sentAt_) + since(headAt_, SteadyClock::now()), firstByte);
    } else {
      pendingFirstByte_ = firstByte;
    }
  }

  void onBody(int attempt, std::string_view bytes) {
    std::lock_guard lock(mutex_);
    if (attempt != attempt_ || finished_) return;
    if (streaming_) {
      exchange_->sendChunk(std::string(bytes));
    } else if (reply_.size() + bytes.size() <= kMaxBufferedReplyBytes) {
      reply_.append(bytes);
    }
  }

  void onComplete(int attempt) {
    std::lock_guard lock(mutex_);
    if (attempt != attempt_ || finished_) return;
    finished_ = true;
    service_.attemptEnded(member_, false);
    if (streaming_) {
      exchange_->endStream();
    } else {
      const auto before = SteadyClock::now();
      exchange_->respond({status_, headers_, std::move(reply_)});
      service_.recordOverhead(classId_, since(arrival_, sentAt_) + since(before, SteadyClock::now()), pendingFirstByte_);
    }
    call_.reset();
  }

  void onError(int attempt, std::string_view message) {
    std::lock_guard lock(mutex_);
    if (attempt != attempt_ || finished_) return;
    if (clientGone_) {
      finished_ = true;
      service_.attemptEnded(member_, false);
      call_.reset();
      return;
    }
    spdlog::debug("route: member {} failed: {}", service_.config_.members[static_cast<std::size_t>(member_)].name, message);
    if (!streaming_) {
      // Nothing reached the client: the member is down, the request goes elsewhere.
      lastError_ = std::string(message);
      abandonAttempt(true);
      service_.countRetry(classId_);
      nextAttempt();
      return;
    }
    finished_ = true;
    service_.attemptEnded(member_, true);
    exchange_->endStream();
    call_.reset();
  }

 private:
  class Attempt final : public net::UpstreamHandler {
   public:
    Attempt(std::shared_ptr<Forward> forward, int attempt) : forward_(std::move(forward)), attempt_(attempt) {}
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

   private:
    std::shared_ptr<Forward> forward_;
    int attempt_;
  };

  bool hasUntriedMember() const {
    return std::find(tried_.begin(), tried_.end(), false) != tried_.end();
  }

  void abandonAttempt(bool memberFailed) {
    service_.attemptEnded(member_, memberFailed);
    if (call_) call_->cancel();
    call_.reset();
    ++attempt_;
    status_ = 0;
    reply_.clear();
  }

  void nextAttempt() {
    member_ = service_.pick(classId_, tried_);
    if (member_ < 0) {
      finished_ = true;
      service_.countUnavailable(classId_);
      sendError(exchange_, routeError(503, "No member could serve the request" + (lastError_.empty() ? std::string(".") : ": " + lastError_),
                                      "server_error", "no_member_available"));
      return;
    }
    tried_[static_cast<std::size_t>(member_)] = true;
    const RouteMember& member = service_.config_.members[static_cast<std::size_t>(member_)];
    net::UpstreamRequest upstream;
    upstream.endpoint = member.endpoint;
    upstream.method = request_.method;
    upstream.target = request_.target;
    upstream.idleTimeout = service_.config_.upstreamTimeout;
    const std::string& key = member.apiKey.empty() ? clientKey_ : member.apiKey;
    if (!key.empty()) upstream.headers.emplace_back("Authorization", "Bearer " + key);
    if (body_) {
      upstream.headers.emplace_back("Content-Type", "application/json");
      if (member.kind == MemberKind::Headroom) {
        upstream.headers.emplace_back("X-Headroom-Class", service_.config_.classes[classId_].qos.name);
        upstream.body = request_.body;
      } else {
        json rewritten = *body_;
        rewritten.erase("qos_class");
        rewritten["priority"] = member.priorityByClass[classId_];
        upstream.body = rewritten.dump(-1, ' ', false, json::error_handler_t::replace);
      }
    }
    if (const auto accept = request_.header("accept")) upstream.headers.emplace_back("Accept", std::string(*accept));
    service_.attemptStarted(member_);
    auto handler = std::make_shared<Attempt>(shared_from_this(), attempt_);
    sentAt_ = SteadyClock::now();
    call_ = service_.transport_.start(std::move(upstream), std::move(handler));
  }

  void clientGone() {
    std::shared_ptr<net::UpstreamCall> call;
    {
      std::lock_guard lock(mutex_);
      clientGone_ = true;
      call = call_;
    }
    if (call) call->cancel();
  }

  RouteService& service_;
  net::HttpRequest request_;
  std::shared_ptr<net::HttpExchange> exchange_;
  engine::ClassId classId_;
  std::optional<json> body_;
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

RouteService::RouteService(RouteConfig config, net::UpstreamTransport& transport)
    : config_(std::move(config)), transport_(transport) {
  for (const RouteMember& member : config_.members) members_.push_back({{member.name}, {}});
  current_.assign(config_.classes.size(), std::vector<double>(config_.members.size(), 0.0));
  for (const ServedClass& served : config_.classes) {
    ClassCounters counters;
    counters.overhead = BucketHistogram(overheadBoundsS());
    counters.firstByte = BucketHistogram(histogramBoundsS(served.qos.slo));
    counters_.push_back(std::move(counters));
  }
}

RouteService::~RouteService() = default;

int RouteService::pick(engine::ClassId classId, const std::vector<bool>& tried) {
  std::lock_guard lock(mutex_);
  const auto now = SteadyClock::now();
  std::vector<int> candidates;
  for (std::size_t m = 0; m < members_.size(); ++m) {
    if (!tried[m] && members_[m].downUntil <= now) candidates.push_back(static_cast<int>(m));
  }
  if (candidates.empty()) return -1;
  const std::vector<double>& shares = config_.shares[classId];
  if (config_.policy == RoutePolicy::Weighted && !shares.empty()) {
    double total = 0.0;
    int best = -1;
    for (int m : candidates) {
      const double share = shares[static_cast<std::size_t>(m)];
      if (share <= 0.0) continue;
      total += share;
      current_[classId][static_cast<std::size_t>(m)] += share;
      if (best < 0 || current_[classId][static_cast<std::size_t>(m)] > current_[classId][static_cast<std::size_t>(best)]) best = m;
    }
    if (best >= 0) {
      current_[classId][static_cast<std::size_t>(best)] -= total;
      return best;
    }
  }
  // Least in flight; ties rotate so idle members share the work.
  const std::size_t offset = rotation_++ % candidates.size();
  int best = -1;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const int m = candidates[(i + offset) % candidates.size()];
    if (best < 0 || members_[static_cast<std::size_t>(m)].state.inFlight < members_[static_cast<std::size_t>(best)].state.inFlight) best = m;
  }
  return best;
}

void RouteService::attemptStarted(int member) {
  std::lock_guard lock(mutex_);
  MemberState& state = members_[static_cast<std::size_t>(member)].state;
  ++state.inFlight;
  ++state.requests;
}

void RouteService::attemptEnded(int member, bool failed) {
  std::lock_guard lock(mutex_);
  Member& entry = members_[static_cast<std::size_t>(member)];
  --entry.state.inFlight;
  if (failed) {
    ++entry.state.failures;
    entry.downUntil = SteadyClock::now() + std::chrono::microseconds(config_.downFor.count());
  } else {
    entry.downUntil = {};
  }
}

void RouteService::recordOverhead(engine::ClassId classId, engine::Duration overhead, engine::Duration firstByte) {
  std::lock_guard lock(mutex_);
  counters_[classId].overhead.record(overhead);
  counters_[classId].firstByte.record(firstByte);
}

void RouteService::countRetry(engine::ClassId classId) {
  std::lock_guard lock(mutex_);
  ++counters_[classId].retries;
}

void RouteService::countUnavailable(engine::ClassId classId) {
  std::lock_guard lock(mutex_);
  ++counters_[classId].unavailable;
}

std::vector<MemberState> RouteService::members() const {
  std::lock_guard lock(mutex_);
  std::vector<MemberState> states;
  const auto now = SteadyClock::now();
  for (const Member& member : members_) {
    MemberState state = member.state;
    state.up = member.downUntil <= now;
    states.push_back(state);
  }
  return states;
}

void RouteService::setShares(RoutePolicy policy, std::vector<std::vector<double>> shares) {
  std::lock_guard lock(mutex_);
  shares.resize(config_.classes.size());
  config_.policy = policy;
  config_.shares = std::move(shares);
  for (auto& row : current_) std::fill(row.begin(), row.end(), 0.0);
}

void RouteService::handle(net::HttpRequest request, std::shared_ptr<net::HttpExchange> exchange) {
  const std::string_view path = request.path();
  const bool completion = path == "/v1/completions" || path == "/v1/chat/completions";
  if (path == "/health") {
    json members = json::array();
    for (const MemberState& member : this->members()) {
      members.push_back({{"name", member.name}, {"up", member.up}, {"in_flight", member.inFlight}});
    }
    exchange->respond({200, {{"Content-Type", "application/json"}}, json{{"status", "ok"}, {"members", members}}.dump()});
    return;
  }
  if (path == "/metrics") return handleMetrics(exchange);
  if (path == "/v1/headroom/admin/shares") return handleShares(request, exchange);
  if (!completion && path != "/v1/models") {
    sendError(exchange, routeError(404, "Unknown path " + std::string(path) + ".", "invalid_request_error", "not_found"));
    return;
  }
  const std::string_view expected = completion ? "POST" : "GET";
  if (request.method != expected) {
    sendError(exchange, routeError(405, "Use " + std::string(expected) + " on " + std::string(path) + ".",
                                   "invalid_request_error", "method_not_allowed"),
              {{"Allow", std::string(expected)}});
    return;
  }
  const std::string key(AccessPolicy::bearerToken(request.header("authorization").value_or("")));
  const std::optional<std::int32_t> tenant = config_.access.tenantOf(key);
  if (!tenant) {
    sendError(exchange, routeError(401, key.empty() ? "You didn't provide an API key (Authorization: Bearer <key>)."
                                                    : "Incorrect API key provided.",
                                   "invalid_request_error", "invalid_api_key"));
    return;
  }
  std::optional<json> body;
  std::optional<std::string_view> requested = request.header("x-headroom-class");
  std::string bodyClass;
  if (completion) {
    constexpr int kMaxDepth = 32;
    json parsed = jsonNestingDepth(request.body, kMaxDepth) > kMaxDepth ? json(nullptr)
                                                                        : json::parse(request.body, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) {
      sendError(exchange, routeError(400, "We could not parse the JSON body of your request. The body must be a JSON object.",
                                     "invalid_request_error"));
      return;
    }
    if (const auto found = parsed.find("qos_class"); found != parsed.end() && !found->is_null()) {
      if (!found->is_string()) {
        sendError(exchange, routeError(400, "'qos_class' must be a string naming a QoS class.", "invalid_request_error", {},
                                       "qos_class"));
        return;
      }
      bodyClass = found->get<std::string>();
      if (requested && *requested != bodyClass) {
        sendError(exchange, routeError(400, "The X-Headroom-Class header and the body's qos_class name different classes.",
                                       "invalid_request_error", {}, "qos_class"));
        return;
      }
      requested = bodyClass;
    }
    body = std::move(parsed);
  }
  const AccessPolicy::ClassChoice choice = config_.access.chooseClass(*tenant, requested);
  if (choice.decision == AccessPolicy::ClassDecision::UnknownClass) {
    sendError(exchange, routeError(400, "Unknown QoS class '" + std::string(*requested) + "'.", "invalid_request_error",
                                   "unknown_class", "qos_class"));
    return;
  }
  if (choice.decision == AccessPolicy::ClassDecision::NotAllowed) {
    sendError(exchange, routeError(403, "Your API key may not use the QoS class '" + std::string(*requested) + "'.",
                                   "permission_error", "class_not_allowed", "qos_class"));
    return;
  }
  {
    std::lock_guard lock(mutex_);
    ++counters_[choice.classId].requests;
  }
  auto forward = std::make_shared<Forward>(*this, std::move(request), std::move(exchange), choice.classId, std::move(body), key);
  forward->start();
}

void RouteService::handleMetrics(const std::shared_ptr<net::HttpExchange>& exchange) {
  const std::vector<MemberState> members = this->members();
  std::vector<ClassCounters> counters;
  {
    std::lock_guard lock(mutex_);
    counters = counters_;
  }
  PrometheusWriter out;
  auto classLabel = [&](std::size_t c) { return MetricLabels{{"class", config_.classes[c].qos.name}}; };
  out.family("headroom_router_requests_total", "counter", "Requests the router accepted, by class.");
  for (std::size_t c = 0; c < counters.size(); ++c) out.sample("headroom_router_requests_total", classLabel(c), counters[c].requests);
  out.family("headroom_router_retries_total", "counter", "Attempts moved to another member before anything was streamed.");
  for (std::size_t c = 0; c < counters.size(); ++c) out.sample("headroom_router_retries_total", classLabel(c), counters[c].retries);
  out.family("headroom_router_unavailable_total", "counter", "Requests answered 503 because no member could serve them.");
  for (std::size_t c = 0; c < counters.size(); ++c) {
    out.sample("headroom_router_unavailable_total", classLabel(c), counters[c].unavailable);
  }
  out.family("headroom_router_overhead_seconds", "histogram",
             "Time the router itself added: request in to request out, answer head in to answer head out.");
  for (std::size_t c = 0; c < counters.size(); ++c) out.histogram("headroom_router_overhead_seconds", classLabel(c), counters[c].overhead);
  out.family("headroom_router_first_byte_seconds", "histogram", "Arrival at the router to the first answer byte from a member.");
  for (std::size_t c = 0; c < counters.size(); ++c) {
    out.histogram("headroom_router_first_byte_seconds", classLabel(c), counters[c].firstByte);
  }
  out.family("headroom_router_member_up", "gauge", "1 while a member is taking requests, 0 while it is skipped after a failure.");
  for (const MemberState& member : members) out.sample("headroom_router_member_up", {{"member", member.name}}, member.up ? 1.0 : 0.0);
  out.family("headroom_router_member_in_flight", "gauge", "Requests in flight per member.");
  for (const MemberState& member : members) {
    out.sample("headroom_router_member_in_flight", {{"member", member.name}}, static_cast<double>(member.inFlight));
  }
  out.family("headroom_router_member_requests_total", "counter", "Attempts sent per member.");
  for (const MemberState& member : members) out.sample("headroom_router_member_requests_total", {{"member", member.name}}, member.requests);
  out.family("headroom_router_member_failures_total", "counter", "Attempts per member that failed before an answer.");
  for (const MemberState& member : members) out.sample("headroom_router_member_failures_total", {{"member", member.name}}, member.failures);
  exchange->respond({200, {{"Content-Type", std::string(PrometheusWriter::kContentType)}}, out.take()});
}

json RouteService::sharesJson() const {
  std::lock_guard lock(mutex_);
  json shares = json::object();
  for (std::size_t c = 0; c < config_.classes.size(); ++c) {
    if (!config_.shares[c].empty()) shares[config_.classes[c].qos.name] = config_.shares[c];
  }
  json members = json::array();
  for (const RouteMember& member : config_.members) members.push_back(member.name);
  return {{"policy", config_.policy == RoutePolicy::Weighted ? "weighted" : "least-loaded"},
          {"members", members},
          {"shares", shares}};
}

void RouteService::handleShares(const net::HttpRequest& request, const std::shared_ptr<net::HttpExchange>& exchange) {
  const auto key = AccessPolicy::bearerToken(request.header("authorization").value_or(""));
  if (!config_.access.isAdmin(key)) {
    const bool known = config_.access.tenantOf(key).has_value();
    sendError(exchange, routeError(known ? 403 : 401, known ? "This endpoint needs an admin key." : "Missing or invalid admin key.",
                                   known ? "permission_error" : "invalid_request_error", known ? "admin_only" : "invalid_api_key"));
    return;
  }
  if (request.method == "GET") {
    exchange->respond({200, {{"Content-Type", "application/json"}}, sharesJson().dump()});
    return;
  }
  if (request.method != "PUT") {
    sendError(exchange, routeError(405, "Use GET or PUT.", "invalid_request_error", "method_not_allowed"), {{"Allow", "GET, PUT"}});
    return;
  }
  const json root = jsonNestingDepth(request.body, 32) > 32 ? json(nullptr) : json::parse(request.body, nullptr, false);
  try {
    const ConfigReader reader("request body");
    if (root.is_discarded() || !root.is_object()) reader.fail("", "must be a JSON object {\"policy\", \"shares\"}");
    RouteRouting routing = readRouting(reader, root, "", config_.classes, config_.members.size());
    setShares(routing.policy, std::move(routing.shares));
  } catch (const std::exception& error) {
    sendError(exchange, routeError(400, error.what(), "invalid_request_error", {}, "shares"));
    return;
  }
  exchange->respond({200, {{"Content-Type", "application/json"}}, sharesJson().dump()});
}

}  // namespace headroom::serve
