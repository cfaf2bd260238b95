#pragma once

#include <string>
#include <string_view>

#include "engine/core/time.h"
#include "net/http_message.h"
#include "serve/protocol/api_error.h"
#include "serve/server/request_listener.h"

namespace headroom::serve {

// Small builders the server's endpoints share: the JSON and SSE response headers, and the finish_reason
// a FinishReason is sent as. Plain functions, thread-safe.
net::HttpHeaders jsonHeaders();
net::HttpHeaders sseHeaders();
std::string_view finishReasonText(FinishReason reason);
// What a request still running when the server shuts down is told (503, server_error,
// code "server_shutdown"): the body of a buffered reply, or the last event of a stream.
ApiError serverShutdownError();
// The answer to a request arriving while the server drains: 503 with Retry-After (whole seconds, >= 1).
net::HttpResponse drainingResponse(engine::Duration retryAfter);

}  // namespace headroom::serve
