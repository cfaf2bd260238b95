#pragma once

// Starts `headroom-cli serve` or `route` as a real process on a loopback port and stops it with
// SIGTERM. The port is read from the "listening on http://HOST:PORT" line the command prints. A server
// that does not start, or that was running in a test that failed, shows its command, exit status and
// output among the test's messages, so that a failure says why.

#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStringList>
#include <QTest>

#include <cstdint>
#include <functional>

namespace headroom::test {

// How to start the server beyond its arguments; the defaults start this build's headroom-cli on a free port.
struct ServerStart {
  QString program = QStringLiteral(HEADROOM_CLI_PATH);  // another headroom-cli, e.g. an installed one
  QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
  std::uint16_t port = 0;  // 0: a free one; another, e.g. the one a stopped server had, to restart it there
  std::function<void()> childSetup;  // runs in the child before the command (e.g. to lower a resource limit)
};

class ServerProcess {
 public:
  // `arguments` start with the subcommand; "--port PORT" is added.
  explicit ServerProcess(const QStringList& arguments, std::uint16_t port = 0)
      : ServerProcess(arguments, [port] {
          ServerStart start;
          start.port = port;
          return start;
        }()) {}
  ServerProcess(const QStringList& arguments, const std::function<void()>& childSetup)
      : ServerProcess(arguments, [&childSetup] {
          ServerStart start;
          start.childSetup = childSetup;
          return start;
        }()) {}
  ServerProcess(const QString& program, const QStringList& arguments, const QProcessEnvironment& environment)
      : ServerProcess(arguments, [&] {
          ServerStart start;
          start.program = program;
          start.environment = environment;
          return start;
        }()) {}

  ServerProcess(const QStringList& arguments, const ServerStart& start) {
    process_.setProcessChannelMode(QProcess::SeparateChannels);
    process_.setProcessEnvironment(start.environment);
    if (start.childSetup) process_.setChildProcessModifier(start.childSetup);
    process_.start(start.program, arguments + QStringList{"--port", QString::number(start.port)});
    QElapsedTimer timer;
    timer.start();
    static const QRegularExpression listening(QStringLiteral("listening on https?://[^:]+:(\\d+)"));
    // Generous: a loaded machine may take long to start a process.
    while (timer.elapsed() < 60000 && process_.state() != QProcess::NotRunning) {
      process_.waitForReadyRead(100);
      output_ += process_.readAllStandardOutput();
      const auto match = listening.match(QString::fromUtf8(output_));
      if (match.hasMatch()) {
        port_ = static_cast<std::uint16_t>(match.captured(1).toUInt());
        break;
      }
    }
    if (port_ == 0) {
      const int status = stop();
      report(QStringLiteral("did not start (no listening line within %1 s; exit status %2)")
                 .arg(timer.elapsed() / 1000)
                 .arg(status));
    }
  }
  ~ServerProcess() {
    const int status = stop();
    if (port_ != 0 && QTest::currentTestFailed()) report(QStringLiteral("stopped after a failed test (exit status %1)").arg(status));
  }
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  bool started() const { return port_ != 0; }
  std::uint16_t port() const { return port_; }
  qint64 pid() const { return process_.processId(); }
  // Its standard error so far (all of it once it has stopped).
  QByteArray errorOutput() {
    errors_ += process_.readAllStandardError();
    return errors_;
  }

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
  void report(const QString& what) {
    output_ += process_.readAllStandardOutput();
    qWarning("%s: %s\n--- its output:\n%s\n--- its errors:\n%s", qPrintable(process_.arguments().join(' ')), qPrintable(what),
             output_.constData(), errorOutput().constData());
  }

  QProcess process_;
  QByteArray output_;
  QByteArray errors_;
  std::uint16_t port_ = 0;
};

}  // namespace headroom::test
