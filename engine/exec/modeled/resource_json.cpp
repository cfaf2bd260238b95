#include "engine/exec/modeled/resource_json.h"

#include <algorithm>
#include <cmath>
#include <fstream>
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
    : path_(std::move(path)), doc_(std::move(doc)) {}

ResourceJson ResourceJson::load(std::string_view kind, std::string_view name, std::string_view what) {
  const auto available = joined(availableResources(kind));
  if (!validName(name)) {
    throw std::runtime_error(std::string(what) + " name '" + std::string(name) +
                             "' is not valid (letters, digits, '-', '_', '.'); available: " + available);
  }
  const auto path = resourceFile(kind, name);
  std::ifstream in(path);
  if (!in) {
    throw std::runtime_error("unknown " + std::string(what) + " '" + std::string(name) +
                             "': " + path.string() + " cannot be read; available: " + available);
  }
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& error) {
    throw std::runtime_error(path.string() + ": not valid JSON: " + error.what());
  }
  if (!doc.is_object()) throw std::runtime_error(path.string() + ": expected a JSON object at the top level");
  return ResourceJson(path, std::move(doc));
}

void ResourceJson::fail(const char* field, std::string_view allowed, const nlohmann::json& got) const {
  throw std::runtime_error(path_.string() + ": field '" + field + "' must be " + std::string(allowed) +
                           ", got " + got.dump());
}

const nlohmann::json& ResourceJson::field(const char* field, std::string_view allowed) const {
  const auto it = doc_.find(field);
  if (it == doc_.end()) {
    throw std::runtime_error(path_.string() + ": field '" + field + "' is missing (" + std::string(allowed) +
                             ")");
  }
  return *it;
}

std::int64_t ResourceJson::positiveInteger(const char* name) const {
  constexpr std::string_view kAllowed = "a positive integer";
  const auto& value = field(name, kAllowed);
  if (!value.is_number_integer() || value.get<std::int64_t>() <= 0) fail(name, kAllowed, value);
  return value.get<std::int64_t>();
}

std::int64_t ResourceJson::nonNegativeInteger(const char* name) const {
  constexpr std::string_view kAllowed = "an integer >= 0";
  const auto& value = field(name, kAllowed);
  if (!value.is_number_integer() || value.get<std::int64_t>() < 0) fail(name, kAllowed, value);
  return value.get<std::int64_t>();
}

double ResourceJson::positiveNumber(const char* name) const {
  constexpr std::string_view kAllowed = "a number > 0";
  const auto& value = field(name, kAllowed);
  if (!value.is_number() || !(value.get<double>() > 0.0) || !std::isfinite(value.get<double>())) {
    fail(name, kAllowed, value);
  }
  return value.get<double>();
}

double ResourceJson::nonNegativeNumber(const char* name) const {
  constexpr std::string_view kAllowed = "a number >= 0";
  const auto& value = field(name, kAllowed);
  if (!value.is_number() || !(value.get<double>() >= 0.0) || !std::isfinite(value.get<double>())) {
    fail(name, kAllowed, value);
  }
  return value.get<double>();
}

double ResourceJson::fraction(const char* name) const {
  constexpr std::string_view kAllowed = "a number in (0, 1]";
  const auto& value = field(name, kAllowed);
  if (!value.is_number() || !(value.get<double>() > 0.0) || value.get<double>() > 1.0) {
    fail(name, kAllowed, value);
  }
  return value.get<double>();
}

bool ResourceJson::boolean(const char* name) const {
  constexpr std::string_view kAllowed = "true or false";
  const auto& value = field(name, kAllowed);
  if (!value.is_boolean()) fail(name, kAllowed, value);
  return value.get<bool>();
}

std::string ResourceJson::text(const char* name) const {
  constexpr std::string_view kAllowed = "a non-empty string";
  const auto& value = field(name, kAllowed);
  if (!value.is_string() || value.get<std::string>().empty()) fail(name, kAllowed, value);
  return value.get<std::string>();
}

}  // namespace headroom::engine
