#include "ui/charts/class_latency_chart.h"

#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QPen>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "engine/metrics/latency_of.h"
#include "ui/charts/panel_chart_style.h"
#include "ui/report/report_text.h"

namespace headroom::ui {

namespace {

// A "nice" upper bound for the y axis: 1, 2 or 5 times a power of ten, at least `value`.
double niceCeiling(double value) {
  if (value <= 0.0) return 1.0;
  const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
  for (double factor : {1.0, 2.0, 5.0, 10.0}) {
    if (factor * magnitude >= value) return factor * magnitude;
  }
  return 10.0 * magnitude;
}

// A tick step of 1, 2 or 5 times a power of ten giving at most about `ticks` intervals over `span`.
double niceStep(double span, int ticks) {
  return niceCeiling(span / ticks);
}

QString percentileLabel(double percentile) {
  return ClassLatencyChart::tr("p%1").arg(QLocale().toString(percentile, 'g', 5));
}

}  // namespace

ClassLatencyChart::ClassLatencyChart(QWidget* parent)
    : QChartView(parent),
      chart_(new QChart),
      p50_(new QLineSeries),
      watched_(new QLineSeries),
      bound_(new QLineSeries),
      axisX_(new QValueAxis),
      axisY_(new QValueAxis) {
  stylePanelChart(*chart_);

  p50_->setName(tr("p50"));
  p50_->setPen(QPen(QColor(0x1f, 0x77, 0xb4), 1.5));
  watched_->setPen(QPen(QColor(0xff, 0x7f, 0x0e), 2.0));
  QPen boundPen(QColor(0xc6, 0x28, 0x28), 1.5, Qt::DashLine);
  bound_->setPen(boundPen);
  bound_->setName(tr("SLO"));
  for (auto* series : {p50_, watched_, bound_}) {
    series->setUseOpenGL(false);
    chart_->addSeries(series);
  }
  setUpTimeAxis(*axisX_);
  axisY_->setTitleText(tr("seconds"));
  axisY_->setLabelFormat(QStringLiteral("%.3g"));
  axisY_->setTickType(QValueAxis::TicksDynamic);
  axisY_->setTickAnchor(0.0);
  useSmallAxisFonts({axisX_, axisY_});
  chart_->addAxis(axisX_, Qt::AlignBottom);
  chart_->addAxis(axisY_, Qt::AlignLeft);
  for (auto* series : {p50_, watched_, bound_}) {
    series->attachAxis(axisX_);
    series->attachAxis(axisY_);
  }
  setChart(chart_);
  setRenderHint(QPainter::Antialiasing, true);
  setMinimumSize(220, 160);
}

void ClassLatencyChart::update(const engine::Snapshot& snapshot, std::size_t classIndex, engine::LatencyMetric metric,
                               double windowS) {
  if (classIndex >= snapshot.classes.size()) {
    clearData();
    return;
  }
  const auto& cls = snapshot.classes[classIndex];
  const double nowS = engine::toSeconds(snapshot.time);
  // The time axis moves a whole tick at a time rather than every frame: a range change re-lays out the
  // axis and every line, which would otherwise happen at the frame rate. The newest data runs up to now,
  // inside the last tick.
  const double stepX = niceStep(windowS, 5);
  const double toS = std::max(stepX, std::ceil(nowS / stepX - 1e-9) * stepX);
  const double fromS = std::max(0.0, toS - windowS);
  const auto points = sampleLatency(*snapshot.series, classIndex, metric, fromS, nowS, pointBudget());

  // Titles and legend names are rich text laid out anew (and the chart with them) whenever they are
  // set, even to the same text: set them only when they change.
  const QString title = tr("%1 — %2").arg(QString::fromStdString(cls.name), metricText(metric));
  if (chart_->title() != title) chart_->setTitle(title);
  const QString watchedName = percentileLabel(cls.slo.percentile);
  if (watched_->name() != watchedName) watched_->setName(watchedName);
  const auto bound = engine::sloBoundS(cls.slo, metric);
  boundS_ = bound.value_or(0.0);
  const double topY = niceCeiling(std::max(points.maxS, bound.value_or(0.0)) * 1.1);
  const double stepY = niceStep(topY, 5);
  // Qt Charts recomputes every series' geometry (a stroked outline per line) on each replace() and on
  // each axis range change: when the axes move, empty the series first, move the axes, then give each
  // series its points, so each line is laid out once per frame instead of three times.
  const bool moveAxes = axisX_->min() != fromS || axisX_->max() != toS || axisY_->max() != topY ||
                        axisX_->tickInterval() != stepX || axisY_->tickInterval() != stepY;
  if (moveAxes) {
    for (auto* series : {p50_, watched_, bound_}) {
      if (series->count() > 0) series->replace(QList<QPointF>{});
    }
    if (axisX_->tickInterval() != stepX) axisX_->setTickInterval(stepX);
    axisX_->setRange(fromS, toS);
    if (axisY_->tickInterval() != stepY) axisY_->setTickInterval(stepY);
    axisY_->setRange(0.0, topY);
  }
  p50_->replace(points.p50);
  watched_->replace(points.watched);
  if (bound) bound_->replace(QList<QPointF>{QPointF(fromS, *bound), QPointF(toS, *bound)});
  if (bound_->isVisible() != bound.has_value()) {
    bound_->setVisible(bound.has_value());
    chart_->legend()->markers(bound_).value(0)->setVisible(bound.has_value());
  }
}

int ClassLatencyChart::pointBudget() const {
  // On screen, one point per kPixelsPerPoint of plot width is all the eye can tell apart; Qt Charts'
  // cost per frame grows with the points, so a shown chart keeps to that (peaks survive: merged
  // neighbours keep the larger percentile).
  const double plotWidth = chart_->plotArea().width();
  if (!isVisible() || plotWidth <= 0.0) return kMaxPoints;
  return std::clamp(static_cast<int>(plotWidth / kPixelsPerPoint), kMinShownPoints, kMaxPoints);
}

void ClassLatencyChart::clearData() {
  for (auto* series : {p50_, watched_, bound_}) series->replace(QList<QPointF>{});
  boundS_ = 0.0;
}

void ClassLatencyChart::setCompact(bool compact) {
  axisX_->setTitleVisible(!compact);
  axisY_->setTitleVisible(!compact);
}

bool ClassLatencyChart::boundShown() const { return bound_->isVisible() && bound_->count() > 0; }

double ClassLatencyChart::watchedMaxS() const {
  double top = 0.0;
  for (const QPointF& point : watched_->points()) top = std::max(top, point.y());
  return top;
}

int ClassLatencyChart::p50Count() const { return static_cast<int>(p50_->count()); }
int ClassLatencyChart::watchedCount() const { return static_cast<int>(watched_->count()); }
QString ClassLatencyChart::titleText() const { return chart_->title(); }

}  // namespace headroom::ui
