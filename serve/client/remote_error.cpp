#include "serve/client/remote_error.h"

#include <nlohmann/json.hpp>

namespace headroom::serve {

RemoteErrorKind classifyTransportError(std::string_view message) {
  if (message.find("TLS") != std::string_view::npos || message.find("SSL") != std::string_view::npos ||
      message.find("certificate") != std::string_view::npos) {
    return RemoteErrorKind::Tls;
  }
  if (message.find("timed out") != std::string_view::npos || message.find("timeout") != std::string_view::npos) {
    return RemoteErrorKind::Timeout;
  }
  if (message.starts_with("cannot connect") || message.starts_with("cannot resolve")) return RemoteErrorKind::Unreachable;
  return RemoteErrorKind::Broken;
}

RemoteErrorKind kindOfStatus(int status) {
  if (status >= 200 && status < 300) return RemoteErrorKind::None;
  if (status == 401) return RemoteErrorKind::Unauthorized;
  if (status == 403) return RemoteErrorKind::Forbidden;
  return RemoteErrorKind::HttpStatus;
}

std::string errorMessageOf(std::string_view body) {
  const nlohmann::json parsed = nlohmann::json::parse(body, nullptr, false);
  if (parsed.is_object()) {
    const auto error = parsed.find("error");
    if (error != parsed.end() && error->is_object()) {
      const auto message = error->find("message");
      if (message != error->end() && message->is_string()) return message->get<std::string>();
    }
  }
  constexpr std::size_t kMaxBytes = 300;
  return std::string(body.substr(0, kMaxBytes));
}

std::string describe(const RemoteError& error) {
  std::string head;
  switch (error.kind) {
    case RemoteErrorKind::None: return "no error";
    case RemoteErrorKind::BadUrl: head = "bad URL (use http://host:port or https://host:port)"; break;
    case RemoteErrorKind::Unauthorized: head = "401 Unauthorized"; break;
    case RemoteErrorKind::Forbidden: head = "403 Forbidden (an admin key is needed)"; break;
    case RemoteErrorKind::Unreachable: head = "unreachable"; break;
    case RemoteErrorKind::Tls: head = "TLS failed"; break;
    case RemoteErrorKind::Timeout: head = "timed out"; break;
    case RemoteErrorKind::Broken: head = "connection lost"; break;
    case RemoteErrorKind::HttpStatus: head = "HTTP " + std::to_string(error.status); break;
    case RemoteErrorKind::Protocol: head = "unreadable answer"; break;
  }
  return error.detail.empty() ? head : head + ": " + error.detail;
}

}  // namespace headroom::serve
