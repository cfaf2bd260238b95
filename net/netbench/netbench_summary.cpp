#include "net/netbench/netbench_summary.h"

#include <algorithm>
#include <limits>
#include <tuple>

namespace headroom::net::netbench {

VariantSummary summarize(std::string variant, const std::vector<NetbenchClass>& classes, std::span<const RunOutcome> runs) {
  VariantSummary summary;
  summary.variant = std::move(variant);
  summary.runs = runs.size();
  for (const RunOutcome& run : runs) {
    if (!run.failure.empty()) summary.failures.push_back(run.failure);
  }
  for (std::size_t c = 0; c < classes.size(); ++c) {
    ClassSummary row;
    row.className = classes[c].name;
    std::vector<double> runShares;
    std::vector<double> latenciesS;
    for (const RunOutcome& run : runs) {
      std::size_t inClass = 0, met = 0;
      for (const RequestOutcome& r : run.requests) {
        if (r.classIndex != c) continue;
        ++inClass;
        if (r.dropped) ++row.streamsDropped;
        row.bytesDropped += r.bytesDropped;
        if (!r.latency) continue;
        ++row.completed;
        latenciesS.push_back(std::chrono::duration<double>(*r.latency).count());
        if (*r.latency <= classes[c].deadline) ++met;
      }
      row.requests += inClass;
      row.withinDeadline += met;
      if (inClass > 0) runShares.push_back(100.0 * static_cast<double>(met) / static_cast<double>(inClass));
    }
    row.withinDeadlinePercent = meanWithInterval(runShares);
    if (!latenciesS.empty()) {
      double sum = 0;
      for (double v : latenciesS) sum += v;
      row.latencyMeanS = sum / static_cast<double>(latenciesS.size());
      row.latencyP50S = percentile(latenciesS, 50);
      row.latencyP99S = percentile(latenciesS, 99);
    }
    summary.classes.push_back(std::move(row));
  }
  return summary;
}

std::vector<std::string> rankVariants(std::span<const VariantSummary> variants, std::size_t classIndex) {
  struct Entry {
    double share, latency;
    std::string name;
  };
  std::vector<Entry> entries;
  for (const VariantSummary& v : variants) {
    if (v.unavailable || classIndex >= v.classes.size()) continue;
    const ClassSummary& row = v.classes[classIndex];
    entries.push_back({row.withinDeadlinePercent.mean.value_or(-1.0),
                       row.latencyMeanS.value_or(std::numeric_limits<double>::infinity()), v.variant});
  }
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return std::tie(b.share, a.latency, a.name) < std::tie(a.share, b.latency, b.name);
  });
  std::vector<std::string> names;
  for (Entry& e : entries) names.push_back(std::move(e.name));
  return names;
}

}  // namespace headroom::net::netbench
