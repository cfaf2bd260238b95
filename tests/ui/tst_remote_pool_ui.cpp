// Pool > Connect against a real `headroom-cli serve` on loopback: the pool table, the class table and the
// class figures follow the remote server live; replay controls are off while it is shown; class SLO edits
// reach the server; a wrong key leaves the embedded pool on screen; Disconnect returns to it.
#include <QAction>
#include <QLabel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "support/http_test_client.h"
#include "ui/charts/class_latency_chart.h"
#include "support/server_process.h"
#include "ui/mainwindow/main_window.h"
#include "ui/mainwindow/remote_controller.h"
#include "ui/models/class_table_model.h"
#include "ui/models/pool_table_model.h"
#include "ui/widgets/class_figures_panel.h"
#include "ui/widgets/dashboard.h"

using namespace headroom;
using namespace headroom::ui;
using headroom::test::ServerProcess;
using headroom::test::httpRequest;

namespace {

const QString kDemo = QStringLiteral(HEADROOM_RESOURCE_DIR_FOR_TESTS "/scenarios/demo.json");
const std::pair<std::string, std::string> kAcme{"Authorization", "Bearer sk-acme-0123456789"};
const std::pair<std::string, std::string> kAdmin{"Authorization", "Bearer sk-admin-0123456789"};

const QByteArray kClasses = QByteArrayLiteral(
    "\"classes\": [{\"name\": \"chat\", \"rank\": 0, \"slo\": {\"ttft_s\": 1.0, \"tbt_s\": 0.1}, \"queue_limit\": 7},"
    " {\"name\": \"batch\", \"rank\": 1, \"slo\": {\"ttlt_s\": 60}}],"
    " \"tenants\": [{\"name\": \"acme\", \"classes\": [\"chat\", \"batch\"], \"default_class\": \"chat\","
    " \"keys\": [\"sk-acme-0123456789\"]}],"
    " \"admin_keys\": [\"sk-admin-0123456789\"]");
const QByteArray kServeConfig = QByteArrayLiteral(
    "{\"model_name\": \"test-model\", \"executor\": {\"kind\": \"constant\", \"iteration_s\": 0.005}, ") + kClasses + "}";

QByteArray routeConfig(std::uint16_t a, std::uint16_t b) {
  return "{" + kClasses + QStringLiteral(", \"members\": [{\"name\": \"a\", \"url\": \"http://127.0.0.1:%1\"},"
                                         " {\"name\": \"b\", \"url\": \"http://127.0.0.1:%2\"}]}")
                            .arg(a)
                            .arg(b)
                            .toUtf8();
}

QString poolText(const MainWindow& window) { return window.remoteController()->poolLabel()->text(); }

}  // namespace

