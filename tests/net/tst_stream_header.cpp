// The stream header that opens every request stream: encoding, the incremental reader (whole, byte by
// byte, with request bytes behind it in the same feed), and the refusal of every malformed field with a
// message that names it and what is allowed.
#include <QtTest>

#include <chrono>
#include <cstdint>
#include <string>
#include <variant>

#include "net/quic/stream_header.h"

using namespace std::chrono_literals;
using namespace headroom::net::quic;

namespace {

StreamHeader sample() {
  StreamHeader header;
  header.className = "real-time_1.a";
  header.level = 3;
  header.budget = 987654us;
  header.requestId = "req-0123 abc:/~";
  header.requestBytes = 8192;
  return header;
}

bool sameHeader(const StreamHeader& a, const StreamHeader& b) {
  return a.className == b.className && a.level == b.level && a.budget == b.budget && a.requestId == b.requestId &&
         a.requestBytes == b.requestBytes;
}

// A valid header's bytes with one byte changed.
std::string withByte(std::size_t at, std::uint8_t value) {
  std::string bytes = encodeStreamHeader(sample());
  bytes[at] = static_cast<char>(value);
  return bytes;
}

std::string withU32(std::size_t at, std::uint32_t value) {
  std::string bytes = encodeStreamHeader(sample());
  for (int i = 0; i < 4; ++i) bytes[at + i] = static_cast<char>(value >> (24 - 8 * i));
  return bytes;
}

QString errorOf(const StreamHeaderReader::Result& result) {
  if (const auto* error = std::get_if<StreamHeaderError>(&result)) return QString::fromStdString(error->message);
  return {};
}

}  // namespace

class TestStreamHeader : public QObject {
  Q_OBJECT

 private slots:
  void roundTrip_data() {
    QTest::addColumn<bool>("withBudget");
    QTest::addColumn<QString>("requestId");
    QTest::addColumn<int>("classLength");
    QTest::newRow("budget and id") << true << "req-1" << 8;
    QTest::newRow("no budget, no id") << false << "" << 1;
    QTest::newRow("longest names") << true << QString(128, 'r') << 64;
  }
  void roundTrip() {
    QFETCH(bool, withBudget);
    QFETCH(QString, requestId);
    QFETCH(int, classLength);
    StreamHeader header = sample();
    header.className = std::string(static_cast<std::size_t>(classLength), 'c');
    header.requestId = requestId.toStdString();
    header.budget = withBudget ? std::optional(std::chrono::microseconds(0xFFFFFFFEu)) : std::nullopt;
    header.requestBytes = StreamHeader::kMaxRequestBytes;
    const std::string bytes = encodeStreamHeader(header);
    QCOMPARE(bytes.size(), StreamHeader::kFixedBytes + header.className.size() + header.requestId.size());
    QVERIFY(bytes.size() <= StreamHeader::kMaxBytes);
    StreamHeaderReader reader;
    const auto result = reader.feed(bytes);
    const auto* complete = std::get_if<StreamHeaderReader::Complete>(&result);
    QVERIFY2(complete != nullptr, qPrintable(errorOf(result)));
    QVERIFY(sameHeader(complete->header, header));
    QCOMPARE(complete->consumed, bytes.size());
  }

  void theWireLayoutIsBigEndianAsDocumented() {
    const StreamHeader header{std::string("rt"), 2, 0x01020304us, std::string("x"), 0x01020A0B};
    const std::string expected("H\x01\x02\x02\x01\x01\x00\x00\x01\x02\x03\x04\x01\x02\x0A\x0Brtx", 19);
    QCOMPARE(encodeStreamHeader(header), expected);
  }

  void everyByteSplitReadsTheSame() {
    const std::string bytes = encodeStreamHeader(sample()) + "POST /v1/completions";
    const std::size_t headerBytes = bytes.size() - 20;
    // One byte at a time.
    StreamHeaderReader oneByOne;
    for (std::size_t i = 0; i < headerBytes; ++i) {
      const auto result = oneByOne.feed(std::string_view(bytes).substr(i, 1));
      if (i + 1 < headerBytes) {
        QVERIFY2(std::holds_alternative<std::monostate>(result), qPrintable(QString("byte %1: ").arg(i) + errorOf(result)));
      } else {
        const auto* complete = std::get_if<StreamHeaderReader::Complete>(&result);
        QVERIFY(complete != nullptr);
        QCOMPARE(complete->consumed, std::size_t{1});
        QVERIFY(sameHeader(complete->header, sample()));
      }
    }
    // Every split into two feeds, the second with the request behind the header.
    for (std::size_t split = 0; split <= headerBytes; ++split) {
      StreamHeaderReader reader;
      const auto first = reader.feed(std::string_view(bytes).substr(0, split));
      if (split < headerBytes) {
        QVERIFY(std::holds_alternative<std::monostate>(first));
        const auto second = reader.feed(std::string_view(bytes).substr(split));
        const auto* complete = std::get_if<StreamHeaderReader::Complete>(&second);
        QVERIFY(complete != nullptr);
        QCOMPARE(complete->consumed, headerBytes - split);
        QVERIFY(sameHeader(complete->header, sample()));
      } else {
        const auto* complete = std::get_if<StreamHeaderReader::Complete>(&first);
        QVERIFY(complete != nullptr);
        QCOMPARE(complete->consumed, headerBytes);
      }
    }
  }

