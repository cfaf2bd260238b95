// The one encoding of a router's members (GET /v1/headroom/members): what is written reads back the same,
// and every field at fault is refused with its pointer and what it must be.
#include <QtTest>

#include <string>

#include "engine/io/json_input.h"
#include "serve/protocol/route_members_json.h"

using namespace headroom;
using namespace headroom::serve;
using json = nlohmann::json;

namespace {

RouteMembersStatus sample() {
  RouteMembersStatus status;
  MemberStatus quic;
  quic.name = "edge-gpu";
  quic.url = "https://10.0.0.7:8443";
  quic.kind = MemberKind::Headroom;
  quic.transport = MemberTransport::Quic;
  quic.streamScheduler = "edf";
  quic.up = true;
  quic.requestsInFlight = 3;
  MemberClassStreams chat;
  chat.className = "chat";
  chat.streamsCompleted = 120;
  chat.streamsWithinDeadline = 114;
  chat.streamsDroppedAtDeadline = 4;
  chat.completionP50S = 0.183;
  chat.completionP99S = 0.92;
  chat.bytesSent = 983'040;
  chat.bytesReceived = 5'242'880;
  chat.lostPackets = 7;
  MemberClassStreams batch;  // nothing completed yet: no percentiles
  batch.className = "batch";
  batch.streamsDroppedAtDeadline = 1;
  batch.bytesSent = 102'400;
  quic.classes = {chat, batch};
  MemberStatus http;
  http.name = "vllm";
  http.url = "http://127.0.0.1:8000";
  http.kind = MemberKind::OpenAi;
  http.transport = MemberTransport::Http;
  http.up = false;
  http.requestsInFlight = 0;
  http.model = "llama-3.1-8b";
  MemberStatus https;
  https.name = "tls";
  https.url = "https://example.org:443";
  https.transport = MemberTransport::Https;
  status.members = {quic, http, https};
  return status;
}

}  // namespace

class TestRouteMembersJson : public QObject {
  Q_OBJECT

 private slots:
  void roundTrips() {
    const RouteMembersStatus status = sample();
    const std::string wire = toRouteMembersJson(status).dump();
    const RouteMembersStatus back = parseRouteMembers(wire);
    QVERIFY(back == status);
    QCOMPARE(back.members[0].classes[0].completionP50S.value(), 0.183);
    QVERIFY(!back.members[0].classes[1].completionP99S.has_value());
    QCOMPARE(back.members[1].kind, MemberKind::OpenAi);
    QCOMPARE(back.members[1].up, false);
    QCOMPARE(back.members[2].transport, MemberTransport::Https);
    QCOMPARE(back.members[1].model, std::string("llama-3.1-8b"));
    QVERIFY(back.members[0].model.empty());
  }

  // A member's model: its name, null when it declares none; a router from before model tiers sends none.
  void modelIsOptional() {
    json root = toRouteMembersJson(sample());
    QCOMPARE(root["members"][1]["model"].get<std::string>(), std::string("llama-3.1-8b"));
    QVERIFY(root["members"][0]["model"].is_null());
    root["members"][0].erase("model");
    QVERIFY(routeMembersFromJson(root) == sample());
    root["members"][1]["model"] = "";
    QVERIFY_THROWS_EXCEPTION(headroom::engine::InputError, routeMembersFromJson(root));
  }

  void writesTheDocumentedShape() {
    const json root = toRouteMembersJson(sample());
    const json& quic = root["members"][0];
    QCOMPARE(quic["transport"].get<std::string>(), std::string("quic"));
    QCOMPARE(quic["stream_scheduler"].get<std::string>(), std::string("edf"));
    QCOMPARE(quic["requests_in_flight"].get<int>(), 3);
    QCOMPARE(quic["classes"][0]["class"].get<std::string>(), std::string("chat"));
    QCOMPARE(quic["classes"][0]["streams_within_deadline"].get<int>(), 114);
    QCOMPARE(quic["classes"][0]["completion_p99_s"].get<double>(), 0.92);
    QVERIFY(quic["classes"][1]["completion_p50_s"].is_null());
    const json& http = root["members"][1];
    QCOMPARE(http["kind"].get<std::string>(), std::string("openai"));
    QCOMPARE(http["transport"].get<std::string>(), std::string("http"));
    QVERIFY(http["stream_scheduler"].is_null());
    QVERIFY(http["classes"].is_array() && http["classes"].empty());
  }

  void passesOverFieldsItDoesNotKnow() {
    json root = toRouteMembersJson(sample());
    root["router"] = "r1";
    root["members"][0]["region"] = "eu";
    root["members"][0]["classes"][0]["retransmitted_bytes"] = 12;
    QVERIFY(routeMembersFromJson(root) == sample());
  }

