#include "ui/report/report_text.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QStringList>

#include <cmath>

namespace headroom::ui {

namespace {

// Translation context of these texts.
struct ReportText {
  Q_DECLARE_TR_FUNCTIONS(ReportText)
};

QString dash() { return QStringLiteral("—"); }

QString magnitudeText(double seconds) {
  const QLocale locale;
  const double absolute = std::abs(seconds);
  if (absolute < 1.0) {
    const double ms = absolute * 1000.0;
    return ReportText::tr("%1 ms").arg(locale.toString(ms, 'f', ms < 10.0 ? 1 : 0));
  }
  return ReportText::tr("%1 s").arg(locale.toString(absolute, 'f', absolute < 100.0 ? 2 : 0));
}

QString sign(double value) { return value < 0.0 ? QStringLiteral("−") : QStringLiteral("+"); }

}  // namespace

QString runStatusText(engine::RunStatus status) {
  switch (status) {
    case engine::RunStatus::Running: return ReportText::tr("running");
    case engine::RunStatus::Finished: return ReportText::tr("finished");
    case engine::RunStatus::Stopped: return ReportText::tr("stopped");
    case engine::RunStatus::Failed: return ReportText::tr("failed");
    case engine::RunStatus::Interrupted: return ReportText::tr("interrupted");
  }
  return {};
}

QString metricText(engine::LatencyMetric metric) {
  switch (metric) {
    case engine::LatencyMetric::Queue: return ReportText::tr("queue time");
    case engine::LatencyMetric::Ttft: return ReportText::tr("TTFT");
    case engine::LatencyMetric::Tbt: return ReportText::tr("TBT");
    case engine::LatencyMetric::Ttlt: return ReportText::tr("TTLT");
    case engine::LatencyMetric::TokenGap: return ReportText::tr("gap between tokens");
  }
  return {};
}

QString watchedText(engine::LatencyMetric metric, double percentile) {
  return ReportText::tr("%1 p%2").arg(metricText(metric), QLocale().toString(percentile, 'g', 4));
}

QString latencyText(const std::optional<double>& seconds) {
  if (!seconds) return dash();
  return *seconds < 0.0 ? sign(*seconds) + magnitudeText(*seconds) : magnitudeText(*seconds);
}

QString latencyDeltaText(const std::optional<double>& seconds) {
  if (!seconds) return dash();
  return sign(*seconds) + magnitudeText(*seconds);
}

QString percentText(const std::optional<double>& share) {
  if (!share) return dash();
  return ReportText::tr("%1 %").arg(QLocale().toString(*share * 100.0, 'f', 1));
}

QString percentPointsText(const std::optional<double>& shareDelta) {
  if (!shareDelta) return dash();
  return ReportText::tr("%1%2 pp").arg(sign(*shareDelta), QLocale().toString(std::abs(*shareDelta) * 100.0, 'f', 1));
}

QString rateText(const std::optional<double>& perS, bool signedValue) {
  if (!perS) return dash();
  const QString number = QLocale().toString(signedValue ? std::abs(*perS) : *perS, 'f', 2);
  return ReportText::tr("%1 req/s").arg(signedValue ? sign(*perS) + number : number);
}

QString sloText(const engine::Slo& slo) {
  QStringList bounds;
  if (slo.ttft) bounds << ReportText::tr("TTFT ≤ %1").arg(magnitudeText(engine::toSeconds(*slo.ttft)));
  if (slo.tbt) bounds << ReportText::tr("TBT ≤ %1").arg(magnitudeText(engine::toSeconds(*slo.tbt)));
  if (slo.ttlt) bounds << ReportText::tr("TTLT ≤ %1").arg(magnitudeText(engine::toSeconds(*slo.ttlt)));
  if (bounds.isEmpty()) return ReportText::tr("none");
  return ReportText::tr("%1 (p%2)").arg(bounds.join(QStringLiteral(", ")), QLocale().toString(slo.percentile, 'g', 4));
}

QString utcText(const std::string& isoUtc) {
  const QString text = QString::fromStdString(isoUtc);
  const QDateTime time = QDateTime::fromString(text, Qt::ISODate);
  if (!time.isValid()) return text;
  return ReportText::tr("%1 UTC").arg(time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
}

}  // namespace headroom::ui
