#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "engine/workload/scenario.h"

namespace headroom::engine {

// One request of a trace. `arrivalS` counts from the trace's first request (time 0).
// `classIndex` is the index into the class names given to readTrace() for formats with a class column
// (headroom), and -1 for formats without one (azure, burstgpt).
struct TraceRow {
  double arrivalS = 0.0;
  std::int32_t promptTokens = 1;
  std::int32_t outputTokens = 1;
  std::int32_t classIndex = -1;
};

// A whole trace, sorted by arrival (stably, so rows with equal times keep file order).
// `skippedRows` counts rows dropped by the format's rules (burstgpt: 0 request or 0 response tokens).
struct Trace {
  std::vector<TraceRow> rows;
  std::size_t skippedRows = 0;
};

// A trace file that cannot be read or has a bad row. what() reads "<file>:<line>: <problem>" (no line
// when the problem is not tied to one).
class TraceError : public std::runtime_error {
 public:
  TraceError(std::filesystem::path file, std::size_t line, const std::string& problem);
  const std::filesystem::path& file() const { return file_; }
  std::size_t line() const { return line_; }  // 1-based; 0 when not tied to a line

 private:
  std::filesystem::path file_;
  std::size_t line_;
};

// Reads a CSV trace with a header row; columns are found by header name (case and surrounding spaces
// ignored) and extra columns are allowed.
//  azure:    TIMESTAMP (e.g. "2023-11-16 18:15:46.6805900"), ContextTokens, GeneratedTokens; token
//            counts of 0 become 1.
//  burstgpt: Timestamp (seconds), Request tokens, Response tokens; rows with 0 request or 0 response
//            tokens are skipped and counted.
//  headroom: arrival_s, class, prompt_tokens (>= 1), output_tokens (>= 1); the class must be one of
//            `classNames`.
// Throws TraceError for a missing file, a missing column, a bad row, or a trace without requests.
Trace readTrace(const std::filesystem::path& file, TraceFormat format,
                const std::vector<std::string>& classNames = {});

std::string_view toString(TraceFormat format);
std::optional<TraceFormat> traceFormatFromString(std::string_view text);
inline constexpr std::string_view kTraceFormatNames = "azure, burstgpt, headroom";

// Nanoseconds since 1970-01-01 00:00:00 of a "YYYY-MM-DD HH:MM:SS[.fraction]" timestamp (a 'T' may
// stand for the space; no time zone; digits past the ninth decimal are ignored), or nothing when the
// text is not one.
std::optional<std::int64_t> parseDateTimeNs(std::string_view text);

}  // namespace headroom::engine
