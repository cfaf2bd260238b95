#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>
#include <optional>

#include <nlohmann/json.hpp>

#include "engine/core/qos_class_json.h"
#include "engine/io/input_problems.h"
#include "engine/io/json_input.h"
#include "engine/sched/scheduler_config_json.h"

using namespace headroom::engine;
using nlohmann::json;

namespace {

// The InputError a call throws; nullopt when it throws nothing.
template <typename Call>
std::optional<InputError> errorOf(Call call) {
  try {
    call();
  } catch (const InputError& error) {
    return error;
  }
  return std::nullopt;
}

std::optional<Importance> parseImportance(const std::string& text) { return importanceFromString(text); }

}  // namespace

class TestJsonInput : public QObject {
  Q_OBJECT

 private slots:
  void errorCarriesItsPartsAndReadsLikeAMessage() {
    const InputError error("conf/serve.json", JsonPointer("/classes/1/slo/ttft_s"), "must be a number > 0 (seconds)", "-1");
    QCOMPARE(error.file(), std::filesystem::path("conf/serve.json"));
    QCOMPARE(error.pointer().to_string(), std::string("/classes/1/slo/ttft_s"));
    QCOMPARE(error.allowed(), std::string("must be a number > 0 (seconds)"));
    QCOMPARE(error.found(), std::string("-1"));
    QCOMPARE(std::string(error.what()), std::string("conf/serve.json: /classes/1/slo/ttft_s: must be a number > 0 (seconds), got -1"));
    // After a list of names "; got" keeps the found value apart from the names.
    const InputError list("a.json", JsonPointer("/policy"), "must be one of: fcfs, edf", "\"lifo\"");
    QCOMPARE(std::string(list.what()), std::string("a.json: /policy: must be one of: fcfs, edf; got \"lifo\""));
    // The whole document, and nothing found.
    const InputError whole("a.json", JsonPointer(), "no such file");
    QCOMPARE(std::string(whole.what()), std::string("a.json: no such file"));
  }

  void pointersEscapeKeys() {
    const JsonInput input("w.json");
    const json object = {{"a/b~c", 1}};
    const auto error = errorOf([&] { input.checkFields(object, JsonPointer() / "weights", {"x", "y"}); });
    QVERIFY(error);
    QCOMPARE(error->pointer().to_string(), std::string("/weights/a~1b~0c"));
    QCOMPARE(error->allowed(), std::string("unknown field; allowed fields here: x, y"));
    // The pointer finds the value again in the document.
    const json document = {{"weights", object}};
    QCOMPARE(document.at(error->pointer()), json(1));
  }

  void typedGetters_data() {
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("getter");
    QTest::addColumn<QString>("message");  // empty: accepted
    QTest::newRow("integer ok") << "3" << "integer 1..5" << "";
    QTest::newRow("integer below") << "0" << "integer 1..5" << "v.json: /v: must be an integer >= 1, got 0";
    QTest::newRow("integer above") << "6" << "integer 1..5" << "v.json: /v: must be an integer <= 5, got 6";
    QTest::newRow("integer fraction") << "1.5" << "integer 1..5" << "v.json: /v: must be an integer >= 1, got 1.5";
    QTest::newRow("integer huge unsigned") << "18446744073709551615" << "integer 1..5"
                                           << "v.json: /v: must be an integer <= 5, got 18446744073709551615";
    QTest::newRow("number above") << "0" << "number >0 s" << "v.json: /v: must be a number > 0 (seconds), got 0";
    QTest::newRow("number interval") << "100" << "number (0,100]" << "";
    QTest::newRow("number out of interval") << "0" << "number (0,100]" << "v.json: /v: must be a number in (0, 100], got 0";
    QTest::newRow("number text") << "\"1\"" << "number (0,100]" << "v.json: /v: must be a number in (0, 100], got \"1\"";
    QTest::newRow("number over cap") << "2e9" << "seconds" << "v.json: /v: must be a number <= 1000000000 (seconds), got 2000000000.0";
    QTest::newRow("seconds below a microsecond") << "1e-7" << "seconds"
                                                 << "v.json: /v: must be a number >= 0.000001 (seconds, the engine counts microseconds), got 1e-07";
    QTest::newRow("string empty") << "\"\"" << "non-empty string" << "v.json: /v: must be a non-empty string, got \"\"";
    QTest::newRow("boolean") << "1" << "boolean" << "v.json: /v: must be true or false, got 1";
    QTest::newRow("one of") << "\"urgent\"" << "importance" << "v.json: /v: must be one of: high, normal, low; got \"urgent\"";
    QTest::newRow("one of ok") << "\"low\"" << "importance" << "";
    QTest::newRow("unsigned negative") << "-3" << "unsigned" << "v.json: /v: must be an unsigned integer (0 to 18446744073709551615), got -3";
    QTest::newRow("object shown") << "{}" << "non-empty string" << "v.json: /v: must be a non-empty string, got an object";
  }

