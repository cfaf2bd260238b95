#include "ui/report/report_chart.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QImage>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QRectF>

#include <algorithm>
#include <cmath>

namespace headroom::ui {

namespace {

constexpr int kAxisTicks = 6;
const QColor kAxisColour(0x42, 0x42, 0x42);
const QColor kGridColour(0xe0, 0xe0, 0xe0);
const QColor kBoundColour(0xc6, 0x28, 0x28);

QString tickLabel(double value, double step) {
  const int decimals = step >= 1.0 ? 0 : std::min(6, static_cast<int>(std::ceil(-std::log10(step))));
  return QLocale().toString(value, 'f', decimals);
}

double xMax(const ReportChart& chart) {
  if (chart.xMaxS > 0.0) return chart.xMaxS;
  double most = 0.0;
  for (const auto& line : chart.lines) {
    for (const auto& point : line.points) most = std::max(most, point.x());
  }
  return most;
}

}  // namespace

double ReportChart::yMax() const {
  double most = bound.value_or(0.0);
  for (const auto& line : lines) {
    for (const auto& point : line.points) most = std::max(most, point.y());
  }
  return most;
}

double niceTickStep(double span, int ticks) {
  if (!(span > 0.0) || ticks < 1) return 1.0;
  const double raw = span / ticks;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (const double factor : {1.0, 2.0, 5.0, 10.0}) {
    if (factor * magnitude >= raw) return factor * magnitude;
  }
  return 10.0 * magnitude;
}

QList<QPointF> downsampleMax(const QList<QPointF>& points, int maxPoints) {
  if (maxPoints < 1 || points.size() <= maxPoints) return points;
  const qsizetype run = (points.size() + maxPoints - 1) / maxPoints;
  QList<QPointF> merged;
  merged.reserve(maxPoints);
  for (qsizetype begin = 0; begin < points.size(); begin += run) {
    const qsizetype end = std::min(points.size(), begin + run);
    double y = points[begin].y();
    for (qsizetype i = begin + 1; i < end; ++i) y = std::max(y, points[i].y());
    merged.append(QPointF(points[end - 1].x(), y));
  }
  return merged;
}

void paintReportChart(QPainter& painter, const QRectF& area, const ReportChart& chart) {
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, true);
  QFont font = painter.font();
  const double baseSize = std::clamp(area.height() / 24.0, 6.0, 10.0);
  font.setPointSizeF(baseSize);
  QFont titleFont = font;
  titleFont.setBold(true);
  titleFont.setPointSizeF(baseSize * 1.2);
  const QFontMetricsF metrics(font, painter.device());
  const QFontMetricsF titleMetrics(titleFont, painter.device());

