// The console's poll of a router's members: answers are read and kept, an answer it cannot read or a
// refusal keeps the last members and says why, and stopping does not wait for a poll that hangs.
#include <QtTest>

#include <atomic>
#include <future>

#include "net/upstream_client.h"
#include "serve/client/route_members_poller.h"
#include "support/scripted_upstream.h"
#include "support/wait_for.h"

using namespace headroom;
using namespace headroom::serve;
using headroom::test::ScriptedUpstream;
using headroom::test::waitFor;

namespace {

std::string membersBody(int inFlight, const std::string& transport = "http") {
  RouteMembersStatus status;
  MemberStatus member;
  member.name = "a";
  member.url = "http://127.0.0.1:9";
  member.requestsInFlight = inFlight;
  status.members = {member};
  nlohmann::json root = toRouteMembersJson(status);
  root["members"][0]["transport"] = transport;
  return root.dump();
}

RouteMembersPoller::Options fast() {
  RouteMembersPoller::Options options;
  options.interval = std::chrono::milliseconds(20);
  options.timeout = std::chrono::seconds(10);
  return options;
}

RemoteTarget target(const ScriptedUpstream& upstream, std::string key = "sk-admin") {
  return *remoteTarget("http://127.0.0.1:" + std::to_string(upstream.port()), std::move(key));
}

}  // namespace

class TestRouteMembersPoller : public QObject {
  Q_OBJECT

 private slots:
  void keepsTheLatestAnswer() {
    std::atomic<int> served{0};
    std::string head;
    std::mutex headMutex;
    ScriptedUpstream router([&](const ScriptedUpstream::Request& request) {
      {
        std::lock_guard lock(headMutex);
        head = request.method + " " + request.target + "\n" + request.head;
      }
      return ScriptedUpstream::response(200, membersBody(++served));
    });
    QVERIFY(router.started());
    net::UpstreamClient transport(1);
    RouteMembersPoller poller(transport, target(router), fast());
    QVERIFY(waitFor([&] { return poller.status().answers >= 3; }));
    const RouteMembersPoller::Status status = poller.status();
    QVERIFY(!status.lastError);
    QVERIFY(status.members);
    QVERIFY(status.lastAnswerAt.has_value());
    QCOMPARE(status.members->members.size(), std::size_t(1));
    QVERIFY2(status.members->members[0].requestsInFlight >= 3, "an earlier answer is kept instead of the latest");
    std::lock_guard lock(headMutex);
    QVERIFY2(QString::fromStdString(head).startsWith("GET /v1/headroom/members\n"), head.c_str());
    QVERIFY2(QString::fromStdString(head).contains("Bearer sk-admin", Qt::CaseInsensitive), head.c_str());
  }

  void anAnswerItCannotReadKeepsTheLastMembers() {
    std::atomic<int> served{0};
    ScriptedUpstream router([&](const ScriptedUpstream::Request&) {
      return ScriptedUpstream::response(200, ++served == 1 ? membersBody(1) : membersBody(2, "carrier-pigeon"));
    });
    QVERIFY(router.started());
    net::UpstreamClient transport(1);
    RouteMembersPoller poller(transport, target(router), fast());
    QVERIFY(waitFor([&] { return poller.status().polls >= 2; }));
    const RouteMembersPoller::Status status = poller.status();
    QCOMPARE(status.answers, std::int64_t(1));
    QCOMPARE(status.lastError.kind, RemoteErrorKind::Protocol);
    QVERIFY2(QString::fromStdString(status.lastError.detail).contains("/members/0/transport"), status.lastError.detail.c_str());
    QVERIFY(status.members);
    QCOMPARE(status.members->members[0].requestsInFlight, std::int64_t(1));
  }

  void aRefusedKeySaysSo() {
    ScriptedUpstream router([](const ScriptedUpstream::Request&) {
      return ScriptedUpstream::response(403, R"({"error": {"message": "This endpoint needs an admin key."}})");
    });
    QVERIFY(router.started());
    net::UpstreamClient transport(1);
    RouteMembersPoller poller(transport, target(router, "sk-tenant"), fast());
    QVERIFY(waitFor([&] { return poller.status().polls >= 1; }));
    const RouteMembersPoller::Status status = poller.status();
    QCOMPARE(status.lastError.kind, RemoteErrorKind::Forbidden);
    QCOMPARE(status.lastError.detail, std::string("This endpoint needs an admin key."));
    QVERIFY(!status.members);
    QCOMPARE(status.answers, std::int64_t(0));
  }

  void stopsWithoutWaitingForAPollThatHangs() {
    std::atomic<bool> release{false};
    std::atomic<int> arrived{0};
    ScriptedUpstream router([&](const ScriptedUpstream::Request&) {
      ++arrived;
      waitFor([&] { return release.load(); }, std::chrono::seconds(60));
      return ScriptedUpstream::response(200, membersBody(1));
    });
    QVERIFY(router.started());
    net::UpstreamClient transport(1);
    auto poller = std::make_unique<RouteMembersPoller>(transport, target(router), fast());  // 10 s per poll
    QVERIFY(waitFor([&] { return arrived.load() == 1; }));
    auto stopped = std::async(std::launch::async, [&] { poller.reset(); });
    // Well within the poll's own 10 s: the poll in flight was cancelled, not waited out.
    const bool prompt = stopped.wait_for(std::chrono::seconds(5)) == std::future_status::ready;
    release = true;
    stopped.wait();
    QVERIFY2(prompt, "the poller waited for the hanging poll instead of cancelling it");
  }
};

QTEST_GUILESS_MAIN(TestRouteMembersPoller)
#include "tst_route_members_poller.moc"
