#include <QtTest>
#include <vector>

#include "engine/exec/llama/byte_tokenizer.h"

using namespace headroom::engine;

class TestByteTokenizer : public QObject {
  Q_OBJECT

 private slots:
  void byteTokenizerRoundTrips() {
    const ByteTokenizer tokenizer;
    const std::string text = "héllo\n\x01";
    const auto tokens = tokenizer.encode(text, ByteTokenizer::AddBos::Yes);
    QCOMPARE(tokens.front(), ByteTokenizer::kBos);
    QCOMPARE(static_cast<std::size_t>(tokens.size()), text.size() + 1);
    QCOMPARE(tokens[1], static_cast<std::int32_t>('h'));
    QCOMPARE(tokens[2], 0xC3);
    QCOMPARE(tokenizer.decode(tokens), text);
    QCOMPARE(tokenizer.decode(std::vector<std::int32_t>{104, ByteTokenizer::kEos, 105}), std::string("hi"));
    QVERIFY(ByteTokenizer::kEos < 272);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tokenizer.decode(std::vector<std::int32_t>{-1}));
  }
  void encodesWithoutBos() {
    const ByteTokenizer tokenizer;
    QCOMPARE(tokenizer.encode("ab", ByteTokenizer::AddBos::No), (std::vector<std::int32_t>{97, 98}));
  }
};

QTEST_GUILESS_MAIN(TestByteTokenizer)
#include "tst_byte_tokenizer.moc"
