#include "serve/fleet/grafana_dashboard.h"

#include <cstdint>

#include "serve/fleet/promql.h"

namespace headroom::serve {

namespace {

constexpr std::string_view kRateWindow = "[$__rate_interval]";
constexpr int kPanelWidth = 6;
constexpr int kPanelHeight = 8;
constexpr int kGridWidth = 24;
constexpr std::size_t kMaxUidLength = 40;

std::string rate(std::string_view metric, std::string_view matcher) {
  return "rate(" + std::string(metric) + std::string(matcher) + std::string(kRateWindow) + ")";
}

std::string sumRate(std::string_view metric, std::string_view matcher, std::string_view by = {}) {
  const std::string grouping = by.empty() ? std::string() : " by (" + std::string(by) + ")";
  return "sum" + grouping + " (" + rate(metric, matcher) + ")";
}

std::string quantile(double q, std::string_view histogram, std::string_view matcher) {
  return "histogram_quantile(" + promNumber(q) + ", " + sumRate(std::string(histogram) + "_bucket", matcher, "le") + ")";
}

// The class's watched percentile and the median of one latency histogram.
std::vector<DashboardQuery> percentiles(std::string_view histogram, const ServedClass& served, std::string_view matcher) {
  const double watched = served.qos.slo.percentile;
  std::vector<DashboardQuery> queries{{quantile(watched / 100.0, histogram, matcher), percentileName(watched)}};
  if (watched != 50.0) queries.push_back({quantile(0.5, histogram, matcher), "p50"});
  return queries;
}

std::optional<DashboardPanel::Threshold> upperBound(const std::optional<engine::Duration>& bound) {
  if (!bound) return std::nullopt;
  return DashboardPanel::Threshold{engine::toSeconds(*bound), DashboardPanel::Bound::Upper};
}

DashboardRow classRow(const ObservedService& service, const ServedClass& served) {
  const std::string m = classMatcher(served.qos.name);
  const engine::Slo& slo = served.qos.slo;
  const std::string watched = percentileName(slo.percentile);
  DashboardRow row{"Class " + served.qos.name, {}};
  row.panels.push_back(
      {"Attainment",
       "Share of finished requests that met every bound of the class's SLO, and per bound; the line is the class's "
       "target (" + watched + ").",
       "percentunit",
       {{sumRate("headroom_requests_slo_met_total", m) + " / " + sumRate("headroom_requests_completed_total", m), "all bounds"},
        {sumRate("headroom_slo_met_total", m, "metric") + " / " + sumRate("headroom_slo_requests_total", m, "metric"),
         "{{metric}}"}},
       DashboardPanel::Threshold{slo.percentile / 100.0, DashboardPanel::Bound::Lower}});
  row.panels.push_back({"TTFT", "Time to first token; the line is the class's TTFT bound.", "s",
                        percentiles("headroom_ttft_seconds", served, m), upperBound(slo.ttft)});
  row.panels.push_back({"TBT (judged)", "Each finished request's judged time between tokens; the line is the class's TBT bound.",
                        "s", percentiles("headroom_tbt_seconds", served, m), upperBound(slo.tbt)});
  row.panels.push_back({"End to end", "Arrival to the last token; the line is the class's TTLT bound.", "s",
                        percentiles("headroom_e2e_seconds", served, m), upperBound(slo.ttlt)});
  row.panels.push_back({"Queue time", "Arrival to the first scheduled iteration.", "s",
                        percentiles("headroom_queue_seconds", served, m), std::nullopt});
  row.panels.push_back({"Rejected (429)", "Requests refused because the class's queue was full.", "reqps",
                        {{sumRate("headroom_rejections_total", m, "reason"), "{{reason}}"}}, std::nullopt});
  row.panels.push_back({"Relegations", "Requests held back on overload, or relegated past their deadline.", "reqps",
                        {{sumRate("headroom_relegations_total", m, "reason"), "{{reason}}"}}, std::nullopt});
  row.panels.push_back({"Cancelled and failed", "Requests whose client left before the last token; requests that failed (500).",
                        "reqps",
                        {{sumRate("headroom_requests_cancelled_total", m), "cancelled"},
                         {sumRate("headroom_requests_failed_total", m), "failed"}},
                        std::nullopt});
  if (service.kind == ServiceKind::Route) {
    row.panels.push_back({"Router: requests and errors",
                          "The router's own counters: accepted, retried on another member, 503 with no member left, 502 "
                          "with the member failed, 504 past the stream deadline, streams broken off.",
                          "reqps",
                          {{sumRate("headroom_router_requests_total", m), "accepted"},
                           {sumRate("headroom_router_retries_total", m), "retried"},
                           {sumRate("headroom_router_unavailable_total", m), "503 no member"},
                           {sumRate("headroom_router_member_failed_requests_total", m), "502 member failed"},
                           {sumRate("headroom_router_deadline_passed_total", m), "504 deadline passed"},
                           {sumRate("headroom_router_stream_errors_total", m), "stream broken off"}},
                          std::nullopt});
    row.panels.push_back({"Router: first byte", "Arrival at the router to the first answer byte from a member.", "s",
                          percentiles("headroom_router_first_byte_seconds", served, m), std::nullopt});
  }
  return row;
}

DashboardRow poolRow(const ObservedService& service) {
  DashboardRow row{"Pool", {}};
  row.panels.push_back({"Headroom",
                        "Share of time the instances are idle (1 - busy share), overall and per instance's busy share.",
                        "percentunit",
                        {{"1 - avg(" + rate("headroom_busy_seconds_total", "") + ")", "headroom"},
                         {rate("headroom_busy_seconds_total", ""), "busy {{instance}}"}},
                        std::nullopt});
  row.panels.push_back({"KV cache in use", "Share of each instance's KV-cache blocks in use.", "percentunit",
                        {{"headroom_kv_used_ratio", "{{instance}}"}}, std::nullopt});
  row.panels.push_back({"Queued and running", "Requests admitted and not yet scheduled, and scheduled and not finished.",
                        "short",
                        {{"sum by (class) (headroom_queue_depth)", "queued {{class}}"},
                         {"sum by (class) (headroom_running_requests)", "running {{class}}"}},
                        std::nullopt});
  row.panels.push_back({"Instances", "Serving instances Prometheus scrapes.", "short",
                        {{"count(headroom_busy_seconds_total)", "serving"}}, std::nullopt});
  if (service.kind == ServiceKind::Route) {
    row.panels.push_back({"Members up", "1 while the router sends a member requests, 0 while it skips it.", "short",
                          {{"headroom_router_member_up", "{{member}}"}}, std::nullopt});
    row.panels.push_back({"In flight per member", "Requests the router has in flight per member.", "short",
                          {{"headroom_router_member_in_flight", "{{member}}"}}, std::nullopt});
  }
  return row;
}

// The re-planner of `route --replan advisory|auto` (serve/router/replan_runner): its desired and
// recommended instances per mode, its changes, and its desired total beside the serving instances
// Prometheus scrapes.
DashboardRow replannerRow() {
  DashboardRow row{"Re-planner", {}};
  row.panels.push_back(
      {"Instances: desired vs recommended",
       "Instances per mode. desired: the plan the re-planner holds after its hysteresis (scale up fast, down "
       "after a cooldown, never while a change settles, never above the GPU budget); it is what KEDA or an HPA "
       "scales each mode's Deployment to, and in auto mode the router routes by its shares. recommended: the "
       "last solve's plan for the per-class rates the router measures, before the hysteresis and the budget. "
       "Only a router started with --replan advisory|auto exports them. Each router re-plans from the requests "
       "it routes itself; with several routers scraped the panel shows the largest.",
       "short",
       {{"max by (mode) (headroom_router_desired_instances)", "desired {{mode}}"},
        {"max by (mode) (headroom_router_recommended_instances)", "recommended {{mode}}"}},
       std::nullopt});
  row.panels.push_back({"Plan changes",
                        "Changes of instances (up or down) the re-planner applied within each rate interval. At a "
                        "steady load there are none; changes back and forth mean the load moves faster than the "
                        "cooldown. Only with --replan advisory|auto.",
                        "short",
                        {{"sum(increase(headroom_router_replan_changes_total" + std::string(kRateWindow) + "))", "changes"}},
                        std::nullopt});
  row.panels.push_back(
      {"Desired vs serving instances",
       "The re-planner's desired instances over all modes beside the serve processes this Prometheus scrapes "
       "(one headroom_busy_seconds_total series each), when it scrapes the router and the serving pods alike. "
       "The count takes every serve it scrapes, also ones outside this router's fleet, and a pod leaves it only "
       "when its scrape fails or goes stale: the lines meet once the fleet has scaled to the desired plan.",
       "short",
       {{"sum(max by (mode) (headroom_router_desired_instances))", "desired (all modes)"},
        {"count(headroom_busy_seconds_total)", "serving, scraped"}},
       std::nullopt});
  return row;
}

std::string dashboardUid(const ObservedService& service) {
  std::string uid = "headroom-" + std::string(toString(service.kind)) + "-";
  for (const char c : service.name) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    uid += plain ? c : '_';
  }
  if (uid.size() > kMaxUidLength) uid.resize(kMaxUidLength);
  return uid;
}

nlohmann::json panelJson(const DashboardPanel& panel, int id, int x, int y) {
  nlohmann::json targets = nlohmann::json::array();
  char refId = 'A';
  for (const DashboardQuery& query : panel.queries) {
    targets.push_back({{"datasource", {{"type", "prometheus"}, {"uid", "${datasource}"}}},
                       {"expr", query.expr},
                       {"legendFormat", query.legend},
                       {"refId", std::string(1, refId++)}});
  }
  nlohmann::json steps = nlohmann::json::array();
  nlohmann::json custom = {{"drawStyle", "line"}, {"lineWidth", 1}, {"fillOpacity", 0}, {"showPoints", "never"}};
  if (panel.threshold) {
    const bool upper = panel.threshold->bound == DashboardPanel::Bound::Upper;
    steps.push_back({{"color", upper ? "green" : "red"}, {"value", nullptr}});
    steps.push_back({{"color", upper ? "red" : "green"}, {"value", panel.threshold->value}});
    custom["thresholdsStyle"] = {{"mode", "line"}};
  } else {
    steps.push_back({{"color", "green"}, {"value", nullptr}});
    custom["thresholdsStyle"] = {{"mode", "off"}};
  }
  nlohmann::json defaults = {{"unit", panel.unit}, {"min", 0}, {"custom", custom},
                             {"thresholds", {{"mode", "absolute"}, {"steps", steps}}}};
  if (panel.unit == "percentunit") defaults["max"] = 1;
  return {{"id", id},
          {"type", "timeseries"},
          {"title", panel.title},
          {"description", panel.description},
          {"datasource", {{"type", "prometheus"}, {"uid", "${datasource}"}}},
          {"gridPos", {{"h", kPanelHeight}, {"w", kPanelWidth}, {"x", x}, {"y", y}}},
          {"fieldConfig", {{"defaults", defaults}, {"overrides", nlohmann::json::array()}}},
          {"options", {{"legend", {{"displayMode", "list"}, {"placement", "bottom"}, {"showLegend", true}}},
                       {"tooltip", {{"mode", "multi"}, {"sort", "none"}}}}},
          {"targets", targets}};
}

}  // namespace

