#include "serve/client/telemetry_client.h"

#include <algorithm>
#include <atomic>
#include <stdexcept>

#include "serve/protocol/sse_decoder.h"

namespace headroom::serve {

// Hears one connection of the stream, on a transport thread. It holds no pointer to the client after
// the client stopped waiting for it: everything goes through `link_`, cleared by detach().
class TelemetryClient::StreamHandler final : public net::UpstreamHandler {
 public:
  explicit StreamHandler(TelemetryClient* client) : client_(client) {}

  void onHead(int status, const net::HttpHeaders& /*headers*/) override {
    std::lock_guard lock(mutex_);
    status_ = status;
    if (status == 200 && client_) {
      std::lock_guard clientLock(client_->mutex_);
      client_->status_.state = State::Streaming;
    }
  }

  void onBody(std::string_view bytes) override {
    std::lock_guard lock(mutex_);
    if (status_ != 200) {
      if (body_.size() < 4096) body_.append(bytes.substr(0, 4096 - body_.size()));
      return;
    }
    try {
      for (const std::string& data : decoder_.feed(bytes)) {
        auto event = std::make_shared<const TelemetryEvent>(parseTelemetryEvent(data));
        ++events_;
        if (client_) client_->publish(std::move(event));
      }
    } catch (const std::exception& error) {
      if (client_) client_->fail({RemoteErrorKind::Protocol, status_, error.what()});
    }
  }

  void onComplete() override {
    std::lock_guard lock(mutex_);
    if (status_ == 200) {
      finish({RemoteErrorKind::Broken, status_, "the server ended the telemetry stream"});
    } else {
      const RemoteErrorKind kind = kindOfStatus(status_);
      finish({kind == RemoteErrorKind::None ? RemoteErrorKind::Protocol : kind, status_, errorMessageOf(body_)});
    }
  }

  void onError(std::string_view message) override {
    std::lock_guard lock(mutex_);
    finish({classifyTransportError(message), status_, std::string(message)});
  }

  // Waits until the connection ended (or the client stops); returns its error and whether events came.
  std::pair<RemoteError, bool> wait(std::unique_lock<std::mutex>& clientLock) {
    TelemetryClient* client = client_;
    client->wake_.wait(clientLock, [&] { return client->stopping_ || ended_.load(); });
    clientLock.unlock();  // lock order: handler before client, as on the transport thread
    std::lock_guard lock(mutex_);
    return {error_, events_ > 0};
  }

  void detach() {
    std::lock_guard lock(mutex_);
    client_ = nullptr;
  }

 private:
  void finish(RemoteError error) {
    error_ = std::move(error);
    if (client_) {
      std::lock_guard clientLock(client_->mutex_);
      ended_ = true;
      client_->wake_.notify_all();
    } else {
      ended_ = true;
    }
  }

  std::mutex mutex_;
  TelemetryClient* client_;
  SseDecoder decoder_;
  int status_ = 0;
  std::string body_;
  std::int64_t events_ = 0;
  RemoteError error_;
  std::atomic<bool> ended_{false};
};

TelemetryClient::TelemetryClient(net::UpstreamTransport& transport, RemoteTarget target, Options options)
    : transport_(transport), target_(std::move(target)), options_(options) {
  thread_ = std::thread([this] { run(); });
}

TelemetryClient::~TelemetryClient() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

std::shared_ptr<const TelemetryEvent> TelemetryClient::latest() const {
  std::lock_guard lock(mutex_);
  return latest_;
}

TelemetryClient::Status TelemetryClient::status() const {
  std::lock_guard lock(mutex_);
  return status_;
}

void TelemetryClient::publish(std::shared_ptr<const TelemetryEvent> event) {
  std::lock_guard lock(mutex_);
  latest_ = std::move(event);
  ++status_.events;
}

void TelemetryClient::fail(RemoteError error) {
  std::lock_guard lock(mutex_);
  status_.lastError = std::move(error);
}

void TelemetryClient::run() {
  engine::Duration backoff = options_.initialBackoff;
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    status_.state = State::Connecting;
    ++status_.connections;
    lock.unlock();
    net::UpstreamRequest request;
    request.endpoint = target_.endpoint;
    request.method = "GET";
    request.target = "/v1/headroom/telemetry";
    request.headers = {{"Authorization", "Bearer " + target_.apiKey}, {"Accept", "text/event-stream"}};
    request.connectTimeout = options_.connectTimeout;
    request.idleTimeout = options_.idleTimeout;
    auto handler = std::make_shared<StreamHandler>(this);
    const std::shared_ptr<net::UpstreamCall> call = transport_.start(std::move(request), handler);
    lock.lock();
    auto [error, hadEvents] = handler->wait(lock);
    handler->detach();  // after this the handler never touches the client again
    if (call) call->cancel();
    lock.lock();
    if (stopping_) break;
    status_.lastError = error;
    if (error.kind == RemoteErrorKind::Unauthorized || error.kind == RemoteErrorKind::Forbidden) {
      status_.state = State::Stopped;
      break;
    }
    if (hadEvents) backoff = options_.initialBackoff;
    status_.state = State::Waiting;
    wake_.wait_for(lock, backoff, [&] { return stopping_; });
    backoff = std::min(backoff * 2, options_.maxBackoff);
  }
  if (status_.state != State::Stopped) status_.state = State::Stopped;
}

}  // namespace headroom::serve
