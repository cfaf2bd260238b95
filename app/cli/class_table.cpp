#include "app/cli/class_table.h"

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include <spdlog/fmt/fmt.h>

namespace headroom::cli {

std::string formatSeconds(double seconds) {
  if (seconds < 1e-3) return fmt::format("{:.0f}us", seconds * 1e6);
  if (seconds < 1.0) return fmt::format("{:.1f}ms", seconds * 1e3);
  if (seconds < 1000.0) return fmt::format("{:.2f}s", seconds);
  return fmt::format("{:.0f}s", seconds);
}

namespace {

std::string percentiles(const engine::LatencyStats& stats) {
  if (stats.count == 0) return "-";
  return formatSeconds(stats.p50S) + " / " + formatSeconds(stats.p95S) + " / " + formatSeconds(stats.p99S);
}

std::string gaps(const engine::LatencyStats& stats) {
  if (stats.count == 0) return "-";
  return formatSeconds(stats.p50S) + " / " + formatSeconds(stats.p99S);
}

}  // namespace

void printClassTable(std::ostream& out, const engine::Snapshot& snapshot) {
  // "TBT (judged)" is each request's effective TBT as its bound judges it; "gap" is every single gap between
  // two tokens, which no bound judges (a late gap is made up by earlier tokens ahead of their deadlines).
  const std::vector<std::string> header = {"class",            "arrived",
                                           "done",             "relegated",
                                           "attain",           "queue p50/p95/p99",
                                           "TTFT p50/p95/p99", "TBT (judged) p50/p95/p99",
                                           "TTLT p50/p95/p99", "gap p50/p99"};
  std::vector<std::vector<std::string>> rows;
  for (const engine::ClassSnapshot& cls : snapshot.classes) {
    rows.push_back({cls.name, std::to_string(cls.arrived), std::to_string(cls.completed),
                    std::to_string(cls.relegated),
                    cls.attainment ? fmt::format("{:.2f}%", *cls.attainment * 100.0) : "-", percentiles(cls.queue),
                    percentiles(cls.ttft), percentiles(cls.tbt), percentiles(cls.ttlt), gaps(cls.tokenGap)});
  }
  std::vector<std::size_t> widths(header.size());
  for (std::size_t c = 0; c < header.size(); ++c) {
    widths[c] = header[c].size();
    for (const auto& row : rows) widths[c] = std::max(widths[c], row[c].size());
  }
  auto printRow = [&](const std::vector<std::string>& row) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      // Names left-aligned, figures right-aligned.
      out << (c == 0 ? fmt::format("{:<{}}", row[c], widths[c]) : fmt::format("  {:>{}}", row[c], widths[c]));
    }
    out << '\n';
  };
  printRow(header);
  std::size_t total = 0;
  for (std::size_t c = 0; c < widths.size(); ++c) total += widths[c] + (c == 0 ? 0 : 2);
  out << std::string(total, '-') << '\n';
  for (const auto& row : rows) printRow(row);
}

}  // namespace headroom::cli
