#pragma once

#include <QString>

#include <optional>

#include "ui/report/report_document.h"

namespace headroom::ui {

// The file kinds a report is written as, chosen by the file's suffix (.pdf, .html/.htm, .csv; any case).
enum class ReportFormat : int { Pdf, Html, Csv };

std::optional<ReportFormat> reportFormatForPath(const QString& path);
// The suffixes reportFormatForPath() accepts, for messages: ".pdf, .html, .htm, .csv".
QString reportSuffixesText();

// Where a CSV report's totals go: beside the windows file, "run.csv" -> "run.totals.csv".
QString totalsCsvPath(const QString& csvPath);
// Where a CSV report of a run with a plan puts the plan: "run.csv" -> "run.plan.csv".
QString planCsvPath(const QString& csvPath);

// Writers. Each writes its file(s) beside the target and renames them into place (QSaveFile), so a
// failure leaves no half-written report; on failure it returns false and sets *error to a message that
// names the file. They paint text and charts, so they need a QGuiApplication (offscreen is enough) and
// must run on its thread.
//
// PDF: A4 landscape; a title page (run, scenario, date, status, totals, settings), the comparison when
// the document has one, the per-class table, one latency chart per class, throughput, and the plan.
// HTML: one self-contained file with the same sections; charts are inline PNG data URIs.
// CSV: `path` holds one row per series window per class (see csvWindowsHeader()); totalsCsvPath(path)
// holds one row per class and a final "all" row (see csvTotalsHeader()); for a run with a plan,
// planCsvPath(path) holds one row per planned instance and class (see csvPlanHeader()). Numbers use '.'
// and seconds.
bool writePdfReport(const ReportDocument& document, const QString& path, QString* error);
bool writeHtmlReport(const ReportDocument& document, const QString& path, QString* error);
bool writeCsvReport(const ReportDocument& document, const QString& path, QString* error);
// Chooses the writer by suffix; an unknown suffix is an error naming the file and the accepted suffixes.
bool writeReport(const ReportDocument& document, const QString& path, QString* error);

QString csvWindowsHeader();
QString csvTotalsHeader();
QString csvPlanHeader();

}  // namespace headroom::ui
