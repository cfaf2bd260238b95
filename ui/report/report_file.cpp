#include "ui/report/report_file.h"

#include <QCoreApplication>

namespace headroom::ui {

namespace {

// Translation context of report file errors.
struct ReportFile {
  Q_DECLARE_TR_FUNCTIONS(ReportFile)
};

}  // namespace

bool openReportFile(QSaveFile& file, QString* error) {
  if (file.open(QIODevice::WriteOnly)) return true;
  if (error) *error = ReportFile::tr("%1: cannot open for writing: %2").arg(file.fileName(), file.errorString());
  return false;
}

bool commitReportFile(QSaveFile& file, QString* error) {
  if (file.commit()) return true;
  if (error) *error = ReportFile::tr("%1: cannot write: %2").arg(file.fileName(), file.errorString());
  return false;
}

bool saveReportFile(const QString& path, const QByteArray& content, QString* error) {
  QSaveFile file(path);
  if (!openReportFile(file, error)) return false;
  if (file.write(content) != content.size()) {
    if (error) *error = ReportFile::tr("%1: cannot write: %2").arg(path, file.errorString());
    file.cancelWriting();
    return false;
  }
  return commitReportFile(file, error);
}

}  // namespace headroom::ui
