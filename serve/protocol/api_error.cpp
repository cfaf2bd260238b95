#include "serve/protocol/api_error.h"

namespace headroom::serve {

using json = nlohmann::json;

json ApiError::toJson() const {
  return {{"error",
           {{"message", message},
            {"type", type},
            {"param", param.empty() ? json(nullptr) : json(param)},
            {"code", code.empty() ? json(nullptr) : json(code)}}}};
}

net::HttpResponse ApiError::toResponse() const {
  return {status, {{"Content-Type", "application/json"}}, body()};
}

net::HttpResponse transportErrorResponse(int status, std::string_view message) {
  ApiError error;
  error.status = status;
  error.message = std::string(message);
  error.type = status >= 500 ? "server_error" : "invalid_request_error";
  return error.toResponse();
}

}  // namespace headroom::serve
