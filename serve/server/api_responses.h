#pragma once

#include <string>
#include <string_view>

#include "net/http_message.h"
#include "serve/protocol/api_error.h"
#include "serve/server/request_listener.h"

namespace headroom::serve {

// Small builders the server's endpoints share: the JSON and SSE response headers, and the finish_reason
// a FinishReason is sent as. Plain functions, thread-safe.
net::HttpHeaders jsonHeaders();
net::HttpHeaders sseHeaders();
std::string_view finishReasonText(FinishReason reason);

}  // namespace headroom::serve
