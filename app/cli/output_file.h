#pragma once

#include <string>
#include <string_view>

namespace headroom::cli {

// Writes `content` to `path` ("-" = stdout). A file is written beside its target and renamed into
// place, so a failure never leaves a half-written file. Throws std::runtime_error naming the path.
void writeOutput(const std::string& path, std::string_view content);

}  // namespace headroom::cli
