#include "serve/fleet/observed_service.h"

#include "engine/core/enum_names.h"
#include "engine/io/json_input.h"
#include "serve/router/route_config.h"

namespace headroom::serve {

namespace {

constexpr auto kServiceKinds = engine::enumNames<ServiceKind>({{ServiceKind::Serve, "serve"}, {ServiceKind::Route, "route"}});

}  // namespace

std::string_view toString(ServiceKind kind) { return kServiceKinds.name(kind); }

std::optional<ServiceKind> serviceKindFromString(std::string_view text) { return kServiceKinds.parse(text); }

ObservedService loadObservedService(const std::filesystem::path& file, std::optional<ServiceKind> kind) {
  const nlohmann::json root = engine::JsonInput::loadFile(file, "serve or route configuration");
  if (!kind) kind = root.is_object() && root.contains("members") ? ServiceKind::Route : ServiceKind::Serve;
  ObservedService service;
  service.kind = *kind;
  service.name = file.stem().string();
  if (*kind == ServiceKind::Route) {
    RouteConfig config = parseRouteConfig(root, file);
    service.classes = std::move(config.classes);
    for (const RouteMember& member : config.members) service.members.push_back(member.name);
  } else {
    service.classes = parseServeConfig(root, file).classes;
  }
  return service;
}

}  // namespace headroom::serve
