#include <QCoreApplication>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#include <algorithm>
#include <vector>

#include "ui/report/report_file.h"
#include "ui/report/report_text.h"
#include "ui/report/report_writer.h"

namespace headroom::ui {

namespace {

// Translation context of the PDF report's own headings.
struct PdfReport {
  Q_DECLARE_TR_FUNCTIONS(PdfReport)
};

constexpr int kResolutionDpi = 72;  // one device unit = one point
constexpr double kMarginPt = 36.0;
constexpr double kBodyPt = 9.0;
constexpr double kFooterPt = 7.5;
constexpr double kCellPaddingPt = 4.0;
const QColor kRuleColour(0xbd, 0xbd, 0xbd);
const QColor kHeaderFill(0xee, 0xee, 0xee);

// Lays content out from top to bottom and starts a new page when the next block does not fit.
class Pager {
 public:
  Pager(QPdfWriter& writer, QPainter& painter, QString footer)
      : writer_(writer), painter_(painter), footer_(std::move(footer)) {
    const QRectF paint = writer.pageLayout().paintRectPixels(kResolutionDpi);
    page_ = QRectF(0.0, 0.0, paint.width(), paint.height());
    baseFont_ = QFont(QStringLiteral("Helvetica"));
    baseFont_.setPointSizeF(kBodyPt);
    QFont footerFont = baseFont_;
    footerFont.setPointSizeF(kFooterPt);
    footerHeight_ = QFontMetricsF(footerFont, &writer).height() * 1.8;
    body_ = page_.adjusted(0.0, 0.0, 0.0, -footerHeight_);
    painter_.setFont(baseFont_);
    y_ = body_.top();
    drawFooter();
  }

  QPainter& painter() { return painter_; }
  const QRectF& body() const { return body_; }
  double y() const { return y_; }
  void advance(double height) { y_ += height; }
  double remaining() const { return body_.bottom() - y_; }
  bool atTop() const { return y_ <= body_.top(); }

  void newPage() {
    writer_.newPage();
    ++pageNumber_;
    y_ = body_.top();
    drawFooter();
  }
  // Starts a new page unless `height` fits below the current position (or the page is still empty).
  void ensure(double height) {
    if (height > remaining() && !atTop()) newPage();
  }

  QFont font(double pointSize, bool bold = false) const {
    QFont font = baseFont_;
    font.setPointSizeF(pointSize);
    font.setBold(bold);
    return font;
  }

  void heading(const QString& text, double pointSize = 14.0) {
    const QFont headingFont = font(pointSize, true);
    const double height = QFontMetricsF(headingFont, painter_.device()).height();
    ensure(height * 3.0);
    if (!atTop()) advance(height * 0.6);
    painter_.save();
    painter_.setFont(headingFont);
    painter_.setPen(Qt::black);
    painter_.drawText(QRectF(body_.left(), y_, body_.width(), height), Qt::AlignLeft | Qt::AlignVCenter, text);
    painter_.restore();
    advance(height * 1.4);
  }

 private:
  void drawFooter() {
    painter_.save();
    painter_.setFont(font(kFooterPt));
    painter_.setPen(QColor(0x61, 0x61, 0x61));
    const QRectF area(page_.left(), page_.bottom() - footerHeight_ * 0.7, page_.width(), footerHeight_ * 0.7);
    painter_.drawText(area, Qt::AlignLeft | Qt::AlignVCenter, footer_);
    painter_.drawText(area, Qt::AlignRight | Qt::AlignVCenter,
                      PdfReport::tr("page %1").arg(QLocale().toString(pageNumber_)));
    painter_.restore();
  }

