// Pool > Connect to a router: the "Router members" dock fills from the router's GET /v1/headroom/members
// through the real RemoteBridge: a real `headroom-cli route` with one live member and one that is not
// there (up and down, HTTP, in flight), and a scripted router with a QUIC member (transport, scheduler,
// per-class stream rows). When the router stops answering the table greys; Disconnect empties it.
#include <QDockWidget>
#include <QLabel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>

#include "serve/protocol/route_members_json.h"
#include "support/http_test_client.h"
#include "support/scripted_upstream.h"
#include "support/server_process.h"
#include "ui/mainwindow/main_window.h"
#include "ui/mainwindow/remote_controller.h"
#include "ui/models/route_member_table_model.h"
#include "ui/widgets/route_members_panel.h"

using namespace headroom;
using namespace headroom::ui;
using headroom::test::ScriptedUpstream;
using headroom::test::ServerProcess;
using Model = RouteMemberTableModel;

namespace {

const QByteArray kClasses = QByteArrayLiteral(
    "\"classes\": [{\"name\": \"chat\", \"rank\": 0, \"slo\": {\"ttft_s\": 1.0, \"tbt_s\": 0.1}},"
    " {\"name\": \"batch\", \"rank\": 1, \"slo\": {\"ttlt_s\": 60}}],"
    " \"tenants\": [{\"name\": \"acme\", \"classes\": [\"chat\", \"batch\"], \"default_class\": \"chat\","
    " \"keys\": [\"sk-acme-0123456789\"]}],"
    " \"admin_keys\": [\"sk-admin-0123456789\"]");
const QByteArray kServeConfig = QByteArrayLiteral(
    "{\"model_name\": \"test-model\", \"executor\": {\"kind\": \"constant\", \"iteration_s\": 0.005}, ") + kClasses + "}";

// A port nothing listens on: bound, read, released.
std::uint16_t closedPort() {
  ScriptedUpstream probe([](const ScriptedUpstream::Request&) { return std::string(); });
  return probe.port();
}

QString cell(const Model& model, int row, int column) { return model.index(row, column).data().toString(); }

QDockWidget* membersDock(MainWindow& window) { return window.findChild<QDockWidget*>(QStringLiteral("routeMembersDock")); }

// A router that answers like `headroom-cli route` would with a QUIC member that has stream figures.
std::string scriptedAnswer(const ScriptedUpstream::Request& request, int answer) {
  if (request.target == "/v1/headroom/admin/shares") {
    return ScriptedUpstream::response(200, R"({"policy": "least-loaded", "members": ["edge"], "shares": {}})");
  }
  serve::MemberStatus edge;
  edge.name = "edge";
  edge.url = "https://10.0.0.7:8443";
  edge.transport = serve::MemberTransport::Quic;
  edge.streamScheduler = "ml";
  edge.requestsInFlight = 2;
  serve::MemberClassStreams chat;
  chat.className = "chat";
  chat.streamsCompleted = static_cast<std::uint64_t>(40 + answer);
  chat.streamsWithinDeadline = 38;
  chat.streamsDroppedAtDeadline = 2;
  chat.completionP50S = 0.08;
  chat.completionP99S = 0.6;
  chat.bytesSent = 327'680;
  chat.bytesReceived = 1'048'576;
  chat.lostPackets = 3;
  serve::MemberClassStreams batch;
  batch.className = "batch";
  edge.classes = {chat, batch};
  return ScriptedUpstream::response(200, serve::toRouteMembersJson({{edge}}).dump());
}

}  // namespace

