#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/core/enum_names.h"
#include "serve/router/route_config.h"

namespace headroom::serve {

// How a router reaches a member: HTTP/1.1, HTTP/1.1 over TLS, or QUIC (one stream per request).
enum class MemberTransport : std::uint8_t { Http, Https, Quic };

inline constexpr auto kMemberTransportNames =
    engine::enumNames<MemberTransport>({{MemberTransport::Http, "http"}, {MemberTransport::Https, "https"}, {MemberTransport::Quic, "quic"}});
inline constexpr auto kMemberKindNames = engine::enumNames<MemberKind>({{MemberKind::Headroom, "headroom"}, {MemberKind::OpenAi, "openai"}});

// One class's QUIC streams to one member, as the router counts them since it started: streams that
// completed (the whole answer arrived), of those the ones that completed within the class's stream
// budget, streams the sender dropped at their deadline (reset), completion time percentiles in seconds
// (none while no stream completed), payload bytes sent and received, and packets the transport declared
// lost. A plain value.
struct MemberClassStreams {
  std::string className;
  std::uint64_t streamsCompleted = 0;
  std::uint64_t streamsWithinDeadline = 0;  // <= streamsCompleted
  std::uint64_t streamsDroppedAtDeadline = 0;
  std::optional<double> completionP50S;
  std::optional<double> completionP99S;
  std::uint64_t bytesSent = 0;
  std::uint64_t bytesReceived = 0;
  std::uint64_t lostPackets = 0;

  bool operator==(const MemberClassStreams&) const = default;
};

// One member of a router as the router sees it now: its name and address, what it is (kind), how the
// router reaches it, the stream scheduler that orders the router's uploads to it (empty unless QUIC),
// the model it serves (model tiers; empty when it declares none), whether it is up (answering its health
// checks and not failing requests), the requests the router has in flight to it, and per class its
// stream figures (empty for HTTP and HTTPS members). A plain value.
struct MemberStatus {
  std::string name;
  std::string url;
  MemberKind kind = MemberKind::Headroom;
  MemberTransport transport = MemberTransport::Http;
  std::string streamScheduler;  // "rr", "fcfs", "abs", "edf", "ml"; empty unless transport is Quic
  std::string model;            // empty: none declared
  bool up = true;
  std::int64_t requestsInFlight = 0;
  std::vector<MemberClassStreams> classes;

  bool operator==(const MemberStatus&) const = default;
};

// Where a router answers its members (GET, admin key).
inline constexpr std::string_view kRouteMembersPath = "/v1/headroom/members";

// What a router answers on GET /v1/headroom/members (admin key): its members in configuration order.
struct RouteMembersStatus {
  std::vector<MemberStatus> members;

  bool operator==(const RouteMembersStatus&) const = default;
};

// {"members": [{"name", "url", "kind": "headroom" | "openai", "transport": "http" | "https" | "quic",
//   "stream_scheduler": "edf" (null unless quic), "model": "llama-3.1-8b" (null when the member declares
//   none; optional when read), "up": bool, "requests_in_flight": int,
//   "classes": [{"class", "streams_completed", "streams_within_deadline", "streams_dropped_at_deadline",
//                "completion_p50_s" (null when none completed), "completion_p99_s", "bytes_sent",
//                "bytes_received", "lost_packets"}]}]}
nlohmann::json toRouteMembersJson(const RouteMembersStatus& status);
// Reads what toRouteMembersJson() wrote. Fields it does not know are passed over (a newer router may send
// more). Throws engine::InputError naming `source`, the field at fault and what it must be; also when
// streams_within_deadline exceeds streams_completed, when a percentile is given with no stream completed
// (or missing with some), when a member that is not QUIC names a stream scheduler or has stream figures,
// or when a QUIC member names none.
RouteMembersStatus routeMembersFromJson(const nlohmann::json& root, std::string_view source = "route members");
// Parses the body and reads it; InputError "must be JSON" for what does not parse.
RouteMembersStatus parseRouteMembers(std::string_view body, std::string_view source = "route members");

}  // namespace headroom::serve
