#include "engine/metrics/replay_json.h"

#include <string>

namespace headroom::engine {

namespace {

nlohmann::json latencyJson(const LatencyStats& stats) {
  if (stats.empty()) return nullptr;
  return {{"mean", stats.meanS}, {"p50", stats.p50S}, {"p90", stats.p90S},
          {"p95", stats.p95S},   {"p99", stats.p99S}, {"max", stats.maxS}};
}

}  // namespace

nlohmann::json toReplayJson(const Snapshot& snapshot, std::string_view scenarioName, double durationS) {
  nlohmann::json classes = nlohmann::json::array();
  for (const ClassSnapshot& cls : snapshot.classes) {
    nlohmann::json entry = {
        {"name", cls.name},
        {"arrived", cls.arrived},
        {"completed", cls.completed},
        {"relegated", cls.relegated},
        {"preempted", cls.preempted},
        {"slo_attainment", cls.attainment ? nlohmann::json(*cls.attainment) : nlohmann::json(nullptr)},
        {"queue_s", latencyJson(cls.queue)},
        {"ttft_s", latencyJson(cls.ttft)},
        {"tbt_s", latencyJson(cls.tbt)},
        {"token_gap_s", latencyJson(cls.tokenGap)},
        {"ttlt_s", latencyJson(cls.ttlt)},
    };
    if (!snapshot.groupNames.empty()) {
      nlohmann::json mix = nlohmann::json::object();
      for (std::size_t g = 0; g < snapshot.groupNames.size() && g < cls.completedByGroup.size(); ++g) {
        mix[snapshot.groupNames[g]] = cls.completedByGroup[g];
      }
      entry["completed_by_group"] = std::move(mix);
      entry["mean_reward"] = cls.meanReward ? nlohmann::json(*cls.meanReward) : nlohmann::json(nullptr);
    }
    classes.push_back(std::move(entry));
  }
  nlohmann::json document = {{"scenario", std::string(scenarioName)},
          {"requests", snapshot.arrived},
          {"duration_s", durationS},
          {"goodput_per_s", snapshot.goodputPerS(durationS)},
          {"classes", std::move(classes)}};
  if (!snapshot.groupNames.empty()) document["groups"] = snapshot.groupNames;
  return document;
}

}  // namespace headroom::engine
