// headroom-cli netbench driven like a user would, on fast settings (few seeds and requests, the virtual
// link): the table's shape, the JSON fields, the same output for the same seeds, and bad flags refused
// with the flag and the allowed values named.
#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include "net/link/netns_link.h"
#include "support/cli_run.h"

namespace {

using RunResult = headroom::test::CliRun;
using headroom::test::runCli;

// Fast settings: 2 seeds of 12 requests each.
QStringList fast(const QStringList& extra) {
  return QStringList{"netbench", "--seeds", "2", "--requests", "12"} + extra;
}

const QStringList kClasses{"realtime", "low-priority", "long"};

}  // namespace

class TestNetbenchCli : public QObject {
  Q_OBJECT

 private slots:
  void tablePerVariantAndClass() {
    const RunResult result = runCli(fast({"--variants", "rr,edf,tls-tcp", "--progress"}));
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QString out = QString::fromUtf8(result.out);
    QVERIFY2(out.contains("variant rr (QUIC, 2 runs)"), qPrintable(out));
    QVERIFY2(out.contains("variant edf (QUIC, 2 runs)"), qPrintable(out));
    // tls-tcp needs TCP, which virtual time does not have: a row that says so, no figures.
    QVERIFY2(out.contains("variant tls-tcp: needs --link netns"), qPrintable(out));
    for (const char* column : {"class", "requests", "within deadline (95% CI)", "mean s", "p50 s", "p99 s", "dropped",
                               "bytes dropped"}) {
      QVERIFY2(out.contains(column), column);
    }
    // One row per class under each variant with figures, and one ranking line per class.
    for (const QString& name : kClasses) {
      QCOMPARE(out.count(QRegularExpression("\\n" + QRegularExpression::escape(name) + " +\\d+ +\\d+\\.\\d% ± ")), 2);
      QVERIFY2(out.contains(QRegularExpression("\\n" + QRegularExpression::escape(name) +
                                               " *: (rr|edf) \\d+\\.\\d% > (rr|edf) \\d+\\.\\d%; tls-tcp: needs --link netns")),
               qPrintable(out));
    }
    QVERIFY(out.contains("link virtual: 5.00 Mbit/s per direction, 50.0 ms one-way delay (RTT 100.0 ms), loss 0.50%"));
    // Progress on stderr: one line per run.
    const QString err = QString::fromUtf8(result.err);
    QVERIFY2(err.contains("netbench: rr: seed 1 (1/2)") && err.contains("netbench: edf: seed 2 (2/2)"), qPrintable(err));
    QVERIFY(!out.contains("seed 1 (1/2)"));
  }

