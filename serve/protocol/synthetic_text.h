#pragma once

#include <cstdint>
#include <string_view>

namespace headroom::serve {

// The text of one generated token. Executors without a tokenizer (modeled) produce synthetic ids; the
// text is a word picked by the id, so replies read as (meaningless) prose.
std::string_view tokenText(std::int32_t tokenId);

}  // namespace headroom::serve
