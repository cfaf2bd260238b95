#include "engine/pool/router_config.h"

namespace headroom::engine {

std::string_view toString(RouterKind kind) {
  switch (kind) {
    case RouterKind::RoundRobin: return "round-robin";
    case RouterKind::LeastLoaded: return "least-loaded";
    case RouterKind::ClassPriority: return "class-priority";
    case RouterKind::Weighted: return "weighted";
  }
  return "round-robin";
}

std::optional<RouterKind> routerKindFromString(std::string_view text) {
  if (text == "round-robin") return RouterKind::RoundRobin;
  if (text == "least-loaded") return RouterKind::LeastLoaded;
  if (text == "class-priority") return RouterKind::ClassPriority;
  if (text == "weighted") return RouterKind::Weighted;
  return std::nullopt;
}

}  // namespace headroom::engine
