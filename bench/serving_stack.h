#pragma once

// What the serving benches share: their API key, a serve stack on a free loopback port, and the
// completion request their clients send.

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "net/http_server.h"
#include "net/upstream.h"
#include "serve/server/serve_api.h"
#include "serve/server/serve_config.h"
#include "serve/server/serving_host.h"

namespace headroom::bench {

inline const char* const kKey = "sk-bench-0123456789";

// ServingHost + ServeApi + HttpServer on a free loopback port, as `headroom-cli serve` wires them.
struct ServeStack {
  explicit ServeStack(const serve::ServeConfig& config) : host(config), api(config, host), server(options(config), api) {
    server.start();
  }
  ~ServeStack() { server.stop(); }
  static net::HttpServerOptions options(const serve::ServeConfig& config) {
    net::HttpServerOptions options;
    options.maxConnections = config.limits.maxConnections;
    options.maxConnectionsPerClient = config.limits.maxConnections;  // every bench client is 127.0.0.1
    return options;
  }
  serve::ServingHost host;
  serve::ServeApi api;
  net::HttpServer server;
};

// POST /v1/completions of `promptChars` characters for `maxTokens` tokens of `qosClass`, with kKey.
inline net::UpstreamRequest completionRequest(std::uint16_t port, std::int32_t promptChars, std::int32_t maxTokens,
                                              bool stream, const char* qosClass) {
  net::UpstreamRequest request;
  request.endpoint.host = "127.0.0.1";
  request.endpoint.port = port;
  request.target = "/v1/completions";
  request.headers = {{"Authorization", std::string("Bearer ") + kKey}, {"Content-Type", "application/json"}};
  request.body = nlohmann::json{{"model", "bench"},
                                {"prompt", std::string(static_cast<std::size_t>(promptChars), 'a')},
                                {"max_tokens", maxTokens},
                                {"stream", stream},
                                {"qos_class", qosClass}}
                     .dump();
  return request;
}

}  // namespace headroom::bench
