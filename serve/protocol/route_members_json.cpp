#include "serve/protocol/route_members_json.h"

#include <limits>

#include "engine/io/json_input.h"
#include "net/quic/stream_scheduler.h"

namespace headroom::serve {

namespace {

using json = nlohmann::json;
using engine::JsonInput;
using engine::JsonPointer;

json percentileJson(const std::optional<double>& seconds) { return seconds ? json(*seconds) : json(nullptr); }

json classStreamsJson(const MemberClassStreams& streams) {
  return {{"class", streams.className},
          {"streams_completed", streams.streamsCompleted},
          {"streams_within_deadline", streams.streamsWithinDeadline},
          {"streams_dropped_at_deadline", streams.streamsDroppedAtDeadline},
          {"completion_p50_s", percentileJson(streams.completionP50S)},
          {"completion_p99_s", percentileJson(streams.completionP99S)},
          {"bytes_sent", streams.bytesSent},
          {"bytes_received", streams.bytesReceived},
          {"lost_packets", streams.lostPackets}};
}

// Reads the members' JSON with one reader; every getter names the source and the pointer.
class Reader {
 public:
  explicit Reader(std::string_view source) : input_(std::string(source)) {}

  RouteMembersStatus status(const json& root) const {
    const JsonPointer top;
    input_.requireObject(root, top, "(a router's members: {\"members\": [...]})");
    const json& members = input_.required(root, top, "members", "an array of members");
    if (!members.is_array()) input_.failValue(top / "members", "must be an array of members", members);
    RouteMembersStatus status;
    for (std::size_t i = 0; i < members.size(); ++i) status.members.push_back(member(members[i], top / "members" / i));
    return status;
  }

 private:
  MemberStatus member(const json& object, const JsonPointer& at) const {
    input_.requireObject(object, at, "(a member)");
    MemberStatus member;
    member.name = input_.nonEmptyString(input_.required(object, at, "name", "the member's name"), at / "name");
    member.url = input_.nonEmptyString(input_.required(object, at, "url", "the member's address"), at / "url");
    member.kind = input_.oneOf(input_.required(object, at, "kind", "headroom or openai"), at / "kind", "headroom, openai",
                               [](const std::string& name) { return kMemberKindNames.parse(name); });
    member.transport = input_.oneOf(input_.required(object, at, "transport", "http, https or quic"), at / "transport",
                                    "http, https, quic", [](const std::string& name) { return kMemberTransportNames.parse(name); });
    const bool quic = member.transport == MemberTransport::Quic;
    const json* scheduler = JsonInput::field(object, "stream_scheduler");
    if (quic) {
      if (!scheduler || scheduler->is_null()) input_.fail(at / "stream_scheduler", "required for a quic member (the stream scheduler's name)");
      const net::quic::StreamSchedulerKind kind =
          input_.oneOf(*scheduler, at / "stream_scheduler", std::string(net::quic::streamSchedulerNames()),
                       [](const std::string& name) { return net::quic::parseStreamSchedulerName(name); });
      member.streamScheduler = std::string(net::quic::streamSchedulerName(kind));
    } else if (scheduler && !scheduler->is_null()) {
      input_.failValue(at / "stream_scheduler", "must be null for a member that is not quic", *scheduler);
    }
    // Older routers send no "model"; null: the member declares none.
    if (const json* model = JsonInput::field(object, "model"); model && !model->is_null()) {
      member.model = input_.nonEmptyString(*model, at / "model");
    }
    member.up = input_.boolean(input_.required(object, at, "up", "true or false"), at / "up");
    member.requestsInFlight = input_.integer(input_.required(object, at, "requests_in_flight", "an integer >= 0"),
                                             at / "requests_in_flight", 0, std::numeric_limits<std::int64_t>::max());
    if (const json* classes = JsonInput::field(object, "classes")) {
      if (!classes->is_array()) input_.failValue(at / "classes", "must be an array of per-class stream figures", *classes);
      if (!quic && !classes->empty()) {
        input_.fail(at / "classes", "must be empty for a member that is not quic (only QUIC streams are counted)",
                    std::to_string(classes->size()) + " entries");
      }
      for (std::size_t c = 0; c < classes->size(); ++c) member.classes.push_back(classStreams((*classes)[c], at / "classes" / c));
    }
    return member;
  }

  MemberClassStreams classStreams(const json& object, const JsonPointer& at) const {
    input_.requireObject(object, at, "(one class's stream figures)");
    MemberClassStreams streams;
    streams.className = input_.nonEmptyString(input_.required(object, at, "class", "the class's name"), at / "class");
    const auto count = [&](const char* name) {
      return input_.unsignedInteger(input_.required(object, at, name, "an integer >= 0"), at / name);
    };
    streams.streamsCompleted = count("streams_completed");
    streams.streamsWithinDeadline = count("streams_within_deadline");
    if (streams.streamsWithinDeadline > streams.streamsCompleted) {
      input_.fail(at / "streams_within_deadline",
                  "must be at most streams_completed (" + std::to_string(streams.streamsCompleted) + ")",
                  std::to_string(streams.streamsWithinDeadline));
    }
    streams.streamsDroppedAtDeadline = count("streams_dropped_at_deadline");
    streams.completionP50S = percentile(object, at, "completion_p50_s", streams.streamsCompleted);
    streams.completionP99S = percentile(object, at, "completion_p99_s", streams.streamsCompleted);
    streams.bytesSent = count("bytes_sent");
    streams.bytesReceived = count("bytes_received");
    streams.lostPackets = count("lost_packets");
    return streams;
  }

  // Seconds >= 0 when some stream completed, null (or absent) when none did.
  std::optional<double> percentile(const json& object, const JsonPointer& at, const char* name, std::uint64_t completed) const {
    const json* value = JsonInput::field(object, name);
    if (completed == 0) {
      if (value && !value->is_null()) input_.failValue(at / name, "must be null while no stream completed", *value);
      return std::nullopt;
    }
    if (!value || value->is_null()) input_.fail(at / name, "must be seconds >= 0 once a stream completed");
    return input_.nonNegativeSeconds(*value, at / name);
  }

  JsonInput input_;
};

}  // namespace

json toRouteMembersJson(const RouteMembersStatus& status) {
  json members = json::array();
  for (const MemberStatus& member : status.members) {
    json classes = json::array();
    for (const MemberClassStreams& streams : member.classes) classes.push_back(classStreamsJson(streams));
    members.push_back({{"name", member.name},
                       {"url", member.url},
                       {"kind", std::string(kMemberKindNames.name(member.kind))},
                       {"transport", std::string(kMemberTransportNames.name(member.transport))},
                       {"stream_scheduler", member.streamScheduler.empty() ? json(nullptr) : json(member.streamScheduler)},
                       {"model", member.model.empty() ? json(nullptr) : json(member.model)},
                       {"up", member.up},
                       {"requests_in_flight", member.requestsInFlight},
                       {"classes", std::move(classes)}});
  }
  return {{"members", std::move(members)}};
}

RouteMembersStatus routeMembersFromJson(const json& root, std::string_view source) { return Reader(source).status(root); }

RouteMembersStatus parseRouteMembers(std::string_view body, std::string_view source) {
  const json root = json::parse(body, nullptr, false);
  if (root.is_discarded()) throw engine::InputError(std::string(source), JsonPointer(), "must be JSON");
  return routeMembersFromJson(root, source);
}

}  // namespace headroom::serve