  void typedGetters() {
    QFETCH(QString, value);
    QFETCH(QString, getter);
    QFETCH(QString, message);
    const JsonInput input("v.json");
    const json v = json::parse(value.toStdString());
    const JsonPointer at = JsonPointer() / "v";
    const auto error = errorOf([&] {
      if (getter == "integer 1..5") input.integer(v, at, 1, 5);
      if (getter == "number >0 s") input.number(v, at, NumberRange::above(0.0, "seconds"));
      if (getter == "number (0,100]") {
        input.number(v, at, NumberRange::interval(0, NumberRange::End::Open, 100, NumberRange::End::Closed));
      }
      if (getter == "seconds") input.positiveSeconds(v, at);
      if (getter == "non-empty string") input.nonEmptyString(v, at);
      if (getter == "boolean") input.boolean(v, at);
      if (getter == "importance") input.oneOf(v, at, "high, normal, low", parseImportance);
      if (getter == "unsigned") input.unsignedInteger(v, at);
    });
    if (message.isEmpty()) {
      QVERIFY2(!error, error ? error->what() : "");
    } else {
      QVERIFY(error);
      QCOMPARE(QString::fromStdString(error->what()), message);
    }
  }

  void requiredFieldNamesWhatIsExpected() {
    const JsonInput input("r.json");
    const auto error = errorOf([&] { input.required(json::object(), JsonPointer() / "pool", "instances", "an integer >= 1"); });
    QVERIFY(error);
    QCOMPARE(std::string(error->what()), std::string("r.json: /pool/instances: required field is missing (an integer >= 1)"));
    QVERIFY(error->found().empty());
  }

  void loadFileNamesTheFileAndTheProblem() {
    QTemporaryDir dir;
    const std::filesystem::path missing = dir.filePath("absent.json").toStdString();
    auto error = errorOf([&] { JsonInput::loadFile(missing, "scenario file"); });
    QVERIFY(error);
    QCOMPARE(std::string(error->what()), missing.string() + ": no such scenario file");
    const std::filesystem::path broken = dir.filePath("broken.json").toStdString();
    std::ofstream(broken) << "{\n  \"a\": \n}\n";
    error = errorOf([&] { JsonInput::loadFile(broken); });
    QVERIFY(error);
    QVERIFY2(std::string(error->what()).rfind(broken.string() + ": not valid JSON: parse error at line 3, column 1", 0) == 0,
             error->what());
    // A number too large for a double is bad input like any other, not an escaped library exception.
    const std::filesystem::path overflow = dir.filePath("overflow.json").toStdString();
    std::ofstream(overflow) << "{\"a\": 1e999}";
    error = errorOf([&] { JsonInput::loadFile(overflow); });
    QVERIFY(error);
    QVERIFY2(std::string(error->what()).rfind(overflow.string() + ": not valid JSON: number overflow", 0) == 0,
             error->what());
    const std::filesystem::path good = dir.filePath("good.json").toStdString();
    std::ofstream(good) << R"({"a": [1, 2]})";
    QCOMPARE(JsonInput::loadFile(good), json::parse(R"({"a": [1, 2]})"));
  }