class TestRemotePoolUi : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  std::unique_ptr<ServerProcess> server_;

  QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(server_->port()); }

 private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HeadroomTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_remote_pool_ui"));
    QSettings().clear();
    QVERIFY(dir_.isValid());
    QFile config(dir_.filePath("serve.json"));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(kServeConfig);
    config.close();
    server_ = std::make_unique<ServerProcess>(QStringList{"serve", config.fileName()});
    QVERIFY(server_->started());
  }

  void showsTheRemoteServerLive() {
    MainWindow window;
    QString error;
    QVERIFY2(window.openScenario(kDemo, &error), qPrintable(error));
    QTRY_COMPARE(window.poolModel()->rowCount(), 3);
    QCOMPARE(window.classModel()->rowCount(), 3);
    QVERIFY(poolText(window).contains(QStringLiteral("embedded")));

    window.remoteController()->connectTo({url(), QStringLiteral("sk-admin-0123456789"), RemoteKind::Server});
    QTRY_VERIFY_WITH_TIMEOUT(poolText(window).contains(url()), 10000);
    QTRY_COMPARE(window.poolModel()->rowCount(), 1);
    QTRY_COMPARE(window.classModel()->rowCount(), 2);
    QCOMPARE(window.classModel()->data(window.classModel()->index(0, ClassTableModel::Name)).toString(), QStringLiteral("chat"));
    QTRY_COMPARE(window.dashboard()->chartCount(), 2);
    QVERIFY(!window.playPauseAction()->isEnabled());
    QVERIFY(!window.stepAction()->isEnabled());
    QVERIFY(!window.stopAction()->isEnabled());

    const int iterationsBefore =
        window.poolModel()->data(window.poolModel()->index(0, PoolTableModel::Iterations)).toString().remove(QRegularExpression("\\D")).toInt();
    for (int i = 0; i < 4; ++i) {
      const auto reply = httpRequest(server_->port(), "POST", "/v1/completions",
                                     "{\"model\": \"test-model\", \"prompt\": \"hello\", \"max_tokens\": 5}", {kAcme});
      QCOMPARE(reply.status, 200);
    }
    // The class figures show the remote chat class's completions met their SLO; the pool table moved on.
    const ClassFiguresPanel* figures = window.dashboard()->figures();
    QTRY_VERIFY_WITH_TIMEOUT(figures->tileCount() >= 2 && figures->tile(0)->attainmentText().contains('%'), 10000);
    QTRY_VERIFY(window.poolModel()->data(window.poolModel()->index(0, PoolTableModel::Iterations))
                    .toString().remove(QRegularExpression("\\D")).toInt() > iterationsBefore);
    QTRY_VERIFY(window.dashboard()->chart(0)->p50Count() > 0);

    // An SLO edit in the class table goes to the server.
    const QModelIndex ttft = window.classModel()->index(0, ClassTableModel::Ttft);
    QVERIFY(window.classModel()->setData(ttft, 0.5, Qt::EditRole));
    QTRY_VERIFY_WITH_TIMEOUT(
        httpRequest(server_->port(), "GET", "/v1/headroom/admin/classes", {}, {kAdmin}).body.find("\"ttft_s\":0.5") !=
            std::string::npos,
        10000);
    const std::string classes = httpRequest(server_->port(), "GET", "/v1/headroom/admin/classes", {}, {kAdmin}).body;
    QVERIFY2(classes.find("\"queue_limit\":7") != std::string::npos, classes.c_str());  // kept

    window.remoteController()->disconnectAction()->trigger();
    QVERIFY(poolText(window).contains(QStringLiteral("embedded")));
    QCOMPARE(window.classModel()->rowCount(), 3);
    QTRY_COMPARE(window.poolModel()->rowCount(), 3);
    QVERIFY(window.playPauseAction()->isEnabled());
  }

  // The server dies: the figures grey out with their age instead of staying green. It comes back on
  // the same port with other SLOs: the view is live again and the class table shows the new SLOs.
  void staleWhileTheServerIsGoneAndClassesReReadOnReconnect() {
    QFile restarted(dir_.filePath("serve-restarted.json"));
    QVERIFY(restarted.open(QIODevice::WriteOnly));
    restarted.write(QByteArray(kServeConfig).replace("\"ttft_s\": 1.0", "\"ttft_s\": 2.0"));
    restarted.close();
    auto first = std::make_unique<ServerProcess>(QStringList{"serve", dir_.filePath("serve.json")});
    QVERIFY(first->started());
    const std::uint16_t port = first->port();

    MainWindow window;
    QString error;
    QVERIFY2(window.openScenario(kDemo, &error), qPrintable(error));
    window.remoteController()->connectTo(
        {QStringLiteral("http://127.0.0.1:%1").arg(port), QStringLiteral("sk-admin-0123456789"), RemoteKind::Server});
    QTRY_COMPARE_WITH_TIMEOUT(window.classModel()->rowCount(), 2, 10000);
    const auto chatTtftS = [&window] {
      return window.classModel()->data(window.classModel()->index(0, ClassTableModel::Ttft), Qt::EditRole).toDouble();
    };
    QTRY_COMPARE_WITH_TIMEOUT(chatTtftS(), 1.0, 10000);
    const ClassFiguresPanel* figures = window.dashboard()->figures();
    QTRY_VERIFY_WITH_TIMEOUT(figures->tileCount() == 3, 10000);
    QVERIFY(!window.dashboard()->isStale());
    QVERIFY(!figures->tile(0)->isStale());

    first->kill();
    QTRY_VERIFY_WITH_TIMEOUT(window.dashboard()->isStale(), 10000);
    QVERIFY(figures->tile(0)->isStale());
    QVERIFY(figures->tile(2)->isStale());
    QVERIFY2(window.dashboard()->staleText().contains(QStringLiteral("ago")), qPrintable(window.dashboard()->staleText()));
    QVERIFY2(poolText(window).contains(QStringLiteral("disconnected")), qPrintable(poolText(window)));
    // Still stale a few seconds on, with the age counting up: nothing turns it green but a new event.
    QTRY_VERIFY_WITH_TIMEOUT(window.dashboard()->staleText().contains(QStringLiteral("3 s ago")), 10000);
    QVERIFY(window.dashboard()->isStale());

    ServerProcess second(QStringList{"serve", restarted.fileName()}, port);
    QVERIFY2(second.started(), second.errorOutput().constData());
    QTRY_VERIFY_WITH_TIMEOUT(!window.dashboard()->isStale(), 20000);
    QVERIFY(!figures->tile(0)->isStale());
    QVERIFY(!poolText(window).contains(QStringLiteral("disconnected")));
    QTRY_COMPARE_WITH_TIMEOUT(chatTtftS(), 2.0, 10000);
  }

  void wrongKeyKeepsTheEmbeddedPool() {
    MainWindow window;
    QString error;
    QVERIFY2(window.openScenario(kDemo, &error), qPrintable(error));
    QTRY_COMPARE(window.poolModel()->rowCount(), 3);
    QSignalSpy messages(window.remoteController(), &RemoteController::message);
    window.remoteController()->connectTo({url(), QStringLiteral("sk-wrong"), RemoteKind::Server});
    QTRY_VERIFY_WITH_TIMEOUT(!window.remoteController()->remote()->isActive(), 10000);
    QVERIFY(!messages.isEmpty());
    const QString text = messages.last().at(0).toString();
    QVERIFY2(text.contains(QStringLiteral("401")), qPrintable(text));
    QVERIFY(poolText(window).contains(QStringLiteral("embedded")));
    QCOMPARE(window.classModel()->rowCount(), 3);
    QCOMPARE(window.poolModel()->rowCount(), 3);
    QVERIFY(window.playPauseAction()->isEnabled());

    window.remoteController()->connectTo({QStringLiteral("localhost:80"), QStringLiteral("k"), RemoteKind::Server});
    QVERIFY(messages.last().at(0).toString().contains(QStringLiteral("http://host:port")));
    QVERIFY(!window.remoteController()->remote()->isActive());
  }

  void aRouterTakesThePlansShares() {
    std::unique_ptr<ServerProcess> second =
        std::make_unique<ServerProcess>(QStringList{"serve", dir_.filePath("serve.json")});
    QVERIFY(second->started());
    QFile route(dir_.filePath("route.json"));
    QVERIFY(route.open(QIODevice::WriteOnly));
    const QByteArray config = routeConfig(server_->port(), second->port());
    route.write(config);
    route.close();
    ServerProcess router(QStringList{"route", route.fileName()});
    QVERIFY(router.started());

    RemoteBridge bridge;
    QSignalSpy connected(&bridge, &RemoteBridge::connected);
    QSignalSpy pushed(&bridge, &RemoteBridge::sharesPushed);
    QString error;
    const RemoteConnection connection{QStringLiteral("http://127.0.0.1:%1").arg(router.port()),
                                      QStringLiteral("sk-admin-0123456789"), RemoteKind::Router};
    QVERIFY2(bridge.connectTo(connection, &error), qPrintable(error));
    QVERIFY(connected.wait(10000));
    bridge.pushPlan(QByteArrayLiteral("{\"instances\": [{\"rates_per_s\": {\"batch\": 1.5}}, {\"rates_per_s\": {\"batch\": 0.5}}]}"));
    QVERIFY(pushed.wait(10000));
    const std::string shares = httpRequest(router.port(), "GET", "/v1/headroom/admin/shares", {}, {kAdmin}).body;
    QVERIFY2(shares.find("\"batch\":[1.5,0.5]") != std::string::npos, shares.c_str());
  }
};

QTEST_MAIN(TestRemotePoolUi)
#include "tst_remote_pool_ui.moc"
