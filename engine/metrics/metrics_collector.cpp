#include "engine/metrics/metrics_collector.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>

#include "engine/core/tier_reward.h"
#include "engine/metrics/slo_outcome.h"

namespace headroom::engine {

namespace {

LatencyStats latencyStats(const LogHistogram& histogram, double watchedPercentile) {
  LatencyStats stats;
  stats.count = histogram.count();
  if (histogram.empty()) return stats;
  stats.meanS = histogram.meanUs() * 1e-6;
  stats.p50S = toSeconds(histogram.percentile(50.0));
  stats.p90S = toSeconds(histogram.percentile(90.0));
  stats.p95S = toSeconds(histogram.percentile(95.0));
  stats.p99S = toSeconds(histogram.percentile(99.0));
  stats.watchedS = toSeconds(histogram.percentile(watchedPercentile));
  stats.maxS = toSeconds(histogram.max());
  return stats;
}

WindowLatency windowLatency(const LogHistogram& histogram, double watchedPercentile) {
  if (histogram.empty()) return {};
  return {toSeconds(histogram.percentile(50.0)), toSeconds(histogram.percentile(watchedPercentile))};
}

std::optional<double> larger(const std::optional<double>& a, const std::optional<double>& b) {
  if (!a) return b;
  if (!b) return a;
  return std::max(*a, *b);
}

void mergeLatency(WindowLatency& into, const WindowLatency& from) {
  into.p50S = larger(into.p50S, from.p50S);
  into.watchedS = larger(into.watchedS, from.watchedS);
}

void mergeWindow(SeriesWindow& into, const SeriesWindow& from) {
  into.end = from.end;
  for (std::size_t c = 0; c < into.classes.size(); ++c) {
    WindowClassStats& a = into.classes[c];
    const WindowClassStats& b = from.classes[c];
    a.arrivals += b.arrivals;
    a.completions += b.completions;
    a.sloMet += b.sloMet;
    a.tokensOut += b.tokensOut;
    a.relegations += b.relegations;
    for (std::size_t g = 0; g < kMaxPoolGroups; ++g) a.completedByGroup[g] += b.completedByGroup[g];
    a.rewardSum += b.rewardSum;
    mergeLatency(a.queue, b.queue);
    mergeLatency(a.ttft, b.ttft);
    mergeLatency(a.tbt, b.tbt);
    mergeLatency(a.tokenGap, b.tokenGap);
    mergeLatency(a.ttlt, b.ttlt);
  }
}

bool windowIsEmpty(const ClassMetrics& metrics) {
  return metrics.arrived == 0 && metrics.completed == 0 && metrics.relegated == 0 && metrics.preempted == 0 &&
         metrics.tokensOut == 0 && metrics.cancelled == 0 && metrics.queue.empty() && metrics.ttft.empty() && metrics.tbt.empty() &&
         metrics.tokenGap.empty() && metrics.ttlt.empty();
}

}  // namespace

MetricsCollector::MetricsCollector(std::vector<QosClass> classes, Duration windowLength, std::size_t maxWindows)
    : classes_(std::move(classes)),
      windowLength_(windowLength),
      maxWindows_(maxWindows),
      total_(classes_.size()),
      window_(classes_.size()),
      sloCounts_(classes_.size()),
      windowStart_(kTimeZero),
      windowEnd_(kTimeZero + windowLength) {
  if (windowLength_ <= Duration::zero()) {
    throw std::invalid_argument("MetricsCollector: window length must be positive, got " +
                                std::to_string(windowLength_.count()) + " us");
  }
  if (maxWindows_ < 2) {
    throw std::invalid_argument("MetricsCollector: maxWindows must be at least 2, got " +
                                std::to_string(maxWindows_));
  }
}

std::size_t MetricsCollector::checkedIndex(ClassId id) const {
  if (id >= classes_.size()) {
    throw std::out_of_range("MetricsCollector: class id " + std::to_string(id) + " is not one of the " +
                            std::to_string(classes_.size()) + " classes");
  }
  return id;
}

void MetricsCollector::onArrival(const Request& request, TimePoint now) {
  const std::size_t c = checkedIndex(request.classId);
  closeWindowsBefore(now);
  ++total_[c].arrived;
  ++window_[c].arrived;
}

void MetricsCollector::onFirstScheduled(const RequestState& state, TimePoint now) {
  const std::size_t c = checkedIndex(state.request.classId);
  closeWindowsBefore(now);
  const Duration queue = now - state.request.arrival;
  total_[c].queue.record(queue);
  window_[c].queue.record(queue);
  if (!bucketed_.empty()) bucketed_[c].queue.record(queue);
}

void MetricsCollector::onToken(const RequestState& state, TimePoint now, Duration gap) {
  const std::size_t c = checkedIndex(state.request.classId);
  closeWindowsBefore(now);
  ++total_[c].tokensOut;
  ++window_[c].tokensOut;
  if (state.generatedTokens <= 1) {
    const Duration ttft = now - state.request.arrival;
    total_[c].ttft.record(ttft);
    window_[c].ttft.record(ttft);
    if (!bucketed_.empty()) bucketed_[c].ttft.record(ttft);
  } else {
    total_[c].tokenGap.record(gap);
    window_[c].tokenGap.record(gap);
    if (!bucketed_.empty()) bucketed_[c].tokenGap.record(gap);
  }
}

void MetricsCollector::onRelegated(const RequestState& state, TimePoint now) {
  const std::size_t c = checkedIndex(state.request.classId);
  closeWindowsBefore(now);
  ++total_[c].relegated;
  ++window_[c].relegated;
}

void MetricsCollector::onPreempted(const RequestState& state, TimePoint now) {
  const std::size_t c = checkedIndex(state.request.classId);
  closeWindowsBefore(now);
  ++total_[c].preempted;
  ++window_[c].preempted;
}

void MetricsCollector::onFinished(const RequestState& state, TimePoint now) {
  const std::size_t c = checkedIndex(state.request.classId);
  closeWindowsBefore(now);
  const Duration ttlt = now - state.request.arrival;
  const SloOutcome outcome = sloOutcome(classes_[c].slo, state, now);
  const bool met = outcome.met();
  SloCounts& counts = sloCounts_[c];
  for (const auto& [bound, count] : {std::pair{outcome.ttft, &counts.ttft}, std::pair{outcome.tbt, &counts.tbt},
                                     std::pair{outcome.ttlt, &counts.ttlt}}) {
    if (!bound) continue;
    ++count->judged;
    if (*bound) ++count->met;
  }
  const bool paced = state.generatedTokens >= 2;
  // Model tiers: the serving group's accuracy on the request's task, paid when the SLO was met.
  const bool tiers = !groupNames_.empty();
  const std::size_t group = state.request.group;
  double reward = 0.0;
  if (tiers && group < accuracy_.size() && state.request.task < accuracy_[group].size()) {
    reward = tierReward(classes_[c], met, accuracy_[group][state.request.task]);
  }
  for (ClassMetrics* metrics : {&total_[c], &window_[c]}) {
    ++metrics->completed;
    metrics->ttlt.record(ttlt);
    if (paced) metrics->tbt.record(state.worstTokenPace);
    if (met) ++metrics->sloMet;
    if (tiers && group < kMaxPoolGroups) {
      ++metrics->completedByGroup[group];
      metrics->rewardSum += reward;
    }
  }
  if (!bucketed_.empty()) {
    bucketed_[c].ttlt.record(ttlt);
    if (paced) bucketed_[c].tbt.record(state.worstTokenPace);
  }
  if (outcomeListener_) outcomeListener_(state.request, reward, now);
}

void MetricsCollector::onCancelled(const RequestState& state, TimePoint now) {
  const std::size_t c = checkedIndex(state.request.classId);
  closeWindowsBefore(now);
  const std::int64_t promptTokens = std::min<std::int64_t>(state.cachedTokens, state.request.promptTokens);
  for (ClassMetrics* metrics : {&total_[c], &window_[c]}) {
    ++metrics->cancelled;
    metrics->cancelledPromptTokens += promptTokens;
    metrics->cancelledOutputTokens += state.generatedTokens;
  }
}

void MetricsCollector::advanceTo(TimePoint now) { closeWindowsBefore(now); }

void MetricsCollector::closeWindowsSlow(TimePoint now) {
  const std::int64_t passed = (now - windowStart_) / windowLength_;
  const bool empty = std::all_of(window_.begin(), window_.end(), windowIsEmpty);
  if (empty) {
    appendEmpty(windowStart_, passed);
  } else {
    SeriesWindow closed{windowStart_, windowEnd_, {}};
    closed.classes.reserve(classes_.size());
    for (std::size_t c = 0; c < classes_.size(); ++c) {
      const ClassMetrics& m = window_[c];
      const double watched = classes_[c].slo.percentile;
      closed.classes.push_back({m.arrived, m.completed, m.sloMet, m.tokensOut, m.relegated,
                                windowLatency(m.queue, watched), windowLatency(m.ttft, watched),
                                windowLatency(m.tbt, watched), windowLatency(m.tokenGap, watched),
                                windowLatency(m.ttlt, watched)});
      closed.classes.back().completedByGroup = m.completedByGroup;
      closed.classes.back().rewardSum = m.rewardSum;
      window_[c].reset();
    }
    appendEntry(std::move(closed));
    if (passed > 1) appendEmpty(windowEnd_, passed - 1);
  }
  windowStart_ += passed * windowLength_;
  windowEnd_ = windowStart_ + windowLength_;
  published_.reset();
}

std::int64_t MetricsCollector::spanOf(const SeriesWindow& window) const {
  return (window.end - window.start) / windowLength_;
}

void MetricsCollector::appendEntry(SeriesWindow window) {
  if (!series_.empty()) {
    SeriesWindow& last = series_.back();
    if (last.end == window.start && spanOf(last) < stride_) {
      mergeWindow(last, window);
      return;
    }
  }
  series_.push_back(std::move(window));
  if (series_.size() > maxWindows_) downsample();
}

void MetricsCollector::appendEmpty(TimePoint start, std::int64_t windows) {
  while (windows > 0) {
    if (!series_.empty()) {
      SeriesWindow& last = series_.back();
      const std::int64_t room = stride_ - spanOf(last);
      if (last.end == start && room > 0) {
        const std::int64_t take = std::min(windows, room);
        last.end += take * windowLength_;
        start = last.end;
        windows -= take;
        continue;
      }
    }
    const std::int64_t take = windows > kMaxEmptyEntries * stride_ ? windows : std::min(windows, stride_);
    const TimePoint end = start + take * windowLength_;
    series_.push_back({start, end, std::vector<WindowClassStats>(classes_.size())});
    start = end;
    windows -= take;
    if (series_.size() > maxWindows_) downsample();
  }
}

void MetricsCollector::downsample() {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < series_.size(); i += 2) {
    SeriesWindow merged = std::move(series_[i]);
    if (i + 1 < series_.size()) mergeWindow(merged, series_[i + 1]);
    series_[kept++] = std::move(merged);
  }
  series_.resize(kept);
  stride_ *= 2;
}

