#include "engine/pool/tier_router.h"

namespace headroom::engine {

namespace {

constexpr std::string_view kStaticPrefix = "static:";
constexpr std::string_view kLearnedPrefix = "learned:";

}  // namespace

std::optional<TierRouterSpec> parseTierRouterSpec(std::string_view text) {
  TierRouterSpec spec;
  if (text == "greedy") {
    spec.kind = TierRouterKind::Greedy;
  } else if (text == "random") {
    spec.kind = TierRouterKind::Random;
  } else if (text.starts_with(kStaticPrefix) && text.size() > kStaticPrefix.size()) {
    spec.kind = TierRouterKind::Static;
    spec.group = std::string(text.substr(kStaticPrefix.size()));
  } else if (text.starts_with(kLearnedPrefix) && text.size() > kLearnedPrefix.size()) {
    spec.kind = TierRouterKind::Learned;
    spec.policy = std::filesystem::path(std::string(text.substr(kLearnedPrefix.size())));
  } else {
    return std::nullopt;
  }
  return spec;
}

std::string toString(const TierRouterSpec& spec) {
  switch (spec.kind) {
    case TierRouterKind::Static: return std::string(kStaticPrefix) + spec.group;
    case TierRouterKind::Random: return "random";
    case TierRouterKind::Greedy: return "greedy";
    case TierRouterKind::Learned: return std::string(kLearnedPrefix) + spec.policy.string();
  }
  return "greedy";
}

}  // namespace headroom::engine
