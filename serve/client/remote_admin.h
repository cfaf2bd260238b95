#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "serve/client/remote_call.h"
#include "serve/protocol/route_members_json.h"
#include "serve/router/replan_json.h"

namespace headroom::serve {

// The body of PUT /v1/headroom/admin/shares for a plan as `headroom-cli plan --json` writes it:
// {"policy": "weighted", "shares": {"class": [rate on instance 0, rate on instance 1, ...]}} where
// instance i of the plan is member i of the router. Classes no instance serves are left out (the router
// routes them least-loaded). Throws std::invalid_argument naming the plan field at fault.
nlohmann::json routerSharesFromPlan(const nlohmann::json& plan);

// Puts a plan's per-class instance shares to a router (PUT /v1/headroom/admin/shares with an admin key).
// On success the reply's body is the router's shares as it now holds them. A plan the router refuses
// (other class names, another member count) comes back as HttpStatus 400 with the router's message; a
// plan this function cannot read as RemoteErrorKind::Protocol; a URL that is not one as BadUrl. Blocks.
RemoteReply pushSharesToRouter(net::UpstreamTransport& transport, std::string_view url, std::string apiKey,
                               const nlohmann::json& plan);

// Replaces a server's classes (PUT /v1/headroom/admin/classes with {"classes": [...]} as the server's
// config file writes them). On success the body holds the classes the server now serves. Blocks.
RemoteReply putServerClasses(net::UpstreamTransport& transport, const RemoteTarget& target, const nlohmann::json& classes);

// What a router said on GET /v1/headroom/members: its members when the answer could be read, else the error
// (an answer that is not the members' JSON: RemoteErrorKind::Protocol with the field at fault).
struct RouteMembersAnswer {
  RouteMembersStatus members;
  RemoteError error;
};
RouteMembersAnswer routeMembersAnswer(const RemoteReply& reply);

// Reads a router's members with an admin key (GET /v1/headroom/members). Blocks; RouteMembersPoller
// polls it without blocking its owner.
RouteMembersAnswer readRouteMembers(net::UpstreamTransport& transport, const RemoteTarget& target,
                                    engine::Duration timeout = std::chrono::seconds(5));

// What a router said on GET /v1/headroom/replan (or after POST /v1/headroom/replan/apply): its
// re-planning status, or `off` (404: the router runs without --replan; `error` says so too), or the error
// (an answer that cannot be read: RemoteErrorKind::Protocol with the field at fault; a refused apply:
// HttpStatus 409 with the router's reason).
struct ReplanStatusAnswer {
  std::optional<ReplanStatus> status;
  bool off = false;
  RemoteError error;
};
ReplanStatusAnswer replanStatusAnswer(const RemoteReply& reply);

// Reads a router's re-planning status with an admin key. Blocks.
ReplanStatusAnswer readReplanStatus(net::UpstreamTransport& transport, const RemoteTarget& target,
                                    engine::Duration timeout = std::chrono::seconds(5));
// Applies decision `sequence`'s recommendation (POST /v1/headroom/replan/apply); the answer is the status
// after it. Blocks.
ReplanStatusAnswer applyReplanDecision(net::UpstreamTransport& transport, const RemoteTarget& target, std::int64_t sequence);

}  // namespace headroom::serve