GrafanaDashboard buildGrafanaDashboard(const ObservedService& service) {
  GrafanaDashboard dashboard;
  dashboard.title = "Headroom " + std::string(toString(service.kind)) + ": " + service.name;
  dashboard.uid = dashboardUid(service);
  for (const ServedClass& served : service.classes) dashboard.rows.push_back(classRow(service, served));
  dashboard.rows.push_back(poolRow(service));
  if (service.kind == ServiceKind::Route) dashboard.rows.push_back(replannerRow());
  return dashboard;
}

nlohmann::json grafanaDashboardJson(const GrafanaDashboard& dashboard) {
  nlohmann::json panels = nlohmann::json::array();
  int id = 1;
  int y = 0;
  for (const DashboardRow& row : dashboard.rows) {
    panels.push_back({{"id", id++},
                      {"type", "row"},
                      {"title", row.title},
                      {"collapsed", false},
                      {"gridPos", {{"h", 1}, {"w", kGridWidth}, {"x", 0}, {"y", y}}},
                      {"panels", nlohmann::json::array()}});
    y += 1;
    int x = 0;
    for (const DashboardPanel& panel : row.panels) {
      if (x + kPanelWidth > kGridWidth) {
        x = 0;
        y += kPanelHeight;
      }
      panels.push_back(panelJson(panel, id++, x, y));
      x += kPanelWidth;
    }
    if (!row.panels.empty()) y += kPanelHeight;
  }
  nlohmann::json datasource = {{"name", "datasource"},
                               {"label", "Prometheus"},
                               {"type", "datasource"},
                               {"query", "prometheus"},
                               {"current", nlohmann::json::object()},
                               {"hide", 0}};
  return {{"title", dashboard.title},
          {"uid", dashboard.uid},
          {"tags", {"headroom"}},
          {"timezone", "utc"},
          {"editable", true},
          {"graphTooltip", 1},
          {"refresh", "30s"},
          {"schemaVersion", 39},
          {"version", 1},
          {"time", {{"from", "now-6h"}, {"to", "now"}}},
          {"templating", {{"list", {datasource}}}},
          {"annotations", {{"list", nlohmann::json::array()}}},
          {"panels", panels}};
}

}  // namespace headroom::serve