  void consumedStopsWhereTheRequestBegins() {
    const std::string header = encodeStreamHeader(sample());
    const std::string request = "GET / HTTP/1.1\r\n\r\n";
    StreamHeaderReader reader;
    const auto result = reader.feed(header + request);
    const auto* complete = std::get_if<StreamHeaderReader::Complete>(&result);
    QVERIFY(complete != nullptr);
    QCOMPARE(complete->consumed, header.size());
    QCOMPARE((header + request).substr(complete->consumed), request);
  }

  void shortInputIsIncomplete() {
    const std::string bytes = encodeStreamHeader(sample());
    for (std::size_t length : {std::size_t{0}, std::size_t{1}, std::size_t{15}, std::size_t{16}, bytes.size() - 1}) {
      StreamHeaderReader reader;
      QVERIFY2(std::holds_alternative<std::monostate>(reader.feed(std::string_view(bytes).substr(0, length))),
               qPrintable(QString("length %1").arg(length)));
    }
  }

  void malformedHeadersAreRefused_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("badAt");  // the byte whose arrival makes the header refusable
    const auto row = [](const char* name, const std::string& bytes, const char* message, int badAt) {
      QTest::newRow(name) << QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size())) << QString(message) << badAt;
    };
    row("bad magic", withByte(0, 'G'), "stream header: magic 0x47: allowed 0x48 ('H')", 0);
    row("bad version", withByte(1, 2), "stream header: version 2: allowed 1", 1);
    row("class name length 0", withByte(3, 0), "stream header: class name length 0: allowed 1..64", 3);
    row("class name length 65", withByte(3, 65), "stream header: class name length 65: allowed 1..64", 3);
    row("request id length 129", withByte(4, 129), "stream header: request id length 129: allowed 0..128", 4);
    row("unknown flag", withByte(5, 0x03), "stream header: flags 0x03: allowed 0x00 or 0x01 (bit 0: budget present)", 5);
    row("reserved", withByte(7, 0x80), "stream header: reserved byte 0x80: allowed 0x00", 7);
    row("budget all ones", withU32(8, 0xFFFFFFFFu), "stream header: budget 4294967295 microseconds: allowed 0..4294967294", 11);
    row("budget without its flag", withByte(5, 0), "stream header: budget 987654 microseconds without the budget flag: allowed 0", 11);
    row("oversized request", withU32(12, StreamHeader::kMaxRequestBytes + 1),
        "stream header: request length 67108865 bytes: allowed 0..67108864", 15);
    row("class name with a space", withByte(16 + 4, ' '),
        "stream header: class name byte 0x20 at 4: allowed ASCII letters, digits, '-', '_', '.'", 20);
    row("class name not ASCII", withByte(16, 0xC3),
        "stream header: class name byte 0xc3 at 0: allowed ASCII letters, digits, '-', '_', '.'", 16);
    row("request id with a newline", withByte(16 + 13 + 2, '\n'),
        "stream header: request id byte 0x0a at 2: allowed printable ASCII (0x20..0x7e)", 31);
  }
  void malformedHeadersAreRefused() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    QFETCH(int, badAt);
    const std::string_view view(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    StreamHeaderReader whole;
    QCOMPARE(errorOf(whole.feed(view)), message);
    // Refused as soon as the bad byte is there, not at the end of the header.
    StreamHeaderReader oneByOne;
    for (std::size_t i = 0; i < view.size(); ++i) {
      const auto result = oneByOne.feed(view.substr(i, 1));
      if (std::holds_alternative<StreamHeaderError>(result)) {
        QCOMPARE(errorOf(result), message);
        QCOMPARE(static_cast<int>(i), badAt);
        // Nothing more is read after a refusal.
        QVERIFY(std::holds_alternative<StreamHeaderError>(oneByOne.feed("H")));
        return;
      }
      QVERIFY(std::holds_alternative<std::monostate>(result));
    }
    QFAIL("never refused byte by byte");
  }

  void aBadFieldIsRefusedBeforeTheRestArrives() {
    StreamHeaderReader reader;
    QCOMPARE(errorOf(reader.feed("X")), QString("stream header: magic 0x58: allowed 0x48 ('H')"));
    StreamHeaderReader lengths;
    QCOMPARE(errorOf(lengths.feed(std::string_view("H\x01\x00\x00", 4))),
             QString("stream header: class name length 0: allowed 1..64"));
  }

  void encodingRefusesWhatTheLayoutCannotCarry() {
    StreamHeader header = sample();
    header.className = "";
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, encodeStreamHeader(header));
    header = sample();
    header.className = std::string(65, 'c');
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, encodeStreamHeader(header));
    header = sample();
    header.className = "a b";
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, encodeStreamHeader(header));
    header = sample();
    header.requestId = std::string(129, 'r');
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, encodeStreamHeader(header));
    header = sample();
    header.requestId = "a\nb";
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, encodeStreamHeader(header));
    header = sample();
    header.budget = -1us;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, encodeStreamHeader(header));
    header = sample();
    header.budget = std::chrono::microseconds(0xFFFFFFFFu);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, encodeStreamHeader(header));
    header = sample();
    header.requestBytes = StreamHeader::kMaxRequestBytes + 1;
    try {
      encodeStreamHeader(header);
      QFAIL("an oversized request was encoded");
    } catch (const std::invalid_argument& error) {
      QCOMPARE(QString(error.what()), QString("stream header: request length 67108865 bytes: allowed 0..67108864"));
    }
  }
};

QTEST_APPLESS_MAIN(TestStreamHeader)
#include "tst_stream_header.moc"
