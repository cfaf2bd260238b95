#include "serve/router/route_metrics.h"

#include "serve/protocol/prometheus_writer.h"
#include "engine/metrics/latency_buckets.h"

namespace headroom::serve {

namespace {

std::vector<double> overheadBoundsS() {
  return {0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1, 1.0};
}

}  // namespace

RouteMetrics::RouteMetrics(const std::vector<ServedClass>& classes) {
  for (const ServedClass& served : classes) {
    classNames_.push_back(served.qos.name);
    ClassCounters counters;
    counters.overhead = engine::BucketHistogram(overheadBoundsS());
    counters.firstByte = engine::BucketHistogram(engine::latencyBucketBoundsS());
    counters_.push_back(std::move(counters));
  }
}

void RouteMetrics::countRequest(engine::ClassId classId) {
  std::lock_guard lock(mutex_);
  ++counters_[classId].requests;
}

void RouteMetrics::countRetry(engine::ClassId classId) {
  std::lock_guard lock(mutex_);
  ++counters_[classId].retries;
}

void RouteMetrics::countUnavailable(engine::ClassId classId) {
  std::lock_guard lock(mutex_);
  ++counters_[classId].unavailable;
}

void RouteMetrics::countMemberFailed(engine::ClassId classId) {
  std::lock_guard lock(mutex_);
  ++counters_[classId].memberFailed;
}

void RouteMetrics::countStreamError(engine::ClassId classId) {
  std::lock_guard lock(mutex_);
  ++counters_[classId].streamErrors;
}

void RouteMetrics::countDeadlinePassed(engine::ClassId classId) {
  std::lock_guard lock(mutex_);
  ++counters_[classId].deadlinePassed;
}

void RouteMetrics::setTierModels(std::vector<std::string> models) {
  std::lock_guard lock(mutex_);
  tierModels_ = std::move(models);
  for (ClassCounters& counters : counters_) {
    counters.tierRouted.assign(tierModels_.size(), 0);
    counters.tierMet.assign(tierModels_.size(), 0);
    counters.tierMissed.assign(tierModels_.size(), 0);
  }
}

void RouteMetrics::countTierRouted(engine::ClassId classId, engine::GroupId group) {
  std::lock_guard lock(mutex_);
  ++counters_[classId].tierRouted.at(group);
}

void RouteMetrics::countTierCompletion(engine::ClassId classId, engine::GroupId group, bool metSlo, double reward) {
  std::lock_guard lock(mutex_);
  ClassCounters& counters = counters_[classId];
  ++(metSlo ? counters.tierMet : counters.tierMissed).at(group);
  counters.rewardTotal += reward;
  ++counters.rewardCount;
}

void RouteMetrics::recordOverhead(engine::ClassId classId, engine::Duration overhead, engine::Duration firstByte) {
  std::lock_guard lock(mutex_);
  counters_[classId].overhead.record(overhead);
  counters_[classId].firstByte.record(firstByte);
}

std::string RouteMetrics::prometheusText(const std::vector<MemberState>& members) const {
  std::vector<ClassCounters> counters;
  std::vector<std::string> tierModels;
  {
    std::lock_guard lock(mutex_);
    counters = counters_;
    tierModels = tierModels_;
  }
  PrometheusWriter out;
  auto classLabel = [&](std::size_t c) { return MetricLabels{{"class", classNames_[c]}}; };
  out.family("headroom_router_requests_total", "counter", "Requests the router accepted, by class.");
  for (std::size_t c = 0; c < counters.size(); ++c) out.sample("headroom_router_requests_total", classLabel(c), counters[c].requests);
  out.family("headroom_router_retries_total", "counter", "Attempts moved to another member: the first could not be reached, or answered 503 (or 429).");
  for (std::size_t c = 0; c < counters.size(); ++c) out.sample("headroom_router_retries_total", classLabel(c), counters[c].retries);
  out.family("headroom_router_unavailable_total", "counter", "Requests answered 503 because no member could serve them.");
  for (std::size_t c = 0; c < counters.size(); ++c) {
    out.sample("headroom_router_unavailable_total", classLabel(c), counters[c].unavailable);
  }
  out.family("headroom_router_member_failed_requests_total", "counter",
             "Requests answered 502 and tried on no other member: their member failed while serving them "
             "(the request may have been the cause).");
  for (std::size_t c = 0; c < counters.size(); ++c) {
    out.sample("headroom_router_member_failed_requests_total", classLabel(c), counters[c].memberFailed);
  }
  out.family("headroom_router_stream_errors_total", "counter",
             "Streamed answers a member broke off; the client got an error event instead of the rest.");
  for (std::size_t c = 0; c < counters.size(); ++c) out.sample("headroom_router_stream_errors_total", classLabel(c), counters[c].streamErrors);
  out.family("headroom_router_deadline_passed_total", "counter",
             "Requests to QUIC members dropped at their class's stream deadline by a stream scheduler; the client got "
             "504 deadline_passed (or an error event once the answer streamed).");
  for (std::size_t c = 0; c < counters.size(); ++c) {
    out.sample("headroom_router_deadline_passed_total", classLabel(c), counters[c].deadlinePassed);
  }
  out.family("headroom_router_overhead_seconds", "histogram",
             "Time the router itself added: request in to request out, answer head in to answer head out.");
  for (std::size_t c = 0; c < counters.size(); ++c) out.histogram("headroom_router_overhead_seconds", classLabel(c), counters[c].overhead);
  out.family("headroom_router_first_byte_seconds", "histogram", "Arrival at the router to the first answer byte from a member.");
  for (std::size_t c = 0; c < counters.size(); ++c) {
    out.histogram("headroom_router_first_byte_seconds", classLabel(c), counters[c].firstByte);
  }
  if (!tierModels.empty()) {
    auto classModel = [&](std::size_t c, std::size_t g) { return MetricLabels{{"class", classNames_[c]}, {"model", tierModels[g]}}; };
    out.family("headroom_router_tier_requests_total", "counter", "Requests routed to each model, by class (tiered and model-named ones).");
    for (std::size_t c = 0; c < counters.size(); ++c) {
      for (std::size_t g = 0; g < tierModels.size(); ++g) out.sample("headroom_router_tier_requests_total", classModel(c, g), counters[c].tierRouted[g]);
    }
    out.family("headroom_router_tier_completions_total", "counter",
               "Answers relayed in full per class and serving model, and whether they met the class's SLO as the "
               "router saw the tokens arrive.");
    for (std::size_t c = 0; c < counters.size(); ++c) {
      for (std::size_t g = 0; g < tierModels.size(); ++g) {
        for (const bool met : {true, false}) {
          MetricLabels labels = classModel(c, g);
          labels.emplace_back("slo", met ? "met" : "missed");
          out.sample("headroom_router_tier_completions_total", labels, met ? counters[c].tierMet[g] : counters[c].tierMissed[g]);
        }
      }
    }
    out.family("headroom_router_tier_reward_total", "counter",
               "Reward earned per class: reward weight x the serving model's accuracy on the task when the SLO was "
               "met, else 0 (mean reward = headroom_router_tier_reward_total / headroom_router_tier_rewarded_total).");
    for (std::size_t c = 0; c < counters.size(); ++c) out.sample("headroom_router_tier_reward_total", classLabel(c), counters[c].rewardTotal);
    // Not "_count": promtool keeps that suffix for histograms and summaries.
    out.family("headroom_router_tier_rewarded_total", "counter", "Answers the reward was counted over, per class.");
    for (std::size_t c = 0; c < counters.size(); ++c) out.sample("headroom_router_tier_rewarded_total", classLabel(c), counters[c].rewardCount);
  }
  out.family("headroom_router_member_up", "gauge",
             "1 while a member is taking requests, 0 while it is skipped: after a failure until its health "
             "check answers, or while that check fails.");
  for (const MemberState& member : members) out.sample("headroom_router_member_up", {{"member", member.name}}, member.up ? 1.0 : 0.0);
  out.family("headroom_router_member_in_flight", "gauge", "Requests in flight per member.");
  for (const MemberState& member : members) {
    out.sample("headroom_router_member_in_flight", {{"member", member.name}}, static_cast<double>(member.inFlight));
  }
  out.family("headroom_router_member_requests_total", "counter", "Attempts sent per member.");
  for (const MemberState& member : members) out.sample("headroom_router_member_requests_total", {{"member", member.name}}, member.requests);
  out.family("headroom_router_member_failures_total", "counter", "Attempts per member that failed: unreachable, or broken off.");
  for (const MemberState& member : members) out.sample("headroom_router_member_failures_total", {{"member", member.name}}, member.failures);
  return out.take();
}

}  // namespace headroom::serve
