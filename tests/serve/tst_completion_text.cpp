// Reply text from tokens: UTF-8 characters split across tokens are held back until complete, invalid
// bytes become U+FFFD, stop strings are found across token boundaries, and chats render by template.
#include <QtTest>

#include <string>
#include <vector>

#include "serve/protocol/chat_template.h"
#include "serve/server/stop_matcher.h"
#include "serve/server/utf8_token_decoder.h"

using namespace headroom::serve;

Q_DECLARE_METATYPE(std::vector<std::int32_t>)
Q_DECLARE_METATYPE(std::vector<std::string>)

namespace {

std::vector<std::int32_t> bytesOf(std::string_view text) {
  std::vector<std::int32_t> tokens;
  for (char c : text) tokens.push_back(static_cast<unsigned char>(c));
  return tokens;
}

}  // namespace

class TestCompletionText : public QObject {
  Q_OBJECT

 private slots:
  // "é" is C3 A9, "€" E2 82 AC, "😀" F0 9F 98 80: nothing of a character appears before its last byte.
  void holdsIncompleteCharacters() {
    Utf8TokenDecoder decoder;
    QCOMPARE(decoder.push('a'), std::string("a"));
    QCOMPARE(decoder.push(0xC3), std::string());
    QCOMPARE(decoder.heldBytes(), std::size_t{1});
    QCOMPARE(decoder.push(0xA9), std::string("\xC3\xA9"));
    QCOMPARE(decoder.push(0xF0), std::string());
    QCOMPARE(decoder.push(0x9F), std::string());
    QCOMPARE(decoder.push(0x98), std::string());
    QCOMPARE(decoder.push(0x80), std::string("\xF0\x9F\x98\x80"));
    QCOMPARE(decoder.heldBytes(), std::size_t{0});
    QCOMPARE(decoder.push(0xE2), std::string());
    QCOMPARE(decoder.push(256), std::string());  // BOS between the bytes: nothing, and nothing broken
    QCOMPARE(decoder.push(0x82), std::string());
    QCOMPARE(decoder.push(0xAC), std::string("\xE2\x82\xAC"));
    QCOMPARE(decoder.flush(), std::string());
  }

  void replacesInvalidBytes_data() {
    QTest::addColumn<std::vector<std::int32_t>>("tokens");
    QTest::addColumn<std::string>("expected");
    const std::string fffd = "\xEF\xBF\xBD";
    QTest::newRow("plain ascii") << bytesOf("queue") << std::string("queue");
    QTest::newRow("lone continuation") << std::vector<std::int32_t>{'a', 0x80, 'b'} << "a" + fffd + "b";
    QTest::newRow("never valid byte") << std::vector<std::int32_t>{0xFF, 'x'} << fffd + "x";
    QTest::newRow("overlong lead") << std::vector<std::int32_t>{0xC0, 0xAF} << fffd + fffd;
    QTest::newRow("broken sequence") << std::vector<std::int32_t>{0xE2, 0x82, 'z'} << fffd + "z";
    QTest::newRow("surrogate") << std::vector<std::int32_t>{0xED, 0xA0, 0x80} << fffd + fffd + fffd;
    QTest::newRow("truncated at the end") << std::vector<std::int32_t>{'o', 'k', 0xF0, 0x9F} << "ok" + fffd;
    QTest::newRow("special ids skipped") << std::vector<std::int32_t>{256, 'h', 257, 'i', 300} << std::string("hi");
  }

  void replacesInvalidBytes() {
    QFETCH(std::vector<std::int32_t>, tokens);
    QFETCH(std::string, expected);
    QCOMPARE(Utf8TokenDecoder::decodeAll(tokens.data(), tokens.size()), expected);
  }

  // Streaming pieces always concatenate to the whole decode.
  void piecesConcatenateToTheWhole() {
    const std::string text = "na\xC3\xAFve caf\xC3\xA9 \xE2\x82\xAC" "5 \xF0\x9F\x98\x80!";
    const std::vector<std::int32_t> tokens = bytesOf(text);
    Utf8TokenDecoder decoder;
    std::string joined;
    for (std::int32_t token : tokens) joined += decoder.push(token);
    joined += decoder.flush();
    QCOMPARE(joined, text);
  }

  void stopStrings_data() {
    QTest::addColumn<std::vector<std::string>>("pieces");
    QTest::addColumn<std::vector<std::string>>("stops");
    QTest::addColumn<std::string>("expected");
    QTest::addColumn<bool>("stopped");
    using Strings = std::vector<std::string>;
    QTest::newRow("no stops") << Strings{"ab", "cd"} << Strings{} << std::string("abcd") << false;
    QTest::newRow("within a piece") << Strings{"hello END tail"} << Strings{"END"} << std::string("hello ") << true;
    QTest::newRow("across pieces") << Strings{"hel", "lo E", "N", "D more"} << Strings{"END"} << std::string("hello ")
                                   << true;
    QTest::newRow("false start released") << Strings{"E", "N", "x"} << Strings{"END"} << std::string("ENx") << false;
    QTest::newRow("earliest of several") << Strings{"a.b\n", "c"} << Strings{"\n", "."} << std::string("a") << true;
    QTest::newRow("prefix held to the end") << Strings{"ab", "EN"} << Strings{"END"} << std::string("abEN") << false;
    QTest::newRow("stop at the very start") << Strings{"##", "x"} << Strings{"##"} << std::string() << true;
  }

  void stopStrings() {
    QFETCH(std::vector<std::string>, pieces);
    QFETCH(std::vector<std::string>, stops);
    QFETCH(std::string, expected);
    QFETCH(bool, stopped);
    StopMatcher matcher(stops);
    std::string out;
    for (const std::string& piece : pieces) {
      const StopMatcher::Step step = matcher.push(piece);
      out += step.text;
      if (step.stopped) break;
    }
    out += matcher.flush();
    QCOMPARE(out, expected);
    QCOMPARE(matcher.stopped(), stopped);
  }

  // Text that may start a stop string is not sent until it is known not to.
  void holdsBackPossibleStopStart() {
    StopMatcher matcher({"<end>"});
    QCOMPARE(matcher.push("abc<e").text, std::string("abc"));
    QCOMPARE(matcher.push("n").text, std::string());
    QCOMPARE(matcher.push("x").text, std::string("<enx"));
  }

  void chatTemplate() {
    const std::string prompt = renderChatPrompt({{"system", "Be brief."}, {"user", "Hi"}});
    QCOMPARE(prompt, std::string("<|system|>\nBe brief.\n<|user|>\nHi\n<|assistant|>\n"));
  }
};

QTEST_GUILESS_MAIN(TestCompletionText)
#include "tst_completion_text.moc"