  painter.setFont(titleFont);
  painter.setPen(Qt::black);
  const QRectF titleRect(area.left(), area.top(), area.width(), titleMetrics.height());
  painter.drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter, chart.title);
  painter.setFont(font);

  const double spanX = std::max(xMax(chart), 1.0);
  const double rawY = chart.yMax();
  const double stepY = niceTickStep(rawY > 0.0 ? rawY * 1.05 : 1.0, kAxisTicks);
  const double spanY = std::max(stepY, std::ceil((rawY > 0.0 ? rawY * 1.05 : 1.0) / stepY) * stepY);
  const double stepX = niceTickStep(spanX, kAxisTicks + 2);

  double labelWidth = 0.0;
  for (double y = 0.0; y <= spanY + stepY * 0.5; y += stepY) {
    labelWidth = std::max(labelWidth, metrics.horizontalAdvance(tickLabel(y, stepY)));
  }
  const double legendHeight = metrics.height() * 1.4;
  const double top = titleRect.bottom() + metrics.height() * 0.8;
  const double left = area.left() + metrics.height() * 1.4 + labelWidth + 4.0;
  const double bottom = area.bottom() - legendHeight - metrics.height() * 2.4;
  const double right = area.right() - metrics.horizontalAdvance(tickLabel(spanX, stepX)) / 2.0 - 2.0;
  if (bottom <= top || right <= left) {
    painter.restore();
    return;
  }
  const QRectF plot(QPointF(left, top), QPointF(right, bottom));
  const auto mapX = [&](double x) { return plot.left() + x / spanX * plot.width(); };
  const auto mapY = [&](double y) { return plot.bottom() - std::min(y, spanY) / spanY * plot.height(); };

  for (double y = 0.0; y <= spanY + stepY * 0.5; y += stepY) {
    painter.setPen(QPen(kGridColour, 0.5));
    painter.drawLine(QPointF(plot.left(), mapY(y)), QPointF(plot.right(), mapY(y)));
    painter.setPen(kAxisColour);
    painter.drawText(QRectF(area.left(), mapY(y) - metrics.height() / 2.0, left - area.left() - 4.0, metrics.height()),
                     Qt::AlignRight | Qt::AlignVCenter, tickLabel(y, stepY));
  }
  for (double x = 0.0; x <= spanX + stepX * 0.01; x += stepX) {
    painter.setPen(QPen(kGridColour, 0.5));
    painter.drawLine(QPointF(mapX(x), plot.top()), QPointF(mapX(x), plot.bottom()));
    painter.setPen(kAxisColour);
    const QString label = tickLabel(x, stepX);
    const double width = metrics.horizontalAdvance(label);
    painter.drawText(QRectF(mapX(x) - width / 2.0 - 2.0, plot.bottom() + 2.0, width + 4.0, metrics.height()),
                     Qt::AlignCenter, label);
  }
  painter.setPen(QPen(kAxisColour, 0.8));
  painter.drawLine(plot.bottomLeft(), plot.bottomRight());
  painter.drawLine(plot.bottomLeft(), plot.topLeft());
  painter.drawText(QRectF(plot.left(), plot.bottom() + metrics.height(), plot.width(), metrics.height() * 1.3),
                   Qt::AlignCenter, QCoreApplication::translate("ReportChart", "virtual time (s)"));
  painter.save();
  painter.translate(area.left(), plot.center().y());
  painter.rotate(-90.0);
  painter.drawText(QRectF(-plot.height() / 2.0, 0.0, plot.height(), metrics.height()), Qt::AlignCenter, chart.yTitle);
  painter.restore();

  painter.save();
  painter.setClipRect(plot.adjusted(-1.0, -1.0, 1.0, 1.0));
  for (const auto& line : chart.lines) {
    if (line.points.isEmpty()) continue;
    QPen pen(line.colour, 1.2);
    if (line.dashed) pen.setStyle(Qt::DashLine);
    painter.setPen(pen);
    if (line.points.size() == 1) {
      painter.setBrush(line.colour);
      painter.drawEllipse(QPointF(mapX(line.points.front().x()), mapY(line.points.front().y())), 1.5, 1.5);
      painter.setBrush(Qt::NoBrush);
      continue;
    }
    QPainterPath path(QPointF(mapX(line.points.front().x()), mapY(line.points.front().y())));
    for (qsizetype i = 1; i < line.points.size(); ++i) path.lineTo(mapX(line.points[i].x()), mapY(line.points[i].y()));
    painter.drawPath(path);
  }
  if (chart.bound) {
    QPen pen(kBoundColour, 1.2);
    pen.setStyle(Qt::DashLine);
    painter.setPen(pen);
    painter.drawLine(QPointF(plot.left(), mapY(*chart.bound)), QPointF(plot.right(), mapY(*chart.bound)));
  }
  painter.restore();

  double x = plot.left();
  const double legendY = area.bottom() - legendHeight + metrics.height() * 0.2;
  const auto legendEntry = [&](const QString& label, const QColor& colour, bool dashed) {
    QPen pen(colour, 1.6);
    if (dashed) pen.setStyle(Qt::DashLine);
    painter.setPen(pen);
    const double midY = legendY + metrics.height() / 2.0;
    painter.drawLine(QPointF(x, midY), QPointF(x + 16.0, midY));
    painter.setPen(kAxisColour);
    const double width = metrics.horizontalAdvance(label);
    painter.drawText(QRectF(x + 20.0, legendY, width + 2.0, metrics.height()), Qt::AlignLeft | Qt::AlignVCenter, label);
    x += 20.0 + width + 14.0;
  };
  for (const auto& line : chart.lines) legendEntry(line.label, line.colour, line.dashed);
  if (chart.bound) legendEntry(chart.boundLabel, kBoundColour, true);
  painter.restore();
}

QByteArray reportChartPng(const ReportChart& chart, QSize size) {
  QImage image(size, QImage::Format_RGB32);
  image.fill(Qt::white);
  {
    QPainter painter(&image);
    paintReportChart(painter, QRectF(QPointF(8.0, 6.0), QSizeF(size.width() - 16.0, size.height() - 12.0)), chart);
  }
  QByteArray png;
  QBuffer buffer(&png);
  buffer.open(QIODevice::WriteOnly);
  image.save(&buffer, "PNG");
  return png;
}

}  // namespace headroom::ui