Snapshot MetricsCollector::snapshot(TimePoint now) const {
  Snapshot snap;
  snap.time = now;
  snap.windowLength = windowLength_;
  snap.classes.reserve(classes_.size());
  for (std::size_t c = 0; c < classes_.size(); ++c) {
    const QosClass& qos = classes_[c];
    const ClassMetrics& m = total_[c];
    ClassSnapshot cls;
    cls.name = qos.name;
    cls.rank = qos.rank;
    cls.slo = qos.slo;
    cls.arrived = m.arrived;
    cls.completed = m.completed;
    cls.relegated = m.relegated;
    cls.preempted = m.preempted;
    cls.sloMet = m.sloMet;
    if (m.completed > 0) cls.attainment = static_cast<double>(m.sloMet) / static_cast<double>(m.completed);
    cls.tokensOut = m.tokensOut;
    cls.queue = latencyStats(m.queue, qos.slo.percentile);
    cls.ttft = latencyStats(m.ttft, qos.slo.percentile);
    cls.tbt = latencyStats(m.tbt, qos.slo.percentile);
    cls.tokenGap = latencyStats(m.tokenGap, qos.slo.percentile);
    cls.ttlt = latencyStats(m.ttlt, qos.slo.percentile);
    if (!groupNames_.empty()) {
      cls.completedByGroup.assign(m.completedByGroup.begin(), m.completedByGroup.begin() + groupNames_.size());
      cls.rewardSum = m.rewardSum;
      if (m.completed > 0) cls.meanReward = m.rewardSum / static_cast<double>(m.completed);
    }
    snap.arrived += m.arrived;
    snap.completed += m.completed;
    snap.sloMet += m.sloMet;
    snap.tokensOut += m.tokensOut;
    snap.classes.push_back(std::move(cls));
  }
  snap.groupNames = groupNames_;
  if (!published_) published_ = std::make_shared<const MetricsSeries>(series_);
  snap.series = published_;
  return snap;
}

