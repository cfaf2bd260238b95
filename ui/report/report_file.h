#pragma once

#include <QByteArray>
#include <QSaveFile>
#include <QString>

namespace headroom::ui {

// Report files are written through QSaveFile: into a temporary file beside the target, renamed into
// place on commit, discarded on failure. These return false and set *error to a message naming the file.
bool openReportFile(QSaveFile& file, QString* error);
bool commitReportFile(QSaveFile& file, QString* error);
bool saveReportFile(const QString& path, const QByteArray& content, QString* error);

}  // namespace headroom::ui
