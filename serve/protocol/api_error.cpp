#include "serve/protocol/api_error.h"

#include "serve/protocol/request_id.h"

namespace headroom::serve {

using json = nlohmann::json;

ApiError ApiError::make(int status, std::string message, std::string type, std::string code, std::string param) {
  ApiError error;
  error.status = status;
  error.message = std::move(message);
  error.type = std::move(type);
  error.code = std::move(code);
  error.param = std::move(param);
  return error;
}

json ApiError::toJson() const {
  return {{"error",
           {{"message", message},
            {"type", type},
            {"param", param.empty() ? json(nullptr) : json(param)},
            {"code", code.empty() ? json(nullptr) : json(code)}}}};
}

net::HttpResponse ApiError::toResponse(net::HttpHeaders headers) const {
  headers.emplace_back("Content-Type", "application/json");
  return {status, std::move(headers), body()};
}

std::string echoInput(std::string_view text) {
  std::size_t end = 0;
  std::size_t chars = 0;
  while (end < text.size() && chars < kMaxEchoChars) {
    ++end;
    // Continuation bytes (10xxxxxx) belong to the character before them.
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    ++chars;
  }
  if (end >= text.size()) return std::string(text);
  return std::string(text.substr(0, end)) + "...";
}

net::HttpResponse transportErrorResponse(int status, std::string_view message) {
  ApiError error;
  error.status = status;
  error.message = std::string(message);
  error.type = status >= 500 ? "server_error" : "invalid_request_error";
  // No request was read (or none reached the API): a fresh id, so this answer carries one too.
  return error.toResponse({{"X-Request-Id", newRequestId()}});
}

}  // namespace headroom::serve
