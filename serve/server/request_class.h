#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <variant>

#include "engine/core/qos_class.h"
#include "serve/protocol/api_error.h"
#include "serve/server/access_policy.h"

namespace headroom::serve {

// The class a request of `tenant` runs in, from the X-Headroom-Class header and the body's qos_class (when
// both are given they must name the same class), checked against what the tenant was given; or the error
// to answer: 400 when the two differ or the class is unknown, 403 when the tenant may not use it. The
// server and the router both decide this way. Pure function.
std::variant<engine::ClassId, ApiError> requestClass(const AccessPolicy& access, std::int32_t tenant,
                                                      std::optional<std::string_view> headerClass,
                                                      std::optional<std::string_view> bodyClass);

}  // namespace headroom::serve
