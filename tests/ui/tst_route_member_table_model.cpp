// The router members table: model conformance, one row per member and per QUIC member one per class, the
// numbers under each header meaning what the header says, HTTP members without stream figures, stale grey.
#include <QAbstractItemModelTester>
#include <QBrush>
#include <QSignalSpy>
#include <QtTest>

#include "ui/models/route_member_table_model.h"

using namespace headroom;
using namespace headroom::serve;
using namespace headroom::ui;
using Model = RouteMemberTableModel;

namespace {

MemberClassStreams streams(std::string name, std::uint64_t completed, std::uint64_t within, std::uint64_t dropped) {
  MemberClassStreams s;
  s.className = std::move(name);
  s.streamsCompleted = completed;
  s.streamsWithinDeadline = within;
  s.streamsDroppedAtDeadline = dropped;
  if (completed > 0) {
    s.completionP50S = 0.25;
    s.completionP99S = 1.5;
  }
  s.bytesSent = 2048 * completed;
  s.bytesReceived = 10 * 1024 * 1024;
  s.lostPackets = dropped * 2;
  return s;
}

RouteMembersStatus twoMembers() {
  MemberStatus quic;
  quic.name = "edge";
  quic.url = "https://10.0.0.7:8443";
  quic.transport = MemberTransport::Quic;
  quic.streamScheduler = "edf";
  quic.requestsInFlight = 5;
  quic.classes = {streams("chat", 90, 81, 10), streams("batch", 0, 0, 0)};
  MemberStatus http;
  http.name = "vllm";
  http.url = "http://127.0.0.1:8000";
  http.kind = MemberKind::OpenAi;
  http.up = false;
  return {{quic, http}};
}

QString cell(const Model& model, int row, int column) { return model.index(row, column).data().toString(); }
QVariant value(const Model& model, int row, int column) { return model.index(row, column).data(Model::kValueRole); }

int columnTitled(const Model& model, const QString& title) {
  for (int c = 0; c < model.columnCount(); ++c) {
    if (model.headerData(c, Qt::Horizontal).toString() == title) return c;
  }
  return -1;
}

}  // namespace

