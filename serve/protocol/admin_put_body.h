#pragma once

#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "net/http_message.h"

namespace headroom::serve {

// The JSON object an admin PUT carries, or the answer that refuses the request: 405 (Allow: GET, PUT)
// for another method; 400 for a body that nests deeper than kMaxJsonBodyDepth ("The JSON body nests
// too deeply."), is not JSON, or is not a JSON object (then `shapeHint` is the message, e.g. "The body
// must be a JSON object {\"classes\": [...]}."). Errors are OpenAI-style JSON. A plain value.
struct AdminPutBody {
  nlohmann::json object;                   // when `refusal` is empty
  std::optional<net::HttpResponse> refusal;
};

// For endpoints that answer GET themselves and take PUT with a JSON object body. Pure function.
AdminPutBody readAdminPutBody(const net::HttpRequest& request, std::string_view shapeHint);

}  // namespace headroom::serve
