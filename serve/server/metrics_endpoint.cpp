// GET /metrics: the host's counters, latency histograms and SLO bounds in the Prometheus text format.
#include "serve/protocol/http_server_metrics.h"
#include "serve/protocol/process_metrics.h"
#include <tuple>
#include <utility>

#include "serve/protocol/prometheus_writer.h"
#include "serve/server/serve_api.h"

namespace headroom::serve {

void ServeApi::handleMetrics(const std::shared_ptr<net::HttpExchange>& exchange) {
  const ServingStats stats = host_.stats();
  const std::vector<engine::MetricsCollector::BucketedLatencies> latencies = host_.latencies();
  const std::vector<engine::MetricsCollector::SloCounts> sloCounts = host_.sloCounts();
  const std::vector<ServedClass> classes = host_.classes();
  const engine::InstanceStatus status = host_.status();
  PrometheusWriter out;
  auto classLabel = [&](std::size_t c) { return MetricLabels{{"class", classes[c].qos.name}}; };
  struct HistogramFamily {
    const char* name;
    const char* help;
    engine::BucketHistogram engine::MetricsCollector::BucketedLatencies::*member;
  };
  using Latencies = engine::MetricsCollector::BucketedLatencies;
  const HistogramFamily histograms[] = {
      {"headroom_queue_seconds", "Time from arrival to the first scheduled iteration.", &Latencies::queue},
      {"headroom_ttft_seconds", "Time to first token.", &Latencies::ttft},
      {"headroom_tbt_seconds",
       "Each finished request's time between tokens as its TBT bound judges it: the worst of (token n - (arrival + TTFT bound)) / (n - 1).",
       &Latencies::tbt},
      {"headroom_token_gap_seconds", "Every gap between consecutive tokens of a request (no bound judges a single gap).",
       &Latencies::tokenGap},
      {"headroom_e2e_seconds", "Time from arrival to the last token.", &Latencies::ttlt},
  };
  for (const HistogramFamily& family : histograms) {
    out.family(family.name, "histogram", family.help);
    for (std::size_t c = 0; c < latencies.size(); ++c) out.histogram(family.name, classLabel(c), latencies[c].*family.member);
  }
  struct CounterFamily {
    const char* name;
    const char* help;
    const char* extraLabel;
    std::vector<std::pair<const char*, std::uint64_t ClassServingStats::*>> values;
  };
  const CounterFamily counters[] = {
      {"headroom_requests_total", "Requests admitted, by class.", nullptr, {{"", &ClassServingStats::admitted}}},
      {"headroom_requests_completed_total", "Requests that produced their last token.", nullptr,
       {{"", &ClassServingStats::completed}}},
      {"headroom_requests_slo_met_total",
       "Completed requests that met every bound of their class's SLO, judged by the SLO in force when they finished; "
       "over headroom_requests_completed_total it is the class's attainment.",
       nullptr, {{"", &ClassServingStats::sloMet}}},
      {"headroom_requests_cancelled_total",
       "Requests whose client went away before their last token (removed from the queue or the batch; not completed).",
       nullptr, {{"", &ClassServingStats::cancelled}}},
      {"headroom_requests_failed_total",
       "Requests that failed on the instance (the executor refused them, or their iteration failed); answered 500.",
       nullptr, {{"", &ClassServingStats::failed}}},
      {"headroom_rejections_total", "Requests refused with 429 because the class's queue was full.", "reason",
       {{"queue_full", &ClassServingStats::rejected}}},
      {"headroom_relegations_total", "Requests relegated: held back on overload, or by the scheduler past their deadline.",
       "reason", {{"overload", &ClassServingStats::relegatedOverload}, {"deadline", &ClassServingStats::relegatedDeadline}}},
      {"headroom_tokens_total", "Tokens of finished requests.", "kind",
       {{"prompt", &ClassServingStats::promptTokens}, {"completion", &ClassServingStats::completionTokens}}},
      {"headroom_cancelled_tokens_total", "Tokens computed for requests whose client went away before they finished.",
       "kind",
       {{"prompt", &ClassServingStats::cancelledPromptTokens}, {"completion", &ClassServingStats::cancelledCompletionTokens}}},
  };
  for (const CounterFamily& family : counters) {
    out.family(family.name, "counter", family.help);
    for (std::size_t c = 0; c < stats.classes.size(); ++c) {
      for (const auto& [value, member] : family.values) {
        MetricLabels labels = classLabel(c);
        if (family.extraLabel) labels.emplace_back(family.extraLabel, value);
        out.sample(family.name, labels, stats.classes[c].*member);
      }
    }
  }
  out.family("headroom_queue_depth", "gauge", "Admitted requests not yet scheduled, by class.");
  for (std::size_t c = 0; c < stats.classes.size(); ++c) {
    out.sample("headroom_queue_depth", classLabel(c), static_cast<double>(stats.classes[c].queued));
  }
  out.family("headroom_running_requests", "gauge", "Requests scheduled and not finished, by class.");
  for (std::size_t c = 0; c < stats.classes.size(); ++c) {
    out.sample("headroom_running_requests", classLabel(c), static_cast<double>(stats.classes[c].running));
  }
  out.family("headroom_slo_seconds", "gauge", "Each class's latency bounds.");
  for (std::size_t c = 0; c < classes.size(); ++c) {
    const engine::Slo& slo = classes[c].qos.slo;
    for (const auto& [metric, bound] : {std::pair{"ttft", slo.ttft}, std::pair{"tbt", slo.tbt}, std::pair{"ttlt", slo.ttlt}}) {
      if (!bound) continue;
      MetricLabels labels = classLabel(c);
      labels.emplace_back("metric", metric);
      out.sample("headroom_slo_seconds", labels, engine::toSeconds(*bound));
    }
  }
  // Attainment per class and bound, judged as the engine judges a request against its class's SLO
  // when it finishes: met / requests is the share that met the bound.
  using SloCount = engine::MetricsCollector::SloCount;
  using SloCounts = engine::MetricsCollector::SloCounts;
  const std::pair<const char*, SloCount SloCounts::*> sloMetrics[] = {
      {"ttft", &SloCounts::ttft}, {"tbt", &SloCounts::tbt}, {"ttlt", &SloCounts::ttlt}};
  for (const auto& [family, help, judged] :
       {std::tuple{"headroom_slo_requests_total", "Finished requests judged against a bound of their class's SLO.", true},
        std::tuple{"headroom_slo_met_total", "Finished requests that met a bound of their class's SLO.", false}}) {
    out.family(family, "counter", help);
    for (std::size_t c = 0; c < sloCounts.size() && c < classes.size(); ++c) {
      for (const auto& [metric, member] : sloMetrics) {
        const SloCount& count = sloCounts[c].*member;
        MetricLabels labels = classLabel(c);
        labels.emplace_back("metric", metric);
        out.sample(family, labels, judged ? count.judged : count.met);
      }
    }
  }
  out.family("headroom_kv_used_ratio", "gauge", "Share of KV-cache blocks in use.");
  out.sample("headroom_kv_used_ratio", {}, status.kvUsedFraction);
  out.family("headroom_iterations_total", "counter", "Iterations the instance ran.");
  out.sample("headroom_iterations_total", {}, static_cast<std::uint64_t>(stats.iterations));
  out.family("headroom_busy_seconds_total", "counter", "Time the instance spent running iterations.");
  out.sample("headroom_busy_seconds_total", {}, stats.busyS);
  writeHttpServerMetrics(out, *httpCounters_);
  writeProcessMetrics(out);
  if (quicStreamMetrics_) quicStreamMetrics_->write(out, "answers");
  respond(exchange, {200, {{"Content-Type", std::string(PrometheusWriter::kContentType)}}, out.take()});
}

}  // namespace headroom::serve