  QPdfWriter& writer_;
  QPainter& painter_;
  QString footer_;
  QFont baseFont_;
  QRectF page_;
  QRectF body_;
  double footerHeight_ = 0.0;
  double y_ = 0.0;
  int pageNumber_ = 1;
};

// Label/value pairs in two columns within [left, left + width), starting at `top`; returns the height.
double drawFacts(QPainter& painter, const QList<ReportFact>& facts, double left, double top, double width) {
  const QFontMetricsF metrics(painter.font(), painter.device());
  const double rowHeight = metrics.height() * 1.45;
  double labelWidth = 0.0;
  for (const auto& fact : facts) labelWidth = std::max(labelWidth, metrics.horizontalAdvance(fact.label));
  labelWidth = std::min(labelWidth + 12.0, width * 0.5);
  double y = top;
  for (const auto& fact : facts) {
    painter.setPen(QColor(0x61, 0x61, 0x61));
    painter.drawText(QRectF(left, y, labelWidth, rowHeight), Qt::AlignLeft | Qt::AlignVCenter, fact.label);
    painter.setPen(Qt::black);
    painter.drawText(QRectF(left + labelWidth, y, width - labelWidth, rowHeight), Qt::AlignLeft | Qt::AlignVCenter,
                     metrics.elidedText(fact.value, Qt::ElideRight, width - labelWidth));
    y += rowHeight;
  }
  return y - top;
}

// A table across the body's width, the header repeated on every page it spans. Columns from
// `firstNumeric` on are right-aligned. The font shrinks (down to 6 pt) when the columns do not fit.
void drawTable(Pager& pager, const QStringList& header, const QList<QStringList>& rows, int firstNumeric) {
  QPainter& painter = pager.painter();
  painter.save();
  double pointSize = kBodyPt;
  std::vector<double> widths;
  for (;; pointSize -= 0.5) {
    painter.setFont(pager.font(pointSize));
    const QFontMetricsF metrics(painter.font(), painter.device());
    const QFontMetricsF boldMetrics(pager.font(pointSize, true), painter.device());
    widths.assign(static_cast<std::size_t>(header.size()), 0.0);
    for (int c = 0; c < header.size(); ++c) {
      widths[static_cast<std::size_t>(c)] = boldMetrics.horizontalAdvance(header[c]) + 2.0 * kCellPaddingPt;
    }
    for (const auto& row : rows) {
      for (int c = 0; c < std::min(row.size(), header.size()); ++c) {
        auto& width = widths[static_cast<std::size_t>(c)];
        width = std::max(width, metrics.horizontalAdvance(row[c]) + 2.0 * kCellPaddingPt);
      }
    }
    double total = 0.0;
    for (const double width : widths) total += width;
    if (total <= pager.body().width() || pointSize <= 6.0) {
      if (total < pager.body().width() && total > 0.0) {
        const double extra = (pager.body().width() - total) / static_cast<double>(widths.size());
        for (auto& width : widths) width += std::min(extra, 40.0);
      }
      break;
    }
  }
  const double rowHeight = QFontMetricsF(painter.font(), painter.device()).height() * 1.5;
  const auto drawRow = [&](const QStringList& cells, bool isHeader) {
    double x = pager.body().left();
    const double y = pager.y();
    double rowWidth = 0.0;
    for (const double width : widths) rowWidth += width;
    if (isHeader) painter.fillRect(QRectF(x, y, rowWidth, rowHeight), kHeaderFill);
    painter.setFont(pager.font(pointSize, isHeader));
    painter.setPen(Qt::black);
    for (int c = 0; c < header.size(); ++c) {
      const double width = widths[static_cast<std::size_t>(c)];
      const Qt::Alignment align = c >= firstNumeric ? Qt::AlignRight : Qt::AlignLeft;
      painter.drawText(QRectF(x + kCellPaddingPt, y, width - 2.0 * kCellPaddingPt, rowHeight), align | Qt::AlignVCenter,
                       c < cells.size() ? cells[c] : QString());
      x += width;
    }
    painter.setPen(QPen(kRuleColour, 0.5));
    painter.drawLine(QPointF(pager.body().left(), y + rowHeight), QPointF(pager.body().left() + rowWidth, y + rowHeight));
    pager.advance(rowHeight);
  };
  pager.ensure(rowHeight * 3.0);
  drawRow(header, true);
  for (const auto& row : rows) {
    if (pager.remaining() < rowHeight) {
      pager.newPage();
      drawRow(header, true);
    }
    drawRow(row, false);
  }
  painter.restore();
  pager.advance(rowHeight * 0.5);
}

QString pair(const engine::LatencyStats& stats) {
  if (stats.empty()) return QStringLiteral("—");
  return QStringLiteral("%1 / %2").arg(latencyText(stats.p50S), latencyText(stats.p99S));
}

void drawTitlePage(Pager& pager, const ReportDocument& document) {
  QPainter& painter = pager.painter();
  const QRectF body = pager.body();
  const QFont titleFont = pager.font(20.0, true);
  const double titleHeight = QFontMetricsF(titleFont, painter.device()).height();
  painter.save();
  painter.setFont(titleFont);
  painter.drawText(QRectF(body.left(), body.top(), body.width(), titleHeight), Qt::AlignLeft | Qt::AlignVCenter,
                   document.title());
  painter.setFont(pager.font(10.0));
  painter.setPen(QColor(0x61, 0x61, 0x61));
  painter.drawText(QRectF(body.left(), body.top() + titleHeight * 1.2, body.width(), titleHeight),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   PdfReport::tr("Scenario %1, started %2")
                       .arg(QString::fromStdString(document.run().summary.scenarioName),
                            utcText(document.run().summary.startedAtUtc)));
  painter.restore();
  const double top = body.top() + titleHeight * 3.2;
  const double columnWidth = (body.width() - 36.0) / 2.0;
  const QFont sectionFont = pager.font(12.0, true);
  const double sectionHeight = QFontMetricsF(sectionFont, painter.device()).height() * 1.6;
  painter.save();
  painter.setFont(sectionFont);
  painter.drawText(QRectF(body.left(), top, columnWidth, sectionHeight), Qt::AlignLeft | Qt::AlignTop,
                   PdfReport::tr("Run and totals"));
  painter.drawText(QRectF(body.left() + columnWidth + 36.0, top, columnWidth, sectionHeight),
                   Qt::AlignLeft | Qt::AlignTop, PdfReport::tr("Settings"));
  painter.setFont(pager.font(10.0));
  const double left = drawFacts(painter, document.overview(), body.left(), top + sectionHeight, columnWidth);
  const double right =
      drawFacts(painter, document.settings(), body.left() + columnWidth + 36.0, top + sectionHeight, columnWidth);
  painter.restore();
  pager.advance(top - body.top() + sectionHeight + std::max(left, right));
}

void drawComparison(Pager& pager, const ReportDocument& document) {
  const RunComparison& comparison = *document.comparison();
  pager.newPage();
  pager.heading(PdfReport::tr("Comparison: %1 (a) with %2 (b)")
                    .arg(QString::fromStdString(comparison.a.name), QString::fromStdString(comparison.b.name)));
  const QStringList header{PdfReport::tr("Class"),        PdfReport::tr("Watched"),     PdfReport::tr("Attainment a"),
                           PdfReport::tr("Attainment b"), PdfReport::tr("Difference"),  PdfReport::tr("Goodput a"),
                           PdfReport::tr("Goodput b"),    PdfReport::tr("Difference"),  PdfReport::tr("Latency a"),
                           PdfReport::tr("Latency b"),    PdfReport::tr("Difference")};
  QList<QStringList> rows;
  for (const auto& cls : comparison.classes) {
    rows.append({QString::fromStdString(cls.name), watchedText(cls.metric, cls.percentile),
                 percentText(cls.attainmentA), percentText(cls.attainmentB), percentPointsText(cls.attainmentDelta()),
                 rateText(cls.goodputPerSA), rateText(cls.goodputPerSB), rateText(cls.goodputDeltaPerS(), true),
                 latencyText(cls.watchedSA), latencyText(cls.watchedSB), latencyDeltaText(cls.watchedDeltaS())});
  }
  if (!comparison.classes.empty()) {
    const auto& all = comparison.allClasses;
    rows.append({PdfReport::tr("All classes"), QStringLiteral("—"), percentText(all.attainmentA),
                 percentText(all.attainmentB), percentPointsText(all.attainmentDelta()), rateText(all.goodputPerSA),
                 rateText(all.goodputPerSB), rateText(all.goodputDeltaPerS(), true), QStringLiteral("—"),
                 QStringLiteral("—"), QStringLiteral("—")});
  }
  drawTable(pager, header, rows, 2);
  pager.advance(12.0);
  pager.heading(PdfReport::tr("Settings changed from a to b"), 11.0);
  QList<QStringList> changes;
  for (const auto& change : document.changedSettings()) changes.append({change.label, change.valueA, change.valueB});
  if (changes.isEmpty()) changes.append({PdfReport::tr("none: both runs ran with the same settings"), QString(), QString()});
  drawTable(pager, {PdfReport::tr("Setting"), PdfReport::tr("Run a"), PdfReport::tr("Run b")}, changes, 3);
}

void drawClassTable(Pager& pager, const ReportDocument& document) {
  pager.newPage();
  pager.heading(PdfReport::tr("Classes"));
  const QStringList header{PdfReport::tr("Class"),         PdfReport::tr("SLO"),          PdfReport::tr("Arrivals"),
                           PdfReport::tr("Completed"),     PdfReport::tr("Relegated"),    PdfReport::tr("Attainment"),
                           PdfReport::tr("Goodput"),       PdfReport::tr("Queue p50/p99"), PdfReport::tr("TTFT p50/p99"),
                           PdfReport::tr("TBT p50/p99"),   PdfReport::tr("TTLT p50/p99")};
  QList<QStringList> rows;
  const QLocale locale;
  for (const auto& row : document.classes()) {
    const auto& cls = row.totals;
    rows.append({QString::fromStdString(cls.name), sloText(cls.slo), locale.toString(static_cast<qlonglong>(cls.arrived)),
                 locale.toString(static_cast<qlonglong>(cls.completed)),
                 locale.toString(static_cast<qlonglong>(cls.relegated)), percentText(cls.attainment),
                 rateText(row.goodputPerS), pair(cls.queue), pair(cls.ttft), pair(cls.tbt), pair(cls.ttlt)});
  }
  drawTable(pager, header, rows, 2);
}

void drawCharts(Pager& pager, const ReportDocument& document) {
  std::vector<const ReportChart*> charts;
  for (const auto& chart : document.latencyCharts()) charts.push_back(&chart);
  charts.push_back(&document.throughputChart());
  pager.newPage();
  pager.heading(PdfReport::tr("Latency and throughput over time"));
  const double slotHeight = (pager.body().height() - (pager.y() - pager.body().top())) / 2.0;
  for (const ReportChart* chart : charts) {
    pager.ensure(slotHeight);
    paintReportChart(pager.painter(), QRectF(pager.body().left(), pager.y(), pager.body().width(), slotHeight - 8.0),
                     *chart);
    pager.advance(slotHeight);
  }
}

void drawPlan(Pager& pager, const ReportPlan& plan) {
  pager.newPage();
  pager.heading(PdfReport::tr("Plan"));
  QPainter& painter = pager.painter();
  if (!plan.facts.isEmpty()) {
    painter.save();
    painter.setFont(pager.font(kBodyPt));
    pager.advance(drawFacts(painter, plan.facts, pager.body().left(), pager.y(), pager.body().width() / 2.0));
    painter.restore();
  }
  if (!plan.instanceRows.isEmpty()) {
    pager.advance(8.0);
    drawTable(pager, plan.instanceHeader, plan.instanceRows, 2);
  }
  pager.heading(PdfReport::tr("Plan as JSON"), 11.0);
  QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
  mono.setPointSizeF(7.0);
  painter.save();
  painter.setFont(mono);
  const QFontMetricsF metrics(mono, painter.device());
  const double lineHeight = metrics.height();
  for (const QString& line : plan.json.split(QLatin1Char('\n'))) {
    if (pager.remaining() < lineHeight) {
      pager.newPage();
      painter.setFont(mono);
    }
    painter.drawText(QRectF(pager.body().left(), pager.y(), pager.body().width(), lineHeight),
                     Qt::AlignLeft | Qt::AlignVCenter, metrics.elidedText(line, Qt::ElideRight, pager.body().width()));
    pager.advance(lineHeight);
  }
  painter.restore();
}

}  // namespace

bool writePdfReport(const ReportDocument& document, const QString& path, QString* error) {
  QSaveFile file(path);
  if (!openReportFile(file, error)) return false;
  {
    QPdfWriter writer(&file);
    writer.setResolution(kResolutionDpi);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape,
                                     QMarginsF(kMarginPt, kMarginPt, kMarginPt, kMarginPt), QPageLayout::Point));
    writer.setTitle(document.title());
    writer.setCreator(QStringLiteral("Headroom"));
    QPainter painter;
    if (!painter.begin(&writer)) {
      file.cancelWriting();
      if (error) *error = PdfReport::tr("%1: cannot start the PDF").arg(path);
      return false;
    }
    Pager pager(writer, painter, document.title());
    drawTitlePage(pager, document);
    if (document.comparison()) drawComparison(pager, document);
    drawClassTable(pager, document);
    drawCharts(pager, document);
    if (document.plan()) drawPlan(pager, *document.plan());
    painter.end();
  }
  return commitReportFile(file, error);
}

}  // namespace headroom::ui
