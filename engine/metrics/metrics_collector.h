#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <memory>
#include <vector>

#include "engine/core/qos_class.h"
#include "engine/metrics/bucket_histogram.h"
#include "engine/metrics/class_metrics.h"
#include "engine/metrics/snapshot.h"
#include "engine/sched/request_state.h"

namespace headroom::engine {

// Turns request events into per-class metrics: run totals, latency histograms, SLO attainment, and a
// time series of fixed windows (aligned to time zero) for the live console. A request meets its SLO
// when every bound of its class holds (see metSlo); relegated requests are counted as relegated and
// judged the same way when they finish.
//
// Memory is flat: per class two fixed-size ClassMetrics (run and current window), and at most
// maxWindows closed windows; when the series would exceed that, neighbouring windows are merged in
// pairs and later windows are closed at the doubled resolution. An idle gap of more than
// kMaxEmptyEntries windows becomes one empty window. Event callbacks never allocate unless they close a
// window.
//
// A serving front may also ask for Prometheus-style latency buckets at fixed bounds, one set for every
// class (keepBuckets): recorded in the same place as the log histograms, for the run totals only, so
// the two never disagree on what was counted. None are kept unless asked for. Beside them, per class and
// bound, counters of SLO attainment (sloCounts): each finished request is judged against the bounds its
// class has when it finishes, as for sloMet, so an SLO change judges later requests only and resets
// nothing.
//
// Not thread-safe: feed it and take snapshots on one thread (an instance's or the simulation's), then
// publish the Snapshot. Events must come in time order; one earlier than the current window counts
// in the current window.
class MetricsCollector final : public RequestObserver {
 public:
  static constexpr std::size_t kDefaultMaxWindows = 3600;
  static constexpr std::int64_t kMaxEmptyEntries = 64;

  // One class's fixed-bound latency histograms, run totals (ttlt is arrival to the last token; tbt is
  // every gap between two tokens, ClassMetrics::tokenGap's samples).
  struct BucketedLatencies {
    BucketHistogram queue;
    BucketHistogram ttft;
    BucketHistogram tbt;       // one per finished request of two tokens or more: its judged TBT
    BucketHistogram tokenGap;  // every gap between consecutive tokens
    BucketHistogram ttlt;
  };

  // Requests judged against one latency bound of their class, and those that met it.
  struct SloCount {
    std::uint64_t judged = 0;
    std::uint64_t met = 0;
  };
  // One class's SLO attainment per bound, since the start; a bound the class never had stays at zero.
  struct SloCounts {
    SloCount ttft;
    SloCount tbt;
    SloCount ttlt;
  };

  // Throws std::invalid_argument when windowLength is not positive or maxWindows is below 2.
  explicit MetricsCollector(std::vector<QosClass> classes, Duration windowLength = std::chrono::seconds{1},
                            std::size_t maxWindows = kDefaultMaxWindows);

  // Throw std::out_of_range for a class id the collector was not built with.
  void onArrival(const Request& request, TimePoint now) override;
  void onFirstScheduled(const RequestState& state, TimePoint now) override;
  void onToken(const RequestState& state, TimePoint now, Duration gap) override;
  void onRelegated(const RequestState& state, TimePoint now) override;
  void onPreempted(const RequestState& state, TimePoint now) override;
  void onFinished(const RequestState& state, TimePoint now) override;
  // Counts a cancelled request and the tokens computed for it; not a completion (no SLO judgement).
  void onCancelled(const RequestState& state, TimePoint now) override;

  // Closes every window that ends at or before `now`.
  void advanceTo(TimePoint now);

  // Run totals as of the last event, plus the closed windows; `now` is only stamped on it.
  Snapshot snapshot(TimePoint now) const;

  // Model tiers: from now on each finished request is counted under its Request::group and earns
  // tierReward(class, met SLO, accuracyByGroupTask[group][task]) (engine/core/tier_reward.h), summed per
  // class in the run totals and the windows. Throws std::invalid_argument for more than kMaxPoolGroups
  // groups or rows that do not match the names.
  void setModelTiers(std::vector<std::string> groupNames, std::vector<std::vector<double>> accuracyByGroupTask);
  // Hears every finished request's reward as it is judged (a learning tier router's outcomes); not
  // called for cancelled requests.
  using OutcomeListener = std::function<void(const Request& request, double reward, TimePoint now)>;
  void setOutcomeListener(OutcomeListener listener) { outcomeListener_ = std::move(listener); }

  const std::vector<QosClass>& classes() const { return classes_; }
  // Replaces the classes' names, ranks and SLOs (same classes, same order) for requests finishing from
  // now on, e.g. when an operator tunes an SLO live. Throws std::invalid_argument on a count mismatch.
  void setClasses(std::vector<QosClass> classes);
  const ClassMetrics& classMetrics(ClassId id) const { return total_.at(id); }
  // Starts keeping fixed-bound latency histograms for every class, all with the bounds `boundsS`
  // (seconds; e.g. latencyBucketBoundsS()). Called again, it starts them afresh.
  void keepBuckets(const std::vector<double>& boundsS);
  // Per class, in class order; empty when keepBuckets was never called.
  const std::vector<BucketedLatencies>& bucketedLatencies() const { return bucketed_; }
  // Per class, in class order.
  const std::vector<SloCounts>& sloCounts() const { return sloCounts_; }
  Duration windowLength() const { return windowLength_; }
  // How many base windows one series entry spans now (doubles at every downsampling).
  std::int64_t windowsPerEntry() const { return stride_; }
  const MetricsSeries& series() const { return series_; }

 private:
  std::size_t checkedIndex(ClassId id) const;
  void closeWindowsBefore(TimePoint now) {
    if (now >= windowEnd_) closeWindowsSlow(now);
  }
  void closeWindowsSlow(TimePoint now);
  void appendEntry(SeriesWindow window);
  void appendEmpty(TimePoint start, std::int64_t windows);
  void downsample();
  std::int64_t spanOf(const SeriesWindow& window) const;

  std::vector<QosClass> classes_;
  Duration windowLength_;
  std::size_t maxWindows_;
  std::vector<ClassMetrics> total_;
  std::vector<ClassMetrics> window_;
  std::vector<BucketedLatencies> bucketed_;  // empty, or one per class
  std::vector<SloCounts> sloCounts_;         // one per class
  TimePoint windowStart_{};
  TimePoint windowEnd_{};
  std::int64_t stride_ = 1;
  MetricsSeries series_;
  mutable std::shared_ptr<const MetricsSeries> published_;
  std::vector<std::string> groupNames_;
  std::vector<std::vector<double>> accuracy_;  // [group][task]
  OutcomeListener outcomeListener_;
};

}  // namespace headroom::engine
