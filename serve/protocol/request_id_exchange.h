#pragma once

#include <functional>
#include <memory>
#include <string>

#include "net/http_exchange.h"

namespace headroom::serve {

// An HttpExchange that sets X-Request-Id on whatever answer goes through it (a response or a stream's
// head), replacing one an endpoint may have set, so every answer of the API, errors included, carries
// the request's id. Forwards every call to the exchange it wraps; thread-safe as that one is.
class RequestIdExchange final : public net::HttpExchange {
 public:
  RequestIdExchange(std::shared_ptr<net::HttpExchange> inner, std::string requestId);

  void respond(net::HttpResponse response) override;
  void startStream(int status, net::HttpHeaders headers) override;
  void sendChunk(std::string data) override { inner_->sendChunk(std::move(data)); }
  void endStream() override { inner_->endStream(); }
  void onClose(std::function<void()> callback) override { inner_->onClose(std::move(callback)); }

  const std::string& requestId() const { return requestId_; }

 private:
  void stamp(net::HttpHeaders& headers) const;

  std::shared_ptr<net::HttpExchange> inner_;
  std::string requestId_;
};

}  // namespace headroom::serve
