// GET /v1/headroom/telemetry: an SSE stream of metric snapshots for admins, fed by ServeApi's telemetry
// thread every telemetryInterval.
#include <algorithm>

#include "serve/protocol/telemetry_event.h"
#include "serve/server/api_responses.h"
#include "serve/server/serve_api.h"

namespace headroom::serve {

using json = nlohmann::json;

std::string ServeApi::telemetryEvent() const {
  TelemetryEvent event{config_.modelName, host_.snapshot(), host_.status()};
  return "data: " + toTelemetryJson(event).dump(-1, ' ', false, json::error_handler_t::replace) + "\n\n";
}

void ServeApi::handleTelemetry(const net::HttpRequest& request, const std::shared_ptr<net::HttpExchange>& exchange) {
  if (!requireAdmin(request, exchange)) return;
  {
    std::lock_guard lock(telemetryMutex_);
    if (stopping_) {
      respondError(exchange, ApiError::make(503, "The server is shutting down.", "server_error", "server_shutting_down"));
      return;
    }
    if (telemetryStreams_.size() >= kMaxTelemetryStreams) {
      respondError(exchange, ApiError::make(503, "Too many telemetry streams are open.", "server_error", "too_many_streams"));
      return;
    }
    telemetryStreams_.push_back(exchange);
  }
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

}  // namespace headroom::serve
