#include "serve/protocol/json_object_body.h"

#include "serve/protocol/json_text.h"

namespace headroom::serve {

JsonObjectBody parseJsonObjectBody(std::string_view body, int maxDepth) {
  if (jsonNestingDepth(body, maxDepth) > maxDepth) return {std::nullopt, true};
  nlohmann::json parsed = nlohmann::json::parse(body, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) return {};
  return {std::move(parsed), false};
}

}  // namespace headroom::serve
