#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace headroom::net {

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

}  // namespace headroom::net
