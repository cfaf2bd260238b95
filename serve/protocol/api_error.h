#pragma once

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
  // The error as one SSE event ("data: {\"error\": {...}}\n\n"), as OpenAI ends a stream that fails
  // after its head was sent; the SDKs raise it as an APIError.
  std::string sseEvent() const { return "data: " + body() + "\n\n"; }
  // The JSON answer: `headers` (e.g. Allow, Retry-After) and Content-Type: application/json.
  net::HttpResponse toResponse(net::HttpHeaders headers = {}) const;
};

// The error the HTTP layer reports itself (a malformed request, limits, overload, a failed handler) in
// the API's shape: type server_error for 5xx, invalid_request_error otherwise.
net::HttpResponse transportErrorResponse(int status, std::string_view message);

}  // namespace headroom::serve