  void jsonHasTheTableFields() {
    QTemporaryDir dir;
    const QString path = dir.filePath("netbench.json");
    const RunResult result = runCli(fast({"--variants", "fcfs,abs,ml,tls-tcp", "--json", path}));
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY(result.out.contains("variant ml"));  // the table too
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject settings = json["settings"].toObject();
    QCOMPARE(settings["link"].toString(), QString("virtual"));
    QCOMPARE(settings["rate_bits_per_s"].toDouble(), 5e6);
    QCOMPARE(settings["one_way_delay_s"].toDouble(), 0.05);
    QCOMPARE(settings["loss"].toDouble(), 0.005);
    QCOMPARE(settings["congestion_control"].toString(), QString("bbr2"));
    QCOMPARE(settings["requests"].toInt(), 12);
    QCOMPARE(settings["seeds"].toInt(), 2);
    QCOMPARE(settings["arrival"].toString(), QString("poisson"));
    QCOMPARE(settings["load"].toDouble(), 0.5);
    QCOMPARE(settings["classes"].toArray().size(), 3);
    QCOMPARE(settings["classes"].toArray()[2].toObject()["request_bytes"].toInt(), 102400);

    const QJsonArray variants = json["variants"].toArray();
    QCOMPARE(variants.size(), 4);
    QStringList names;
    for (const auto& v : variants) names << v.toObject()["variant"].toString();
    QCOMPARE(names, QStringList({"fcfs", "abs", "ml", "tls-tcp"}));
    for (int i = 0; i < 3; ++i) {
      const QJsonObject variant = variants[i].toObject();
      QVERIFY(variant["available"].toBool());
      QCOMPARE(variant["runs"].toInt(), 2);
      const QJsonArray rows = variant["classes"].toArray();
      QCOMPARE(rows.size(), 3);
      int requests = 0;
      for (int c = 0; c < 3; ++c) {
        const QJsonObject row = rows[c].toObject();
        QCOMPARE(row["class"].toString(), kClasses[c]);
        for (const char* field : {"requests", "completed", "within_deadline", "within_deadline_pct",
                                  "within_deadline_ci95_pct", "latency_s", "streams_dropped", "bytes_dropped"}) {
          QVERIFY2(row.contains(field), field);
        }
        for (const char* field : {"mean", "p50", "p99"}) QVERIFY2(row["latency_s"].toObject().contains(field), field);
        requests += row["requests"].toInt();
        QVERIFY(row["within_deadline"].toInt() <= row["completed"].toInt());
      }
      QCOMPARE(requests, 24);  // 2 seeds x 12
    }
    const QJsonObject tls = variants[3].toObject();
    QVERIFY(!tls["available"].toBool());
    QCOMPARE(tls["reason"].toString(), QString("needs --link netns"));
    const QJsonArray ranking = json["ranking"].toArray();
    QCOMPARE(ranking.size(), 3);
    QCOMPARE(ranking[0].toObject()["class"].toString(), QString("realtime"));
    QCOMPARE(ranking[0].toObject()["order"].toArray().size(), 3);
  }

  void sameSeedsSameResults() {
    const QStringList arguments = fast({"--variants", "edf,rr", "--first-seed", "5", "--json", "-"});
    const RunResult first = runCli(arguments);
    const RunResult second = runCli(arguments);
    QVERIFY2(first.exitCode == 0, first.err.constData());
    QVERIFY2(second.exitCode == 0, second.err.constData());
    QVERIFY(!QJsonDocument::fromJson(first.out).isNull());  // stdout holds the JSON alone
    QCOMPARE(first.out, second.out);
  }

  void sharedRateHalvesTheOfferedRate() {
    const RunResult result = runCli({"netbench", "--rate-shared", "--seeds", "1", "--requests", "4", "--variants", "edf",
                                     "--json", "-"});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject settings = QJsonDocument::fromJson(result.out).object()["settings"].toObject();
    QVERIFY(settings["rate_shared"].toBool());
    // Load 0.5 of half of 5 Mbit/s for a mean request of 39,466.7 bytes: a 252.6 ms mean gap.
    QVERIFY2(std::abs(settings["mean_gap_s"].toDouble() - 0.25259) < 1e-4, qPrintable(QString::number(settings["mean_gap_s"].toDouble())));
  }

  void netnsRunsQuicAndTlsTcpInRealTime() {
    if (const auto why = headroom::net::link::NetnsLink::unavailableReason()) {
      QSKIP(qPrintable("--link netns cannot run here: " + QString::fromStdString(*why)));
    }
    const RunResult result =
        runCli({"netbench", "--link", "netns", "--seeds", "1", "--requests", "6", "--variants", "ml,tls-tcp", "--json", "-"});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject json = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(json["settings"].toObject()["link"].toString(), QString("netns"));
    const QJsonArray variants = json["variants"].toArray();
    QCOMPARE(variants.size(), 2);
    for (const auto& value : variants) {
      const QJsonObject variant = value.toObject();
      QVERIFY2(variant["available"].toBool(), qPrintable(variant["variant"].toString()));
      QVERIFY2(variant["failures"].toArray().isEmpty(), qPrintable(QJsonDocument(variant).toJson()));
      int requests = 0, completed = 0;
      for (const auto& row : variant["classes"].toArray()) {
        requests += row.toObject()["requests"].toInt();
        completed += row.toObject()["completed"].toInt();
      }
      QCOMPARE(requests, 6);
      // Light load on a lightly lossy link: every echo comes back (late or not).
      QVERIFY2(completed == 6, qPrintable(QJsonDocument(variant).toJson()));
    }
  }