  // Every problem code has English text for the CLI, and the checks return the code a UI would map.
  void sloRuleIsOneFunction_data() {
    QTest::addColumn<double>("percentile");
    QTest::addColumn<bool>("valid");
    QTest::newRow("100: every request") << 100.0 << true;
    QTest::newRow("99.9") << 99.9 << true;
    QTest::newRow("0") << 0.0 << false;
    QTest::newRow("negative") << -1.0 << false;
    QTest::newRow("above 100") << 100.01 << false;
    QTest::newRow("nan") << std::nan("") << false;
  }

  void sloRuleIsOneFunction() {
    QFETCH(double, percentile);
    QFETCH(bool, valid);
    Slo slo;
    slo.ttlt = Duration{1'000'000};
    slo.percentile = percentile;
    const auto problem = checkSlo(slo);
    QCOMPARE(problem.has_value(), !valid);
    if (problem) {
      QVERIFY(*problem == SloProblem::PercentileOutOfRange);
      QCOMPARE(sloProblemField(*problem), std::string_view("percentile"));
    }
  }

  void sloProblemsHaveFieldsAndText() {
    QVERIFY(checkSlo(Slo{}) == SloProblem::NoBound);
    Slo negative;
    negative.tbt = Duration{0};
    QVERIFY(checkSlo(negative) == SloProblem::TbtNotPositive);
    for (SloProblem problem : {SloProblem::NoBound, SloProblem::TtftNotPositive, SloProblem::TbtNotPositive,
                               SloProblem::TtltNotPositive, SloProblem::PercentileOutOfRange, SloProblem::TtftAboveTtlt,
                               SloProblem::TbtAboveTtlt}) {
      QVERIFY(englishText(problem).starts_with("must") || englishText(problem).starts_with("needs"));
    }
    QCOMPARE(sloProblemField(SloProblem::TtltNotPositive), std::string_view("ttlt_s"));
    Slo inverted;
    inverted.ttft = Duration{2'000'000};
    inverted.ttlt = Duration{1'000'000};
    QVERIFY(checkSlo(inverted) == SloProblem::TtftAboveTtlt);
    QCOMPARE(sloProblemField(SloProblem::TtftAboveTtlt), std::string_view("ttft_s"));
    QVERIFY(sloProblemField(SloProblem::NoBound).empty());
  }

  void schedulerRulesReturnCodes() {
    QVERIFY(!checkSchedulerConfig(SchedulerConfig{}));
    SchedulerConfig config;
    config.maxBatchSize = 0;
    QVERIFY(checkSchedulerConfig(config) == SchedulerProblem::MaxBatchSizeNotPositive);
    config = {};
    config.chunking = {ChunkingMode::Fixed, 0};
    QVERIFY(checkChunking(config.chunking) == ChunkingProblem::FixedTokensNotPositive);
    QVERIFY(checkSchedulerConfig(config) == SchedulerProblem::ChunkingInvalid);
    QVERIFY(!chunkingFromString("fixed:0"));
    config = {};
    config.dynamicSafetyFactor = 101;
    QVERIFY(checkSchedulerConfig(config) == SchedulerProblem::DynamicSafetyFactorOutOfRange);
    QCOMPARE(schedulerProblemField(SchedulerProblem::DynamicSafetyFactorOutOfRange), std::string_view("dynamic_safety_factor"));
    config = {};
    config.kvBlocksOverride = 0;
    QVERIFY(checkSchedulerConfig(config) == SchedulerProblem::KvBlocksNotPositive);
  }

