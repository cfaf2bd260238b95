#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/core/request.h"
#include "engine/exec/iteration_time_model.h"
#include "engine/pool/tier_router.h"
#include "serve/server/serve_config.h"
#include "net/upstream.h"

namespace headroom::serve {

// What a router member is. headroom: a `headroom-cli serve`, told the class by X-Headroom-Class.
// openai: any OpenAI-compatible server (e.g. vLLM), told the class by the body's "priority" field
// (lower is served first), with qos_class removed from the body.
enum class MemberKind : std::uint8_t { Headroom, OpenAi };

struct RouteMember {
  std::string name;
  net::UpstreamEndpoint endpoint;  // QUIC members: quic set, the pinned certificate, the upload scheduler
  MemberKind kind = MemberKind::Headroom;
  std::string apiKey;                  // sent as the Bearer key; empty: the client's own key is passed on
  std::vector<int> priorityByClass;    // openai members: "priority" per class (default: the class's rank)
  // Model tiers: the model it serves (a resources/models name; its quality file gives the accuracies)
  // and, for finish predictions, the hardware it runs on and its tensor-parallel degree (0: the model's
  // default). Empty when not declared.
  std::string model;
  std::string hardware;
  std::int32_t tensorParallel = 0;
};

// Model tiers over the members: set when members declare their models. Members of one model form one
// group (one model on one hardware); a tier router picks the group for each tiered request, the member
// policy the member inside it. Tiered: a request whose "model" is "auto", and every request of a class
// in `tieredClasses` (whatever model it names). A request naming a concrete model goes only to members
// of that model. `timeModels[g]` is group g's iteration-time model (the modeled executor's for its model
// and hardware; null when its members declare no hardware). Immutable once read.
struct RouteTiers {
  engine::TierRouterSpec router;        // a learned policy's path resolved against the configuration file
  std::vector<std::string> models;      // one per group, in order of the first member of each
  std::vector<engine::GroupId> groupOf;  // per member
  std::vector<bool> tieredClasses;      // per class
  std::vector<std::shared_ptr<const engine::IterationTimeModel>> timeModels;  // per group

  // The group of `model`, or nullopt when no member serves it.
  std::optional<engine::GroupId> groupOfModel(std::string_view model) const;
};

// What a request names as its model to be routed by the tier router.
inline constexpr std::string_view kAutoModel = "auto";

// least-loaded: the up member with the fewest requests in flight. weighted: per-class shares over the
// members (smooth weighted rotation), from the config or a plan; members that are down are skipped.
enum class RoutePolicy : std::uint8_t { LeastLoaded, Weighted };

// How a class's requests travel on QUIC streams: the stream header's level (0 most urgent; default the
// class's rank) and budget (the stream's deadline, counted from the request's arrival at the router;
// default none). A stream scheduler (edf, ml) drops a stream past its deadline: the client gets 504.
struct StreamClassSettings {
  std::uint8_t level = 0;
  std::optional<engine::Duration> deadline;
};

// A whole `headroom-cli route` configuration, as loaded from JSON: the serve config's "classes",
// "tenants", "admin_keys" and "limits", plus
//  "members": [{"name", "url": "http://host:port" | "https://..." | "quic://host:port",
//               "transport": "http" | "quic" (default: from the url), "certificate" (quic: the member's
//               PEM certificate, pinned; relative to the configuration file), "stream_scheduler" (quic:
//               rr, fcfs, abs, edf, ml; default the route-wide one), "congestion_control" (quic: bbr2,
//               bbr, cubic; default the route-wide one), "kind": "headroom" | "openai",
//               "api_key", "priority": {"class": int, ...},
//               "model" (model tiers: a resources/models name, the model the member serves; the request's
//               "model" is rewritten to it), "hardware" (a resources/hardware name, for finish
//               predictions), "tensor_parallel" (integer >= 1; default the model's)}],
//  "tier_router": "static:MODEL" | "random" | "greedy" | "learned:POLICY.json" (relative to the
//               configuration file): which model serves a tiered request (default greedy when members
//               declare two or more models, else static to the one). Every member must then declare its
//               model; greedy and learned need every member's hardware (they predict finish times).
//               Members of one model must declare the same hardware and tensor_parallel.
//  "tiered_classes": ["class", ...]: classes whose every request the tier router routes (besides any
//               request naming the model "auto"),
//  "stream_scheduler": the order of uploads on QUIC connections (default edf),
//  "congestion_control": what paces the router's sending on QUIC connections (default bbr2),
//  "stream_classes": {"class": {"level": 0..255, "deadline_s": seconds}} (QUIC members only),
//  "routing": {"policy": "least-loaded" | "weighted", "shares": {"class": [w per member], ...}},
//  "down_for_s" (how long a failed member is skipped at least; after that until its health check
//  answers), "upstream_timeout_s", "health_check_interval_s" and "health_check_timeout_s" (GET /health
//  on every member).
struct RouteConfig {
  std::vector<ServedClass> classes;
  AccessPolicy access;
  ServeLimits limits;
  std::vector<RouteMember> members;
  std::vector<StreamClassSettings> streamClasses;  // one per class
  RoutePolicy policy = RoutePolicy::LeastLoaded;
  std::vector<std::vector<double>> shares;  // [class][member], weighted only
  engine::Duration downFor = std::chrono::seconds(5);
  engine::Duration upstreamTimeout = std::chrono::seconds(120);
  engine::Duration healthCheckInterval = std::chrono::seconds(1);
  engine::Duration healthCheckTimeout = std::chrono::seconds(2);
  std::optional<RouteTiers> tiers;  // set when members declare their models
};

// The "routing" object: {"policy": "least-loaded" | "weighted", "shares": {"class": [w per member]}}.
struct RouteRouting {
  RoutePolicy policy = RoutePolicy::LeastLoaded;
  std::vector<std::vector<double>> shares;  // one row per class; empty rows route least-loaded
};
RouteRouting readRouting(const engine::JsonInput& reader, const nlohmann::json& object, const engine::JsonPointer& at,
                         const std::vector<ServedClass>& classes, std::size_t members);

// Throw engine::InputError naming the file, the field's JSON pointer, what is allowed and what was found.
RouteConfig loadRouteConfig(const std::filesystem::path& file);
RouteConfig parseRouteConfig(const nlohmann::json& root, const std::filesystem::path& file = {});

// Shares from a plan as `headroom-cli plan --json` writes it: instance i's "rates_per_s" become the
// shares of member i. The plan must have one instance per member; classes it does not mention get no
// share (routed least-loaded). Throws engine::InputError.
std::vector<std::vector<double>> loadPlanShares(const std::filesystem::path& file, const std::vector<ServedClass>& classes,
                                                std::size_t members);

// Parses "http://host:port" or "https://host:port" (default ports 80 and 443), or "quic://host:port"
// (port required; sets `quic`); nullopt otherwise.
std::optional<net::UpstreamEndpoint> parseEndpointUrl(std::string_view url);

}  // namespace headroom::serve
