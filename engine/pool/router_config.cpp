#include "engine/pool/router_config.h"

#include "engine/core/enum_names.h"

namespace headroom::engine {

constexpr auto kRouterKindNames = enumNames<RouterKind>({
    {RouterKind::RoundRobin, "round-robin"},
    {RouterKind::LeastLoaded, "least-loaded"},
    {RouterKind::ClassPriority, "class-priority"},
    {RouterKind::Weighted, "weighted"},
});

std::string_view toString(RouterKind kind) { return kRouterKindNames.name(kind); }

std::optional<RouterKind> routerKindFromString(std::string_view text) { return kRouterKindNames.parse(text); }

}  // namespace headroom::engine
