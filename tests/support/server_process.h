#pragma once

// Starts `headroom-cli serve` or `route` as a real process on a free loopback port and stops it with
// SIGTERM. The port is read from the "listening on http://HOST:PORT" line the command prints.

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QStringList>

#include <cstdint>

namespace headroom::test {

class ServerProcess {
 public:
  // `arguments` start with the subcommand; "--port 0" is added.
  explicit ServerProcess(const QStringList& arguments) {
    process_.setProcessChannelMode(QProcess::SeparateChannels);
    process_.start(QStringLiteral(HEADROOM_CLI_PATH), arguments + QStringList{"--port", "0"});
    QElapsedTimer timer;
    timer.start();
    static const QRegularExpression listening(QStringLiteral("listening on https?://[^:]+:(\\d+)"));
    while (timer.elapsed() < 20000 && process_.state() != QProcess::NotRunning) {
      process_.waitForReadyRead(100);
      output_ += process_.readAllStandardOutput();
      const auto match = listening.match(QString::fromUtf8(output_));
      if (match.hasMatch()) {
        port_ = static_cast<std::uint16_t>(match.captured(1).toUInt());
        break;
      }
    }
  }
  ~ServerProcess() { stop(); }
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  bool started() const { return port_ != 0; }
  std::uint16_t port() const { return port_; }
  qint64 pid() const { return process_.processId(); }
  QByteArray errorOutput() { return process_.readAllStandardError(); }

  // Waits up to `timeoutMs` for the process to end by itself; true when it has.
  bool waitForExit(int timeoutMs) {
    return process_.state() == QProcess::NotRunning || process_.waitForFinished(timeoutMs);
  }

  // SIGTERM and wait; the exit code (-1 when it had to be killed).
  int stop() {
    if (process_.state() == QProcess::NotRunning) return process_.exitCode();
    process_.terminate();
    if (!process_.waitForFinished(10000)) {
      process_.kill();
      process_.waitForFinished(5000);
      return -1;
    }
    return process_.exitStatus() == QProcess::NormalExit ? process_.exitCode() : -1;
  }
  void kill() {
    process_.kill();
    process_.waitForFinished(5000);
  }

 private:
  QProcess process_;
  QByteArray output_;
  std::uint16_t port_ = 0;
};

}  // namespace headroom::test
