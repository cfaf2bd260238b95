// What a router answers on GET /v1/headroom/members, from its configuration, its member table and the
// per-class stream figures handed in.
#include <QtTest>

#include "serve/router/route_members_status.h"

using namespace headroom;
using namespace headroom::serve;

class TestRouteMembersStatus : public QObject {
  Q_OBJECT

 private slots:
  void fillsWhatTheRouterKnows() {
    std::vector<RouteMember> members(2);
    members[0].name = "a";
    members[0].endpoint = {"127.0.0.1", 8001, false};
    members[1].name = "b";
    members[1].endpoint = {"gpu.example.org", 8443, true};
    members[1].kind = MemberKind::OpenAi;
    std::vector<MemberState> states(2);
    states[0] = {"a", true, 4, 10, 0};
    states[1] = {"b", false, 0, 3, 3};
    const RouteMembersStatus status = routeMembersStatus(members, states);
    QCOMPARE(status.members.size(), std::size_t(2));
    QCOMPARE(status.members[0].name, std::string("a"));
    QCOMPARE(status.members[0].url, std::string("http://127.0.0.1:8001"));
    QCOMPARE(status.members[0].transport, MemberTransport::Http);
    QCOMPARE(status.members[0].up, true);
    QCOMPARE(status.members[0].requestsInFlight, std::int64_t(4));
    QVERIFY(status.members[0].streamScheduler.empty());
    QVERIFY(status.members[0].classes.empty());
    QCOMPARE(status.members[1].url, std::string("https://gpu.example.org:8443"));
    QCOMPARE(status.members[1].transport, MemberTransport::Https);
    QCOMPARE(status.members[1].kind, MemberKind::OpenAi);
    QCOMPARE(status.members[1].up, false);
    // The URL it writes is one the configuration reads back.
    QCOMPARE(parseEndpointUrl(status.members[1].url)->host, std::string("gpu.example.org"));
  }

  void takesStreamFiguresPerMember() {
    std::vector<RouteMember> members(2);
    members[0].name = "a";
    members[1].name = "b";
    MemberClassStreams chat;
    chat.className = "chat";
    chat.streamsCompleted = 5;
    chat.streamsWithinDeadline = 5;
    chat.completionP50S = 0.1;
    chat.completionP99S = 0.2;
    const std::vector<std::vector<MemberClassStreams>> streams{{}, {chat}};
    const RouteMembersStatus status = routeMembersStatus(members, std::vector<MemberState>(2), streams);
    QVERIFY(status.members[0].classes.empty());
    QCOMPARE(status.members[1].classes.size(), std::size_t(1));
    QVERIFY(status.members[1].classes[0] == chat);
  }
};

QTEST_APPLESS_MAIN(TestRouteMembersStatus)
#include "tst_route_members_status.moc"
