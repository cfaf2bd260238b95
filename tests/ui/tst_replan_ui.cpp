// The planner dock's live recommendation of a connected router: a real `headroom-cli route --replan
// advisory` in front of two scripted members, read through the real RemoteBridge. The recommendation
// follows the load (modes and measured rates), says why, and Apply has the router take it (its shares);
// a router without --replan says how to turn it on; the figures grey when the router goes away.
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "support/http_test_client.h"
#include "support/replan_route.h"
#include "support/scripted_upstream.h"
#include "support/server_process.h"
#include "support/test_files.h"
#include "ui/mainwindow/main_window.h"
#include "ui/mainwindow/remote_controller.h"
#include "ui/models/replan_mode_model.h"
#include "ui/models/replan_rate_model.h"
#include "ui/widgets/replan_panel.h"

using namespace headroom;
using namespace headroom::ui;
using headroom::test::ScriptedUpstream;
using headroom::test::ServerProcess;
using headroom::test::writeFile;
using namespace headroom::test::replan_route;

namespace {

// Sends chat requests, about 10 a second (two instances' worth, within the mode's eight), while waiting up
// to `timeout` for `condition`.
template <typename Condition>
bool loadUntil(std::uint16_t port, Condition condition, std::chrono::milliseconds timeout) {
  QElapsedTimer clock;
  clock.start();
  while (clock.elapsed() < timeout.count()) {
    test::httpRequest(port, "POST", "/v1/completions", kCompletion, {kAcme});
    QTest::qWait(100);
    if (condition()) return true;
  }
  return condition();
}

}  // namespace

