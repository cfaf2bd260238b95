#include "serve/protocol/http_server_metrics.h"

#include <string>

namespace headroom::serve {

void writeHttpServerMetrics(PrometheusWriter& out, const net::HttpServerCounters& counters) {
  out.family("headroom_http_responses_total", "counter", "HTTP responses by status class.");
  for (int statusClass = 1; statusClass <= 5; ++statusClass) {
    out.sample("headroom_http_responses_total", {{"code", std::to_string(statusClass) + "xx"}}, counters.responses(statusClass));
  }
  out.family("headroom_http_connections_open", "gauge", "Client connections open now.");
  out.sample("headroom_http_connections_open", {}, static_cast<double>(counters.openConnections()));
  out.family("headroom_http_connections_refused_total", "counter",
             "Connections answered 503 before a request was read: the server's or one client's connection limit was reached.");
  out.sample("headroom_http_connections_refused_total", {{"reason", "server_limit"}},
             counters.refusals(net::ConnectionRefusal::ServerLimit));
  out.sample("headroom_http_connections_refused_total", {{"reason", "client_limit"}},
             counters.refusals(net::ConnectionRefusal::ClientLimit));
  out.family("headroom_http_read_timeouts_total", "counter",
             "Requests whose header or body did not arrive in time (answered 408), and kept-alive connections closed idle.");
  for (const auto& [phase, which] : {std::pair{"header", net::ReadTimeout::Header}, std::pair{"body", net::ReadTimeout::Body},
                                     std::pair{"idle", net::ReadTimeout::Idle}}) {
    out.sample("headroom_http_read_timeouts_total", {{"phase", phase}}, counters.timeouts(which));
  }
}

}  // namespace headroom::serve
