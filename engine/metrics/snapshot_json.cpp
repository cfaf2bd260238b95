#include "engine/metrics/snapshot_json.h"

#include <stdexcept>
#include <string>

namespace headroom::engine {

namespace {

using json = nlohmann::json;

json optionalSeconds(const std::optional<Duration>& value) {
  return value ? json(toSeconds(*value)) : json(nullptr);
}

json optionalNumber(const std::optional<double>& value) { return value ? json(*value) : json(nullptr); }

json latencyJson(const LatencyStats& stats) {
  return {{"count", stats.count}, {"mean", stats.meanS}, {"p50", stats.p50S},         {"p90", stats.p90S},
          {"p95", stats.p95S},    {"p99", stats.p99S},   {"watched", stats.watchedS}, {"max", stats.maxS}};
}

json windowLatencyJson(const WindowLatency& latency) {
  return {{"p50", optionalNumber(latency.p50S)}, {"watched", optionalNumber(latency.watchedS)}};
}

// Reads fields of one JSON object, naming `path` in every error.
class Fields {
 public:
  Fields(const json& object, std::string path) : object_(object), path_(std::move(path)) {
    if (!object_.is_object()) throw std::invalid_argument("snapshot JSON: " + where() + " must be an object");
  }

  const json& at(const char* name) const {
    const auto found = object_.find(name);
    if (found == object_.end()) throw std::invalid_argument("snapshot JSON: " + where(name) + " is missing");
    return *found;
  }
  double number(const char* name) const {
    const json& value = at(name);
    if (!value.is_number()) throw std::invalid_argument("snapshot JSON: " + where(name) + " must be a number");
    return value.get<double>();
  }
  std::int64_t integer(const char* name) const {
    const json& value = at(name);
    if (!value.is_number_integer()) throw std::invalid_argument("snapshot JSON: " + where(name) + " must be an integer");
    return value.get<std::int64_t>();
  }
  std::optional<double> optionalNumber(const char* name) const {
    const json& value = at(name);
    if (value.is_null()) return std::nullopt;
    return number(name);
  }
  std::optional<Duration> optionalSeconds(const char* name) const {
    const auto seconds = optionalNumber(name);
    return seconds ? std::optional<Duration>(durationFromSeconds(*seconds)) : std::nullopt;
  }
  std::string text(const char* name) const {
    const json& value = at(name);
    if (!value.is_string()) throw std::invalid_argument("snapshot JSON: " + where(name) + " must be a string");
    return value.get<std::string>();
  }
  const json& array(const char* name) const {
    const json& value = at(name);
    if (!value.is_array()) throw std::invalid_argument("snapshot JSON: " + where(name) + " must be an array");
    return value;
  }
  Fields child(const char* name) const { return Fields(at(name), path_ + "/" + name); }
  std::string path(const char* name) const { return path_ + "/" + name; }

 private:
  std::string where(const char* name = nullptr) const {
    const std::string full = name ? path_ + "/" + name : path_;
    return full.empty() ? std::string("the document") : full;
  }

  const json& object_;
  std::string path_;
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

}  // namespace

json toSnapshotJson(const Snapshot& snapshot) {
  json classes = json::array();
  for (const ClassSnapshot& cls : snapshot.classes) {
    classes.push_back({{"name", cls.name},
                       {"rank", cls.rank},
                       {"slo",
                        {{"ttft_s", optionalSeconds(cls.slo.ttft)},
                         {"tbt_s", optionalSeconds(cls.slo.tbt)},
                         {"ttlt_s", optionalSeconds(cls.slo.ttlt)},
                         {"percentile", cls.slo.percentile}}},
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
                       {"ttlt", latencyJson(cls.ttlt)}});
  }
  json series = json::array();
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
                                 {"ttlt", windowLatencyJson(cls.ttlt)}});
      }
      series.push_back(
          {{"start_s", toSeconds(window.start)}, {"end_s", toSeconds(window.end)}, {"classes", std::move(windowClasses)}});
    }
  }
  return {{"time_s", toSeconds(snapshot.time)},
          {"window_s", toSeconds(snapshot.windowLength)},
          {"arrived", snapshot.arrived},
          {"completed", snapshot.completed},
          {"slo_met", snapshot.sloMet},
          {"tokens_out", snapshot.tokensOut},
          {"classes", std::move(classes)},
          {"series", std::move(series)}};
}

Snapshot snapshotFromJson(const json& document) {
  const Fields root(document, "");
  Snapshot snapshot;
  snapshot.time = timeFromSeconds(root.number("time_s"));
  snapshot.windowLength = durationFromSeconds(root.number("window_s"));
  snapshot.arrived = root.integer("arrived");
  snapshot.completed = root.integer("completed");
  snapshot.sloMet = root.integer("slo_met");
  snapshot.tokensOut = root.integer("tokens_out");
  const json& classes = root.array("classes");
  for (std::size_t c = 0; c < classes.size(); ++c) {
    const Fields fields(classes[c], "/classes/" + std::to_string(c));
    ClassSnapshot cls;
    cls.name = fields.text("name");
    cls.rank = static_cast<int>(fields.integer("rank"));
    const Fields slo = fields.child("slo");
    cls.slo.ttft = slo.optionalSeconds("ttft_s");
    cls.slo.tbt = slo.optionalSeconds("tbt_s");
    cls.slo.ttlt = slo.optionalSeconds("ttlt_s");
    cls.slo.percentile = slo.number("percentile");
    cls.arrived = fields.integer("arrived");
    cls.completed = fields.integer("completed");
    cls.relegated = fields.integer("relegated");
    cls.preempted = fields.integer("preempted");
    cls.sloMet = fields.integer("slo_met");
    cls.attainment = fields.optionalNumber("attainment");
    cls.tokensOut = fields.integer("tokens_out");
    LatencyStats* latencies[] = {&cls.queue, &cls.ttft, &cls.tbt, &cls.ttlt};
    for (std::size_t i = 0; i < 4; ++i) *latencies[i] = latencyFrom(fields.child(kLatencyNames[i]));
    snapshot.classes.push_back(std::move(cls));
  }
  const json& seriesJson = root.array("series");
  auto series = std::make_shared<MetricsSeries>();
  series->reserve(seriesJson.size());
  for (std::size_t w = 0; w < seriesJson.size(); ++w) {
    const Fields fields(seriesJson[w], "/series/" + std::to_string(w));
    SeriesWindow window;
    window.start = timeFromSeconds(fields.number("start_s"));
    window.end = timeFromSeconds(fields.number("end_s"));
    const json& windowClasses = fields.array("classes");
    for (std::size_t c = 0; c < windowClasses.size(); ++c) {
      const Fields cf(windowClasses[c], fields.path("classes") + "/" + std::to_string(c));
      WindowClassStats stats;
      stats.arrivals = cf.integer("arrivals");
      stats.completions = cf.integer("completions");
      stats.sloMet = cf.integer("slo_met");
      stats.tokensOut = cf.integer("tokens_out");
      stats.relegations = cf.integer("relegations");
      WindowLatency* latencies[] = {&stats.queue, &stats.ttft, &stats.tbt, &stats.ttlt};
      for (std::size_t i = 0; i < 4; ++i) *latencies[i] = windowLatencyFrom(cf.child(kLatencyNames[i]));
      window.classes.push_back(stats);
    }
    series->push_back(std::move(window));
  }
  snapshot.series = std::move(series);
  return snapshot;
}

}  // namespace headroom::engine
