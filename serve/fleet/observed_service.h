#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "serve/server/serve_config.h"

namespace headroom::serve {

// Which process a configuration starts: `headroom-cli serve` (one instance) or `headroom-cli route`
// (a router in front of serve members).
enum class ServiceKind : std::uint8_t { Serve, Route };

inline constexpr std::string_view kServiceKindNames = "serve, route";
std::string_view toString(ServiceKind kind);
std::optional<ServiceKind> serviceKindFromString(std::string_view text);

// What the dashboards and alert rules of a service are made from: its kind, its classes (names, SLOs,
// percentiles) and, for a router, its members' names. `name` is the configuration's file stem, used in
// titles and identifiers. A plain value.
struct ObservedService {
  ServiceKind kind = ServiceKind::Serve;
  std::string name;
  std::vector<ServedClass> classes;
  std::vector<std::string> members;  // route only, in configuration order
};

// Reads a serve or route configuration with its one reader (loadServeConfig / loadRouteConfig rules).
// Without `kind`, a configuration with "members" is a router's, any other a server's. Throws
// engine::InputError naming the file and the field.
ObservedService loadObservedService(const std::filesystem::path& file, std::optional<ServiceKind> kind = std::nullopt);

}  // namespace headroom::serve
