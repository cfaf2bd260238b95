#include "serve/protocol/admin_put_body.h"

#include <string>

#include "serve/protocol/api_error.h"
#include "serve/protocol/json_text.h"

namespace headroom::serve {

AdminPutBody readAdminPutBody(const net::HttpRequest& request, std::string_view shapeHint) {
  AdminPutBody put;
  if (request.method != "PUT") {
    put.refusal = ApiError::make(405, "Use GET or PUT on " + std::string(request.path()) + ".", "invalid_request_error",
                                 "method_not_allowed")
                      .toResponse({{"Allow", "GET, PUT"}});
    return put;
  }
  if (jsonNestingDepth(request.body, kMaxAdminBodyDepth) > kMaxAdminBodyDepth) {
    put.refusal = ApiError::make(400, "The JSON body nests too deeply.", "invalid_request_error").toResponse();
    return put;
  }
  put.object = nlohmann::json::parse(request.body, nullptr, false);
  if (put.object.is_discarded() || !put.object.is_object()) {
    put.object = nullptr;
    put.refusal = ApiError::make(400, std::string(shapeHint), "invalid_request_error").toResponse();
  }
  return put;
}

}  // namespace headroom::serve
