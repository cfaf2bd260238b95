#pragma once

#include <QString>

#include <optional>

#include "engine/metrics/latency_metric.h"
#include "engine/store/run_record.h"
#include "ui/report/run_comparison.h"

namespace headroom::ui {

// Translated, locale-formatted text for reports, the runs table and the comparison dialog. The engine
// returns codes and seconds; these map them to what an operator reads. UI thread or any thread after
// the translators are installed.

QString runStatusText(engine::RunStatus status);
QString metricText(engine::LatencyMetric metric);  // "queue time", "TTFT", "TBT", "TTLT", "gap between tokens"
QString watchedText(engine::LatencyMetric metric, double percentile);  // e.g. "TTFT p99"
// "—" when empty; milliseconds below one second ("120 ms"), else seconds ("1.52 s").
QString latencyText(const std::optional<double>& seconds);
// A signed latency difference ("+12 ms", "−1.2 s"); "—" when empty.
QString latencyDeltaText(const std::optional<double>& seconds);
// "98.5 %" ; "—" when empty.
QString percentText(const std::optional<double>& share);
// Signed percentage points ("+1.5 pp"); "—" when empty.
QString percentPointsText(const std::optional<double>& shareDelta);
// "3.21 req/s" ; "—" when empty. With a sign when `signedValue`.
QString rateText(const std::optional<double>& perS, bool signedValue = false);
// "TTFT ≤ 2 s, TBT ≤ 100 ms (p99)"; "none" without a bound.
QString sloText(const engine::Slo& slo);
// An ISO 8601 UTC time as "2026-11-21 14:03:07 UTC"; the text itself when it does not parse.
QString utcText(const std::string& isoUtc);

}  // namespace headroom::ui
