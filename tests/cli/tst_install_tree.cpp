// The installed tree, as a package lays it out: `cmake --install` into a temporary prefix, then the
// installed headroom-cli, finding its resources beside itself (../share/headroom), replays every bundled
// scenario and starts and stops every bundled serving and routing configuration; the manual pages
// document every command and the Debian copyright file is in place.
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include "support/server_process.h"
#include "support/test_certificates.h"

using headroom::test::ServerProcess;

namespace {

constexpr int kInstallTimeoutMs = 300000;
constexpr int kReplayTimeoutMs = 180000;
// Seconds of arrivals each bundled scenario is replayed for: enough to run every class.
const QString kShortDurationS = QStringLiteral("5");

struct Result {
  int exitCode = -1;
  QString output;
};

Result run(const QString& program, const QStringList& arguments, const QProcessEnvironment& environment,
           int timeoutMs, const QString& workingDirectory = {}) {
  QProcess process;
  process.setProcessChannelMode(QProcess::MergedChannels);
  process.setProcessEnvironment(environment);
  if (!workingDirectory.isEmpty()) process.setWorkingDirectory(workingDirectory);
  process.start(program, arguments);
  if (!process.waitForFinished(timeoutMs)) {
    process.kill();
    process.waitForFinished(5000);
    return {-1, QStringLiteral("did not finish within %1 s: ").arg(timeoutMs / 1000) +
                    QString::fromUtf8(process.readAll())};
  }
  return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, QString::fromUtf8(process.readAll())};
}

QStringList jsonFilesIn(const QString& folder) {
  QStringList names = QDir(folder).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
  return names;
}

}  // namespace

