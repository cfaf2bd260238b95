#include "engine/metrics/snapshot_json.h"

#include <limits>
#include <string>

#include "engine/core/qos_class_json.h"

namespace headroom::engine {

namespace {

using json = nlohmann::json;

json optionalNumber(const std::optional<double>& value) { return value ? json(*value) : json(nullptr); }

json latencyJson(const LatencyStats& stats) {
  return {{"count", stats.count}, {"mean", stats.meanS}, {"p50", stats.p50S},         {"p90", stats.p90S},
          {"p95", stats.p95S},    {"p99", stats.p99S},   {"watched", stats.watchedS}, {"max", stats.maxS}};
}

json windowLatencyJson(const WindowLatency& latency) {
  return {{"p50", optionalNumber(latency.p50S)}, {"watched", optionalNumber(latency.watchedS)}};
}

// Reads fields of one JSON object through the checked reader, naming the field's pointer in every error.
constexpr auto kMaxInt64 = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());

std::int64_t integerAt(const JsonInput& input, const json& value, const JsonPointer& at) {
  if (!value.is_number_integer() || (value.is_number_unsigned() && value.get<std::uint64_t>() > kMaxInt64)) {
    input.failValue(at, "must be an integer (64 bits)", value);
  }
  return value.get<std::int64_t>();
}

class Fields {
 public:
  Fields(const JsonInput& input, const json& object, JsonPointer at) : input_(input), object_(object), at_(std::move(at)) {
    input_.requireObject(object_, at_, "(a snapshot part)");
  }

  const json& at(const char* name) const { return input_.required(object_, at_, name, "see the snapshot layout"); }
  bool has(const char* name) const { return object_.contains(name); }
  double number(const char* name) const { return input_.number(at(name), at_ / name, NumberRange{}); }
  std::int64_t integer(const char* name) const { return integerAt(input_, at(name), at_ / name); }
  std::optional<double> optionalNumber(const char* name) const {
    if (at(name).is_null()) return std::nullopt;
    return number(name);
  }
  std::string text(const char* name) const { return input_.string(at(name), at_ / name); }
  const json& array(const char* name) const {
    const json& value = at(name);
    if (!value.is_array()) input_.failValue(at_ / name, "must be an array", value);
    return value;
  }
  Fields child(const char* name) const { return Fields(input_, at(name), at_ / name); }
  JsonPointer path(const char* name) const { return at_ / name; }
  const JsonInput& input() const { return input_; }
  const json& object() const { return object_; }

 private:
  const JsonInput& input_;
  const json& object_;
  JsonPointer at_;
};

LatencyStats latencyFrom(const Fields& fields) {
  LatencyStats stats;
  stats.count = fields.integer("count");
  stats.meanS = fields.number("mean");
  stats.p50S = fields.number("p50");
  stats.p90S = fields.number("p90");
  stats.p95S = fields.number("p95");
  stats.p99S = fields.number("p99");
  stats.watchedS = fields.number("watched");
  stats.maxS = fields.number("max");
  return stats;
}

WindowLatency windowLatencyFrom(const Fields& fields) {
  return {fields.optionalNumber("p50"), fields.optionalNumber("watched")};
}

constexpr const char* kLatencyNames[] = {"queue", "ttft", "tbt", "ttlt"};
// Written since the gap between tokens was told apart from the judged TBT; read when present.
constexpr const char* kTokenGapName = "token_gap";
// Written only for pools of model tiers; read when present.
constexpr const char* kCompletedByGroupName = "completed_by_group";
constexpr const char* kGroupNamesName = "group_names";

}  // namespace

