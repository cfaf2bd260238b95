// POST /v1/completions and /v1/chat/completions: authorisation, the request's class, its prompt
// tokens, admission, and a streamed (SSE) or buffered reply.
#include <algorithm>
#include <chrono>
#include <random>

#include "engine/exec/llama/byte_tokenizer.h"
#include "serve/server/api_responses.h"
#include "serve/server/buffered_reply.h"
#include "serve/server/request_class.h"
#include "serve/server/serve_api.h"
#include "serve/server/streaming_reply.h"

namespace headroom::serve {

namespace {

std::int64_t unixSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::uint64_t freshSeed() {
  thread_local std::mt19937_64 random(std::random_device{}());
  return random();
}

}  // namespace

void ServeApi::handleCompletion(CompletionEndpoint endpoint, const net::HttpRequest& request,
                                const std::shared_ptr<net::HttpExchange>& exchange) {
  const auto key = AccessPolicy::bearerToken(request.header("authorization").value_or(""));
  const std::optional<std::int32_t> tenant = config_.access.tenantOf(key);
  if (!tenant) {
    respondError(exchange, ApiError::make(401,
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
    respondError(exchange, ApiError::make(404, "The model '" + echoInput(completion.model) + "' does not exist; this server serves '" +
                                              config_.modelName + "'.",
                                     "invalid_request_error", "model_not_found", "model"));
    return;
  }
  const std::variant<engine::ClassId, ApiError> chosen =
      requestClass(config_.access, *tenant, request.header("x-headroom-class"),
                   completion.qosClass ? std::optional<std::string_view>(*completion.qosClass) : std::nullopt);
  if (const ApiError* error = std::get_if<ApiError>(&chosen)) {
    respondError(exchange, *error);
    return;
  }
  if (completion.logprobs && !computesText_) {
    respondError(exchange, ApiError::make(400, "This instance's executor (" + host_.describeExecutor() +
                                              ") predicts iteration times and computes no logits, so it cannot give "
                                              "logprobs; leave out 'logprobs' and 'top_logprobs'.",
                                          "invalid_request_error", "logprobs_unsupported", "logprobs"));
    return;
  }
  const engine::ClassId classId = std::get<engine::ClassId>(chosen);
  ServeRequest serveRequest{classId, completion.promptTokens, completion.maxTokens, {}, {}, completion.stop, {}};
  if (const auto header = request.header("x-headroom-deadline-ms")) {
    const std::optional<std::int64_t> deadlineMs = parseDeadlineMs(*header);
    if (!deadlineMs) {
      respondError(exchange, ApiError::make(400, "X-Headroom-Deadline-Ms must be an integer of milliseconds from 1 to " +
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
          respondError(exchange, ApiError::make(400, "Token id " + std::to_string(id) + " is outside this server's byte "
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
      respondError(exchange, ApiError::make(400, "This server's maximum prompt length is " +
                                                std::to_string(config_.limits.maxPromptTokens) + " tokens; the prompt has " +
                                                std::to_string(promptTokens) + ".",
                                       "invalid_request_error", "context_length_exceeded",
                                       endpoint == CompletionEndpoint::Completions ? "prompt" : "messages"));
      return;
    }
    serveRequest.promptTokens = static_cast<std::int32_t>(promptTokens);
    if (const std::optional<std::int64_t> context = host_.maxContextTokens();
        context && promptTokens + completion.maxTokens > *context) {
      respondError(exchange, ApiError::make(400, "This instance's executor holds at most " + std::to_string(*context) +
                                                " tokens per request; the prompt has " + std::to_string(promptTokens) +
                                                " and max_tokens asks for " + std::to_string(completion.maxTokens) + ".",
                                            "invalid_request_error", "context_length_exceeded", "max_tokens"));
      return;
    }
    serveRequest.sampling = {completion.temperature, completion.topP, completion.seed ? *completion.seed : freshSeed(),
                             completion.logprobs, completion.topLogprobs};
  }
  const std::string& className = config_.access.classNames()[classId];
  CompletionFormatter formatter(endpoint, newCompletionId(endpoint), config_.modelName, unixSeconds(),
                                completion.includeUsage);
  net::HttpHeaders headers = {{"X-Headroom-Class", className}};  // X-Request-Id: see RequestIdExchange
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
    ServingHost* host = &host_;
    const engine::RequestId id = admission.id;
    if (streaming) streaming->begin(endpoint == CompletionEndpoint::ChatCompletions);
    exchange->onClose([host, id] { host->cancel(id); });
    return;
  }
  if (admission.outcome == AdmissionOutcome::Draining) {
    net::HttpResponse response = drainingResponse(admission.retryAfter);
    response.headers.insert(response.headers.end(), headers.begin(), headers.end());
    respond(exchange, std::move(response));
    return;
  }
  ApiError error;
  net::HttpHeaders errorHeaders = headers;
  if (admission.outcome == AdmissionOutcome::Rejected) {
    const auto retryS = std::max<std::int64_t>(1, std::chrono::duration_cast<std::chrono::seconds>(admission.retryAfter).count());
    error = ApiError::make(429, "The '" + className + "' queue is full; retry after " + std::to_string(retryS) + " s.",
                      "requests", "rate_limit_exceeded");
    errorHeaders.emplace_back("Retry-After", std::to_string(retryS));
  } else if (admission.outcome == AdmissionOutcome::Unavailable) {
    error = ApiError::make(503, "The server's instance has stopped: " + host_.failure(), "server_error", "unavailable");
  } else {
    error = ApiError::make(400, "The prompt and max_tokens together exceed the server's KV cache.", "invalid_request_error",
                      "context_length_exceeded", "max_tokens");
  }
  respondError(exchange, error, std::move(errorHeaders));
}

}  // namespace headroom::serve
