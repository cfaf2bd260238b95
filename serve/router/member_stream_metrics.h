#pragma once

#include <memory>
#include <string>
#include <vector>

#include "net/quic/quic_stream_observer.h"
#include "serve/protocol/quic_stream_metrics.h"
#include "serve/protocol/route_members_json.h"
#include "serve/router/route_config.h"

namespace headroom::serve {

// The router's QUIC upload streams, counted once for the whole router (its /metrics) and once per
// member (GET /v1/headroom/members). A stream is the member's whose endpoint it was sent to. Thread-safe.
class MemberStreamMetrics final : public net::quic::StreamObserver {
 public:
  MemberStreamMetrics(const std::vector<std::string>& classNames, const std::vector<RouteMember>& members);

  void streamEnded(const net::quic::StreamRecord& record) override;

  const QuicStreamMetrics& all() const { return all_; }
  // One entry per member in configuration order: its figures for the served classes (in their order),
  // empty for members not reached over QUIC.
  std::vector<std::vector<MemberClassStreams>> byMember() const;

 private:
  QuicStreamMetrics all_;
  std::vector<std::string> classNames_;
  std::vector<std::string> peers_;                           // per member: "host:port", empty unless QUIC
  std::vector<std::unique_ptr<QuicStreamMetrics>> members_;  // per member, null unless QUIC
};

// What the members endpoint shows of one class's streams: completed, within deadline, dropped at the
// deadline, completion p50/p99 (none while nothing completed), bytes each way and lost packets.
MemberClassStreams memberClassStreams(const QuicStreamMetrics::ClassFigures& figures);

}  // namespace headroom::serve
