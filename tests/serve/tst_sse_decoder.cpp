#include <QtTest>

#include "serve/client/remote_error.h"
#include "serve/protocol/sse_decoder.h"

using headroom::serve::RemoteErrorKind;
using headroom::serve::SseDecoder;

class TestSseDecoder : public QObject {
  Q_OBJECT

 private slots:
  void eventsSurviveAnySplit() {
    const std::string stream = "data: {\"a\":1}\n\n: keep-alive\n\nevent: x\ndata: two\ndata: lines\r\n\r\ndata:{\"b\":2}\n\n";
    for (std::size_t piece = 1; piece <= stream.size(); ++piece) {
      SseDecoder decoder;
      std::vector<std::string> events;
      for (std::size_t at = 0; at < stream.size(); at += piece) {
        for (std::string& event : decoder.feed(std::string_view(stream).substr(at, piece))) events.push_back(std::move(event));
      }
      QCOMPARE(events.size(), std::size_t{3});
      QCOMPARE(events[0], std::string("{\"a\":1}"));
      QCOMPARE(events[1], std::string("two\nlines"));
      QCOMPARE(events[2], std::string("{\"b\":2}"));
    }
  }

  void unfinishedEventIsHeld() {
    SseDecoder decoder;
    QVERIFY(decoder.feed("data: half").empty());
    QVERIFY(decoder.feed("\n").empty());
    const auto events = decoder.feed("\n");
    QCOMPARE(events.size(), std::size_t{1});
    QCOMPARE(events[0], std::string("half"));
  }

  void transportErrorsAreClassified_data() {
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("kind");
    QTest::newRow("refused") << "cannot connect to 127.0.0.1:9: Connection refused" << int(RemoteErrorKind::Unreachable);
    QTest::newRow("dns") << "cannot resolve nowhere.invalid:80: Host not found" << int(RemoteErrorKind::Unreachable);
    QTest::newRow("tls") << "TLS handshake with h:443 failed: certificate verify failed" << int(RemoteErrorKind::Tls);
    QTest::newRow("timeout") << "no reply from h:80: The socket was closed due to a timeout" << int(RemoteErrorKind::Timeout);
    QTest::newRow("broken") << "reply from h:80 broke off: end of stream" << int(RemoteErrorKind::Broken);
  }

  void transportErrorsAreClassified() {
    QFETCH(QString, message);
    QFETCH(int, kind);
    QCOMPARE(int(headroom::serve::classifyTransportError(message.toStdString())), kind);
  }

  void serverMessagesAreRead() {
    QCOMPARE(headroom::serve::errorMessageOf(R"({"error": {"message": "Incorrect API key provided.", "type": "x"}})"),
             std::string("Incorrect API key provided."));
    QCOMPARE(headroom::serve::errorMessageOf("plain text"), std::string("plain text"));
    QCOMPARE(headroom::serve::kindOfStatus(401), RemoteErrorKind::Unauthorized);
    QCOMPARE(headroom::serve::kindOfStatus(403), RemoteErrorKind::Forbidden);
    QCOMPARE(headroom::serve::kindOfStatus(500), RemoteErrorKind::HttpStatus);
    QCOMPARE(headroom::serve::kindOfStatus(204), RemoteErrorKind::None);
  }
};

QTEST_GUILESS_MAIN(TestSseDecoder)
#include "tst_sse_decoder.moc"
