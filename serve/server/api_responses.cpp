#include "serve/server/api_responses.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <utility>

namespace headroom::serve {

net::HttpHeaders jsonHeaders() { return {{"Content-Type", "application/json"}}; }

net::HttpHeaders sseHeaders() {
  return {{"Content-Type", "text/event-stream"}, {"Cache-Control", "no-cache"}, {"X-Accel-Buffering", "no"}};
}

std::string_view finishReasonText(FinishReason reason) {
  switch (reason) {
    case FinishReason::Length: return "length";
    case FinishReason::Stop: return "stop";
    case FinishReason::Cancelled: return "abort";
    case FinishReason::Shutdown: return "error";
    case FinishReason::Failed: return "error";
  }
  return "length";
}

ApiError serverShutdownError() {
  return ApiError::make(503, "The server shut down before the request finished; retry it.", "server_error",
                        "server_shutdown");
}

net::HttpResponse drainingResponse(engine::Duration retryAfter) {
  const auto retryS = std::max<std::int64_t>(1, std::chrono::ceil<std::chrono::seconds>(retryAfter).count());
  return ApiError::make(503, "The server is shutting down and takes no new requests; retry after " + std::to_string(retryS) +
                                 " s or on another server.",
                        "server_error", "server_shutting_down")
      .toResponse({{"Retry-After", std::to_string(retryS)}});
}

}  // namespace headroom::serve
