#include "ui/report/report_document.h"

#include <QLocale>

#include <array>
#include <utility>

#include "engine/metrics/latency_of.h"
#include "ui/report/report_text.h"

namespace headroom::ui {

namespace {

QString number(double value, int decimals) { return QLocale().toString(value, 'f', decimals); }

QString count(std::int64_t value) { return QLocale().toString(static_cast<qlonglong>(value)); }

QString jsonScalarText(const nlohmann::json& value) {
  if (value.is_string()) return QString::fromStdString(value.get<std::string>());
  if (value.is_number_integer()) return count(value.get<std::int64_t>());
  if (value.is_number()) return number(value.get<double>(), 3);
  if (value.is_boolean()) return value.get<bool>() ? ReportDocument::tr("yes") : ReportDocument::tr("no");
  if (value.is_null()) return QStringLiteral("—");
  return QString::fromStdString(value.dump());
}

}  // namespace

QColor reportLineColour(int index) {
  static const std::array<QColor, 10> kPalette{QColor(0x15, 0x65, 0xc0), QColor(0xef, 0x6c, 0x00),
                                               QColor(0x2e, 0x7d, 0x32), QColor(0x6a, 0x1b, 0x9a),
                                               QColor(0x00, 0x83, 0x8f), QColor(0x8d, 0x6e, 0x63),
                                               QColor(0xad, 0x14, 0x57), QColor(0x55, 0x8b, 0x2f),
                                               QColor(0x45, 0x5a, 0x64), QColor(0xf9, 0xa8, 0x25)};
  return kPalette[static_cast<std::size_t>(index) % kPalette.size()];
}

ReportDocument::ReportDocument(engine::RunRecord run, std::optional<engine::RunRecord> comparisonRun)
    : run_(std::move(run)), comparisonRun_(std::move(comparisonRun)) {
  if (comparisonRun_) {
    comparison_ = compareRuns(*comparisonRun_, run_);
    changedSettings_ = settingChanges(*comparisonRun_, run_);
  }
  const double spanS = goodputSpanS(run_.summary);
  for (const auto& cls : run_.totals.classes) {
    classes_.push_back({cls, spanS > 0.0 ? static_cast<double>(cls.sloMet) / spanS : 0.0});
  }
  buildOverview();
  buildSettings();
  buildCharts();
  buildPlan();
}

QString ReportDocument::title() const {
  return tr("Run report: %1").arg(QString::fromStdString(run_.summary.name));
}

void ReportDocument::buildOverview() {
  const auto& summary = run_.summary;
  const auto& totals = run_.totals;
  const double spanS = goodputSpanS(summary);
  overview_ = {
      {tr("Run"), tr("%1 (id %2)").arg(QString::fromStdString(summary.name)).arg(summary.id)},
      {tr("Scenario"), QString::fromStdString(summary.scenarioName)},
      {tr("Started"), utcText(summary.startedAtUtc)},
      {tr("Status"), runStatusText(summary.status)},
      {tr("Virtual time"), tr("%1 s of %2 s").arg(number(summary.simulatedS, 1), number(summary.durationS, 1))},
      {tr("Requests arrived"), count(totals.arrived)},
      {tr("Requests completed"), count(totals.completed)},
      {tr("Met their SLO"), count(totals.sloMet)},
      {tr("SLO attainment"),
       percentText(totals.completed > 0 ? std::optional<double>(static_cast<double>(totals.sloMet) /
                                                                static_cast<double>(totals.completed))
                                        : std::nullopt)},
      {tr("Goodput"), rateText(totals.goodputPerS(spanS))},
      {tr("Output tokens"), count(totals.tokensOut)},
      {tr("Output tokens per second"),
       spanS > 0.0 ? number(static_cast<double>(totals.tokensOut) / spanS, 1) : QStringLiteral("—")},
  };
}

QList<ReportFact> ReportDocument::scenarioSettings(const engine::Scenario& scenario) {
  const auto& scheduler = scenario.scheduler;
  const bool constant = scenario.executor.kind == engine::ExecutorKind::Constant;
  QList<ReportFact> settings = {
      {tr("Executor"), constant ? tr("constant, %1 per iteration")
                                      .arg(latencyText(engine::toSeconds(scenario.executor.iteration)))
                                : tr("modeled")},
  };
  const std::vector<engine::PoolGroup> groups = engine::poolGroups(scenario);
  if (groups.size() > 1) {
    // Model tiers: one line per group, then the router that picks a group per request.
    for (const engine::PoolGroup& group : groups) {
      const QString degree = group.executor.tensorParallel > 0 ? QString::number(group.executor.tensorParallel)
                                                                : tr("model default");
      settings.append({tr("Group %1").arg(QString::fromStdString(group.name)),
                       tr("%1 on %2, tensor parallel %3, %n instance(s), %4", nullptr, group.pool.instances)
                           .arg(QString::fromStdString(group.executor.model), QString::fromStdString(group.executor.hardware),
                                degree, QString::fromUtf8(engine::toString(group.pool.router)))});
    }
    settings.append({tr("Tier router"), QString::fromStdString(scenario.tierRouter)});
  } else {
    settings.append({tr("Model"), scenario.executor.model.empty() ? QStringLiteral("—")
                                                                  : QString::fromStdString(scenario.executor.model)});
    settings.append({tr("Hardware"), scenario.executor.hardware.empty()
                                         ? QStringLiteral("—")
                                         : QString::fromStdString(scenario.executor.hardware)});
    settings.append({tr("Tensor parallel"), scenario.executor.tensorParallel > 0
                                                ? QString::number(scenario.executor.tensorParallel)
                                                : tr("model default")});
    settings.append({tr("Instances"), QString::number(scenario.pool.instances)});
    settings.append({tr("Router"), QString::fromUtf8(engine::toString(scenario.pool.router))});
  }
  settings.append({tr("Scheduler policy"), QString::fromUtf8(engine::toString(scheduler.policy))});
  if (scheduler.policy == engine::OrderingPolicy::Hybrid) {
    settings.append({tr("Hybrid alpha"), tr("%1 ms/token").arg(number(scheduler.alphaSPerToken * 1000.0, 2))});
  }
  settings.append({tr("Chunking"), QString::fromStdString(engine::toString(scheduler.chunking))});
  settings.append({tr("Relegation"), scheduler.relegation == engine::Relegation::On ? tr("on") : tr("off")});
  settings.append({tr("Selective preemption"), scheduler.selectivePreemption ? tr("on") : tr("off")});
  settings.append({tr("Batch limits"), tr("%1 tokens, %2 sequences")
                                           .arg(count(scheduler.maxBatchTokens), count(scheduler.maxBatchSize))});
  settings.append({tr("Seed"), QString::number(scenario.seed)});
  settings.append({tr("Duration"), tr("%1 s").arg(number(scenario.durationS, 1))});
  if (scenario.trace) {
    settings.append({tr("Trace"), QString::fromStdString(scenario.trace->path.filename().string())});
  }
  return settings;
}

QList<ReportFact> ReportDocument::classSettings(const engine::Scenario& scenario) {
  QList<ReportFact> settings;
  for (const engine::ClassSpec& spec : scenario.classes) {
    const QString name = QString::fromStdString(spec.qos.name);
    const auto lengths = [](const engine::LengthSpec& length) -> QString {
      switch (length.kind) {
        case engine::LengthKind::Fixed: return count(length.value);
        case engine::LengthKind::Uniform: return tr("%1 to %2").arg(count(length.min), count(length.max));
        case engine::LengthKind::Lognormal:
          return tr("median %1, p90 %2, at most %3")
              .arg(number(length.median, 0), number(length.p90, 0), count(length.max));
        case engine::LengthKind::Empirical: return tr("%n listed value(s)", nullptr, static_cast<int>(length.values.size()));
      }
      return {};
    };
    settings.append({tr("%1: rank").arg(name), QString::number(spec.qos.rank)});
    settings.append({tr("%1: SLO").arg(name), sloText(spec.qos.slo)});
    settings.append({tr("%1: arrival rate").arg(name),
                     spec.arrival.phases.empty()
                         ? rateText(spec.arrival.ratePerS)
                         : tr("%1, %n phase(s)", nullptr, static_cast<int>(spec.arrival.phases.size()))
                               .arg(rateText(spec.arrival.ratePerS))});
    settings.append({tr("%1: prompt tokens").arg(name), lengths(spec.promptTokens)});
    settings.append({tr("%1: output tokens").arg(name), lengths(spec.outputTokens)});
    // Model tiers: what a met request is worth and which tasks it asks, when not the defaults.
    if (spec.qos.rewardWeight != 1.0) {
      settings.append({tr("%1: reward weight").arg(name), number(spec.qos.rewardWeight, 2)});
    }
    if (!spec.qos.tasks.empty()) {
      QStringList tasks;
      for (const engine::TaskShare& task : spec.qos.tasks) {
        tasks << tr("%1 %2").arg(QString::fromStdString(task.task), QLocale().toString(task.share, 'g', 6));
      }
      settings.append({tr("%1: task mix").arg(name), tasks.join(QStringLiteral(", "))});
    }
  }
  return settings;
}

void ReportDocument::buildSettings() {
  settings_ = scenarioSettings(run_.scenario);
  settings_.append({tr("Metrics window"), latencyText(engine::toSeconds(run_.totals.windowLength))});
}

void ReportDocument::buildCharts() {
  const auto& series = *run_.totals.series;
  const double endS = std::max(run_.summary.simulatedS, series.empty() ? 0.0 : engine::toSeconds(series.back().end));
  for (std::size_t c = 0; c < run_.totals.classes.size(); ++c) {
    const auto& cls = run_.totals.classes[c];
    const engine::LatencyMetric metric = watchedMetric(cls.slo);
    QList<QPointF> p50;
    QList<QPointF> watched;
    for (const auto& window : series) {
      if (c >= window.classes.size()) continue;
      const auto& latency = engine::latencyOf(window.classes[c], metric);
      const double x = engine::toSeconds(window.end);
      if (latency.p50S) p50.append(QPointF(x, *latency.p50S));
      if (latency.watchedS) watched.append(QPointF(x, *latency.watchedS));
    }
    ReportChart chart;
    chart.title = tr("%1: %2 over time").arg(QString::fromStdString(cls.name), metricText(metric));
    chart.yTitle = tr("%1 (s)").arg(metricText(metric));
    chart.xMaxS = endS;
    chart.lines.append({tr("p50"), downsampleMax(p50, kMaxChartPoints), reportLineColour(0), false});
    chart.lines.append({tr("p%1").arg(QLocale().toString(cls.slo.percentile, 'g', 4)),
                        downsampleMax(watched, kMaxChartPoints), reportLineColour(1), false});
    chart.bound = engine::sloBoundS(cls.slo, metric);
    if (chart.bound) chart.boundLabel = tr("SLO %1").arg(latencyText(chart.bound));
    latencyCharts_.push_back(std::move(chart));
  }

  throughputChart_.title = tr("Throughput over time");
  throughputChart_.yTitle = tr("output tokens/s");
  throughputChart_.xMaxS = endS;
  QList<QPointF> total;
  for (const auto& window : series) {
    const double lengthS = engine::toSeconds(window.end - window.start);
    if (!(lengthS > 0.0)) continue;
    std::int64_t tokens = 0;
    for (const auto& stats : window.classes) tokens += stats.tokensOut;
    total.append(QPointF(engine::toSeconds(window.end), static_cast<double>(tokens) / lengthS));
  }
  throughputChart_.lines.append({tr("all classes"), downsampleMax(total, kMaxChartPoints), reportLineColour(0), false});
}

void ReportDocument::buildPlan() {
  if (!run_.plan) return;
  const nlohmann::json& plan = *run_.plan;
  ReportPlan out;
  out.json = QString::fromStdString(plan.dump(2));
  if (plan.is_object()) {
    const std::array<std::pair<const char*, QString>, 6> kFacts{{{"status", tr("Status")},
                                                                  {"objective", tr("Objective")},
                                                                  {"instances_total", tr("Instances")},
                                                                  {"cost", tr("Cost")},
                                                                  {"solve_time_s", tr("Solve time (s)")},
                                                                  {"explanation", tr("Explanation")}}};
    for (const auto& [key, label] : kFacts) {
      if (plan.contains(key)) out.facts.append({label, jsonScalarText(plan.at(key))});
    }
    QStringList classNames;
    if (plan.contains("classes") && plan.at("classes").is_array()) {
      for (const auto& cls : plan.at("classes")) {
        if (cls.is_object() && cls.contains("name") && cls.at("name").is_string()) {
          classNames << QString::fromStdString(cls.at("name").get<std::string>());
        }
      }
    }
    if (plan.contains("instances") && plan.at("instances").is_array()) {
      out.instanceHeader << tr("Instance") << tr("Mode");
      for (const auto& name : classNames) out.instanceHeader << tr("%1 (req/s)").arg(name);
      int index = 1;
      for (const auto& instance : plan.at("instances")) {
        if (!instance.is_object()) continue;
        QStringList row;
        row << QString::number(index++)
            << (instance.contains("mode") ? jsonScalarText(instance.at("mode")) : QStringLiteral("—"));
        const auto rates = instance.contains("rates_per_s") ? instance.at("rates_per_s") : nlohmann::json::object();
        for (const auto& name : classNames) {
          const std::string key = name.toStdString();
          row << (rates.is_object() && rates.contains(key) && rates.at(key).is_number()
                      ? number(rates.at(key).get<double>(), 3)
                      : QStringLiteral("—"));
        }
        out.instanceRows.append(row);
      }
    }
  }
  plan_ = std::move(out);
}

}  // namespace headroom::ui
