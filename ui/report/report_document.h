#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

#include "engine/store/run_record.h"
#include "ui/report/report_chart.h"
#include "ui/report/run_comparison.h"
#include "ui/report/setting_changes.h"

namespace headroom::ui {

// A label and its value, both already formatted for reading.
struct ReportFact {
  QString label;
  QString value;
};

// One class's totals over the run, with its goodput (SLO-met requests per second of goodputSpanS()).
struct ReportClassRow {
  engine::ClassSnapshot totals;
  double goodputPerS = 0.0;
};

// The plan the pool ran with, as far as reports show it: its headline figures, one row per instance
// (mode and rate per class), and the whole plan as indented JSON.
struct ReportPlan {
  QList<ReportFact> facts;
  QStringList instanceHeader;
  QList<QStringList> instanceRows;
  QString json;
};

// Everything a report of one stored run shows, computed once from its RunRecord (and, for a comparison,
// a baseline run to compare it with): overview, settings, per-class totals, one latency chart per class (p50 and the
// watched percentile of its watched metric against its SLO), throughput over time, the plan. The
// writers (PDF, HTML, CSV) only lay it out. A plain value; build and read it on one thread (a GUI
// thread or any thread with a QGuiApplication for the fonts the writers use).
class ReportDocument {
  Q_DECLARE_TR_FUNCTIONS(ReportDocument)

 public:
  // At most this many points per chart line; longer series are merged (larger value kept).
  static constexpr int kMaxChartPoints = 600;

  explicit ReportDocument(engine::RunRecord run, std::optional<engine::RunRecord> comparisonRun = std::nullopt);

  // The settings a run ran with, as the report's Settings section lists them (executor, pool,
  // scheduler, seed, duration, trace).
  static QList<ReportFact> scenarioSettings(const engine::Scenario& scenario);
  // Each class's own settings, labelled "<class>: <setting>" (rank, SLO, arrival rate, prompt and output
  // lengths): what a comparison of two runs diffs besides scenarioSettings().
  static QList<ReportFact> classSettings(const engine::Scenario& scenario);

  const engine::RunRecord& run() const { return run_; }
  const std::optional<engine::RunRecord>& comparisonRun() const { return comparisonRun_; }
  // The class-by-class comparison: comparisonRun is side a (the baseline), this run side b.
  const std::optional<RunComparison>& comparison() const { return comparison_; }
  // With a comparison: the settings that changed from the baseline (a) to this run (b).
  const QList<SettingChange>& changedSettings() const { return changedSettings_; }

  QString title() const;
  const QList<ReportFact>& overview() const { return overview_; }
  const QList<ReportFact>& settings() const { return settings_; }
  const std::vector<ReportClassRow>& classes() const { return classes_; }
  const std::vector<ReportChart>& latencyCharts() const { return latencyCharts_; }
  const ReportChart& throughputChart() const { return throughputChart_; }
  const std::optional<ReportPlan>& plan() const { return plan_; }

 private:
  void buildOverview();
  void buildSettings();
  void buildCharts();
  void buildPlan();

  engine::RunRecord run_;
  std::optional<engine::RunRecord> comparisonRun_;
  std::optional<RunComparison> comparison_;
  QList<SettingChange> changedSettings_;
  QList<ReportFact> overview_;
  QList<ReportFact> settings_;
  std::vector<ReportClassRow> classes_;
  std::vector<ReportChart> latencyCharts_;
  ReportChart throughputChart_;
  std::optional<ReportPlan> plan_;
};

// The colour of line `index` in report charts (a fixed palette that stays apart in print).
QColor reportLineColour(int index);

}  // namespace headroom::ui
