#include "serve/router/member_stream_metrics.h"

#include <algorithm>

#include "engine/core/time.h"

namespace headroom::serve {

MemberStreamMetrics::MemberStreamMetrics(const std::vector<std::string>& classNames, const std::vector<RouteMember>& members)
    : all_(classNames), classNames_(classNames) {
  for (const RouteMember& member : members) {
    if (member.endpoint.quic) {
      peers_.push_back(member.endpoint.host + ":" + std::to_string(member.endpoint.port));
      members_.push_back(std::make_unique<QuicStreamMetrics>(classNames));
    } else {
      peers_.emplace_back();
      members_.push_back(nullptr);
    }
  }
}

void MemberStreamMetrics::streamEnded(const net::quic::StreamRecord& record) {
  all_.streamEnded(record);
  for (std::size_t m = 0; m < peers_.size(); ++m) {
    if (members_[m] && peers_[m] == record.peer) members_[m]->streamEnded(record);
  }
}

MemberClassStreams memberClassStreams(const QuicStreamMetrics::ClassFigures& figures) {
  MemberClassStreams out;
  out.className = figures.className;
  out.streamsCompleted = figures.completed;
  out.streamsWithinDeadline = figures.withinDeadline;
  out.streamsDroppedAtDeadline = figures.droppedAtDeadline;
  if (!figures.completion.empty()) {
    out.completionP50S = engine::toSeconds(figures.completion.percentile(50.0));
    out.completionP99S = engine::toSeconds(figures.completion.percentile(99.0));
  }
  out.bytesSent = figures.bytesSent;
  out.bytesReceived = figures.bytesReceived;
  out.lostPackets = figures.lostPackets;
  return out;
}

std::vector<std::vector<MemberClassStreams>> MemberStreamMetrics::byMember() const {
  std::vector<std::vector<MemberClassStreams>> out(members_.size());
  for (std::size_t m = 0; m < members_.size(); ++m) {
    if (!members_[m]) continue;
    for (const QuicStreamMetrics::ClassFigures& figures : members_[m]->figures()) {
      // The served classes only: the control class (health checks) and "other" are not the operator's.
      if (std::find(classNames_.begin(), classNames_.end(), figures.className) == classNames_.end()) continue;
      out[m].push_back(memberClassStreams(figures));
    }
  }
  return out;
}

}  // namespace headroom::serve