class TestRouteMembersUi : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;

 private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HeadroomTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_route_members_ui"));
    QSettings().clear();
    QVERIFY(dir_.isValid());
  }

  void aRealRoutersMembersFillTheView() {
    QFile serveConfig(dir_.filePath("serve.json"));
    QVERIFY(serveConfig.open(QIODevice::WriteOnly));
    serveConfig.write(kServeConfig);
    serveConfig.close();
    ServerProcess server(QStringList{"serve", serveConfig.fileName()});
    QVERIFY(server.started());
    QFile route(dir_.filePath("route.json"));
    QVERIFY(route.open(QIODevice::WriteOnly));
    route.write("{" + kClasses +
                QStringLiteral(", \"members\": [{\"name\": \"live\", \"url\": \"http://127.0.0.1:%1\"},"
                               " {\"name\": \"gone\", \"url\": \"http://127.0.0.1:%2\"}], \"health_check_interval_s\": 0.2}")
                    .arg(server.port())
                    .arg(closedPort())
                    .toUtf8());
    route.close();
    auto router = std::make_unique<ServerProcess>(QStringList{"route", route.fileName()});
    QVERIFY(router->started());

    // The endpoint itself: an admin key reads the members; others are refused as for the shares.
    const std::pair<std::string, std::string> admin{"Authorization", "Bearer sk-admin-0123456789"};
    const auto answer = test::httpRequest(router->port(), "GET", "/v1/headroom/members", {}, {admin});
    QCOMPARE(answer.status, 200);
    const serve::RouteMembersStatus members = serve::parseRouteMembers(answer.body);
    QCOMPARE(members.members.size(), std::size_t(2));
    QCOMPARE(members.members[0].name, std::string("live"));
    QCOMPARE(members.members[0].url, "http://127.0.0.1:" + std::to_string(server.port()));
    QCOMPARE(members.members[1].transport, serve::MemberTransport::Http);
    QCOMPARE(test::httpRequest(router->port(), "GET", "/v1/headroom/members", {}, {}).status, 401);
    QCOMPARE(test::httpRequest(router->port(), "GET", "/v1/headroom/members", {}, {{"Authorization", "Bearer sk-acme-0123456789"}}).status,
             403);
    QCOMPARE(test::httpRequest(router->port(), "POST", "/v1/headroom/members", "{}", {admin}).status, 405);

    MainWindow window;
    window.show();
    RouteMembersPanel* panel = window.routeMembersPanel();
    QVERIFY(panel);
    QVERIFY(membersDock(window));
    const Model& model = *panel->model();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(panel->summaryText().contains(QStringLiteral("Not connected to a router")));

    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(router->port());
    window.remoteController()->connectTo({url, QStringLiteral("sk-admin-0123456789"), RemoteKind::Router});
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, 20000);
    QVERIFY(membersDock(window)->isVisible());
    QCOMPARE(cell(model, model.rowOf("live"), Model::Transport), QStringLiteral("HTTP"));
    QCOMPARE(cell(model, model.rowOf("live"), Model::Scheduler), QStringLiteral("—"));
    QCOMPARE(cell(model, model.rowOf("live"), Model::InFlight), QStringLiteral("0"));
    QCOMPARE(cell(model, model.rowOf("live"), Model::Completed), QStringLiteral("—"));
    // The member nobody listens for fails its health checks; the live one keeps answering.
    QTRY_COMPARE_WITH_TIMEOUT(cell(model, model.rowOf("gone"), Model::State), QStringLiteral("down"), 20000);
    QCOMPARE(cell(model, model.rowOf("live"), Model::State), QStringLiteral("up"));
    QTRY_VERIFY_WITH_TIMEOUT(panel->summaryText().contains(QStringLiteral("members up: 1 of 2")), 10000);
    QVERIFY2(panel->summaryText().contains(url), qPrintable(panel->summaryText()));
    QVERIFY(!panel->isStale());

    // The router goes away: the figures stay, greyed, with how old they are.
    router.reset();
    QTRY_VERIFY_WITH_TIMEOUT(panel->isStale(), 20000);
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(model.index(0, Model::Name).data(Qt::ForegroundRole).isValid());
    QVERIFY2(panel->staleText().contains(QStringLiteral("not live")), qPrintable(panel->staleText()));
    QVERIFY(window.remoteController()->poolLabel()->text().contains(QStringLiteral("not answering")));

    window.remoteController()->disconnectFromRemote();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!panel->isStale());
    QVERIFY(panel->summaryText().contains(QStringLiteral("Not connected to a router")));
  }

  void aQuicMembersStreamsShowPerClass() {
    std::atomic<int> answers{0};
    ScriptedUpstream router([&](const ScriptedUpstream::Request& request) { return scriptedAnswer(request, ++answers); });
    QVERIFY(router.started());

    MainWindow window;
    RouteMembersPanel* panel = window.routeMembersPanel();
    const Model& model = *panel->model();
    window.remoteController()->connectTo(
        {QStringLiteral("http://127.0.0.1:%1").arg(router.port()), QStringLiteral("sk-admin-0123456789"), RemoteKind::Router});
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 3, 20000);  // edge, edge/chat, edge/batch
    QCOMPARE(cell(model, 0, Model::Transport), QStringLiteral("QUIC"));
    QCOMPARE(cell(model, 0, Model::Scheduler), QStringLiteral("multi-level"));
    const int chat = model.rowOf("edge", "chat");
    QCOMPARE(chat, 1);
    QCOMPARE(cell(model, chat, Model::DroppedAtDeadline), QStringLiteral("2"));
    QCOMPARE(model.index(chat, Model::CompletionP99).data(Model::kValueRole).toDouble(), 0.6);
    QCOMPARE(model.index(chat, Model::LostPackets).data(Model::kValueRole).toULongLong(), 3ULL);
    // Polled: a later answer's figures replace the first's.
    const auto completed = [&] { return model.index(chat, Model::Completed).data(Model::kValueRole).toULongLong(); };
    const auto first = completed();
    QTRY_VERIFY_WITH_TIMEOUT(completed() > first, 20000);
    QVERIFY(router.requests("/v1/headroom/members") >= 2);
  }
};

QTEST_MAIN(TestRouteMembersUi)
#include "tst_route_members_ui.moc"
