#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace headroom::engine {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

// One parsed HTTP request. Header names are lower case; values as sent.
struct HttpRequest {
  std::string method;
  std::string target;  // path and query, as sent
  HttpHeaders headers;
  std::string body;
  std::string remoteAddress;

  std::optional<std::string_view> header(std::string_view lowerName) const {
    for (const auto& [name, value] : headers) {
      if (name == lowerName) return std::string_view(value);
    }
    return std::nullopt;
  }
  std::string_view path() const {
    const std::string_view view(target);
    return view.substr(0, view.find('?'));
  }
  std::string_view query() const {
    const std::string_view view(target);
    const std::size_t mark = view.find('?');
    return mark == std::string_view::npos ? std::string_view{} : view.substr(mark + 1);
  }
};

struct HttpResponse {
  int status = 200;
  HttpHeaders headers;  // Content-Length and Connection are added by the server
  std::string body;
};

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
  // (at once when it already has). Set it at most once.
  virtual void onClose(std::function<void()> callback) = 0;
};

// Serves requests. handle() is called on a server thread and must not block: long work replies
// later through the exchange.
class HttpHandler {
 public:
  virtual ~HttpHandler() = default;
  virtual void handle(HttpRequest request, std::shared_ptr<HttpExchange> exchange) = 0;
};

}  // namespace headroom::engine
