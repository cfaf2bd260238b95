#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "net/http_message.h"

namespace headroom::net {

// The reply channel of one request: either one respond(), or startStream() then any number of
// sendChunk() and one endStream() (chunked transfer encoding). Every function is thread-safe and may be
// called from any thread after handle() returned; calls after the peer went away are ignored.
class HttpExchange {
 public:
  virtual ~HttpExchange() = default;
  virtual void respond(HttpResponse response) = 0;
  virtual void startStream(int status, HttpHeaders headers) = 0;
  virtual void sendChunk(std::string data) = 0;
  virtual void endStream() = 0;
  // `callback` runs once, on a server thread, if the peer disconnects before the reply is complete
  // (at once when it already has). Set it at most once. The server watches the connection while the
  // reply is pending, so a close is seen before anything was written too (a half-close counts).
  virtual void onClose(std::function<void()> callback) = 0;
};

// Serves requests. handle() is called on a server thread and must not block: long work replies
// later through the exchange.
class HttpHandler {
 public:
  virtual ~HttpHandler() = default;
  virtual void handle(HttpRequest request, std::shared_ptr<HttpExchange> exchange) = 0;
  // The response the server sends for an error it finds itself, before or instead of handle(): a
  // malformed request (400), a header or body over the limits (431, 413), too many connections (503),
  // handle() throwing (500). The API on top decides the body's shape; by default it is plain text.
  virtual HttpResponse errorResponse(int status, std::string_view message) const {
    return {status, {{"Content-Type", "text/plain; charset=utf-8"}}, std::string(message) + "\n"};
  }
};

}  // namespace headroom::net
