#include "serve/server/api_responses.h"

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
    case FinishReason::Failed: return "error";
  }
  return "length";
}

}  // namespace headroom::serve
