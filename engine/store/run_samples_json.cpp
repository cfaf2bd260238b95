#include "engine/store/run_samples_json.h"

#include <stdexcept>

#include "engine/metrics/snapshot_json.h"

namespace headroom::engine {

namespace {

using nlohmann::json;

json optionalNumber(const std::optional<double>& value) { return value ? json(*value) : json(nullptr); }

std::optional<double> numberOrNull(const json& value) {
  if (value.is_null()) return std::nullopt;
  return value.get<double>();
}

std::optional<Duration> microsOrNull(const json& value) {
  if (value.is_null()) return std::nullopt;
  return Duration{value.get<std::int64_t>()};
}

LatencyStats statsFromJson(const json& a) {
  if (!a.is_array() || a.size() != 8) throw std::runtime_error("latency stats must be an array of 8 numbers");
  return {a[0].get<std::int64_t>(), a[1].get<double>(), a[2].get<double>(), a[3].get<double>(),
          a[4].get<double>(),       a[5].get<double>(), a[6].get<double>(), a[7].get<double>()};
}

// A class of the totals as workspaces written before the one ClassSnapshot encoding kept it: SLO bounds
// in microseconds ("ttft_us"), latency stats as arrays of 8 numbers.
ClassSnapshot legacyClassFromJson(const json& o) {
  ClassSnapshot c;
  c.name = o.at("name").get<std::string>();
  c.rank = o.at("rank").get<int>();
  const json& slo = o.at("slo");
  c.slo.ttft = microsOrNull(slo.at("ttft_us"));
  c.slo.tbt = microsOrNull(slo.at("tbt_us"));
  c.slo.ttlt = microsOrNull(slo.at("ttlt_us"));
  c.slo.percentile = slo.at("percentile").get<double>();
  c.arrived = o.at("arrived").get<std::int64_t>();
  c.completed = o.at("completed").get<std::int64_t>();
  c.relegated = o.at("relegated").get<std::int64_t>();
  c.preempted = o.at("preempted").get<std::int64_t>();
  c.sloMet = o.at("slo_met").get<std::int64_t>();
  c.attainment = numberOrNull(o.at("attainment"));
  c.tokensOut = o.at("tokens_out").get<std::int64_t>();
  c.queue = statsFromJson(o.at("queue"));
  c.ttft = statsFromJson(o.at("ttft"));
  c.tbt = statsFromJson(o.at("tbt"));
  c.ttlt = statsFromJson(o.at("ttlt"));
  return c;
}

}  // namespace

json totalsToJson(const Snapshot& totals) {
  json classes = json::array();
  for (const ClassSnapshot& c : totals.classes) classes.push_back(classSnapshotToJson(c));
  return {{"time_s", toSeconds(totals.time)},
          {"window_s", toSeconds(totals.windowLength)},
          {"arrived", totals.arrived},
          {"completed", totals.completed},
          {"slo_met", totals.sloMet},
          {"tokens_out", totals.tokensOut},
          {"classes", std::move(classes)}};
}

Snapshot totalsFromJson(const json& document) {
  if (!document.is_object()) throw std::runtime_error("run totals must be a JSON object");
  const bool legacy = document.contains("time_us");
  Snapshot totals;
  if (legacy) {
    totals.time = TimePoint{Duration{document.at("time_us").get<std::int64_t>()}};
    totals.windowLength = Duration{document.at("window_length_us").get<std::int64_t>()};
  } else {
    totals.time = timeFromSeconds(document.at("time_s").get<double>());
    totals.windowLength = durationFromSeconds(document.at("window_s").get<double>());
  }
  totals.arrived = document.at("arrived").get<std::int64_t>();
  totals.completed = document.at("completed").get<std::int64_t>();
  totals.sloMet = document.at("slo_met").get<std::int64_t>();
  totals.tokensOut = document.at("tokens_out").get<std::int64_t>();
  const JsonInput input("run totals");
  const json& classes = document.at("classes");
  for (std::size_t c = 0; c < classes.size(); ++c) {
    totals.classes.push_back(legacy ? legacyClassFromJson(classes[c])
                                    : classSnapshotFromJson(input, classes[c], JsonPointer() / "classes" / c));
  }
  return totals;
}

// Each class: [arrivals, completions, sloMet, tokensOut, relegations, queue p50, queue watched,
// ttft p50, ttft watched, tbt p50, tbt watched, ttlt p50, ttlt watched, token gap p50, token gap watched].
// Rows of 13 (written before the token gap was kept apart) read with no token gap.
json windowClassesToJson(const std::vector<WindowClassStats>& classes) {
  json rows = json::array();
  for (const WindowClassStats& c : classes) {
    json row = json::array({c.arrivals, c.completions, c.sloMet, c.tokensOut, c.relegations});
    for (const WindowLatency* latency : {&c.queue, &c.ttft, &c.tbt, &c.ttlt, &c.tokenGap}) {
      row.push_back(optionalNumber(latency->p50S));
      row.push_back(optionalNumber(latency->watchedS));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<WindowClassStats> windowClassesFromJson(const json& document) {
  if (!document.is_array()) throw std::runtime_error("window classes must be a JSON array");
  std::vector<WindowClassStats> classes;
  classes.reserve(document.size());
  for (const json& row : document) {
    if (!row.is_array() || (row.size() != 13 && row.size() != 15)) {
      throw std::runtime_error("a window class must have 13 or 15 values");
    }
    WindowClassStats c;
    c.arrivals = row[0].get<std::int64_t>();
    c.completions = row[1].get<std::int64_t>();
    c.sloMet = row[2].get<std::int64_t>();
    c.tokensOut = row[3].get<std::int64_t>();
    c.relegations = row[4].get<std::int64_t>();
    std::size_t k = 5;
    for (WindowLatency* latency : {&c.queue, &c.ttft, &c.tbt, &c.ttlt}) {
      latency->p50S = numberOrNull(row[k++]);
      latency->watchedS = numberOrNull(row[k++]);
    }
    if (row.size() == 15) {
      c.tokenGap.p50S = numberOrNull(row[k++]);
      c.tokenGap.watchedS = numberOrNull(row[k++]);
    }
    classes.push_back(c);
  }
  return classes;
}

}  // namespace headroom::engine
