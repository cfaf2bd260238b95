#include "serve/client/remote_call.h"

#include <condition_variable>
#include <mutex>

#include "serve/router/route_config.h"

namespace headroom::serve {

namespace {

// Collects one answer and hands it to `done` once.
class CollectingHandler final : public net::UpstreamHandler {
 public:
  explicit CollectingHandler(std::function<void(RemoteReply)> done) : done_(std::move(done)) {}

  void onHead(int status, const net::HttpHeaders& /*headers*/) override {
    std::lock_guard lock(mutex_);
    reply_.status = status;
  }
  void onBody(std::string_view bytes) override {
    std::lock_guard lock(mutex_);
    reply_.body.append(bytes);
  }
  void onComplete() override {
    RemoteReply reply;
    {
      std::lock_guard lock(mutex_);
      if (const RemoteErrorKind kind = kindOfStatus(reply_.status); kind != RemoteErrorKind::None) {
        reply_.error = {kind, reply_.status, errorMessageOf(reply_.body)};
      }
      reply = std::move(reply_);
    }
    done_(std::move(reply));
  }
  void onError(std::string_view message) override {
    RemoteReply reply;
    {
      std::lock_guard lock(mutex_);
      reply_.error = {classifyTransportError(message), reply_.status, std::string(message)};
      reply = std::move(reply_);
    }
    done_(std::move(reply));
  }

 private:
  std::mutex mutex_;
  RemoteReply reply_;
  std::function<void(RemoteReply)> done_;
};

// Where a blocking call waits for its reply.
struct ReplySlot {
  std::mutex mutex;
  std::condition_variable done;
  std::optional<RemoteReply> reply;
};

}  // namespace

std::optional<RemoteTarget> remoteTarget(std::string_view url, std::string apiKey) {
  const auto endpoint = parseEndpointUrl(url);
  if (!endpoint) return std::nullopt;
  return RemoteTarget{*endpoint, std::move(apiKey)};
}

std::shared_ptr<net::UpstreamCall> startRemoteCall(net::UpstreamTransport& transport, const RemoteTarget& target, std::string method,
                                                   std::string path, std::string body, engine::Duration timeout,
                                                   std::function<void(RemoteReply)> done) {
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
  return transport.start(std::move(request), std::make_shared<CollectingHandler>(std::move(done)));
}

RemoteReply callRemote(net::UpstreamTransport& transport, const RemoteTarget& target, std::string method, std::string path,
                       std::string body, engine::Duration timeout) {
  auto slot = std::make_shared<ReplySlot>();
  startRemoteCall(transport, target, std::move(method), std::move(path), std::move(body), timeout, [slot](RemoteReply reply) {
    std::lock_guard lock(slot->mutex);
    slot->reply = std::move(reply);
    slot->done.notify_all();
  });
  std::unique_lock lock(slot->mutex);
  slot->done.wait(lock, [&] { return slot->reply.has_value(); });
  return std::move(*slot->reply);
}

}  // namespace headroom::serve
