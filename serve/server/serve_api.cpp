#include "serve/server/serve_api.h"

#include <algorithm>
#include <chrono>
#include <random>

#include "engine/core/qos_class_json.h"
#include "engine/exec/llama/byte_tokenizer.h"
#include "engine/sched/scheduler_config_json.h"
#include "serve/protocol/prometheus_writer.h"
#include "serve/protocol/telemetry_event.h"

namespace headroom::serve {

namespace {

using json = nlohmann::json;

std::int64_t unixSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

ApiError makeError(int status, std::string message, std::string type, std::string code = {}, std::string param = {}) {
  ApiError error;
  error.status = status;
  error.message = std::move(message);
  error.type = std::move(type);
  error.code = std::move(code);
  error.param = std::move(param);
  return error;
}

std::string_view finishReasonText(FinishReason reason) {
  switch (reason) {
    case FinishReason::Length: return "length";
    case FinishReason::Stop: return "stop";
    case FinishReason::Cancelled: return "abort";
    case FinishReason::Failed: return "error";
  }
  return "length";
}

const char* overloadText(OverloadAction action) { return action == OverloadAction::Relegate ? "relegate" : "reject"; }

net::HttpHeaders jsonHeaders() { return {{"Content-Type", "application/json"}}; }

net::HttpHeaders sseHeaders() {
  return {{"Content-Type", "text/event-stream"}, {"Cache-Control", "no-cache"}, {"X-Accel-Buffering", "no"}};
}

// Streams one request's tokens as SSE chunks. The host may produce tokens before the handler knew
// the request was admitted: until begin() they are held, so the status line always goes out first.
// Listener calls run on the host's loop thread, begin() on a server thread.
class StreamingReply final : public RequestListener {
 public:
  StreamingReply(std::shared_ptr<net::HttpExchange> exchange, CompletionFormatter formatter, bool includeUsage,
                 net::HttpHeaders headers)
      : exchange_(std::move(exchange)),
        formatter_(std::move(formatter)),
        includeUsage_(includeUsage),
        headers_(std::move(headers)) {}

  void begin(bool chat) {
    std::lock_guard lock(mutex_);
    exchange_->startStream(200, std::move(headers_));
    std::string first = chat ? formatter_.roleChunk() : std::string();
    first += held_;
    held_.clear();
    if (!first.empty()) exchange_->sendChunk(std::move(first));
    if (ended_) exchange_->endStream();
    begun_ = true;
  }

  void onToken(std::int32_t /*tokenId*/, std::int32_t /*index*/, std::string_view text) override {
    if (text.empty()) return;
    std::string chunk = formatter_.tokenChunk(text);
    std::lock_guard lock(mutex_);
    if (begun_) {
      exchange_->sendChunk(std::move(chunk));
    } else {
      held_ += chunk;
    }
  }

  void onFinished(const FinishedRequest& finished) override {
    std::string tail;
    if (finished.reason != FinishReason::Cancelled) {
      if (!finished.text.empty()) tail = formatter_.tokenChunk(finished.text);
      tail += formatter_.finishChunk(finishReasonText(finished.reason));
      if (includeUsage_) tail += formatter_.usageChunk(finished.promptTokens, finished.completionTokens);
      tail += CompletionFormatter::doneEvent();
    }
    std::lock_guard lock(mutex_);
    if (!begun_) {
      held_ += tail;
      ended_ = true;
      return;
    }
    if (!tail.empty()) exchange_->sendChunk(std::move(tail));
    exchange_->endStream();
  }

 private:
  std::mutex mutex_;
  std::shared_ptr<net::HttpExchange> exchange_;
  CompletionFormatter formatter_;
  bool includeUsage_;
  net::HttpHeaders headers_;
  std::string held_;
  bool begun_ = false;
  bool ended_ = false;
};

// Collects the text and answers once the request finished. Runs on the host's loop thread.
class BufferedReply final : public RequestListener {
 public:
  BufferedReply(std::shared_ptr<net::HttpExchange> exchange, CompletionFormatter formatter, net::HttpHeaders headers)
      : exchange_(std::move(exchange)), formatter_(std::move(formatter)), headers_(std::move(headers)) {}

