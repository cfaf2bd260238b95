#pragma once

#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

namespace headroom::serve {

// The deepest nesting a request body may have before it is refused unparsed.
inline constexpr int kMaxJsonBodyDepth = 32;

// An HTTP request body that must be one JSON object (an admin PUT, a completion seen by the router):
// `object` is empty when the body nests deeper than `maxDepth` (`tooDeep`; checked before parsing), is
// not JSON, or is another JSON value. Callers answer 400 with their own hint. A plain value.
struct JsonObjectBody {
  std::optional<nlohmann::json> object;
  bool tooDeep = false;
};

JsonObjectBody parseJsonObjectBody(std::string_view body, int maxDepth = kMaxJsonBodyDepth);

}  // namespace headroom::serve
