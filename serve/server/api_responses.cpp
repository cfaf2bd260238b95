#include "serve/server/api_responses.h"

#include <utility>

namespace headroom::serve {

ApiError makeError(int status, std::string message, std::string type, std::string code, std::string param) {
  ApiError error;
  error.status = status;
  error.message = std::move(message);
  error.type = std::move(type);
  error.code = std::move(code);
  error.param = std::move(param);
  return error;
}

net::HttpHeaders jsonHeaders() { return {{"Content-Type", "application/json"}}; }

net::HttpHeaders sseHeaders() {
  return {{"Content-Type", "text/event-stream"}, {"Cache-Control", "no-cache"}, {"X-Accel-Buffering", "no"}};
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

}  // namespace headroom::serve
