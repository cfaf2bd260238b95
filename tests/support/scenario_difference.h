#pragma once

#include <optional>
#include <sstream>
#include <string>
#include <tuple>
#include <type_traits>

#include "engine/workload/scenario.h"

namespace headroom::test {

namespace detail {

template <typename T>
std::string shownValue(const T& value) {
  std::ostringstream out;
  out.precision(17);
  if constexpr (std::is_enum_v<T>) {
    out << static_cast<long long>(value);
  } else {
    out << value;
  }
  return out.str();
}

// Collects the first difference between two values, by field path.
class Differ {
 public:
  template <typename T>
  void field(const std::string& path, const T& a, const T& b) {
    if (!first_.empty() || a == b) return;
    first_ = path + ": " + shownValue(a) + " vs " + shownValue(b);
  }
  template <typename T>
  void optionalField(const std::string& path, const std::optional<T>& a, const std::optional<T>& b) {
    field(path + ".has_value", a.has_value(), b.has_value());
    if (a && b) field(path, *a, *b);
  }
  const std::string& first() const { return first_; }

 private:
  std::string first_;
};

inline long long micros(engine::Duration d) { return d.count(); }

}  // namespace detail

// Compares every field of two scenarios; returns "" when equal, else the first differing field and both
// values (for QVERIFY2).
inline std::string scenarioDifference(const engine::Scenario& a, const engine::Scenario& b) {
  using namespace engine;
  detail::Differ d;
  d.field("name", a.name, b.name);
  d.field("file", a.file.string(), b.file.string());
  d.field("seed", a.seed, b.seed);
  d.field("durationS", a.durationS, b.durationS);
  d.field("executor.kind", a.executor.kind, b.executor.kind);
  d.field("executor.model", a.executor.model, b.executor.model);
  d.field("executor.hardware", a.executor.hardware, b.executor.hardware);
  d.field("executor.tensorParallel", a.executor.tensorParallel, b.executor.tensorParallel);
  d.field("executor.iteration", detail::micros(a.executor.iteration), detail::micros(b.executor.iteration));
  d.field("pool.instances", a.pool.instances, b.pool.instances);
  d.field("pool.router", a.pool.router, b.pool.router);
  d.field("pool.weights.size", a.pool.weights.size(), b.pool.weights.size());
  for (std::size_t i = 0; i < a.pool.weights.size() && i < b.pool.weights.size(); ++i) {
    d.field("pool.weights[" + std::to_string(i) + "].size", a.pool.weights[i].size(), b.pool.weights[i].size());
    for (std::size_t k = 0; k < a.pool.weights[i].size() && k < b.pool.weights[i].size(); ++k) {
      d.field("pool.weights[" + std::to_string(i) + "][" + std::to_string(k) + "]", a.pool.weights[i][k],
              b.pool.weights[i][k]);
    }
  }
  const std::vector<PoolGroup> groupsA = poolGroups(a);
  const std::vector<PoolGroup> groupsB = poolGroups(b);
  d.field("groups.size", groupsA.size(), groupsB.size());
  for (std::size_t g = 0; g < groupsA.size() && g < groupsB.size(); ++g) {
    const std::string p = "groups[" + std::to_string(g) + "]";
    const PoolGroup& x = groupsA[g];
    const PoolGroup& y = groupsB[g];
    d.field(p + ".name", x.name, y.name);
    d.field(p + ".executor.kind", x.executor.kind, y.executor.kind);
    d.field(p + ".executor.model", x.executor.model, y.executor.model);
    d.field(p + ".executor.hardware", x.executor.hardware, y.executor.hardware);
    d.field(p + ".executor.tensorParallel", x.executor.tensorParallel, y.executor.tensorParallel);
    d.field(p + ".executor.iteration", detail::micros(x.executor.iteration), detail::micros(y.executor.iteration));
    d.field(p + ".executor.weights", x.executor.weights, y.executor.weights);
    d.field(p + ".executor.weightsSeed", x.executor.weightsSeed, y.executor.weightsSeed);
    d.field(p + ".executor.profile", x.executor.profile, y.executor.profile);
    d.field(p + ".pool.instances", x.pool.instances, y.pool.instances);
    d.field(p + ".pool.router", x.pool.router, y.pool.router);
    d.field(p + ".pool.weights.size", x.pool.weights.size(), y.pool.weights.size());
    for (std::size_t i = 0; i < x.pool.weights.size() && i < y.pool.weights.size(); ++i) {
      const std::string row = p + ".pool.weights[" + std::to_string(i) + "]";
      d.field(row + ".size", x.pool.weights[i].size(), y.pool.weights[i].size());
      for (std::size_t k = 0; k < x.pool.weights[i].size() && k < y.pool.weights[i].size(); ++k) {
        d.field(row + "[" + std::to_string(k) + "]", x.pool.weights[i][k], y.pool.weights[i][k]);
      }
    }
  }
  d.field("tierRouter", a.tierRouter, b.tierRouter);
  const SchedulerConfig& s = a.scheduler;
  const SchedulerConfig& t = b.scheduler;
  d.field("scheduler.policy", s.policy, t.policy);
  d.field("scheduler.alphaSPerToken", s.alphaSPerToken, t.alphaSPerToken);
  d.field("scheduler.chunking", toString(s.chunking), toString(t.chunking));
  d.field("scheduler.relegation", s.relegation, t.relegation);
  d.field("scheduler.selectivePreemption", s.selectivePreemption, t.selectivePreemption);
  d.field("scheduler.maxBatchTokens", s.maxBatchTokens, t.maxBatchTokens);
  d.field("scheduler.maxBatchSize", s.maxBatchSize, t.maxBatchSize);
  d.field("scheduler.dynamicSafetyFactor", s.dynamicSafetyFactor, t.dynamicSafetyFactor);
  d.field("scheduler.dynamicFloorTokens", s.dynamicFloorTokens, t.dynamicFloorTokens);
  d.field("scheduler.kvBlockTokens", s.kvBlockTokens, t.kvBlockTokens);
  d.optionalField("scheduler.kvBlocksOverride", s.kvBlocksOverride, t.kvBlocksOverride);
  d.field("classes.size", a.classes.size(), b.classes.size());
  for (std::size_t i = 0; i < a.classes.size() && i < b.classes.size(); ++i) {
    const std::string p = "classes[" + std::to_string(i) + "]";
    const ClassSpec& x = a.classes[i];
    const ClassSpec& y = b.classes[i];
    d.field(p + ".name", x.qos.name, y.qos.name);
    d.field(p + ".rank", x.qos.rank, y.qos.rank);
    d.field(p + ".importance", x.qos.importance, y.qos.importance);
    const auto optionalMicros = [](const std::optional<Duration>& v) {
      return v ? std::optional<long long>(v->count()) : std::nullopt;
    };
    d.optionalField(p + ".slo.ttft", optionalMicros(x.qos.slo.ttft), optionalMicros(y.qos.slo.ttft));
    d.optionalField(p + ".slo.tbt", optionalMicros(x.qos.slo.tbt), optionalMicros(y.qos.slo.tbt));
    d.optionalField(p + ".slo.ttlt", optionalMicros(x.qos.slo.ttlt), optionalMicros(y.qos.slo.ttlt));
    d.field(p + ".slo.percentile", x.qos.slo.percentile, y.qos.slo.percentile);
    d.field(p + ".rewardWeight", x.qos.rewardWeight, y.qos.rewardWeight);
    d.field(p + ".tasks.size", x.qos.tasks.size(), y.qos.tasks.size());
    for (std::size_t k = 0; k < x.qos.tasks.size() && k < y.qos.tasks.size(); ++k) {
      d.field(p + ".tasks[" + std::to_string(k) + "].task", x.qos.tasks[k].task, y.qos.tasks[k].task);
      d.field(p + ".tasks[" + std::to_string(k) + "].share", x.qos.tasks[k].share, y.qos.tasks[k].share);
    }
    d.field(p + ".arrival.kind", x.arrival.kind, y.arrival.kind);
    d.field(p + ".arrival.ratePerS", x.arrival.ratePerS, y.arrival.ratePerS);
    d.field(p + ".arrival.cv", x.arrival.cv, y.arrival.cv);
    d.field(p + ".arrival.phases.size", x.arrival.phases.size(), y.arrival.phases.size());
    for (std::size_t k = 0; k < x.arrival.phases.size() && k < y.arrival.phases.size(); ++k) {
      const std::string q = p + ".arrival.phases[" + std::to_string(k) + "]";
      d.field(q + ".startS", x.arrival.phases[k].startS, y.arrival.phases[k].startS);
      d.field(q + ".endS", x.arrival.phases[k].endS, y.arrival.phases[k].endS);
      d.field(q + ".ratePerS", x.arrival.phases[k].ratePerS, y.arrival.phases[k].ratePerS);
      d.field(q + ".shape", x.arrival.phases[k].shape, y.arrival.phases[k].shape);
    }
    for (const auto& [name, u, v] : {std::tuple{std::string(".promptTokens"), &x.promptTokens, &y.promptTokens},
                                     std::tuple{std::string(".outputTokens"), &x.outputTokens, &y.outputTokens}}) {
      d.field(p + name + ".kind", u->kind, v->kind);
      d.field(p + name + ".value", u->value, v->value);
      d.field(p + name + ".min", u->min, v->min);
      d.field(p + name + ".max", u->max, v->max);
      d.field(p + name + ".median", u->median, v->median);
      d.field(p + name + ".p90", u->p90, v->p90);
      d.field(p + name + ".values.size", u->values.size(), v->values.size());
      if (u->values.size() == v->values.size()) {
        for (std::size_t k = 0; k < u->values.size(); ++k) {
          d.field(p + name + ".values[" + std::to_string(k) + "]", u->values[k], v->values[k]);
        }
      }
    }
  }
  d.field("trace.has_value", a.trace.has_value(), b.trace.has_value());
  if (a.trace && b.trace) {
    d.field("trace.path", a.trace->path.string(), b.trace->path.string());
    d.field("trace.format", a.trace->format, b.trace->format);
    d.field("trace.classMix.size", a.trace->classMix.size(), b.trace->classMix.size());
    for (const auto& [name, share] : a.trace->classMix) {
      const auto found = b.trace->classMix.find(name);
      d.field("trace.classMix[" + name + "]", share, found == b.trace->classMix.end() ? -1.0 : found->second);
    }
  }
  return d.first();
}

}  // namespace headroom::test
