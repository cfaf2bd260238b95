#include <QByteArray>
#include <QSaveFile>
#include <QStringList>

#include <array>
#include <optional>

#include "ui/report/report_file.h"
#include "ui/report/report_writer.h"

namespace headroom::ui {

namespace {

// RFC 4180: quote a field holding a comma, a quote or a line break; double its quotes.
QString csvField(const QString& text) {
  if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')) &&
      !text.contains(QLatin1Char('\r'))) {
    return text;
  }
  QString quoted = text;
  quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
  return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString seconds(double value) { return QString::number(value, 'f', 6); }

QString optionalSeconds(const std::optional<double>& value) { return value ? seconds(*value) : QString(); }

QString optionalBound(const std::optional<engine::Duration>& bound) {
  return bound ? seconds(engine::toSeconds(*bound)) : QString();
}

void appendLatency(QStringList& fields, const engine::WindowLatency& latency) {
  fields << optionalSeconds(latency.p50S) << optionalSeconds(latency.watchedS);
}

void appendStats(QStringList& fields, const engine::LatencyStats& stats) {
  if (stats.empty()) {
    fields << QString() << QString() << QString();
    return;
  }
  fields << seconds(stats.p50S) << seconds(stats.p99S) << seconds(stats.watchedS);
}

QByteArray windowsCsv(const ReportDocument& document) {
  const auto& classes = document.run().totals.classes;
  QString out = csvWindowsHeader() + QStringLiteral("\r\n");
  for (const auto& window : *document.run().totals.series) {
    for (std::size_t c = 0; c < window.classes.size() && c < classes.size(); ++c) {
      const auto& stats = window.classes[c];
      QStringList fields;
      fields << seconds(engine::toSeconds(window.start)) << seconds(engine::toSeconds(window.end))
             << csvField(QString::fromStdString(classes[c].name)) << QString::number(stats.arrivals)
             << QString::number(stats.completions) << QString::number(stats.sloMet) << QString::number(stats.tokensOut)
             << QString::number(stats.relegations);
      appendLatency(fields, stats.queue);
      appendLatency(fields, stats.ttft);
      appendLatency(fields, stats.tbt);
      appendLatency(fields, stats.ttlt);
      out += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
  }
  return out.toUtf8();
}

QByteArray totalsCsv(const ReportDocument& document) {
  const auto& totals = document.run().totals;
  const double spanS = goodputSpanS(document.run().summary);
  QString out = csvTotalsHeader() + QStringLiteral("\r\n");
  for (const auto& row : document.classes()) {
    const auto& cls = row.totals;
    QStringList fields;
    fields << csvField(QString::fromStdString(cls.name)) << QString::number(cls.rank) << QString::number(cls.arrived)
           << QString::number(cls.completed) << QString::number(cls.relegated) << QString::number(cls.preempted)
           << QString::number(cls.sloMet) << (cls.attainment ? QString::number(*cls.attainment, 'f', 6) : QString())
           << QString::number(row.goodputPerS, 'f', 6) << QString::number(cls.tokensOut);
    appendStats(fields, cls.queue);
    appendStats(fields, cls.ttft);
    appendStats(fields, cls.tbt);
    appendStats(fields, cls.ttlt);
    fields << optionalBound(cls.slo.ttft) << optionalBound(cls.slo.tbt) << optionalBound(cls.slo.ttlt)
           << QString::number(cls.slo.percentile, 'g', 6);
    out += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
  }
  QStringList all;
  all << QStringLiteral("all") << QString() << QString::number(totals.arrived) << QString::number(totals.completed);
  std::int64_t relegated = 0;
  std::int64_t preempted = 0;
  for (const auto& cls : totals.classes) {
    relegated += cls.relegated;
    preempted += cls.preempted;
  }
  all << QString::number(relegated) << QString::number(preempted) << QString::number(totals.sloMet)
      << (totals.completed > 0
              ? QString::number(static_cast<double>(totals.sloMet) / static_cast<double>(totals.completed), 'f', 6)
              : QString())
      << QString::number(totals.goodputPerS(spanS), 'f', 6) << QString::number(totals.tokensOut);
  for (int i = 0; i < 16; ++i) all << QString();
  out += all.join(QLatin1Char(',')) + QStringLiteral("\r\n");
  return out.toUtf8();
}

// One row per instance of the plan and class it sends traffic to, from the plan's JSON as reports read it.
QByteArray planCsv(const nlohmann::json& plan) {
  QString out = csvPlanHeader() + QStringLiteral("\r\n");
  if (!plan.is_object() || !plan.contains("instances") || !plan.at("instances").is_array()) return out.toUtf8();
  int index = 1;
  for (const auto& instance : plan.at("instances")) {
    const int number = index++;
    if (!instance.is_object()) continue;
    const QString mode = instance.contains("mode") && instance.at("mode").is_string()
                             ? QString::fromStdString(instance.at("mode").get<std::string>())
                             : QString();
    const auto rates = instance.contains("rates_per_s") ? instance.at("rates_per_s") : nlohmann::json::object();
    const auto latencies =
        instance.contains("predicted_latency_s") ? instance.at("predicted_latency_s") : nlohmann::json::object();
    if (!rates.is_object()) continue;
    for (const auto& [name, rate] : rates.items()) {
      if (!rate.is_number()) continue;
      QStringList fields;
      fields << QString::number(number) << csvField(mode) << csvField(QString::fromStdString(name))
             << QString::number(rate.get<double>(), 'f', 6)
             << (latencies.is_object() && latencies.contains(name) && latencies.at(name).is_number()
                     ? seconds(latencies.at(name).get<double>())
                     : QString());
      out += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
  }
  return out.toUtf8();
}

}  // namespace

QString csvPlanHeader() { return QStringLiteral("instance,mode,class,rate_per_s,predicted_latency_s"); }

QString csvWindowsHeader() {
  return QStringLiteral(
      "start_s,end_s,class,arrivals,completions,slo_met,tokens_out,relegations,queue_p50_s,queue_watched_s,"
      "ttft_p50_s,ttft_watched_s,tbt_p50_s,tbt_watched_s,ttlt_p50_s,ttlt_watched_s");
}

QString csvTotalsHeader() {
  return QStringLiteral(
      "class,rank,arrivals,completed,relegated,preempted,slo_met,attainment,goodput_per_s,tokens_out,"
      "queue_p50_s,queue_p99_s,queue_watched_s,ttft_p50_s,ttft_p99_s,ttft_watched_s,tbt_p50_s,tbt_p99_s,"
      "tbt_watched_s,ttlt_p50_s,ttlt_p99_s,ttlt_watched_s,ttft_slo_s,tbt_slo_s,ttlt_slo_s,percentile");
}

bool writeCsvReport(const ReportDocument& document, const QString& path, QString* error) {
  // Every file is prepared before any is renamed into place.
  QSaveFile windows(path);
  QSaveFile totals(totalsCsvPath(path));
  std::optional<QSaveFile> plan;
  if (document.run().plan) plan.emplace(planCsvPath(path));
  if (!openReportFile(windows, error) || !openReportFile(totals, error) || (plan && !openReportFile(*plan, error))) {
    return false;
  }
  const QByteArray windowsBytes = windowsCsv(document);
  const QByteArray totalsBytes = totalsCsv(document);
  const QByteArray planBytes = plan ? planCsv(*document.run().plan) : QByteArray();
  if (windows.write(windowsBytes) != windowsBytes.size() || totals.write(totalsBytes) != totalsBytes.size() ||
      (plan && plan->write(planBytes) != planBytes.size())) {
    if (error) {
      *error = QStringLiteral("%1: %2").arg(path, windows.errorString() + totals.errorString() +
                                                      (plan ? plan->errorString() : QString()));
    }
    return false;
  }
  return commitReportFile(windows, error) && commitReportFile(totals, error) && (!plan || commitReportFile(*plan, error));
}

}  // namespace headroom::ui