  void netnsStopsOnSigtermAndRemovesItsNamespaces() {
    if (const auto why = headroom::net::link::NetnsLink::unavailableReason()) {
      QSKIP(qPrintable("--link netns cannot run here: " + QString::fromStdString(*why)));
    }
    QProcess process;
    process.start(QStringLiteral(HEADROOM_CLI_PATH),
                  {"netbench", "--link", "netns", "--seeds", "5", "--requests", "40", "--variants", "rr", "--progress"});
    QVERIFY(process.waitForStarted());
    // The namespaces of a link are named after the process (hr-PID-N-a, hr-PID-N-b).
    const QString ours = QString("hr-%1-").arg(process.processId());
    const auto namespaces = [] {
      QProcess ip;
      ip.start("ip", {"netns", "list"});
      ip.waitForFinished(10000);
      return QString::fromUtf8(ip.readAllStandardOutput());
    };
    QString listed;
    for (int i = 0; i < 300 && !listed.contains(ours); ++i) {  // up to 30 s for the first link
      QTest::qWait(100);
      listed = namespaces();
    }
    QVERIFY2(listed.contains(ours), qPrintable("no namespace " + ours + "* appeared: " + listed));
    process.terminate();  // SIGTERM in the middle of a run
    QVERIFY2(process.waitForFinished(60000), "netbench did not stop within 60 s of SIGTERM");
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 1);
    QVERIFY2(process.readAllStandardError().contains("interrupted"), "no word of the interruption on stderr");
    listed = namespaces();
    QVERIFY2(!listed.contains(ours), qPrintable("namespaces left behind: " + listed));
  }

  void badFlagsNameTheFlagAndTheAllowedValues_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("unknown variant") << QStringList{"--variants", "rr,wfq"}
                                     << QStringList{"--variants", "'wfq'", "rr, fcfs, edf, abs, ml, tls-tcp"};
    QTest::newRow("variant twice") << QStringList{"--variants", "edf,edf"} << QStringList{"--variants", "twice"};
    QTest::newRow("unknown arrival") << QStringList{"--arrival", "bursty"} << QStringList{"--arrival", "poisson, burst"};
    QTest::newRow("unknown congestion control") << QStringList{"--congestion", "reno"}
                                                << QStringList{"--congestion", "cubic, bbr, bbr2"};
    QTest::newRow("unknown link") << QStringList{"--link", "wan"} << QStringList{"--link", "virtual, netns"};
    QTest::newRow("delay-is") << QStringList{"--delay-is", "both"} << QStringList{"--delay-is", "one-way", "rtt"};
    QTest::newRow("loss above range") << QStringList{"--loss", "2"} << QStringList{"--loss"};
    QTest::newRow("no seeds") << QStringList{"--seeds", "0"} << QStringList{"--seeds"};
    QTest::newRow("negative rate") << QStringList{"--rate-mbit", "-1"} << QStringList{"--rate-mbit"};
    QTest::newRow("zero load") << QStringList{"--load", "0"} << QStringList{"--load"};
    QTest::newRow("shared and per direction") << QStringList{"--rate-shared", "--rate-per-direction"}
                                              << QStringList{"--rate-shared", "--rate-per-direction"};
    QTest::newRow("shared rate on netns") << QStringList{"--rate-shared", "--link", "netns"}
                                          << QStringList{"--rate-shared needs --link virtual"};
  }
  void badFlagsNameTheFlagAndTheAllowedValues() {
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, expected);
    const RunResult result = runCli(QStringList{"netbench"} + arguments);
    QCOMPARE(result.exitCode, 2);
    const QString err = QString::fromUtf8(result.err);
    for (const QString& word : expected) QVERIFY2(err.contains(word), qPrintable(word + " not in: " + err));
  }
};

QTEST_GUILESS_MAIN(TestNetbenchCli)
#include "tst_netbench_cli.moc"
