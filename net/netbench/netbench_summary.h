#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "net/netbench/netbench_outcome.h"
#include "net/netbench/netbench_stats.h"
#include "net/netbench/netbench_workload.h"

namespace headroom::net::netbench {

// One row of netbench's table: a variant's figures for one class over all its runs (seeds).
struct ClassSummary {
  std::string className;
  std::size_t requests = 0;        // over all runs
  std::size_t completed = 0;       // echo complete, late or not
  std::size_t withinDeadline = 0;  // echo complete within the class's deadline
  std::size_t streamsDropped = 0;  // dropped at the deadline by a stream scheduler (counted as missed)
  std::uint64_t bytesDropped = 0;  // over all runs
  // The share of the class's requests within their deadline, in percent: the mean of the runs' shares
  // (runs with no request of the class left out) and its 95% t interval over the runs.
  MeanInterval withinDeadlinePercent;
  // Over every completed request of all runs, in seconds (late ones included).
  std::optional<double> latencyMeanS, latencyP50S, latencyP99S;
};

// A variant's table. `unavailable` says why it has no figures (e.g. tls-tcp over the virtual link);
// `failures` lists runs that could not go on (their unfinished requests count as missed).
struct VariantSummary {
  std::string variant;
  std::optional<std::string> unavailable;
  std::size_t runs = 0;
  std::vector<ClassSummary> classes;
  std::vector<std::string> failures;
};

VariantSummary summarize(std::string variant, const std::vector<NetbenchClass>& classes, std::span<const RunOutcome> runs);

// The variants with figures, best first for class `classIndex`: by mean share within the deadline, then
// by mean latency (lower first), then by name.
std::vector<std::string> rankVariants(std::span<const VariantSummary> variants, std::size_t classIndex);

}  // namespace headroom::net::netbench
