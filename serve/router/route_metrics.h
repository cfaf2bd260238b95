#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "engine/core/qos_class.h"
#include "engine/core/request.h"
#include "engine/core/time.h"
#include "engine/metrics/bucket_histogram.h"
#include "serve/router/member_table.h"
#include "serve/server/serve_config.h"

namespace headroom::serve {

// The router's own counters per class (requests accepted, retries, requests no member could serve,
// requests failed with their member and streams a member broke off, the time the router itself added
// and the time to the first answer byte) and their Prometheus exposition together with the members'
// gauges. Thread-safe; memory fixed at construction.
class RouteMetrics {
 public:
  explicit RouteMetrics(const std::vector<ServedClass>& classes);

  void countRequest(engine::ClassId classId);
  void countRetry(engine::ClassId classId);
  void countUnavailable(engine::ClassId classId);
  // A member failed while serving the request (answered 502, not retried).
  void countMemberFailed(engine::ClassId classId);
  // A member failed after its answer began streaming (the stream ended with an error event).
  void countStreamError(engine::ClassId classId);
  // A QUIC stream scheduler dropped the request at its stream deadline (504, or an error event).
  void countDeadlinePassed(engine::ClassId classId);
  // `overhead`: request in to request out plus answer head in to answer head out; `firstByte`: arrival
  // at the router to the first answer byte from a member.
  void recordOverhead(engine::ClassId classId, engine::Duration overhead, engine::Duration firstByte);

  // Model tiers: the members' models (one per group; none when members declare no model). Call before
  // counting.
  void setTierModels(std::vector<std::string> models);
  // The tier router sent a request of class `classId` to group `group`.
  void countTierRouted(engine::ClassId classId, engine::GroupId group);
  // A tiered request's answer ended: `group` served it, met (or missed) its class's SLO as the router
  // judged it, and earned `reward` (engine::tierReward).
  void countTierCompletion(engine::ClassId classId, engine::GroupId group, bool metSlo, double reward);

  // The Prometheus text of GET /metrics.
  std::string prometheusText(const std::vector<MemberState>& members) const;

 private:
  struct ClassCounters {
    std::uint64_t requests = 0;
    std::uint64_t retries = 0;
    std::uint64_t unavailable = 0;
    std::uint64_t memberFailed = 0;
    std::uint64_t streamErrors = 0;
    std::uint64_t deadlinePassed = 0;
    engine::BucketHistogram overhead;
    engine::BucketHistogram firstByte;
    std::vector<std::uint64_t> tierRouted;  // per group
    std::vector<std::uint64_t> tierMet;     // per group
    std::vector<std::uint64_t> tierMissed;  // per group
    double rewardTotal = 0.0;
    std::uint64_t rewardCount = 0;
  };

  std::vector<std::string> classNames_;
  std::vector<std::string> tierModels_;
  mutable std::mutex mutex_;
  std::vector<ClassCounters> counters_;
};

}  // namespace headroom::serve
