#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <string>

#include "engine/workload/trace_reader.h"

using namespace headroom::engine;

class TestTraceReader : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;

  std::filesystem::path write(const std::string& name, const std::string& text) {
    const std::filesystem::path path = std::filesystem::path(dir_.path().toStdString()) / name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  // Reads `text` as `format` and returns the error, failing the test when there is none.
  static std::string errorOf(const std::filesystem::path& file, TraceFormat format,
                             const std::vector<std::string>& classNames = {}) {
    try {
      readTrace(file, format, classNames);
    } catch (const TraceError& e) {
      return e.what();
    }
    return "(no error)";
  }

 private slots:
  void initTestCase() { QVERIFY(dir_.isValid()); }

  void parsesDateTimes() {
    QCOMPARE(parseDateTimeNs("1970-01-01 00:00:00"), std::optional<std::int64_t>(0));
    QCOMPARE(parseDateTimeNs("2023-11-16 18:15:46"),
             std::optional<std::int64_t>(1700158546LL * 1'000'000'000));
    QCOMPARE(parseDateTimeNs("2023-11-16 18:15:46.6805900"),
             std::optional<std::int64_t>(1700158546LL * 1'000'000'000 + 680'590'000));
    QCOMPARE(parseDateTimeNs("2023-11-16T18:15:46.5"),
             std::optional<std::int64_t>(1700158546LL * 1'000'000'000 + 500'000'000));
    QCOMPARE(parseDateTimeNs("2024-02-29 00:00:00.000000000123"),
             std::optional<std::int64_t>(1709164800LL * 1'000'000'000));
    QVERIFY(!parseDateTimeNs("2023-02-29 00:00:00"));
    QVERIFY(!parseDateTimeNs("2023-13-01 00:00:00"));
    QVERIFY(!parseDateTimeNs("2023-11-16 18:15"));
    QVERIFY(!parseDateTimeNs("2023-11-16 18:15:46."));
    QVERIFY(!parseDateTimeNs("2023-11-16 18:15:46.12a"));
    QVERIFY(!parseDateTimeNs("1700158546"));
  }

  void readsAzure() {
    const auto file = write("azure.csv",
                            "TIMESTAMP,ContextTokens,GeneratedTokens\r\n"
                            "2023-11-16 18:15:46.6805900,4808,10\r\n"
                            "2023-11-16 18:15:50.1805900,0,0\r\n"
                            "2023-11-16 23:59:59.68059,100,7\r\n"
                            "2023-11-17 00:00:01,1,1\r\n");
    const Trace trace = readTrace(file, TraceFormat::Azure);
    QCOMPARE(trace.rows.size(), std::size_t{4});
    QCOMPARE(trace.skippedRows, std::size_t{0});
    QCOMPARE(trace.rows[0].arrivalS, 0.0);
    QVERIFY(std::abs(trace.rows[1].arrivalS - 3.5) < 1e-9);
    QVERIFY(std::abs(trace.rows[2].arrivalS - (5 * 3600 + 44 * 60 + 13.0)) < 1e-9);
    QVERIFY(std::abs(trace.rows[3].arrivalS - (5 * 3600 + 44 * 60 + 14.3194100)) < 1e-9);
    QCOMPARE(trace.rows[0].promptTokens, 4808);
    QCOMPARE(trace.rows[0].outputTokens, 10);
    QCOMPARE(trace.rows[1].promptTokens, 1);  // 0 clamped
    QCOMPARE(trace.rows[1].outputTokens, 1);
    QCOMPARE(trace.rows[0].classIndex, -1);
  }

  void readsBurstGptSkippingEmptyRows() {
    // Columns found by name: extra columns and a different order are fine.
    const auto file = write("burst.csv",
                            "Timestamp,Model,Request tokens,Response tokens,Total tokens,Log Type\n"
                            "5,ChatGPT,472,18,490,Conversation log\n"
                            "7,GPT-4,1000,0,1000,Conversation log\n"
                            "9,ChatGPT,0,12,12,API log\n"
                            "12.5,\"GPT-4, large\",30,40,70,API log\n");
    const Trace trace = readTrace(file, TraceFormat::BurstGpt);
    QCOMPARE(trace.rows.size(), std::size_t{2});
    QCOMPARE(trace.skippedRows, std::size_t{2});
    QCOMPARE(trace.rows[0].arrivalS, 0.0);
    QCOMPARE(trace.rows[1].arrivalS, 7.5);
    QCOMPARE(trace.rows[1].promptTokens, 30);
    QCOMPARE(trace.rows[1].outputTokens, 40);
  }

  void readsHeadroomWithClasses() {
    const auto file = write("ours.csv",
                            "\xEF\xBB\xBF"
                            "output_tokens,prompt_tokens,class,arrival_s,note\n"
                            "5,100,batch,2.0,x\n"
                            "\n"
                            "7,200,chat,2.25,y\n");
    const Trace trace = readTrace(file, TraceFormat::Headroom, {"chat", "batch"});
    QCOMPARE(trace.rows.size(), std::size_t{2});
    QCOMPARE(trace.rows[0].classIndex, 1);
    QCOMPARE(trace.rows[0].promptTokens, 100);
    QCOMPARE(trace.rows[0].outputTokens, 5);
    QCOMPARE(trace.rows[1].classIndex, 0);
    QCOMPARE(trace.rows[1].arrivalS, 0.25);
  }

  void sortsUnsortedFilesStably() {
    const auto file = write("unsorted.csv",
                            "arrival_s,class,prompt_tokens,output_tokens\n"
                            "3,a,1,1\n"
                            "1,a,2,1\n"
                            "3,a,3,1\n"
                            "2,a,4,1\n"
                            "1,a,5,1\n");
    const Trace trace = readTrace(file, TraceFormat::Headroom, {"a"});
    std::vector<std::int32_t> order;
    for (const TraceRow& row : trace.rows) order.push_back(row.promptTokens);
    QCOMPARE(order, (std::vector<std::int32_t>{2, 5, 4, 1, 3}));
    QCOMPARE(trace.rows.front().arrivalS, 0.0);
    QCOMPARE(trace.rows.back().arrivalS, 2.0);
  }

  void badRowsNameFileAndLine_data() {
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("azure bad timestamp")
        << int(TraceFormat::Azure)
        << "TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:15:46,1,1\nyesterday,1,1\n"
        << ":3: column \"TIMESTAMP\": expected a date and time like";
    QTest::newRow("azure negative tokens")
        << int(TraceFormat::Azure) << "TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:15:46,-4,1\n"
        << ":2: column \"ContextTokens\": expected an integer >= 0, got \"-4\"";
    QTest::newRow("burstgpt text tokens")
        << int(TraceFormat::BurstGpt)
        << "Timestamp,Model,Request tokens,Response tokens\n1,m,5,5\n2,m,5,5\n\n3,m,five,5\n"
        << ":5: column \"Request tokens\": expected an integer >= 0, got \"five\"";
    QTest::newRow("burstgpt negative time")
        << int(TraceFormat::BurstGpt) << "Timestamp,Model,Request tokens,Response tokens\n-1,m,5,5\n"
        << ":2: column \"Timestamp\": expected a number of seconds >= 0, got \"-1\"";
    QTest::newRow("headroom unknown class")
        << int(TraceFormat::Headroom) << "arrival_s,class,prompt_tokens,output_tokens\n0,a,1,1\n1,zz,1,1\n"
        << ":3: column \"class\": unknown class \"zz\"; classes: a, b";
    QTest::newRow("headroom zero tokens")
        << int(TraceFormat::Headroom) << "arrival_s,class,prompt_tokens,output_tokens\n0,a,0,1\n"
        << ":2: column \"prompt_tokens\": expected an integer >= 1, got \"0\"";
    QTest::newRow("too few fields") << int(TraceFormat::Headroom)
                                    << "arrival_s,class,prompt_tokens,output_tokens\n0,a,1,1\n1,a,1\n"
                                    << ":3: expected 4 fields as in the header, got 3";
    QTest::newRow("missing column") << int(TraceFormat::Azure)
                                    << "TIMESTAMP,ContextTokens\n2023-11-16 18:15:46,1\n"
                                    << ":1: missing column \"GeneratedTokens\" in the header; the azure "
                                       "format needs the columns TIMESTAMP, "
                                       "ContextTokens, GeneratedTokens";
    QTest::newRow("header only") << int(TraceFormat::Headroom)
                                 << "arrival_s,class,prompt_tokens,output_tokens\n"
                                 << ": the trace has no requests";
  }

  void badRowsNameFileAndLine() {
    QFETCH(int, format);
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const auto file = write("bad.csv", text.toStdString());
    const std::string message = errorOf(file, TraceFormat(format), {"a", "b"});
    QVERIFY2(message.rfind(file.string(), 0) == 0, message.c_str());
    QVERIFY2(message.find(expected.toStdString()) != std::string::npos, message.c_str());
  }

  void missingFileIsAnError() {
    const auto file = std::filesystem::path(dir_.path().toStdString()) / "absent.csv";
    const std::string message = errorOf(file, TraceFormat::Azure);
    QVERIFY2(message == file.string() + ": no such trace file", message.c_str());
  }

  void formatNamesRoundTrip() {
    for (TraceFormat format : {TraceFormat::Azure, TraceFormat::BurstGpt, TraceFormat::Headroom}) {
      QCOMPARE(traceFormatFromString(toString(format)), std::optional<TraceFormat>(format));
    }
    QVERIFY(!traceFormatFromString("csv"));
  }
};

QTEST_GUILESS_MAIN(TestTraceReader)
#include "tst_trace_reader.moc"
