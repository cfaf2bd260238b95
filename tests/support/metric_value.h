#pragma once

#include <string>

namespace headroom::test {

// The value of one sample line of a Prometheus exposition ("name{labels} value", the labels as the
// server writes them); -1 when absent.
inline double metricValue(const std::string& text, const std::string& series) {
  const std::size_t at = text.find("\n" + series + " ");
  if (at == std::string::npos) return -1.0;
  const std::size_t start = at + series.size() + 2;
  return std::stod(text.substr(start, text.find('\n', start) - start));
}

}  // namespace headroom::test