  void refusesBadFields_data() {
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("value");  // JSON; empty: remove the field
    QTest::addColumn<QString>("pointerInMessage");
    QTest::addColumn<QString>("allowed");

    QTest::newRow("no members") << "/members" << "" << "/members" << "required field is missing";
    QTest::newRow("members not an array") << "/members" << "{}" << "/members" << "must be an array";
    QTest::newRow("member not an object") << "/members/1" << "7" << "/members/1" << "must be an object";
    QTest::newRow("no name") << "/members/0/name" << "" << "/members/0/name" << "required field is missing";
    QTest::newRow("empty name") << "/members/0/name" << "\"\"" << "/members/0/name" << "non-empty";
    QTest::newRow("no url") << "/members/1/url" << "" << "/members/1/url" << "required field is missing";
    QTest::newRow("unknown kind") << "/members/1/kind" << "\"triton\"" << "/members/1/kind" << "must be one of: headroom, openai";
    QTest::newRow("unknown transport") << "/members/0/transport" << "\"h3\"" << "/members/0/transport"
                                       << "must be one of: http, https, quic";
    QTest::newRow("quic without scheduler") << "/members/0/stream_scheduler" << "null" << "/members/0/stream_scheduler"
                                            << "required for a quic member";
    QTest::newRow("unknown scheduler") << "/members/0/stream_scheduler" << "\"wfq\"" << "/members/0/stream_scheduler"
                                       << "must be one of: rr, fcfs, abs, edf, ml";
    QTest::newRow("http with scheduler") << "/members/1/stream_scheduler" << "\"rr\"" << "/members/1/stream_scheduler"
                                         << "must be null for a member that is not quic";
    QTest::newRow("up not a bool") << "/members/0/up" << "\"yes\"" << "/members/0/up" << "true or false";
    QTest::newRow("negative in flight") << "/members/0/requests_in_flight" << "-1" << "/members/0/requests_in_flight" << ">= 0";
    QTest::newRow("classes not an array") << "/members/0/classes" << "{}" << "/members/0/classes" << "must be an array";
    QTest::newRow("http with streams") << "/members/1/classes" << "[{\"class\": \"chat\"}]" << "/members/1/classes"
                                       << "must be empty for a member that is not quic";
    QTest::newRow("no class name") << "/members/0/classes/0/class" << "" << "/members/0/classes/0/class" << "required field is missing";
    QTest::newRow("negative count") << "/members/0/classes/0/streams_completed" << "-3" << "/members/0/classes/0/streams_completed"
                                    << "unsigned integer";
    QTest::newRow("fractional bytes") << "/members/0/classes/0/bytes_sent" << "1.5" << "/members/0/classes/0/bytes_sent"
                                      << "unsigned integer";
    QTest::newRow("more within than completed") << "/members/0/classes/0/streams_within_deadline" << "121"
                                                << "/members/0/classes/0/streams_within_deadline"
                                                << "must be at most streams_completed (120)";
    QTest::newRow("no lost packets") << "/members/0/classes/0/lost_packets" << "" << "/members/0/classes/0/lost_packets"
                                     << "required field is missing";
    QTest::newRow("negative percentile") << "/members/0/classes/0/completion_p50_s" << "-0.1"
                                         << "/members/0/classes/0/completion_p50_s" << ">= 0";
    QTest::newRow("percentile missing with completions") << "/members/0/classes/0/completion_p99_s" << "null"
                                                         << "/members/0/classes/0/completion_p99_s" << "once a stream completed";
    QTest::newRow("percentile without completions") << "/members/0/classes/1/completion_p50_s" << "0.2"
                                                    << "/members/0/classes/1/completion_p50_s" << "must be null while no stream completed";
  }
  void refusesBadFields() {
    QFETCH(QString, pointer);
    QFETCH(QString, value);
    QFETCH(QString, pointerInMessage);
    QFETCH(QString, allowed);
    json root = toRouteMembersJson(sample());
    const json::json_pointer at(pointer.toStdString());
    if (value.isEmpty()) {
      root[at.parent_pointer()].erase(at.back());
    } else {
      root[at] = json::parse(value.toStdString());
    }
    try {
      routeMembersFromJson(root, "the router's members");
      QFAIL("accepted a bad field");
    } catch (const engine::InputError& error) {
      const QString message = QString::fromStdString(error.what());
      QCOMPARE(QString::fromStdString(error.pointer().to_string()), pointerInMessage);
      QVERIFY2(message.startsWith(QStringLiteral("the router's members: ") + pointerInMessage), qPrintable(message));
      QVERIFY2(message.contains(allowed), qPrintable(message));
    }
  }

  void refusesWhatIsNotJson() {
    try {
      parseRouteMembers("<html>502 Bad Gateway</html>", "the router's members");
      QFAIL("accepted HTML");
    } catch (const engine::InputError& error) {
      QVERIFY2(QString::fromStdString(error.what()).contains("must be JSON"), error.what());
    }
    QVERIFY_THROWS_EXCEPTION(engine::InputError, parseRouteMembers("[]"));
  }
};

QTEST_APPLESS_MAIN(TestRouteMembersJson)
#include "tst_route_members_json.moc"
