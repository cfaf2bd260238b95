#include "serve/protocol/admin_put_body.h"

#include <string>

#include "serve/protocol/api_error.h"
#include "serve/protocol/json_object_body.h"

namespace headroom::serve {

AdminPutBody readAdminPutBody(const net::HttpRequest& request, std::string_view shapeHint) {
  AdminPutBody put;
  if (request.method != "PUT") {
    put.refusal = ApiError::make(405, "Use GET or PUT on " + std::string(request.path()) + ".", "invalid_request_error",
                                 "method_not_allowed")
                      .toResponse({{"Allow", "GET, PUT"}});
    return put;
  }
  JsonObjectBody body = parseJsonObjectBody(request.body);
  if (!body.object) {
    put.refusal = ApiError::make(400, body.tooDeep ? "The JSON body nests too deeply." : std::string(shapeHint),
                                 "invalid_request_error")
                      .toResponse();
    return put;
  }
  put.object = std::move(*body.object);
  return put;
}

}  // namespace headroom::serve