class TestInstallTree : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir prefix_;
  QTemporaryDir work_;
  QProcessEnvironment environment_;

  QString installed(const QString& relative) const { return prefix_.filePath(relative); }
  QString cli() const { return installed(QStringLiteral("bin/headroom-cli")); }

 private slots:
  void initTestCase() {
    QVERIFY(prefix_.isValid());
    QVERIFY(work_.isValid());
    const Result install = run(QStringLiteral(HEADROOM_CMAKE_COMMAND),
                               {QStringLiteral("--install"), QStringLiteral(HEADROOM_BUILD_DIR_FOR_TESTS),
                                QStringLiteral("--prefix"), prefix_.path()},
                               QProcessEnvironment::systemEnvironment(), kInstallTimeoutMs);
    QVERIFY2(install.exitCode == 0, qPrintable(install.output));
    QVERIFY2(QFileInfo(cli()).isExecutable(), qPrintable(cli()));
    // The installed binary must find everything through its prefix: no override, and run from elsewhere.
    environment_ = QProcessEnvironment::systemEnvironment();
    environment_.remove(QStringLiteral("HEADROOM_RESOURCE_DIR"));
    environment_.insert(QStringLiteral("HOME"), work_.path());
    environment_.insert(QStringLiteral("XDG_CACHE_HOME"), work_.filePath(QStringLiteral("cache")));
  }

  void installsEveryBundledResource() {
    const QString source = QStringLiteral(HEADROOM_RESOURCE_DIR_FOR_TESTS);
    for (const QString& kind : {QStringLiteral("models"), QStringLiteral("hardware"), QStringLiteral("profiles"),
                                QStringLiteral("scenarios"), QStringLiteral("plans"), QStringLiteral("serving")}) {
      const QStringList bundled = jsonFilesIn(source + QLatin1Char('/') + kind);
      QVERIFY2(!bundled.isEmpty(), qPrintable(kind));
      QCOMPARE(jsonFilesIn(installed(QStringLiteral("share/headroom/") + kind)), bundled);
    }
  }

  void replaysEveryBundledScenario() {
    const QStringList scenarios = jsonFilesIn(installed(QStringLiteral("share/headroom/scenarios")));
    QVERIFY(scenarios.size() >= 4);
    for (const QString& name : scenarios) {
      const QString file = installed(QStringLiteral("share/headroom/scenarios/") + name);
      const Result replay = run(cli(), {QStringLiteral("replay"), file, QStringLiteral("--duration"), kShortDurationS},
                                environment_, kReplayTimeoutMs, work_.path());
      QVERIFY2(replay.exitCode == 0, qPrintable(name + QStringLiteral(": ") + replay.output));
      QVERIFY2(replay.output.contains(QStringLiteral("arrived"), Qt::CaseInsensitive),
               qPrintable(name + QStringLiteral(": ") + replay.output));
    }
  }

  void startsAndStopsEveryBundledConfiguration() {
    const QString folder = installed(QStringLiteral("share/headroom/serving"));
    const QStringList configs = jsonFilesIn(folder);
    QVERIFY(configs.size() >= 3);
    int routers = 0;
    for (const QString& name : configs) {
      QFile file(folder + QLatin1Char('/') + name);
      QVERIFY(file.open(QIODevice::ReadOnly));
      const QJsonObject config = QJsonDocument::fromJson(file.readAll()).object();
      QVERIFY2(!config.isEmpty(), qPrintable(name));
      // A configuration with members is a router's; every other one a server's.
      const bool router = config.contains(QStringLiteral("members"));
      routers += router ? 1 : 0;
      // A member reached over QUIC pins the certificate its operator puts beside the configuration (none
      // is installed: it would be everyone's). Run such a configuration from a copy with one made there.
      QString configPath = file.fileName();
      bool needsCertificate = false;
      for (const QJsonValue& member : config.value(QStringLiteral("members")).toArray()) {
        needsCertificate = needsCertificate || member.toObject().contains(QStringLiteral("certificate"));
      }
      if (needsCertificate) {
        const headroom::test::TestCertificate made = headroom::test::makeTestCertificate(work_, QStringLiteral("member"));
        QVERIFY2(made.error.isEmpty(), qPrintable(made.error));
        for (const QJsonValue& member : config.value(QStringLiteral("members")).toArray()) {
          const QString pinned = member.toObject().value(QStringLiteral("certificate")).toString();
          if (pinned.isEmpty()) continue;
          QFile::remove(work_.filePath(pinned));
          QVERIFY(QFile::copy(made.certificate, work_.filePath(pinned)));
        }
        configPath = work_.filePath(name);
        QFile::remove(configPath);
        QVERIFY(QFile::copy(file.fileName(), configPath));
      }
      ServerProcess server(cli(), {router ? QStringLiteral("route") : QStringLiteral("serve"), configPath},
                           environment_);
      QVERIFY2(server.started(), qPrintable(name + QStringLiteral(": ") + QString::fromUtf8(server.errorOutput())));
      const int exitCode = server.stop();
      QVERIFY2(exitCode == 0, qPrintable(name + QStringLiteral(": exit ") + QString::number(exitCode) +
                                         QStringLiteral(": ") + QString::fromUtf8(server.errorOutput())));
    }
    QVERIFY(routers >= 1);
  }

  void manPagesDocumentEveryCommand() {
    for (const QString& page : {QStringLiteral("headroom.1"), QStringLiteral("headroom-cli.1")}) {
      QVERIFY2(QFileInfo::exists(installed(QStringLiteral("share/man/man1/") + page + QStringLiteral(".gz"))) ||
                   QFileInfo::exists(installed(QStringLiteral("share/man/man1/") + page)),
               qPrintable(page));
    }
    const QString compressed = installed(QStringLiteral("share/man/man1/headroom-cli.1.gz"));
    const Result text = QFileInfo::exists(compressed)
                            ? run(QStringLiteral("gzip"), {QStringLiteral("-dc"), compressed}, environment_, 30000)
                            : run(QStringLiteral("cat"), {installed(QStringLiteral("share/man/man1/headroom-cli.1"))},
                                  environment_, 30000);
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.output.startsWith(QStringLiteral(".TH HEADROOM-CLI 1")));

    // Every subcommand `headroom-cli --help` lists has its own entry in the page.
    const Result help = run(cli(), {QStringLiteral("--help")}, environment_, 30000);
    QCOMPARE(help.exitCode, 0);
    const qsizetype start = help.output.indexOf(QStringLiteral("Subcommands:"), 0, Qt::CaseInsensitive);
    QVERIFY2(start >= 0, qPrintable(help.output));
    static const QRegularExpression command(QStringLiteral("^\\s{2}(\\w[\\w-]*)\\s"), QRegularExpression::MultilineOption);
    int commands = 0;
    for (auto it = command.globalMatch(help.output.mid(start)); it.hasNext();) {
      const QString name = it.next().captured(1);
      ++commands;
      QVERIFY2(text.output.contains(QStringLiteral("\n.B ") + name + QLatin1Char('\n')),
               qPrintable(QStringLiteral("headroom-cli.1 does not document the command ") + name));
    }
    QVERIFY2(commands >= 6, qPrintable(help.output));
  }

  void shipsADebianCopyrightFile() {
    QFile copyright(installed(QStringLiteral("share/doc/headroom/copyright")));
    QVERIFY(copyright.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(copyright.readAll());
    QVERIFY(text.startsWith(
        QStringLiteral("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n")));
    // Each Files paragraph names its copyright and a license that a stand-alone paragraph spells out.
    static const QRegularExpression files(QStringLiteral("^Files: .+\\nCopyright: .+\\nLicense: (\\S+)$"),
                                          QRegularExpression::MultilineOption);
    int paragraphs = 0;
    for (auto it = files.globalMatch(text); it.hasNext();) {
      const QString license = it.next().captured(1);
      ++paragraphs;
      QVERIFY2(text.contains(QStringLiteral("\n\nLicense: ") + license + QLatin1Char('\n')), qPrintable(license));
    }
    QVERIFY(paragraphs >= 1);
  }
};

QTEST_GUILESS_MAIN(TestInstallTree)
#include "tst_install_tree.moc"