  void onToken(std::int32_t /*tokenId*/, std::int32_t /*index*/, std::string_view text) override { text_ += text; }
  void onFinished(const FinishedRequest& finished) override {
    net::HttpResponse response;
    if (finished.reason == FinishReason::Length || finished.reason == FinishReason::Stop) {
      text_ += finished.text;
      response.status = 200;
      response.body = formatter_.fullResponse(text_, finishReasonText(finished.reason), finished.promptTokens,
                                              finished.completionTokens);
    } else {
      const bool cancelled = finished.reason == FinishReason::Cancelled;
      const ApiError error = makeError(cancelled ? 503 : 500,
                                       cancelled ? "The server stopped before the request finished."
                                                 : "The request could not be served.",
                                       "server_error");
      response.status = error.status;
      response.body = error.body();
    }
    response.headers = headers_;
    exchange_->respond(std::move(response));
  }

 private:
  std::shared_ptr<net::HttpExchange> exchange_;
  CompletionFormatter formatter_;
  net::HttpHeaders headers_;
  std::string text_;
};

std::uint64_t freshSeed() {
  thread_local std::mt19937_64 random(std::random_device{}());
  return random();
}

}  // namespace

json servedClassesJson(const std::vector<ServedClass>& classes) {
  json out = json::array();
  for (const ServedClass& served : classes) {
    json item = {{"name", served.qos.name},
                 {"rank", served.qos.rank},
                 {"importance", std::string(engine::toString(served.qos.importance))},
                 {"slo", engine::sloToJson(served.qos.slo)},
                 {"queue_limit", served.queueLimit},
                 {"overload", overloadText(served.overload)}};
    if (served.overload == OverloadAction::Relegate) item["relegated_limit"] = served.relegatedLimit;
    out.push_back(std::move(item));
  }
  return out;
}

ServeApi::ServeApi(ServeConfig config, ServingHost& host, engine::Duration telemetryInterval)
    : config_(std::move(config)),
      host_(host),
      telemetryInterval_(telemetryInterval),
      computesText_(config_.executor.kind == engine::ExecutorKind::Cpu || config_.executor.kind == engine::ExecutorKind::Cuda) {
  telemetryThread_ = std::thread([this] { runTelemetry(); });
}

ServeApi::~ServeApi() {
  {
    std::lock_guard lock(telemetryMutex_);
    stopping_ = true;
  }
  telemetryWake_.notify_all();
  telemetryThread_.join();
  for (const auto& stream : telemetryStreams_) stream->endStream();
}

void ServeApi::respond(const std::shared_ptr<net::HttpExchange>& exchange, net::HttpResponse response) {
  const int statusClass = std::clamp(response.status / 100, 1, 5);
  responses_[static_cast<std::size_t>(statusClass)].fetch_add(1, std::memory_order_relaxed);
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
    respondError(exchange, makeError(405, "Method " + method + " is not allowed on " + std::string(path) + "; use " +
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
      respondError(exchange, makeError(401, "Missing or invalid API key.", "invalid_request_error", "invalid_api_key"));
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
    respondError(exchange, makeError(404, "Unknown path " + std::string(path) + ".", "invalid_request_error", "not_found"));
  }
}

void ServeApi::handleCompletion(CompletionEndpoint endpoint, const net::HttpRequest& request,
                                const std::shared_ptr<net::HttpExchange>& exchange) {
  const auto key = AccessPolicy::bearerToken(request.header("authorization").value_or(""));
  const std::optional<std::int32_t> tenant = config_.access.tenantOf(key);
  if (!tenant) {
    respondError(exchange, makeError(401,
                                     key.empty() ? "You didn't provide an API key (Authorization: Bearer <key>)."
                                                 : "Incorrect API key provided.",
                                     "invalid_request_error", "invalid_api_key"));
    return;
  }
  auto parsed = parseCompletionRequest(endpoint, request.body, config_.limits);
  if (auto* error = std::get_if<ApiError>(&parsed)) {
    respondError(exchange, *error);
    return;
  }
  const CompletionRequest& completion = std::get<CompletionRequest>(parsed);
  if (completion.model != config_.modelName) {
    respondError(exchange, makeError(404, "The model '" + completion.model + "' does not exist; this server serves '" +
                                              config_.modelName + "'.",
                                     "invalid_request_error", "model_not_found", "model"));
    return;
  }
  std::optional<std::string_view> requested = request.header("x-headroom-class");
  if (completion.qosClass) {
    if (requested && *requested != *completion.qosClass) {
      respondError(exchange, makeError(400, "The X-Headroom-Class header and the body's qos_class name different classes.",
                                       "invalid_request_error", {}, "qos_class"));
      return;
    }
    requested = *completion.qosClass;
  }
  const AccessPolicy::ClassChoice choice = config_.access.chooseClass(*tenant, requested);
  if (choice.decision == AccessPolicy::ClassDecision::UnknownClass) {
    respondError(exchange, makeError(400, "Unknown QoS class '" + std::string(*requested) + "'.", "invalid_request_error",
                                     "unknown_class", "qos_class"));
    return;
  }
  if (choice.decision == AccessPolicy::ClassDecision::NotAllowed) {
    respondError(exchange, makeError(403, "Your API key may not use the QoS class '" + std::string(*requested) + "'.",
                                     "permission_error", "class_not_allowed", "qos_class"));
    return;
  }
  ServeRequest serveRequest{choice.classId, completion.promptTokens, completion.maxTokens, {}, {}, completion.stop, {}};
  if (const auto header = request.header("x-headroom-deadline-ms")) {
    const std::optional<std::int64_t> deadlineMs = parseDeadlineMs(*header);
    if (!deadlineMs) {
      respondError(exchange, makeError(400, "X-Headroom-Deadline-Ms must be an integer of milliseconds from 1 to " +
                                                std::to_string(kMaxDeadlineMs) + ".",
                                       "invalid_request_error", {}, "X-Headroom-Deadline-Ms"));
      return;
    }
    serveRequest.hints.deadline = std::chrono::milliseconds(*deadlineMs);
  }
  if (completion.deadlineMs) {
    const engine::Duration body = std::chrono::milliseconds(*completion.deadlineMs);
    serveRequest.hints.deadline = serveRequest.hints.deadline ? std::min(*serveRequest.hints.deadline, body) : body;
  }
  serveRequest.hints.importance = completion.importance;
  if (computesText_) {
    if (!completion.promptTokenIds.empty()) {
      for (const std::int32_t id : completion.promptTokenIds) {
        if (id >= engine::ByteTokenizer::kVocabSize) {
          respondError(exchange, makeError(400, "Token id " + std::to_string(id) + " is outside this server's byte "
                                                "tokeniser (ids 0 to " + std::to_string(engine::ByteTokenizer::kVocabSize - 1) +
                                                ").",
                                           "invalid_request_error", "invalid_token_id", "prompt"));
          return;
        }
      }
      serveRequest.promptTokenIds = completion.promptTokenIds;
    } else {
      serveRequest.promptTokenIds = engine::ByteTokenizer{}.encode(completion.promptText);
    }
    const auto promptTokens = static_cast<std::int64_t>(serveRequest.promptTokenIds.size());
    if (promptTokens > config_.limits.maxPromptTokens) {
      respondError(exchange, makeError(400, "This server's maximum prompt length is " +
                                                std::to_string(config_.limits.maxPromptTokens) + " tokens; the prompt has " +
                                                std::to_string(promptTokens) + ".",
                                       "invalid_request_error", "context_length_exceeded",
                                       endpoint == CompletionEndpoint::Completions ? "prompt" : "messages"));
      return;
    }
    serveRequest.promptTokens = static_cast<std::int32_t>(promptTokens);
    serveRequest.sampling = {completion.temperature, completion.topP, completion.seed ? *completion.seed : freshSeed()};
  }
  const std::string& className = config_.access.classNames()[choice.classId];
  CompletionFormatter formatter(endpoint, newCompletionId(endpoint), config_.modelName, unixSeconds(),
                                completion.includeUsage);
  net::HttpHeaders headers = {{"X-Headroom-Class", className}, {"X-Request-Id", formatter.id()}};
  std::shared_ptr<RequestListener> listener;
  std::shared_ptr<StreamingReply> streaming;
  if (completion.stream) {
    net::HttpHeaders streamHeaders = sseHeaders();
    streamHeaders.insert(streamHeaders.end(), headers.begin(), headers.end());
    streaming = std::make_shared<StreamingReply>(exchange, formatter, completion.includeUsage, std::move(streamHeaders));
    listener = streaming;
  } else {
    net::HttpHeaders replyHeaders = headers;
    replyHeaders.emplace_back("Content-Type", "application/json");
    listener = std::make_shared<BufferedReply>(exchange, formatter, std::move(replyHeaders));
  }
  const Admission admission = host_.submit(serveRequest, listener);
  if (admission.outcome == AdmissionOutcome::Admitted || admission.outcome == AdmissionOutcome::Relegated) {
    responses_[2].fetch_add(1, std::memory_order_relaxed);
    ServingHost* host = &host_;
    const engine::RequestId id = admission.id;
    if (streaming) streaming->begin(endpoint == CompletionEndpoint::ChatCompletions);
    exchange->onClose([host, id] { host->cancel(id); });
    return;
  }
  ApiError error;
  net::HttpHeaders errorHeaders = headers;
  if (admission.outcome == AdmissionOutcome::Rejected) {
    const auto retryS = std::max<std::int64_t>(1, std::chrono::duration_cast<std::chrono::seconds>(admission.retryAfter).count());
    error = makeError(429, "The '" + className + "' queue is full; retry after " + std::to_string(retryS) + " s.",
                      "requests", "rate_limit_exceeded");
    errorHeaders.emplace_back("Retry-After", std::to_string(retryS));
  } else {
    error = makeError(400, "The prompt and max_tokens together exceed the server's KV cache.", "invalid_request_error",
                      "context_length_exceeded", "max_tokens");
  }
  respondError(exchange, error, std::move(errorHeaders));
}

void ServeApi::handleMetrics(const std::shared_ptr<net::HttpExchange>& exchange) {
  const ServingStats stats = host_.stats();
  const std::vector<ServedClass> classes = host_.classes();
  const engine::InstanceStatus status = host_.status();
  PrometheusWriter out;
  auto classLabel = [&](std::size_t c) { return MetricLabels{{"class", classes[c].qos.name}}; };
  struct HistogramFamily {
    const char* name;
    const char* help;
    BucketHistogram ClassServingStats::*member;
  };
  const HistogramFamily histograms[] = {
      {"headroom_queue_seconds", "Time from arrival to the first scheduled iteration.", &ClassServingStats::queue},
      {"headroom_ttft_seconds", "Time to first token.", &ClassServingStats::ttft},
      {"headroom_tbt_seconds", "Time between consecutive tokens of a request.", &ClassServingStats::tbt},
      {"headroom_e2e_seconds", "Time from arrival to the last token.", &ClassServingStats::e2e},
  };
  for (const HistogramFamily& family : histograms) {
    out.family(family.name, "histogram", family.help);
    for (std::size_t c = 0; c < stats.classes.size(); ++c) out.histogram(family.name, classLabel(c), stats.classes[c].*family.member);
  }
  struct CounterFamily {
    const char* name;
    const char* help;
    const char* extraLabel;
    std::vector<std::pair<const char*, std::uint64_t ClassServingStats::*>> values;
  };
  const CounterFamily counters[] = {
      {"headroom_requests_total", "Requests admitted, by class.", nullptr, {{"", &ClassServingStats::admitted}}},
      {"headroom_requests_completed_total", "Requests that produced their last token.", nullptr,
       {{"", &ClassServingStats::completed}}},
      {"headroom_requests_cancelled_total", "Requests whose client went away first.", nullptr,
       {{"", &ClassServingStats::cancelled}}},
      {"headroom_rejections_total", "Requests refused with 429 because the class's queue was full.", "reason",
       {{"queue_full", &ClassServingStats::rejected}}},
      {"headroom_relegations_total", "Requests relegated: held back on overload, or by the scheduler past their deadline.",
       "reason", {{"overload", &ClassServingStats::relegatedOverload}, {"deadline", &ClassServingStats::relegatedDeadline}}},
      {"headroom_tokens_total", "Tokens of finished requests.", "kind",
       {{"prompt", &ClassServingStats::promptTokens}, {"completion", &ClassServingStats::completionTokens}}},
  };
  for (const CounterFamily& family : counters) {
    out.family(family.name, "counter", family.help);
    for (std::size_t c = 0; c < stats.classes.size(); ++c) {
      for (const auto& [value, member] : family.values) {
        MetricLabels labels = classLabel(c);
        if (family.extraLabel) labels.emplace_back(family.extraLabel, value);
        out.sample(family.name, labels, stats.classes[c].*member);
      }
    }
  }
  out.family("headroom_queue_depth", "gauge", "Admitted requests not yet scheduled, by class.");
  for (std::size_t c = 0; c < stats.classes.size(); ++c) {
    out.sample("headroom_queue_depth", classLabel(c), static_cast<double>(stats.classes[c].queued));
  }
  out.family("headroom_running_requests", "gauge", "Requests scheduled and not finished, by class.");
  for (std::size_t c = 0; c < stats.classes.size(); ++c) {
    out.sample("headroom_running_requests", classLabel(c), static_cast<double>(stats.classes[c].running));
  }
  out.family("headroom_slo_seconds", "gauge", "Each class's latency bounds.");
  for (std::size_t c = 0; c < classes.size(); ++c) {
    const engine::Slo& slo = classes[c].qos.slo;
    for (const auto& [metric, bound] : {std::pair{"ttft", slo.ttft}, std::pair{"tbt", slo.tbt}, std::pair{"ttlt", slo.ttlt}}) {
      if (!bound) continue;
      MetricLabels labels = classLabel(c);
      labels.emplace_back("metric", metric);
      out.sample("headroom_slo_seconds", labels, engine::toSeconds(*bound));
    }
  }
  out.family("headroom_kv_used_ratio", "gauge", "Share of KV-cache blocks in use.");
  out.sample("headroom_kv_used_ratio", {}, status.kvUsedFraction);
  out.family("headroom_iterations_total", "counter", "Iterations the instance ran.");
  out.sample("headroom_iterations_total", {}, static_cast<std::uint64_t>(stats.iterations));
  out.family("headroom_busy_seconds_total", "counter", "Time the instance spent running iterations.");
  out.sample("headroom_busy_seconds_total", {}, stats.busyS);
  out.family("headroom_http_responses_total", "counter", "HTTP responses by status class.");
  for (int statusClass = 1; statusClass <= 5; ++statusClass) {
    out.sample("headroom_http_responses_total", {{"code", std::to_string(statusClass) + "xx"}}, responses(statusClass));
  }
  respond(exchange, {200, {{"Content-Type", std::string(PrometheusWriter::kContentType)}}, out.take()});
}

bool ServeApi::requireAdmin(const net::HttpRequest& request, const std::shared_ptr<net::HttpExchange>& exchange) {
  const auto key = AccessPolicy::bearerToken(request.header("authorization").value_or(""));
  if (config_.access.isAdmin(key)) return true;
  if (config_.access.tenantOf(key)) {
    respondError(exchange, makeError(403, "This endpoint needs an admin key.", "permission_error", "admin_only"));
  } else {
    respondError(exchange, makeError(401, "Missing or invalid admin key.", "invalid_request_error", "invalid_api_key"));
  }
  return false;
}

std::string ServeApi::telemetryEvent() const {
  TelemetryEvent event{config_.modelName, host_.snapshot(), host_.status()};
  return "data: " + toTelemetryJson(event).dump(-1, ' ', false, json::error_handler_t::replace) + "\n\n";
}

void ServeApi::handleTelemetry(const net::HttpRequest& request, const std::shared_ptr<net::HttpExchange>& exchange) {
  if (!requireAdmin(request, exchange)) return;
  {
    std::lock_guard lock(telemetryMutex_);
    if (telemetryStreams_.size() >= kMaxTelemetryStreams) {
      respondError(exchange, makeError(503, "Too many telemetry streams are open.", "server_error", "too_many_streams"));
      return;
    }
    telemetryStreams_.push_back(exchange);
  }
  responses_[2].fetch_add(1, std::memory_order_relaxed);
  exchange->startStream(200, sseHeaders());
  exchange->sendChunk(telemetryEvent());
  std::weak_ptr<net::HttpExchange> weak = exchange;
  exchange->onClose([this, weak] {
    std::lock_guard lock(telemetryMutex_);
    const auto gone = weak.lock();
    telemetryStreams_.erase(std::remove_if(telemetryStreams_.begin(), telemetryStreams_.end(),
                                           [&](const auto& stream) { return !gone || stream == gone; }),
                            telemetryStreams_.end());
  });
}

void ServeApi::runTelemetry() {
  std::unique_lock lock(telemetryMutex_);
  while (!stopping_) {
    telemetryWake_.wait_for(lock, telemetryInterval_, [&] { return stopping_; });
    if (stopping_ || telemetryStreams_.empty()) continue;
    const std::vector<std::shared_ptr<net::HttpExchange>> streams = telemetryStreams_;
    lock.unlock();
    const std::string event = telemetryEvent();
    for (const auto& stream : streams) stream->sendChunk(event);
    lock.lock();
  }
}

std::optional<json> ServeApi::readAdminPut(const net::HttpRequest& request, const std::shared_ptr<net::HttpExchange>& exchange,
                                           const std::string& shapeHint) {
  if (request.method != "PUT") {
    respondError(exchange, makeError(405, "Use GET or PUT on " + std::string(request.path()) + ".",
                                     "invalid_request_error", "method_not_allowed"),
                 {{"Allow", "GET, PUT"}});
    return std::nullopt;
  }
  if (jsonNestingDepth(request.body, 32) > 32) {
    respondError(exchange, makeError(400, "The JSON body nests too deeply.", "invalid_request_error"));
    return std::nullopt;
  }
  json body = json::parse(request.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    respondError(exchange, makeError(400, shapeHint, "invalid_request_error"));
    return std::nullopt;
  }
  return body;
}

void ServeApi::handleAdmin(const net::HttpRequest& request, const std::shared_ptr<net::HttpExchange>& exchange) {
  if (!requireAdmin(request, exchange)) return;
  const std::string_view path = request.path();
  if (path == "/v1/headroom/admin/classes") {
    if (request.method == "GET") {
      respondJson(exchange, 200, {{"classes", servedClassesJson(host_.classes())}});
      return;
    }
    const std::optional<json> body = readAdminPut(request, exchange, "The body must be a JSON object {\"classes\": [...]}.");
    if (!body) return;
    try {
      const ConfigReader reader("request body");
      reader.checkFields(*body, engine::JsonPointer(), {"classes"});
      std::vector<ServedClass> classes = readServedClasses(reader, *body);
      host_.setClasses(std::move(classes));
    } catch (const std::exception& error) {
      respondError(exchange, makeError(400, error.what(), "invalid_request_error", {}, "classes"));
      return;
    }
    respondJson(exchange, 200, {{"classes", servedClassesJson(host_.classes())}});
    return;
  }
  if (path == "/v1/headroom/admin/scheduler") {
    if (request.method == "GET") {
      respondJson(exchange, 200, {{"scheduler", engine::schedulerConfigToJson(host_.schedulerConfig())}});
      return;
    }
    const std::optional<json> body =
        readAdminPut(request, exchange,
                     "The body must be a JSON object with the scheduler fields to change, e.g. "
                     "{\"policy\": \"edf\", \"chunking\": \"fixed:256\"}.");
    if (!body) return;
    try {
      host_.setSchedulerConfig(engine::schedulerConfigFromJson(ConfigReader("request body"), *body, engine::JsonPointer(),
                                                               host_.schedulerConfig()));
    } catch (const std::exception& error) {
      respondError(exchange, makeError(400, error.what(), "invalid_request_error", {}, "scheduler"));
      return;
    }
    respondJson(exchange, 200, {{"scheduler", engine::schedulerConfigToJson(host_.schedulerConfig())}});
    return;
  }
  if (path == "/v1/headroom/admin/status") {
    if (request.method != "GET") {
      respondError(exchange, makeError(405, "Use GET on " + std::string(path) + ".", "invalid_request_error",
                                       "method_not_allowed"),
                   {{"Allow", "GET"}});
      return;
    }
    const engine::InstanceStatus status = host_.status();
    const engine::SchedulerConfig scheduler = host_.schedulerConfig();
    respondJson(exchange, 200,
                {{"model", config_.modelName},
                 {"executor", host_.describeExecutor()},
                 {"kv_blocks", host_.kvBlocks()},
                 {"scheduler", engine::schedulerConfigToJson(scheduler)},
                 {"iterations", status.iterations},
                 {"busy_s", engine::toSeconds(status.busyTime)},
                 {"kv_used_fraction", status.kvUsedFraction}});
    return;
  }
  respondError(exchange, makeError(404, "Unknown admin path " + std::string(path) + ".", "invalid_request_error", "not_found"));
}

}  // namespace headroom::serve
