#include "serve/router/route_members_status.h"

namespace headroom::serve {

std::string endpointUrl(const net::UpstreamEndpoint& endpoint) {
  return std::string(endpoint.quic ? "quic://" : endpoint.tls ? "https://" : "http://") + endpoint.host + ":" + std::to_string(endpoint.port);
}

RouteMembersStatus routeMembersStatus(const std::vector<RouteMember>& members, const std::vector<MemberState>& states,
                                      std::span<const std::vector<MemberClassStreams>> streamsByMember) {
  RouteMembersStatus status;
  for (std::size_t m = 0; m < members.size(); ++m) {
    const RouteMember& member = members[m];
    MemberStatus out;
    out.name = member.name;
    out.url = endpointUrl(member.endpoint);
    out.kind = member.kind;
    out.transport = member.endpoint.quic ? MemberTransport::Quic : member.endpoint.tls ? MemberTransport::Https : MemberTransport::Http;
    if (member.endpoint.quic) out.streamScheduler = std::string(net::quic::streamSchedulerName(member.endpoint.streamScheduler));
    out.model = member.model;
    if (m < states.size()) {
      out.up = states[m].up;
      out.requestsInFlight = states[m].inFlight;
    }
    if (m < streamsByMember.size()) out.classes = streamsByMember[m];
    status.members.push_back(std::move(out));
  }
  return status;
}

}  // namespace headroom::serve
