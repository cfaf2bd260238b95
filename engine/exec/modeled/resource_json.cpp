#include "engine/exec/modeled/resource_json.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <system_error>
#include <utility>

#include "engine/core/resource_paths.h"

namespace headroom::engine {

namespace {

bool validName(std::string_view name) {
  if (name.empty() || name.front() == '.') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
  });
}

std::string joined(const std::vector<std::string>& names) {
  if (names.empty()) return "(none)";
  std::string out;
  for (const auto& name : names) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

}  // namespace

std::vector<std::string> availableResources(std::string_view kind) {
  std::vector<std::string> names;
  std::error_code error;
  const auto dir = resourceDir() / std::string(kind);
  for (std::filesystem::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
    if (it->path().extension() == ".json") names.push_back(it->path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string availableNames(std::string_view kind) { return joined(availableResources(kind)); }

ResourceJson::ResourceJson(std::filesystem::path path, nlohmann::json doc)
    : path_(std::move(path)), input_(path_), doc_(std::move(doc)) {}

ResourceJson ResourceJson::load(std::string_view kind, std::string_view name, std::string_view what) {
  const auto available = joined(availableResources(kind));
  if (!validName(name)) {
    throw std::runtime_error(std::string(what) + " name '" + std::string(name) +
                             "' is not valid (letters, digits, '-', '_', '.'); available: " + available);
  }
  const auto path = resourceFile(kind, name);
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    throw std::runtime_error("unknown " + std::string(what) + " '" + std::string(name) +
                             "': " + path.string() + " cannot be read; available: " + available);
  }
  nlohmann::json doc = JsonInput::loadFile(path, what);
  if (!doc.is_object()) throw InputError(path, JsonPointer(), "expected a JSON object at the top level", JsonInput::shown(doc));
  return ResourceJson(path, std::move(doc));
}

void ResourceJson::fail(const char* field, std::string allowed, const nlohmann::json& got) const {
  input_.failValue(at(field), std::move(allowed), got);
}

const nlohmann::json& ResourceJson::field(const char* field, std::string_view allowed) const {
  return input_.required(doc_, JsonPointer(), field, allowed);
}

std::int64_t ResourceJson::positiveInteger(const char* name) const {
  return input_.integer(field(name, "an integer >= 1"), at(name), 1, std::numeric_limits<std::int64_t>::max());
}

std::int64_t ResourceJson::nonNegativeInteger(const char* name) const {
  return input_.integer(field(name, "an integer >= 0"), at(name), 0, std::numeric_limits<std::int64_t>::max());
}

double ResourceJson::positiveNumber(const char* name) const {
  return input_.number(field(name, "a number > 0"), at(name), NumberRange::above(0.0));
}

double ResourceJson::nonNegativeNumber(const char* name) const {
  return input_.number(field(name, "a number >= 0"), at(name), NumberRange::atLeast(0.0));
}

double ResourceJson::fraction(const char* name) const {
  return input_.number(field(name, "a number in (0, 1]"), at(name),
                       NumberRange::interval(0.0, NumberRange::End::Open, 1.0, NumberRange::End::Closed));
}

bool ResourceJson::boolean(const char* name) const { return input_.boolean(field(name, "true or false"), at(name)); }

std::string ResourceJson::text(const char* name) const {
  return input_.nonEmptyString(field(name, "a non-empty string"), at(name));
}

}  // namespace headroom::engine