class TestReplanUi : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  std::unique_ptr<ScriptedUpstream> a_;
  std::unique_ptr<ScriptedUpstream> b_;

 private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HeadroomTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_replan_ui"));
    QSettings().clear();
    QVERIFY(dir_.isValid());
    a_ = std::make_unique<ScriptedUpstream>(memberAnswer);
    b_ = std::make_unique<ScriptedUpstream>(memberAnswer);
  }

  void advisoryRecommendationIsShownAndApplied() {
    const QString config = writeFile(dir_, "route.json", routeConfig(a_->port(), b_->port()));
    const QString planning = writeFile(dir_, "planning.json", kPlanning);
    auto router = std::make_unique<ServerProcess>(
        QStringList{"route", config, "--replan", "advisory", "--interval", "1", "--replan-input", planning});
    QVERIFY(router->started());
    const std::uint16_t port = router->port();

    MainWindow window;
    window.show();
    window.setConfirmation([](QWidget*, const QString&, const QString&) { return true; });
    ReplanPanel* panel = window.replanPanel();
    QVERIFY(panel);
    QVERIFY2(panel->summaryText().contains(QStringLiteral("Not connected to a router")), qPrintable(panel->summaryText()));
    QVERIFY(!panel->applyButton()->isEnabled());
    window.remoteController()->remote()->setReplanPollIntervalMs(100);
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(port);
    window.remoteController()->connectTo({url, QStringLiteral("sk-admin-0123456789"), RemoteKind::Router});

    const ReplanModeModel& modes = *panel->modeModel();
    const ReplanRateModel& rates = *panel->rateModel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->summaryText().contains(QStringLiteral("re-plans every 1 s (advisory")), 20000);
    QCOMPARE(modes.rowCount(), 1);
    QCOMPARE(modes.index(0, ReplanModeModel::Mode).data().toString(), QStringLiteral("gpu"));
    QCOMPARE(rates.rowCount(), 2);
    QCOMPARE(rates.index(0, ReplanRateModel::Class).data().toString(), QStringLiteral("chat"));
    QCOMPARE(rates.headerData(ReplanRateModel::ShortWindow, Qt::Horizontal).toString(), QStringLiteral("Measured, 1 s\n(req/s)"));
    QCOMPARE(rates.headerData(ReplanRateModel::LongWindow, Qt::Horizontal).toString(), QStringLiteral("Measured, 10 s\n(req/s)"));

    // Load: the recommendation grows beyond one instance, the measured chat rate with it, and says why.
    const bool followed = loadUntil(
        port,
        [&] {
          return modes.index(0, ReplanModeModel::Recommended).data(ReplanModeModel::kValueRole).toInt() >= 2 &&
                 rates.index(0, ReplanRateModel::ShortWindow).data(ReplanRateModel::kValueRole).toDouble() > 5.0;
        },
        std::chrono::seconds(60));
    QVERIFY2(followed, qPrintable(panel->reasonText()));
    QVERIFY2(panel->reasonText().startsWith(QStringLiteral("Why: ")), qPrintable(panel->reasonText()));
    QVERIFY2(panel->reasonText().contains(QStringLiteral("(decision ")), qPrintable(panel->reasonText()));
    QCOMPARE(rates.index(1, ReplanRateModel::Class).data().toString(), QStringLiteral("batch"));
    QVERIFY(rates.index(0, ReplanRateModel::Predicted).data(ReplanRateModel::kValueRole).toDouble() >=
            rates.index(0, ReplanRateModel::ShortWindow).data(ReplanRateModel::kValueRole).toDouble());

    // Apply: a newer solve (one a second) may come first; the panel says so and the operator tries again.
    const auto policy = [&] {
      return QJsonDocument::fromJson(QByteArray::fromStdString(
                                         test::httpRequest(port, "GET", "/v1/headroom/admin/shares", {}, {kAdmin}).body))
          .object()["policy"]
          .toString();
    };
    QCOMPARE(policy(), QStringLiteral("least-loaded"));
    bool applied = false;
    for (int attempt = 0; attempt < 20 && !applied; ++attempt) {
      QTRY_VERIFY_WITH_TIMEOUT(panel->applyButton()->isEnabled(), 20000);
      panel->applyButton()->click();
      QTRY_VERIFY_WITH_TIMEOUT(!panel->statusText().startsWith(QStringLiteral("Applying")), 20000);
      applied = panel->statusText().startsWith(QStringLiteral("Applied decision"));
      if (!applied) QVERIFY2(panel->statusText().contains(QStringLiteral("no longer the last one")), qPrintable(panel->statusText()));
    }
    QVERIFY2(applied, qPrintable(panel->statusText()));
    QCOMPARE(policy(), QStringLiteral("weighted"));
    QVERIFY2(panel->reasonText().contains(QStringLiteral("Applied by an operator")) ||
                 panel->reasonText().contains(QStringLiteral("(decision ")),
             qPrintable(panel->reasonText()));

    // The router goes away: the figures stay, greyed, and Apply is off.
    router.reset();
    QTRY_VERIFY_WITH_TIMEOUT(panel->isStale(), 20000);
    QCOMPARE(modes.rowCount(), 1);
    QVERIFY(modes.index(0, ReplanModeModel::Mode).data(Qt::ForegroundRole).isValid());
    QVERIFY(!panel->applyButton()->isEnabled());
    window.remoteController()->disconnectFromRemote();
    QCOMPARE(modes.rowCount(), 0);
    QVERIFY(panel->summaryText().contains(QStringLiteral("Not connected to a router")));
  }

  void aRouterWithoutReplanningSaysHow() {
    const QString config = writeFile(dir_, "plain-route.json", routeConfig(a_->port(), b_->port()));
    ServerProcess router(QStringList{"route", config});
    QVERIFY(router.started());
    MainWindow window;
    window.remoteController()->remote()->setReplanPollIntervalMs(100);
    window.remoteController()->connectTo(
        {QStringLiteral("http://127.0.0.1:%1").arg(router.port()), QStringLiteral("sk-admin-0123456789"), RemoteKind::Router});
    ReplanPanel* panel = window.replanPanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->summaryText().contains(QStringLiteral("runs without re-planning")), 20000);
    QVERIFY2(panel->summaryText().contains(QStringLiteral("--replan advisory")), qPrintable(panel->summaryText()));
    QCOMPARE(panel->modeModel()->rowCount(), 0);
    QVERIFY(!panel->applyButton()->isEnabled());
  }

  void decisionTextSaysWhatWhyAndWhen() {
    serve::ReplanDecision decision;
    decision.sequence = 12;
    decision.action = serve::ReplanAction::Kept;
    decision.reason = "cooldown: gpu 2 would do";
    QCOMPARE(replanDecisionText(decision, 7.6), QStringLiteral("Kept the current plan — cooldown: gpu 2 would do (decision 12, 7 s ago)"));
    decision.action = serve::ReplanAction::Refused;
    QVERIFY(replanDecisionText(decision, 0.0).startsWith(QStringLiteral("Refused (over the budget)")));
  }
};

QTEST_MAIN(TestReplanUi)
#include "tst_replan_ui.moc"
