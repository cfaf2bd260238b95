#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>

#include "serve/client/remote_call.h"
#include "serve/protocol/telemetry_event.h"

namespace headroom::serve {

// Follows a server's telemetry stream (GET /v1/headroom/telemetry with an admin key) and keeps the
// latest event. Owns one thread that (re)connects: after a dropped or refused connection it waits a
// backoff that doubles from initialBackoff up to maxBackoff (back to initialBackoff once events flowed).
// A 401 or 403 stops it (the key will not get better): state Stopped with the error.
// Thread-safe: latest() and status() swap out values under a mutex and may be polled at any rate from
// any thread. The transport must outlive the client; destruction cancels the stream and joins.
class TelemetryClient {
 public:
  struct Options {
    engine::Duration initialBackoff = std::chrono::milliseconds(250);
    engine::Duration maxBackoff = std::chrono::seconds(8);
    engine::Duration connectTimeout = std::chrono::seconds(3);
    engine::Duration idleTimeout = std::chrono::seconds(5);  // no event for this long: reconnect
  };

  enum class State : std::uint8_t { Connecting, Streaming, Waiting, Stopped };

  struct Status {
    State state = State::Connecting;
    RemoteError lastError;          // the most recent failure (kept while streaming again)
    std::int64_t connections = 0;   // connection attempts so far
    std::int64_t events = 0;        // events decoded so far
  };

  TelemetryClient(net::UpstreamTransport& transport, RemoteTarget target, Options options);
  TelemetryClient(net::UpstreamTransport& transport, RemoteTarget target) : TelemetryClient(transport, std::move(target), Options{}) {}
  ~TelemetryClient();
  TelemetryClient(const TelemetryClient&) = delete;
  TelemetryClient& operator=(const TelemetryClient&) = delete;

  // The latest event; null until the first one arrived.
  std::shared_ptr<const TelemetryEvent> latest() const;
  Status status() const;

  class StreamHandler;

 private:
  friend class StreamHandler;
  void run();
  void publish(std::shared_ptr<const TelemetryEvent> event);
  void fail(RemoteError error);

  net::UpstreamTransport& transport_;
  RemoteTarget target_;
  Options options_;

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::shared_ptr<const TelemetryEvent> latest_;
  Status status_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace headroom::serve
