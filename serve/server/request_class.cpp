#include "serve/server/request_class.h"

#include <string>

namespace headroom::serve {

std::variant<engine::ClassId, ApiError> requestClass(const AccessPolicy& access, std::int32_t tenant,
                                                      std::optional<std::string_view> headerClass,
                                                      std::optional<std::string_view> bodyClass) {
  if (headerClass && bodyClass && *headerClass != *bodyClass) {
    return ApiError::make(400, "The X-Headroom-Class header and the body's qos_class name different classes.",
                          "invalid_request_error", {}, "qos_class");
  }
  const std::optional<std::string_view> requested = bodyClass ? bodyClass : headerClass;
  const AccessPolicy::ClassChoice choice = access.chooseClass(tenant, requested);
  switch (choice.decision) {
    case AccessPolicy::ClassDecision::Allowed: return choice.classId;
    case AccessPolicy::ClassDecision::UnknownClass:
      return ApiError::make(400, "Unknown QoS class '" + echoInput(*requested) + "'.", "invalid_request_error",
                            "unknown_class", "qos_class");
    case AccessPolicy::ClassDecision::NotAllowed:
      return ApiError::make(403, "Your API key may not use the QoS class '" + echoInput(*requested) + "'.",
                            "permission_error", "class_not_allowed", "qos_class");
  }
  return choice.classId;
}

}  // namespace headroom::serve
