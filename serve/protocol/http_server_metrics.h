#pragma once

#include "net/http_server_counters.h"
#include "serve/protocol/prometheus_writer.h"

namespace headroom::serve {

// The HTTP layer's families on /metrics, the same on a server and a router:
//  headroom_http_responses_total{code="1xx".."5xx"} (every response written, the HTTP layer's own
//  503/400/408/413/431 included), headroom_http_connections_open, headroom_http_connections_refused_total
//  {reason="server_limit"|"client_limit"} and headroom_http_read_timeouts_total{phase="header"|"body"|"idle"}.
void writeHttpServerMetrics(PrometheusWriter& out, const net::HttpServerCounters& counters);

}  // namespace headroom::serve
