#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace headroom::test {

// One run of the headroom-cli under test: its exit code (-1 when it did not finish within the time),
// standard output and standard error.
struct CliRun {
  int exitCode = -1;
  QByteArray out;
  QByteArray err;
};

inline CliRun runCli(const QStringList& arguments, int timeoutMs = 300000) {
  QProcess process;
  process.start(QStringLiteral(HEADROOM_CLI_PATH), arguments);
  if (!process.waitForFinished(timeoutMs)) {
    process.kill();
    process.waitForFinished();
    return {-1, {}, QByteArray("headroom-cli did not finish within ") + QByteArray::number(timeoutMs / 1000) + " s"};
  }
  return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

}  // namespace headroom::test
