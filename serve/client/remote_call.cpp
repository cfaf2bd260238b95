#include "serve/client/remote_call.h"

#include <condition_variable>
#include <mutex>

#include "serve/router/route_config.h"

namespace headroom::serve {

namespace {

// Collects one answer; the caller waits on it.
class CollectingHandler final : public net::UpstreamHandler {
 public:
  void onHead(int status, const net::HttpHeaders& /*headers*/) override {
    std::lock_guard lock(mutex_);
    reply_.status = status;
  }
  void onBody(std::string_view bytes) override {
    std::lock_guard lock(mutex_);
    reply_.body.append(bytes);
  }
  void onComplete() override {
    std::lock_guard lock(mutex_);
    if (const RemoteErrorKind kind = kindOfStatus(reply_.status); kind != RemoteErrorKind::None) {
      reply_.error = {kind, reply_.status, errorMessageOf(reply_.body)};
    }
    finish();
  }
  void onError(std::string_view message) override {
    std::lock_guard lock(mutex_);
    reply_.error = {classifyTransportError(message), reply_.status, std::string(message)};
    finish();
  }

  RemoteReply wait() {
    std::unique_lock lock(mutex_);
    done_.wait(lock, [&] { return finished_; });
    return std::move(reply_);
  }

 private:
  void finish() {
    finished_ = true;
    done_.notify_all();
  }

  std::mutex mutex_;
  std::condition_variable done_;
  bool finished_ = false;
  RemoteReply reply_;
};

}  // namespace

std::optional<RemoteTarget> remoteTarget(std::string_view url, std::string apiKey) {
  const auto endpoint = parseEndpointUrl(url);
  if (!endpoint) return std::nullopt;
  return RemoteTarget{*endpoint, std::move(apiKey)};
}

RemoteReply callRemote(net::UpstreamTransport& transport, const RemoteTarget& target, std::string method, std::string path,
                       std::string body, engine::Duration timeout) {
  net::UpstreamRequest request;
  request.endpoint = target.endpoint;
  request.method = std::move(method);
  request.target = std::move(path);
  if (!target.apiKey.empty()) request.headers.emplace_back("Authorization", "Bearer " + target.apiKey);
  request.headers.emplace_back("Accept", "application/json");
  if (!body.empty()) request.headers.emplace_back("Content-Type", "application/json");
  request.body = std::move(body);
  request.connectTimeout = std::min<engine::Duration>(timeout, std::chrono::seconds(5));
  request.idleTimeout = timeout;
  auto handler = std::make_shared<CollectingHandler>();
  transport.start(std::move(request), handler);
  return handler->wait();
}

}  // namespace headroom::serve