json classSnapshotToJson(const ClassSnapshot& cls) {
  json object = {{"name", cls.name},
          {"rank", cls.rank},
          {"slo", sloToJson(cls.slo)},
          {"arrived", cls.arrived},
          {"completed", cls.completed},
          {"relegated", cls.relegated},
          {"preempted", cls.preempted},
          {"slo_met", cls.sloMet},
          {"attainment", optionalNumber(cls.attainment)},
          {"tokens_out", cls.tokensOut},
          {"queue", latencyJson(cls.queue)},
          {"ttft", latencyJson(cls.ttft)},
          {"tbt", latencyJson(cls.tbt)},
          {"token_gap", latencyJson(cls.tokenGap)},
          {"ttlt", latencyJson(cls.ttlt)}};
  if (!cls.completedByGroup.empty()) {
    object["completed_by_group"] = cls.completedByGroup;
    object["reward_sum"] = cls.rewardSum;
    object["mean_reward"] = optionalNumber(cls.meanReward);
  }
  return object;
}

ClassSnapshot classSnapshotFromJson(const JsonInput& input, const json& object, const JsonPointer& at) {
  const Fields fields(input, object, at);
  ClassSnapshot cls;
  cls.name = fields.text("name");
  cls.rank = static_cast<int>(input.integer(fields.at("rank"), at / "rank", 0));
  cls.slo = sloFromJson(input, fields.at("slo"), at / "slo", SloRules::AsRecorded);
  cls.arrived = fields.integer("arrived");
  cls.completed = fields.integer("completed");
  cls.relegated = fields.integer("relegated");
  cls.preempted = fields.integer("preempted");
  cls.sloMet = fields.integer("slo_met");
  cls.attainment = fields.optionalNumber("attainment");
  cls.tokensOut = fields.integer("tokens_out");
  LatencyStats* latencies[] = {&cls.queue, &cls.ttft, &cls.tbt, &cls.ttlt};
  for (std::size_t i = 0; i < 4; ++i) *latencies[i] = latencyFrom(fields.child(kLatencyNames[i]));
  if (fields.has(kTokenGapName)) cls.tokenGap = latencyFrom(fields.child(kTokenGapName));
  if (fields.has(kCompletedByGroupName)) {
    const json& counts = fields.array(kCompletedByGroupName);
    for (std::size_t g = 0; g < counts.size(); ++g) {
      cls.completedByGroup.push_back(integerAt(input, counts[g], fields.path(kCompletedByGroupName) / g));
    }
    cls.rewardSum = fields.number("reward_sum");
    cls.meanReward = fields.optionalNumber("mean_reward");
  }
  return cls;
}

json toSnapshotJson(const Snapshot& snapshot) {
  json classes = json::array();
  for (const ClassSnapshot& cls : snapshot.classes) classes.push_back(classSnapshotToJson(cls));
  json series = json::array();
  const std::size_t groups = snapshot.groupNames.size();
  if (snapshot.series) {
    for (const SeriesWindow& window : *snapshot.series) {
      json windowClasses = json::array();
      for (const WindowClassStats& cls : window.classes) {
        windowClasses.push_back({{"arrivals", cls.arrivals},
                                 {"completions", cls.completions},
                                 {"slo_met", cls.sloMet},
                                 {"tokens_out", cls.tokensOut},
                                 {"relegations", cls.relegations},
                                 {"queue", windowLatencyJson(cls.queue)},
                                 {"ttft", windowLatencyJson(cls.ttft)},
                                 {"tbt", windowLatencyJson(cls.tbt)},
                                 {"token_gap", windowLatencyJson(cls.tokenGap)},
                                 {"ttlt", windowLatencyJson(cls.ttlt)}});
        if (groups > 0) {
          windowClasses.back()["completed_by_group"] =
              std::vector<std::int64_t>(cls.completedByGroup.begin(), cls.completedByGroup.begin() + groups);
          windowClasses.back()["reward_sum"] = cls.rewardSum;
        }
      }
      series.push_back(
          {{"start_s", toSeconds(window.start)}, {"end_s", toSeconds(window.end)}, {"classes", std::move(windowClasses)}});
    }
  }
  json document = {{"time_s", toSeconds(snapshot.time)},
          {"window_s", toSeconds(snapshot.windowLength)},
          {"arrived", snapshot.arrived},
          {"completed", snapshot.completed},
          {"slo_met", snapshot.sloMet},
          {"tokens_out", snapshot.tokensOut},
          {"classes", std::move(classes)},
          {"series", std::move(series)}};
  if (groups > 0) document[kGroupNamesName] = snapshot.groupNames;
  return document;
}

