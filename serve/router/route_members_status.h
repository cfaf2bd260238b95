#pragma once

#include <span>
#include <string>
#include <vector>

#include "net/upstream.h"
#include "serve/protocol/route_members_json.h"
#include "serve/router/member_table.h"
#include "serve/router/route_config.h"

namespace headroom::serve {

// "http://host:port", "https://host:port" or "quic://host:port" for an endpoint, as parseEndpointUrl reads it.
std::string endpointUrl(const net::UpstreamEndpoint& endpoint);

// The router's members as GET /v1/headroom/members answers them: name, address, kind, transport and model from
// the configuration, up and in flight from the member table (`states`, one per member, same order), and
// per member its per-class stream figures from `streamsByMember` (one entry per member; a missing or empty
// entry: no figures, as for HTTP members). The QUIC transport's counters come in through
// `streamsByMember`; everything else the router knows today.
RouteMembersStatus routeMembersStatus(const std::vector<RouteMember>& members, const std::vector<MemberState>& states,
                                      std::span<const std::vector<MemberClassStreams>> streamsByMember = {});

}  // namespace headroom::serve
