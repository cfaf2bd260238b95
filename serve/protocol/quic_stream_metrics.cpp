#include "serve/protocol/quic_stream_metrics.h"

#include "engine/metrics/latency_buckets.h"
#include "net/quic/quic_udp_server.h"

namespace headroom::serve {

namespace {

constexpr std::string_view kOtherClass = "other";

}  // namespace

QuicStreamMetrics::QuicStreamMetrics(std::vector<std::string> classNames) {
  classNames.emplace_back(net::quic::kControlStreamClass);
  classNames.emplace_back(kOtherClass);
  for (std::string& name : classNames) {
    ClassFigures figures;
    figures.className = std::move(name);
    figures.completionSeconds = engine::BucketHistogram(engine::latencyBucketBoundsS());
    classes_.push_back(std::move(figures));
  }
}

std::size_t QuicStreamMetrics::indexOf(const std::string& className) const {
  for (std::size_t c = 0; c + 1 < classes_.size(); ++c) {
    if (classes_[c].className == className) return c;
  }
  return classes_.size() - 1;
}

void QuicStreamMetrics::streamEnded(const net::quic::StreamRecord& record) {
  std::lock_guard lock(mutex_);
  if (record.className.empty()) {
    ++refusedHeaders_;
    return;
  }
  ClassFigures& figures = classes_[indexOf(record.className)];
  switch (record.outcome) {
    case net::quic::StreamOutcome::Completed:
      ++figures.completed;
      if (record.withinDeadline) ++figures.withinDeadline;
      figures.completionSeconds.record(std::chrono::duration_cast<engine::Duration>(record.duration));
      figures.completion.record(std::chrono::duration_cast<engine::Duration>(record.duration));
      break;
    case net::quic::StreamOutcome::DeadlinePassed: ++figures.droppedAtDeadline; break;
    case net::quic::StreamOutcome::Reset: ++figures.reset; break;
    case net::quic::StreamOutcome::Refused: ++figures.refused; break;
  }
  figures.bytesSent += record.bytesSent;
  figures.bytesReceived += record.bytesReceived;
  figures.lostPackets += record.lostPackets;
}

std::vector<QuicStreamMetrics::ClassFigures> QuicStreamMetrics::figures() const {
  std::lock_guard lock(mutex_);
  return classes_;
}

std::uint64_t QuicStreamMetrics::refusedHeaders() const {
  std::lock_guard lock(mutex_);
  return refusedHeaders_;
}

void QuicStreamMetrics::write(PrometheusWriter& out, std::string_view sentWhat) const {
  const std::vector<ClassFigures> classes = figures();
  const std::uint64_t refusedHeaders = this->refusedHeaders();
  auto label = [](const ClassFigures& figures) { return MetricLabels{{"class", figures.className}}; };
  out.family("headroom_quic_streams_total", "counter",
             "QUIC request streams that ended, by class and outcome: completed, deadline_passed (dropped by a stream "
             "scheduler at the deadline), reset (cancelled, the peer or the connection went away), refused (the stream "
             "header was refused).");
  for (const ClassFigures& figures : classes) {
    const std::pair<const char*, std::uint64_t> outcomes[] = {
        {"completed", figures.completed}, {"deadline_passed", figures.droppedAtDeadline}, {"reset", figures.reset}, {"refused", figures.refused}};
    for (const auto& [outcome, value] : outcomes) {
      out.sample("headroom_quic_streams_total", {{"class", figures.className}, {"outcome", outcome}}, value);
    }
  }
  out.family("headroom_quic_streams_within_deadline_total", "counter",
             "Completed QUIC request streams that ended by their deadline (all completed ones when they had none), by class.");
  for (const ClassFigures& figures : classes) out.sample("headroom_quic_streams_within_deadline_total", label(figures), figures.withinDeadline);
  out.family("headroom_quic_stream_completion_seconds", "histogram",
             "Completed QUIC request streams: from the stream's first byte to its last.");
  for (const ClassFigures& figures : classes) out.histogram("headroom_quic_stream_completion_seconds", label(figures), figures.completionSeconds);
  out.family("headroom_quic_stream_sent_bytes_total", "counter",
             "Stream payload bytes this end sent (" + std::string(sentWhat) + "), by class.");
  for (const ClassFigures& figures : classes) out.sample("headroom_quic_stream_sent_bytes_total", label(figures), figures.bytesSent);
  out.family("headroom_quic_stream_received_bytes_total", "counter", "Stream payload bytes this end received, by class.");
  for (const ClassFigures& figures : classes) out.sample("headroom_quic_stream_received_bytes_total", label(figures), figures.bytesReceived);
  out.family("headroom_quic_streams_dropped_at_deadline_total", "counter",
             "QUIC request streams a stream scheduler dropped at their deadline (reset with DeadlinePassed), by class.");
  for (const ClassFigures& figures : classes) {
    out.sample("headroom_quic_streams_dropped_at_deadline_total", label(figures), figures.droppedAtDeadline);
  }
  out.family("headroom_quic_stream_lost_packets_total", "counter",
             "Packets carrying a stream's data that QUIC declared lost (and sent again), by class.");
  for (const ClassFigures& figures : classes) out.sample("headroom_quic_stream_lost_packets_total", label(figures), figures.lostPackets);
  out.family("headroom_quic_streams_refused_total", "counter",
             "QUIC streams reset because their header was malformed or named a class not served.");
  out.sample("headroom_quic_streams_refused_total", MetricLabels{}, refusedHeaders);
}

}  // namespace headroom::serve
