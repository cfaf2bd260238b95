#pragma once

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "engine/io/json_input.h"

namespace headroom::engine {

// One JSON document from resources/<kind>/<name>.json with checked access to its top-level fields,
// through the one checked reader (JsonInput): a bad field throws InputError naming the file, the
// field's pointer ("/layers"), what it allows and what was found; an unknown or invalid resource name
// throws std::runtime_error listing the names available. A value type; not shared between threads while
// being read.
class ResourceJson {
 public:
  // `what` names the document in messages ("model shape", "hardware profile"). An unknown name lists
  // the files that do exist under resources/<kind>/.
  static ResourceJson load(std::string_view kind, std::string_view name, std::string_view what);

  const std::filesystem::path& path() const { return path_; }
  // The checked reader of this file, for nested objects (a model's "quality").
  const JsonInput& input() const { return input_; }

  bool has(const char* field) const { return doc_.contains(field); }
  // The const nlohmann::json& for free-form parts (arrays, nested objects); throws when missing.
  const nlohmann::json& raw(const char* field) const { return this->field(field, "present"); }

  // InputError at the field, for rules that tie fields together ("must divide attention_heads (32)").
  [[noreturn]] void fail(const char* field, std::string allowed, const nlohmann::json& got) const;

  std::int64_t positiveInteger(const char* field) const;
  std::int64_t nonNegativeInteger(const char* field) const;
  double positiveNumber(const char* field) const;
  double nonNegativeNumber(const char* field) const;
  // A share in (0, 1].
  double fraction(const char* field) const;
  bool boolean(const char* field) const;
  std::string text(const char* field) const;

 private:
  ResourceJson(std::filesystem::path path, nlohmann::json doc);
  const nlohmann::json& field(const char* field, std::string_view allowed) const;
  static JsonPointer at(const char* field) { return JsonPointer() / std::string(field); }

  std::filesystem::path path_;
  JsonInput input_;
  nlohmann::json doc_;
};

// Names (file stems) of the .json files under resources/<kind>/, sorted.
std::vector<std::string> availableResources(std::string_view kind);
// The same, comma-separated, or "(none)".
std::string availableNames(std::string_view kind);

}  // namespace headroom::engine
