// libFuzzer target: HTTP/1.1 request parsing exactly as a server connection does it (Beast's parser
// with the server's header and body limits, then conversion to net::HttpRequest), and the
// server's response formatting of whatever came out. Run by scripts/fuzz_http.sh.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "net/http_server.h"
#include "net/http_wire.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  headroom::net::HttpServerOptions options;
  options.maxHeaderBytes = 2048;
  options.maxBodyBytes = 4096;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto parsed = headroom::net::parseHttpRequest(bytes, options);
  if (const auto* request = std::get_if<headroom::net::HttpRequest>(&parsed)) {
    // Echo the parsed parts through the response writer: header values must never split a response.
    headroom::net::HttpHeaders headers;
    for (const auto& [name, value] : request->headers) headers.emplace_back(name, value);
    const std::string response = headroom::net::formatResponse(200, headers, request->body, true);
    const std::size_t headEnd = response.find("\r\n\r\n");
    if (headEnd == std::string::npos) __builtin_trap();
    if (response.compare(headEnd + 4, std::string::npos, request->body) != 0) __builtin_trap();
    (void)request->path();
    (void)request->query();
  } else {
    const int status = std::get<int>(parsed);
    if (status != 0 && status != 400 && status != 413 && status != 431) __builtin_trap();
  }
  return 0;
}