void MetricsCollector::keepBuckets(const std::vector<double>& boundsS) {
  const BucketHistogram fresh(boundsS);
  bucketed_.assign(classes_.size(), {fresh, fresh, fresh, fresh, fresh});
}

void MetricsCollector::setModelTiers(std::vector<std::string> groupNames,
                                     std::vector<std::vector<double>> accuracyByGroupTask) {
  if (groupNames.size() > kMaxPoolGroups) {
    throw std::invalid_argument("metrics: at most " + std::to_string(kMaxPoolGroups) + " groups, got " +
                                std::to_string(groupNames.size()));
  }
  if (accuracyByGroupTask.size() != groupNames.size()) {
    throw std::invalid_argument("metrics: " + std::to_string(groupNames.size()) + " groups but accuracies for " +
                                std::to_string(accuracyByGroupTask.size()));
  }
  groupNames_ = std::move(groupNames);
  accuracy_ = std::move(accuracyByGroupTask);
}

void MetricsCollector::setClasses(std::vector<QosClass> classes) {
  if (classes.size() != classes_.size()) {
    throw std::invalid_argument("metrics: expected " + std::to_string(classes_.size()) + " classes, got " +
                                std::to_string(classes.size()));
  }
  classes_ = std::move(classes);
}

}  // namespace headroom::engine
