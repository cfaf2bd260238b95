#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

#include "ui/report/report_file.h"
#include "ui/report/report_text.h"
#include "ui/report/report_writer.h"

namespace headroom::ui {

namespace {

// Translation context of the HTML report's own headings.
struct HtmlReport {
  Q_DECLARE_TR_FUNCTIONS(HtmlReport)
};

const QSize kChartSize(960, 320);

QString esc(const QString& text) { return text.toHtmlEscaped(); }

QString factsTable(const QList<ReportFact>& facts) {
  QString out = QStringLiteral("<table class=\"facts\">\n");
  for (const auto& fact : facts) {
    out += QStringLiteral("<tr><th>%1</th><td>%2</td></tr>\n").arg(esc(fact.label), esc(fact.value));
  }
  return out + QStringLiteral("</table>\n");
}

// A grid table inside a box that scrolls sideways rather than pushing past the page. `nowrapColumns`
// are cells kept on one line (an SLO, whose words belong together).
QString table(const QStringList& header, const QList<QStringList>& rows, int firstNumeric,
              const QList<int>& nowrapColumns = {}) {
  QString out = QStringLiteral("<div class=\"wide\"><table class=\"grid\">\n<thead><tr>");
  for (const auto& cell : header) out += QStringLiteral("<th>%1</th>").arg(esc(cell));
  out += QStringLiteral("</tr></thead>\n<tbody>\n");
  for (const auto& row : rows) {
    out += QStringLiteral("<tr>");
    for (int c = 0; c < row.size(); ++c) {
      if (c >= firstNumeric) {
        out += QStringLiteral("<td class=\"num\">%1</td>").arg(esc(row[c]));
      } else if (nowrapColumns.contains(c)) {
        out += QStringLiteral("<td class=\"nowrap\">%1</td>").arg(esc(row[c]));
      } else {
        out += QStringLiteral("<td>%1</td>").arg(esc(row[c]));
      }
    }
    out += QStringLiteral("</tr>\n");
  }
  return out + QStringLiteral("</tbody>\n</table></div>\n");
}

QString chartImage(const ReportChart& chart) {
  const QByteArray png = reportChartPng(chart, kChartSize);
  return QStringLiteral("<figure><img alt=\"%1\" width=\"%2\" height=\"%3\" src=\"data:image/png;base64,%4\"></figure>\n")
      .arg(esc(chart.title))
      .arg(kChartSize.width())
      .arg(kChartSize.height())
      .arg(QString::fromLatin1(png.toBase64()));
}

QString pair(const engine::LatencyStats& stats) {
  if (stats.empty()) return QStringLiteral("—");
  return QStringLiteral("%1 / %2").arg(latencyText(stats.p50S), latencyText(stats.p99S));
}

// Two tables, so that neither is wider than the page: the class's SLO and counts, then its latencies.
QString classSection(const ReportDocument& document) {
  const QStringList countsHeader{HtmlReport::tr("Class"),     HtmlReport::tr("SLO"),        HtmlReport::tr("Arrivals"),
                                 HtmlReport::tr("Completed"), HtmlReport::tr("Relegated"),  HtmlReport::tr("Attainment"),
                                 HtmlReport::tr("Goodput")};
  const QStringList latencyHeader{HtmlReport::tr("Class"), HtmlReport::tr("Queue p50/p99"), HtmlReport::tr("TTFT p50/p99"),
                                  HtmlReport::tr("TBT p50/p99"), HtmlReport::tr("TTLT p50/p99")};
  QList<QStringList> counts;
  QList<QStringList> latencies;
  const QLocale locale;
  for (const auto& row : document.classes()) {
    const auto& cls = row.totals;
    const QString name = QString::fromStdString(cls.name);
    counts.append({name, sloText(cls.slo), locale.toString(static_cast<qlonglong>(cls.arrived)),
                   locale.toString(static_cast<qlonglong>(cls.completed)),
                   locale.toString(static_cast<qlonglong>(cls.relegated)), percentText(cls.attainment),
                   rateText(row.goodputPerS)});
    latencies.append({name, pair(cls.queue), pair(cls.ttft), pair(cls.tbt), pair(cls.ttlt)});
  }
  return QStringLiteral("<section id=\"classes\">\n<h2>%1</h2>\n").arg(esc(HtmlReport::tr("Classes"))) +
         table(countsHeader, counts, 2, {1}) +
         QStringLiteral("<h3>%1</h3>\n").arg(esc(HtmlReport::tr("Latency per class (p50 / p99)"))) +
         table(latencyHeader, latencies, 1) + QStringLiteral("</section>\n");
}

QString comparisonSection(const RunComparison& comparison, const QList<SettingChange>& changes) {
  const QStringList header{HtmlReport::tr("Class"),        HtmlReport::tr("Watched"),    HtmlReport::tr("Attainment a"),
                           HtmlReport::tr("Attainment b"), HtmlReport::tr("Difference"), HtmlReport::tr("Goodput a"),
                           HtmlReport::tr("Goodput b"),    HtmlReport::tr("Difference"), HtmlReport::tr("Latency a"),
                           HtmlReport::tr("Latency b"),    HtmlReport::tr("Difference")};
  QList<QStringList> rows;
  for (const auto& cls : comparison.classes) {
    rows.append({QString::fromStdString(cls.name), watchedText(cls.metric, cls.percentile),
                 percentText(cls.attainmentA), percentText(cls.attainmentB), percentPointsText(cls.attainmentDelta()),
                 rateText(cls.goodputPerSA), rateText(cls.goodputPerSB), rateText(cls.goodputDeltaPerS(), true),
                 latencyText(cls.watchedSA), latencyText(cls.watchedSB), latencyDeltaText(cls.watchedDeltaS())});
  }
  if (!comparison.classes.empty()) {
    const auto& all = comparison.allClasses;
    rows.append({HtmlReport::tr("All classes"), QStringLiteral("—"), percentText(all.attainmentA),
                 percentText(all.attainmentB), percentPointsText(all.attainmentDelta()), rateText(all.goodputPerSA),
                 rateText(all.goodputPerSB), rateText(all.goodputDeltaPerS(), true), QStringLiteral("—"),
                 QStringLiteral("—"), QStringLiteral("—")});
  }
  QList<QStringList> changed;
  for (const auto& change : changes) changed.append({change.label, change.valueA, change.valueB});
  QString out = QStringLiteral("<section id=\"comparison\">\n<h2>%1</h2>\n")
                    .arg(esc(HtmlReport::tr("Comparison: %1 (a) with %2 (b)")
                                 .arg(QString::fromStdString(comparison.a.name),
                                      QString::fromStdString(comparison.b.name)))) +
                table(header, rows, 2);
  out += QStringLiteral("<h3>%1</h3>\n").arg(esc(HtmlReport::tr("Settings changed from a to b")));
  if (changed.isEmpty()) {
    out += QStringLiteral("<p>%1</p>\n").arg(esc(HtmlReport::tr("None: both runs ran with the same settings.")));
  } else {
    out += table({HtmlReport::tr("Setting"), HtmlReport::tr("Run a"), HtmlReport::tr("Run b")}, changed, 3, {1, 2});
  }
  return out + QStringLiteral("</section>\n");
}

QString planSection(const ReportPlan& plan) {
  QString out = QStringLiteral("<section id=\"plan\">\n<h2>%1</h2>\n").arg(esc(HtmlReport::tr("Plan")));
  if (!plan.facts.isEmpty()) out += factsTable(plan.facts);
  if (!plan.instanceRows.isEmpty()) out += table(plan.instanceHeader, plan.instanceRows, 2);
  out += QStringLiteral("<details><summary>%1</summary><pre>%2</pre></details>\n")
             .arg(esc(HtmlReport::tr("Plan as JSON")), esc(plan.json));
  return out + QStringLiteral("</section>\n");
}

const char* const kStyle =
    "body{font-family:system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;margin:2em auto;max-width:1000px;"
    "color:#212121;padding:0 1em}"
    "h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #bdbdbd}"
    ".sub{color:#616161;margin-top:0}.columns{display:flex;gap:3em;flex-wrap:wrap}"
    "table{border-collapse:collapse;font-size:.9em}table.facts th{text-align:left;color:#616161;font-weight:normal;"
    "padding:.15em 1.5em .15em 0}table.grid th{background:#eeeeee;text-align:left}"
    "table.grid th,table.grid td{padding:.25em .6em;border-bottom:1px solid #e0e0e0}td.num{text-align:right;"
    "white-space:nowrap}td.nowrap{white-space:nowrap}div.wide{max-width:100%;overflow-x:auto}h3{font-size:1em}figure{margin:1em 0}img{max-width:100%;height:auto}pre{font-size:.8em;background:#fafafa;"
    "padding:1em;overflow:auto}";

}  // namespace

bool writeHtmlReport(const ReportDocument& document, const QString& path, QString* error) {
  QString html = QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\">\n<head>\n<meta charset=\"utf-8\">\n"
                                "<meta name=\"generator\" content=\"Headroom\">\n<title>%2</title>\n<style>%3</style>\n"
                                "</head>\n<body>\n")
                     .arg(QLocale().bcp47Name(), esc(document.title()), QString::fromLatin1(kStyle));
  html += QStringLiteral("<h1>%1</h1>\n<p class=\"sub\">%2</p>\n")
              .arg(esc(document.title()),
                   esc(HtmlReport::tr("Scenario %1, started %2")
                           .arg(QString::fromStdString(document.run().summary.scenarioName),
                                utcText(document.run().summary.startedAtUtc))));
  html += QStringLiteral("<div class=\"columns\">\n<section id=\"overview\">\n<h2>%1</h2>\n")
              .arg(esc(HtmlReport::tr("Run and totals")));
  html += factsTable(document.overview());
  html += QStringLiteral("</section>\n<section id=\"settings\">\n<h2>%1</h2>\n").arg(esc(HtmlReport::tr("Settings")));
  html += factsTable(document.settings());
  html += QStringLiteral("</section>\n</div>\n");
  if (document.comparison()) html += comparisonSection(*document.comparison(), document.changedSettings());
  html += classSection(document);
  html += QStringLiteral("<section id=\"charts\">\n<h2>%1</h2>\n")
              .arg(esc(HtmlReport::tr("Latency and throughput over time")));
  for (const auto& chart : document.latencyCharts()) html += chartImage(chart);
  html += chartImage(document.throughputChart());
  html += QStringLiteral("</section>\n");
  if (document.plan()) html += planSection(*document.plan());
  html += QStringLiteral("</body>\n</html>\n");
  return saveReportFile(path, html.toUtf8(), error);
}

}  // namespace headroom::ui
