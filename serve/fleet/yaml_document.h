#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace headroom::serve {

// One YAML document from a JSON value, emitted by yaml-cpp: keys in the value's own order (an
// ordered_json keeps insertion order), strings quoted wherever a plain scalar would read as another
// type (a number, a boolean, null), multi-line strings as literal blocks where a literal block reads
// back as the same string (else double-quoted), empty maps and lists in flow style. `comments` become "# " lines before the document. The same value gives the same bytes.
std::string yamlDocument(const nlohmann::ordered_json& value, const std::vector<std::string>& comments = {});

}  // namespace headroom::serve
