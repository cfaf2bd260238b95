#pragma once

#include <string>
#include <string_view>

namespace headroom::serve {

// Deepest nesting of arrays and objects in a JSON text (strings skipped); stops counting past `limit`.
int jsonNestingDepth(std::string_view text, int limit);

// Appends `text` JSON-escaped (without quotes).
void appendJsonEscaped(std::string& out, std::string_view text);

}  // namespace headroom::serve
