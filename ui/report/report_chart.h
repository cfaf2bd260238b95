#pragma once

#include <QColor>
#include <QList>
#include <QPointF>
#include <QSize>
#include <QString>

#include <optional>

class QPainter;
class QRectF;

namespace headroom::ui {

// One line of a report chart: x = seconds of virtual time, y in the chart's unit.
struct ReportChartLine {
  QString label;
  QList<QPointF> points;
  QColor colour;
  bool dashed = false;
};

// A static line chart for reports (PDF pages and HTML images), drawn with QPainter alone so that it
// renders without widgets. `bound` is an optional horizontal line (a class's SLO) in the y unit.
struct ReportChart {
  QString title;
  QString yTitle;
  QList<ReportChartLine> lines;
  std::optional<double> bound;
  QString boundLabel;
  double xMaxS = 0.0;  // right end of the time axis; 0 = the largest x of the lines

  double yMax() const;  // the largest y over the lines and the bound; 0 when there is nothing
};

// Draws `chart` into `area` (title, axes with ticks, lines, bound, legend). Any paint device.
void paintReportChart(QPainter& painter, const QRectF& area, const ReportChart& chart);

// The chart rendered to a PNG of `size` pixels on white.
QByteArray reportChartPng(const ReportChart& chart, QSize size);

// Up to `maxPoints` points from `points` (sorted by x): runs of neighbours merged, the larger y and the
// last x of each run kept, as the engine downsamples its series. Pure function.
QList<QPointF> downsampleMax(const QList<QPointF>& points, int maxPoints);

// "Nice" tick step (1, 2 or 5 times a power of ten) giving at most about `ticks` ticks over [0, span].
double niceTickStep(double span, int ticks);

}  // namespace headroom::ui