  void arrivalRulesReturnCodesAndPhase() {
    ArrivalSpec spec;
    spec.ratePerS = 2;
    QVERIFY(!checkArrivalSpec(spec));
    spec.phases = {{10, 0, 1, PhaseShape::Step}, {5, 0, 1, PhaseShape::Step}};
    auto issue = checkArrivalSpec(spec);
    QVERIFY(issue && issue->problem == ArrivalProblem::PhasesUnsorted);
    QCOMPARE(issue->phase, std::size_t{1});
    QCOMPARE(englishText(*issue, spec), std::string("must be >= 10 (the previous phase's start_s; phases are sorted by start_s)"));
    spec.phases = {{10, 10, 1, PhaseShape::Ramp}};
    issue = checkArrivalSpec(spec);
    QVERIFY(issue && issue->problem == ArrivalProblem::RampEndNotAfterStart);
    QCOMPARE(arrivalProblemField(issue->problem), std::string_view("end_s"));
    spec.phases.clear();
    spec.kind = ArrivalKind::Gamma;
    spec.cv = 0;
    issue = checkArrivalSpec(spec);
    QVERIFY(issue && issue->problem == ArrivalProblem::CvOutOfRange);
    QVERIFY(!isPhaseProblem(issue->problem));
  }

  void sloEncodingRoundTripsInSeconds() {
    Slo slo;
    slo.ttft = Duration{1'500'000};
    slo.tbt = Duration{50'000};
    slo.percentile = 100;
    const json encoded = sloToJson(slo);
    QCOMPARE(encoded.size(), std::size_t{3});
    QCOMPARE(encoded.at("ttft_s").get<double>(), 1.5);
    QVERIFY(std::abs(encoded.at("tbt_s").get<double>() - 0.05) < 1e-12);
    QCOMPARE(encoded.at("percentile").get<double>(), 100.0);
    const Slo back = sloFromJson(JsonInput("s.json"), encoded, JsonPointer() / "slo");
    QCOMPARE(back.ttft, slo.ttft);
    QCOMPARE(back.tbt, slo.tbt);
    QVERIFY(!back.ttlt);
    QCOMPARE(back.percentile, 100.0);
    const auto error = errorOf([&] { sloFromJson(JsonInput("s.json"), json::parse(R"({"percentile": 95})"), JsonPointer() / "slo"); });
    QVERIFY(error);
    QCOMPARE(error->pointer().to_string(), std::string("/slo"));
    QCOMPARE(error->allowed(), englishText(SloProblem::NoBound));
  }

  void schedulerEncodingRoundTripsAndMerges() {
    SchedulerConfig config;
    config.policy = OrderingPolicy::Edf;
    config.chunking = {ChunkingMode::Fixed, 512};
    config.relegation = Relegation::Off;
    config.dynamicSafetyFactor = 1.5;
    config.dynamicFloorTokens = 64;
    config.kvBlocksOverride = 9000;
    const JsonInput input("body");
    const SchedulerConfig back = schedulerConfigFromJson(input, schedulerConfigToJson(config), JsonPointer());
    QCOMPARE(schedulerConfigToJson(back), schedulerConfigToJson(config));
    // A partial object changes only what it names.
    const SchedulerConfig merged = schedulerConfigFromJson(input, json::parse(R"({"policy": "fcfs"})"), JsonPointer(), config);
    QVERIFY(merged.policy == OrderingPolicy::Fcfs);
    QCOMPARE(merged.dynamicFloorTokens, 64);
    QCOMPARE(merged.chunking.fixedTokens, 512);
    const auto error = errorOf([&] {
      schedulerConfigFromJson(input, json::parse(R"({"max_batch_tokens": 0})"), JsonPointer() / "scheduler");
    });
    QVERIFY(error);
    QCOMPARE(std::string(error->what()), std::string("body: /scheduler/max_batch_tokens: must be an integer >= 1, got 0"));
  }
};

QTEST_GUILESS_MAIN(TestJsonInput)
#include "tst_json_input.moc"
