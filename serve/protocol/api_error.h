#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "net/http_message.h"

namespace headroom::serve {

// An OpenAI-style error: HTTP status and the {"error": {message, type, param, code}} object.
struct ApiError {
  int status = 400;
  std::string message;
  std::string type = "invalid_request_error";
  std::string param;  // empty = null
  std::string code;   // empty = null

  static ApiError make(int status, std::string message, std::string type, std::string code = {}, std::string param = {});

  nlohmann::json toJson() const;
  std::string body() const { return toJson().dump(); }
  // The error as one server-sent event, for a stream that cannot go on: "data: {\"error\": {...}}\n\n".
  // The OpenAI SDKs raise an APIError for a data event with an "error" key.
  std::string sseEvent() const { return "data: " + body() + "\n\n"; }
  // The JSON answer: `headers` (e.g. Allow, Retry-After) and Content-Type: application/json.
  net::HttpResponse toResponse(net::HttpHeaders headers = {}) const;
};

// Client input quoted in an error message: at most kMaxEchoChars characters (whole UTF-8 sequences),
// then "..." when it was longer, so an error never carries a request's bulk back.
inline constexpr std::size_t kMaxEchoChars = 64;
std::string echoInput(std::string_view text);

// The error the HTTP layer reports itself (a malformed request, limits, overload, a failed handler) in
// the API's shape: type server_error for 5xx, invalid_request_error otherwise, with a fresh X-Request-Id.
net::HttpResponse transportErrorResponse(int status, std::string_view message);

}  // namespace headroom::serve
