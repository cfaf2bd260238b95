#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/metrics/bucket_histogram.h"

namespace headroom::serve {

using MetricLabels = std::vector<std::pair<std::string, std::string>>;

// Builds a Prometheus text exposition (format 0.0.4): one HELP and TYPE line per family, then its
// samples. Label values are escaped. Families must be written whole, one after the other.
class PrometheusWriter {
 public:
  void family(std::string_view name, std::string_view type, std::string_view help);
  void sample(std::string_view name, const MetricLabels& labels, double value);
  void sample(std::string_view name, const MetricLabels& labels, std::uint64_t value);
  // name_bucket{le=...}, name_sum and name_count for one labelled histogram of the current family.
  void histogram(std::string_view name, const MetricLabels& labels, const engine::BucketHistogram& histogram);

  const std::string& text() const { return text_; }
  std::string take() { return std::move(text_); }

  static constexpr std::string_view kContentType = "text/plain; version=0.0.4; charset=utf-8";

 private:
  void appendLabels(const MetricLabels& labels, std::string_view extraName = {}, std::string_view extraValue = {});

  std::string text_;
};

}  // namespace headroom::serve