Snapshot snapshotFromJson(const json& document) {
  return snapshotFromJson(JsonInput("snapshot JSON"), document, JsonPointer());
}

Snapshot snapshotFromJson(const JsonInput& input, const json& document, const JsonPointer& at) {
  const Fields root(input, document, at);
  Snapshot snapshot;
  snapshot.time = timeFromSeconds(root.number("time_s"));
  snapshot.windowLength = durationFromSeconds(root.number("window_s"));
  snapshot.arrived = root.integer("arrived");
  snapshot.completed = root.integer("completed");
  snapshot.sloMet = root.integer("slo_met");
  snapshot.tokensOut = root.integer("tokens_out");
  if (root.has(kGroupNamesName)) {
    const json& names = root.array(kGroupNamesName);
    if (names.size() > kMaxPoolGroups) {
      input.failValue(root.path(kGroupNamesName), "must hold at most " + std::to_string(kMaxPoolGroups) + " groups",
                      names);
    }
    for (std::size_t g = 0; g < names.size(); ++g) {
      snapshot.groupNames.push_back(input.string(names[g], root.path(kGroupNamesName) / g));
    }
  }
  const json& classes = root.array("classes");
  for (std::size_t c = 0; c < classes.size(); ++c) {
    snapshot.classes.push_back(classSnapshotFromJson(input, classes[c], root.path("classes") / c));
  }
  const json& seriesJson = root.array("series");
  auto series = std::make_shared<MetricsSeries>();
  series->reserve(seriesJson.size());
  for (std::size_t w = 0; w < seriesJson.size(); ++w) {
    const Fields fields(input, seriesJson[w], root.path("series") / w);
    SeriesWindow window;
    window.start = timeFromSeconds(fields.number("start_s"));
    window.end = timeFromSeconds(fields.number("end_s"));
    const json& windowClasses = fields.array("classes");
    for (std::size_t c = 0; c < windowClasses.size(); ++c) {
      const Fields cf(input, windowClasses[c], fields.path("classes") / c);
      WindowClassStats stats;
      stats.arrivals = cf.integer("arrivals");
      stats.completions = cf.integer("completions");
      stats.sloMet = cf.integer("slo_met");
      stats.tokensOut = cf.integer("tokens_out");
      stats.relegations = cf.integer("relegations");
      WindowLatency* latencies[] = {&stats.queue, &stats.ttft, &stats.tbt, &stats.ttlt};
      for (std::size_t i = 0; i < 4; ++i) *latencies[i] = windowLatencyFrom(cf.child(kLatencyNames[i]));
      if (cf.has(kTokenGapName)) stats.tokenGap = windowLatencyFrom(cf.child(kTokenGapName));
      if (cf.has(kCompletedByGroupName)) {
        const json& counts = cf.array(kCompletedByGroupName);
        if (counts.size() > kMaxPoolGroups) {
          input.failValue(cf.path(kCompletedByGroupName), "must hold at most " + std::to_string(kMaxPoolGroups) +
                                                              " counts", counts);
        }
        for (std::size_t g = 0; g < counts.size(); ++g) {
          stats.completedByGroup[g] = integerAt(input, counts[g], cf.path(kCompletedByGroupName) / g);
        }
        stats.rewardSum = cf.number("reward_sum");
      }
      window.classes.push_back(stats);
    }
    series->push_back(std::move(window));
  }
  snapshot.series = std::move(series);
  return snapshot;
}

}  // namespace headroom::engine
