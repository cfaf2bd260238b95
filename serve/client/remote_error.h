#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace headroom::serve {

// Why a call to a remote Headroom server or router failed. Front ends map the kind to their own
// (translated) text and may show `detail`, the transport's or the server's own words.
enum class RemoteErrorKind : std::uint8_t {
  None,
  BadUrl,        // not http://host:port or https://host:port
  Unauthorized,  // 401: no key or a wrong key
  Forbidden,     // 403: the key is not an admin key
  Unreachable,   // refused, or the host name does not resolve
  Tls,           // the TLS handshake failed (certificate, protocol)
  Timeout,       // nothing arrived in time
  Broken,        // the connection or the stream ended early
  HttpStatus,    // another non-2xx answer (status says which)
  Protocol,      // an answer this console cannot read
};

struct RemoteError {
  RemoteErrorKind kind = RemoteErrorKind::None;
  int status = 0;      // the HTTP status when one came
  std::string detail;  // the server's error message, or the transport's

  explicit operator bool() const { return kind != RemoteErrorKind::None; }
};

// The kind of a transport failure from UpstreamHandler::onError's message.
RemoteErrorKind classifyTransportError(std::string_view message);
// The kind for a non-2xx HTTP status.
RemoteErrorKind kindOfStatus(int status);
// The server's message from an OpenAI-style error body ({"error": {"message"}}), else the body itself
// (cut to 300 bytes).
std::string errorMessageOf(std::string_view body);
// One English line for logs and the command line, e.g. "401 Unauthorized: Incorrect API key provided."
std::string describe(const RemoteError& error);

}  // namespace headroom::serve
