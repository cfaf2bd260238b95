#include "ui/report/report_writer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace headroom::ui {

namespace {

// Translation context of the writers' messages.
struct ReportWriter {
  Q_DECLARE_TR_FUNCTIONS(ReportWriter)
};

}  // namespace

std::optional<ReportFormat> reportFormatForPath(const QString& path) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix == QLatin1String("pdf")) return ReportFormat::Pdf;
  if (suffix == QLatin1String("html") || suffix == QLatin1String("htm")) return ReportFormat::Html;
  if (suffix == QLatin1String("csv")) return ReportFormat::Csv;
  return std::nullopt;
}

QString reportSuffixesText() { return QStringLiteral(".pdf, .html, .htm, .csv"); }

QString totalsCsvPath(const QString& csvPath) {
  const QFileInfo info(csvPath);
  const QString name = info.completeBaseName() + QStringLiteral(".totals.") + info.suffix();
  return info.path() == QLatin1String(".") && !csvPath.startsWith(QLatin1String("./")) ? name
                                                                                       : info.dir().filePath(name);
}

QString planCsvPath(const QString& csvPath) {
  const QFileInfo info(csvPath);
  const QString name = info.completeBaseName() + QStringLiteral(".plan.") + info.suffix();
  return info.path() == QLatin1String(".") && !csvPath.startsWith(QLatin1String("./")) ? name
                                                                                       : info.dir().filePath(name);
}

bool writeReport(const ReportDocument& document, const QString& path, QString* error) {
  const auto format = reportFormatForPath(path);
  if (!format) {
    if (error) {
      *error = ReportWriter::tr("%1: unknown report type; use one of %2").arg(path, reportSuffixesText());
    }
    return false;
  }
  switch (*format) {
    case ReportFormat::Pdf: return writePdfReport(document, path, error);
    case ReportFormat::Html: return writeHtmlReport(document, path, error);
    case ReportFormat::Csv: return writeCsvReport(document, path, error);
  }
  return false;
}

}  // namespace headroom::ui
