#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "serve/fleet/observed_service.h"

namespace headroom::serve {

// One PromQL query of a panel and its legend ("{{class}}").
struct DashboardQuery {
  std::string expr;
  std::string legend;
};

// A time-series panel. `unit` is Grafana's unit id ("s", "percentunit", "reqps", "short"). A threshold
// is drawn as a line: an upper bound (a latency SLO: above it is red) or a lower one (an attainment
// target: below it is red).
struct DashboardPanel {
  enum class Bound : std::uint8_t { Upper, Lower };
  struct Threshold {
    double value = 0.0;
    Bound bound = Bound::Upper;
  };

  std::string title;
  std::string description;
  std::string unit;
  std::vector<DashboardQuery> queries;
  std::optional<Threshold> threshold;
};

struct DashboardRow {
  std::string title;
  std::vector<DashboardPanel> panels;
};

// A Grafana dashboard as data: a row per class (attainment against the class's percentile, TTFT, judged
// TBT, end-to-end and queue-time percentiles from the histograms against the class's bounds, 429s,
// relegations, cancellations; a router's own counters for a route), then a pool row (headroom as the
// instances' idle share, KV use, queued and running requests, instances reporting; members for a route),
// and for a route a re-planner row (desired vs current instances per mode, plan changes, the desired total
// beside the serving instances scraped; a router exports them with `--replan advisory|auto`). Every query
// names only metrics that `serve` or `route` export on /metrics.
struct GrafanaDashboard {
  std::string title;
  std::string uid;  // at most 40 characters, [A-Za-z0-9_-]
  std::vector<DashboardRow> rows;
};

GrafanaDashboard buildGrafanaDashboard(const ObservedService& service);

// Grafana's dashboard JSON model (importable; a Prometheus data source chosen by the `datasource`
// variable). Panels are laid out four to a line under their row. Stable: keys sorted, ids in order.
nlohmann::json grafanaDashboardJson(const GrafanaDashboard& dashboard);

}  // namespace headroom::serve