class TestRouteMemberTableModel : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QLocale::setDefault(QLocale::c()); }

  void conformsAsAModel() {
    Model model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.update(twoMembers());
    model.setStale(true);
    RouteMembersStatus fewer = twoMembers();
    fewer.members[0].classes.pop_back();
    model.update(fewer);
    model.setStale(false);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
  }

  void oneRowPerMemberAndPerQuicClass() {
    Model model;
    model.update(twoMembers());
    // edge, edge/chat, edge/batch, vllm
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.memberCount(), 2);
    QCOMPARE(model.rowOf("edge"), 0);
    QCOMPARE(model.rowOf("edge", "chat"), 1);
    QCOMPARE(model.rowOf("edge", "batch"), 2);
    QCOMPARE(model.rowOf("vllm"), 3);
    QCOMPARE(model.rowOf("vllm", "chat"), -1);
    QVERIFY(model.isMemberRow(0));
    QVERIFY(!model.isMemberRow(1));
    QCOMPARE(cell(model, 0, Model::Name), QStringLiteral("edge"));
    QCOMPARE(cell(model, 1, Model::Name).trimmed(), QStringLiteral("chat"));
    QCOMPARE(model.index(0, Model::Name).data(Qt::ToolTipRole).toString(),
             QStringLiteral("edge at https://10.0.0.7:8443: a Headroom server"));
  }

  void numbersMeanWhatTheHeadersSay() {
    Model model;
    model.update(twoMembers());
    const int chat = model.rowOf("edge", "chat");
    QCOMPARE(columnTitled(model, "Transport"), int(Model::Transport));
    QCOMPARE(cell(model, 0, columnTitled(model, "Transport")), QStringLiteral("QUIC"));
    QCOMPARE(cell(model, 0, columnTitled(model, "Scheduler")), QStringLiteral("earliest deadline first"));
    QCOMPARE(value(model, 0, Model::Scheduler).toString(), QStringLiteral("edf"));
    QCOMPARE(cell(model, 0, columnTitled(model, "State")), QStringLiteral("up"));
    QCOMPARE(cell(model, 0, columnTitled(model, "In flight")), QStringLiteral("5"));
    QCOMPARE(cell(model, chat, columnTitled(model, "Streams")), QStringLiteral("90"));
    // 81 of the 100 streams that ended (90 completed, 10 dropped) met the deadline.
    QCOMPARE(value(model, chat, columnTitled(model, "Within deadline")).toDouble(), 0.81);
    QCOMPARE(cell(model, chat, columnTitled(model, "Within deadline")), QStringLiteral("81.0 %"));
    QCOMPARE(cell(model, chat, columnTitled(model, "Dropped at deadline")), QStringLiteral("10"));
    QCOMPARE(value(model, chat, columnTitled(model, "Completion p50")).toDouble(), 0.25);
    QCOMPARE(cell(model, chat, columnTitled(model, "Completion p50")), QStringLiteral("250.0 ms"));
    QCOMPARE(cell(model, chat, columnTitled(model, "Completion p99")), QStringLiteral("1.50 s"));
    QCOMPARE(value(model, chat, columnTitled(model, "Sent")).toULongLong(), 2048ULL * 90);
    QCOMPARE(cell(model, chat, columnTitled(model, "Sent")), QLocale().formattedDataSize(2048 * 90));
    QCOMPARE(cell(model, chat, columnTitled(model, "Received")), QStringLiteral("10.00 MiB"));
    QCOMPARE(cell(model, chat, columnTitled(model, "Lost packets")), QStringLiteral("20"));
    // A class with no stream ended yet shows no share and no percentiles.
    const int batch = model.rowOf("edge", "batch");
    QCOMPARE(cell(model, batch, Model::Completed), QStringLiteral("0"));
    QCOMPARE(cell(model, batch, Model::WithinDeadline), QStringLiteral("—"));
    QVERIFY(!value(model, batch, Model::CompletionP50).isValid());
    QCOMPARE(cell(model, batch, Model::CompletionP99), QStringLiteral("—"));
    // The member's row sums its classes; percentiles do not add up and stay empty.
    QCOMPARE(value(model, 0, Model::Completed).toULongLong(), 90ULL);
    QCOMPARE(value(model, 0, Model::WithinDeadline).toDouble(), 0.81);
    QCOMPARE(value(model, 0, Model::LostPackets).toULongLong(), 20ULL);
    QCOMPARE(value(model, 0, Model::BytesReceived).toULongLong(), 20ULL * 1024 * 1024);
    QVERIFY(cell(model, 0, Model::CompletionP50).isEmpty());
    // Dropped streams stand out.
    QVERIFY(model.index(chat, Model::DroppedAtDeadline).data(Qt::ForegroundRole).isValid());
    QVERIFY(!model.index(batch, Model::DroppedAtDeadline).data(Qt::ForegroundRole).isValid());
  }

  void httpMembersHaveNoStreamFigures() {
    Model model;
    model.update(twoMembers());
    const int vllm = model.rowOf("vllm");
    QCOMPARE(cell(model, vllm, Model::Transport), QStringLiteral("HTTP"));
    QCOMPARE(cell(model, vllm, Model::Scheduler), QStringLiteral("—"));
    QCOMPARE(cell(model, vllm, Model::State), QStringLiteral("down"));
    QVERIFY(model.index(vllm, Model::State).data(Qt::ForegroundRole).isValid());
    QCOMPARE(value(model, vllm, Model::State).toBool(), false);
    for (int column = Model::Completed; column < Model::ColumnCount; ++column) {
      QCOMPARE(cell(model, vllm, column), QStringLiteral("—"));
      QVERIFY(!value(model, vllm, column).isValid());
    }
    QCOMPARE(model.index(vllm, Model::Completed).data(Qt::ToolTipRole).toString(), QStringLiteral("Only QUIC members count streams"));
  }

  void newFiguresChangeCellsNotRows() {
    Model model;
    model.update(twoMembers());
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    RouteMembersStatus later = twoMembers();
    later.members[0].classes[0].streamsCompleted = 95;
    later.members[0].classes[0].streamsWithinDeadline = 86;
    later.members[1].up = true;
    model.update(later);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(changes.count(), 1);
    QCOMPARE(cell(model, model.rowOf("edge", "chat"), Model::Completed), QStringLiteral("95"));
    QCOMPARE(cell(model, model.rowOf("vllm"), Model::State), QStringLiteral("up"));
    // A class that appears (its first stream) changes the rows.
    later.members[0].classes.push_back(streams("vision", 1, 1, 0));
    model.update(later);
    QCOMPARE(resets.count(), 1);
    QCOMPARE(model.rowOf("edge", "vision"), 3);
  }

  void staleGreysEveryCell() {
    Model model;
    model.update(twoMembers());
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    model.setStale(true);
    QVERIFY(model.isStale());
    QCOMPARE(changes.count(), 1);
    for (int row = 0; row < model.rowCount(); ++row) {
      for (int column = 0; column < model.columnCount(); ++column) {
        const QVariant brush = model.index(row, column).data(Qt::ForegroundRole);
        QVERIFY2(brush.isValid(), qPrintable(QStringLiteral("row %1 column %2 is not greyed").arg(row).arg(column)));
        QCOMPARE(brush.value<QBrush>().color(), QColor(0x9e, 0x9e, 0x9e));
      }
    }
    // The figures stay readable while grey.
    QCOMPARE(cell(model, model.rowOf("edge", "chat"), Model::Completed), QStringLiteral("90"));
    model.setStale(false);
    QVERIFY(!model.index(0, Model::Name).data(Qt::ForegroundRole).isValid());
  }
};

QTEST_MAIN(TestRouteMemberTableModel)
#include "tst_route_member_table_model.moc"
