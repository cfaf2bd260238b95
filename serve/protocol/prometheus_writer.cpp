#include "serve/protocol/prometheus_writer.h"

#include <cmath>
#include <cstdio>

namespace headroom::serve {

namespace {

std::string formatValue(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.9g", value);
  return buffer;
}

void appendEscaped(std::string& out, std::string_view value) {
  for (char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out.push_back(c);
    }
  }
}

}  // namespace

void PrometheusWriter::family(std::string_view name, std::string_view type, std::string_view help) {
  text_ += "# HELP ";
  text_ += name;
  text_ += ' ';
  for (char c : help) text_ += c == '\n' ? ' ' : c;
  text_ += "\n# TYPE ";
  text_ += name;
  text_ += ' ';
  text_ += type;
  text_ += '\n';
}

void PrometheusWriter::appendLabels(const MetricLabels& labels, std::string_view extraName, std::string_view extraValue) {
  if (labels.empty() && extraName.empty()) return;
  text_ += '{';
  bool first = true;
  for (const auto& [name, value] : labels) {
    if (!first) text_ += ',';
    first = false;
    text_ += name;
    text_ += "=\"";
    appendEscaped(text_, value);
    text_ += '"';
  }
  if (!extraName.empty()) {
    if (!first) text_ += ',';
    text_ += extraName;
    text_ += "=\"";
    appendEscaped(text_, extraValue);
    text_ += '"';
  }
  text_ += '}';
}

void PrometheusWriter::sample(std::string_view name, const MetricLabels& labels, double value) {
  text_ += name;
  appendLabels(labels);
  text_ += ' ';
  text_ += formatValue(value);
  text_ += '\n';
}

void PrometheusWriter::sample(std::string_view name, const MetricLabels& labels, std::uint64_t value) {
  text_ += name;
  appendLabels(labels);
  text_ += ' ';
  text_ += std::to_string(value);
  text_ += '\n';
}

void PrometheusWriter::histogram(std::string_view name, const MetricLabels& labels, const engine::BucketHistogram& histogram) {
  const std::string bucket = std::string(name) + "_bucket";
  const auto& bounds = histogram.boundsS();
  for (std::size_t i = 0; i <= bounds.size(); ++i) {
    text_ += bucket;
    appendLabels(labels, "le", i < bounds.size() ? formatValue(bounds[i]) : std::string("+Inf"));
    text_ += ' ';
    text_ += std::to_string(histogram.cumulative(i));
    text_ += '\n';
  }
  sample(std::string(name) + "_sum", labels, histogram.sumS());
  sample(std::string(name) + "_count", labels, histogram.count());
}

}  // namespace headroom::serve
