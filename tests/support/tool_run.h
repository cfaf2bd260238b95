#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

namespace headroom::test {

// An external tool's exit code and its standard output and error together (exit code -1 when it crashed
// or did not finish within two minutes, and the output then says so).
struct ToolRun {
  int exitCode = -1;
  QString output;
};

inline ToolRun runTool(const QString& program, const QStringList& arguments) {
  QProcess process;
  process.setProcessChannelMode(QProcess::MergedChannels);
  process.start(program, arguments);
  if (!process.waitForFinished(120000)) {
    process.kill();
    process.waitForFinished();
    return {-1, program + " did not finish within 120 s"};
  }
  return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, QString::fromUtf8(process.readAll())};
}

}  // namespace headroom::test
