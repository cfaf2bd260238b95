#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "engine/metrics/bucket_histogram.h"
#include "engine/metrics/log_histogram.h"
#include "net/quic/quic_stream_observer.h"
#include "serve/protocol/prometheus_writer.h"

namespace headroom::serve {

// Per-class figures of the QUIC request streams one end saw (the server's answers or the router's
// uploads): streams by outcome, completion seconds (the one latency bucket set), payload bytes each way,
// streams dropped at their deadline, packets lost (ngtcp2 counts lost packets per stream, not bytes),
// and streams refused for their header. The classes are fixed at construction, plus the control class
// of requests without one; a stream of another class counts under class "other". Thread-safe; memory
// fixed at construction.
class QuicStreamMetrics final : public net::quic::StreamObserver {
 public:
  explicit QuicStreamMetrics(std::vector<std::string> classNames);

  void streamEnded(const net::quic::StreamRecord& record) override;

  struct ClassFigures {
    std::string className;
    std::uint64_t completed = 0, withinDeadline = 0, droppedAtDeadline = 0, reset = 0, refused = 0;
    std::uint64_t bytesSent = 0, bytesReceived = 0, lostPackets = 0;
    engine::BucketHistogram completionSeconds;  // the one bucket set, for /metrics
    engine::LogHistogram completion;            // the same streams, for percentiles
  };
  std::vector<ClassFigures> figures() const;
  // Streams refused for their header (malformed, or a class not served).
  std::uint64_t refusedHeaders() const;

  // Writes the families headroom_quic_streams_total{class,outcome}, headroom_quic_stream_completion_seconds,
  // headroom_quic_stream_sent_bytes_total, headroom_quic_stream_received_bytes_total,
  // headroom_quic_streams_within_deadline_total,
  // headroom_quic_streams_dropped_at_deadline_total, headroom_quic_stream_lost_packets_total and
  // headroom_quic_streams_refused_total. `sentWhat` says what this end sends ("answers", "requests").
  void write(PrometheusWriter& out, std::string_view sentWhat) const;

 private:
  std::size_t indexOf(const std::string& className) const;

  mutable std::mutex mutex_;
  std::vector<ClassFigures> classes_;
  std::uint64_t refusedHeaders_ = 0;
};

}  // namespace headroom::serve
