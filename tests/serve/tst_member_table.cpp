// The router's member table: who is up after failures and health checks, and who takes the next attempt.
#include <QtTest>

#include <chrono>

#include "serve/router/member_table.h"

using namespace headroom::serve;
using namespace std::chrono_literals;
using SteadyClock = std::chrono::steady_clock;

namespace {

std::vector<RouteMember> twoMembers() {
  RouteMember a;
  a.name = "a";
  RouteMember b;
  b.name = "b";
  return {a, b};
}

MemberTable table(headroom::engine::Duration downFor) {
  return MemberTable(twoMembers(), RoutePolicy::LeastLoaded, {{}}, downFor);
}

}  // namespace

class TestMemberTable : public QObject {
  Q_OBJECT

 private slots:
  void membersStartUp() {
    MemberTable members = table(5s);
    const auto states = members.states();
    QCOMPARE(states.size(), 2u);
    QVERIFY(states[0].up && states[1].up);
    QCOMPARE(states[0].name, std::string("a"));
  }

  // After a failure a member stays down past downFor until a health check started after the failure
  // answers; one started before it says nothing.
  void aFailedMemberIsUpOnlyAfterAHealthCheckAnswers() {
    MemberTable members = table(headroom::engine::Duration::zero());  // downFor is over at once
    const auto before = SteadyClock::now();
    members.attemptStarted(0);
    members.attemptEnded(0, true);
    QVERIFY(!members.states()[0].up);
    QCOMPARE(members.states()[0].failures, 1u);
    QCOMPARE(members.pick(0, {false, false}), 1);
    members.healthChecked(0, before, true);
    QVERIFY(!members.states()[0].up);
    members.healthChecked(0, SteadyClock::now(), true);
    QVERIFY(members.states()[0].up);
    QCOMPARE(members.states()[0].inFlight, 0);
  }

  // Not before downFor, even when a check answers at once.
  void aFailedMemberIsDownForAtLeastDownFor() {
    MemberTable members = table(1h);
    members.attemptStarted(1);
    members.attemptEnded(1, true);
    members.healthChecked(1, SteadyClock::now(), true);
    QVERIFY(!members.states()[1].up);
    QCOMPARE(members.pick(0, {false, false}), 0);
    QCOMPARE(members.pick(0, {true, false}), -1);
  }

  // A failing check takes an up member down, without any request failing; the next answer brings it back.
  void aFailingHealthCheckTakesAMemberDown() {
    MemberTable members = table(5s);
    members.healthChecked(0, SteadyClock::now(), false);
    QVERIFY(!members.states()[0].up);
    QCOMPARE(members.states()[0].failures, 0u);
    QCOMPARE(members.pick(0, {false, false}), 1);
    members.healthChecked(0, SteadyClock::now(), true);
    QVERIFY(members.states()[0].up);
  }

  // An attempt that ended with an answer leaves the member as it was.
  void anAnsweredAttemptChangesNoHealth() {
    MemberTable members = table(5s);
    members.attemptStarted(0);
    QCOMPARE(members.states()[0].inFlight, 1);
    members.attemptEnded(0, false);
    QVERIFY(members.states()[0].up);
    QCOMPARE(members.states()[0].requests, 1u);
    QCOMPARE(members.states()[0].failures, 0u);
  }
};

QTEST_GUILESS_MAIN(TestMemberTable)
#include "tst_member_table.moc"
