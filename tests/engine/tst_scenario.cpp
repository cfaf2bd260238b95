#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/workload/scenario.h"

using namespace headroom::engine;
using nlohmann::json;

namespace {

// A small valid scenario; the data-driven cases break it with a JSON Patch (RFC 6902).
json baseScenario() {
  return json::parse(R"({
    "name": "base",
    "duration_s": 100,
    "model": "llama-3.1-8b",
    "hardware": "a100-80g",
    "pool": {"instances": 2, "router": "round-robin"},
    "classes": [
      {"name": "chat", "slo": {"ttft_s": 1, "tbt_s": 0.05},
       "arrival": {"process": "poisson", "rate_per_s": 2},
       "prompt_tokens": 100, "output_tokens": {"dist": "uniform", "min": 1, "max": 10}},
      {"name": "batch", "slo": {"ttlt_s": 60},
       "arrival": {"process": "constant", "rate_per_s": 0.5},
       "prompt_tokens": {"dist": "lognormal", "median": 600, "p90": 2000, "max": 8000},
       "output_tokens": {"dist": "empirical", "values": [5, 50]}}
    ]
  })");
}

// Patch ops that turn the base into a trace scenario reading `traceFile` (relative to the scenario).
json toTrace(const std::string& traceFile, const std::string& format = "headroom") {
  json ops = json::array();
  for (int i = 0; i < 2; ++i) {
    for (const char* key : {"arrival", "prompt_tokens", "output_tokens"}) {
      ops.push_back({{"op", "remove"}, {"path", "/classes/" + std::to_string(i) + "/" + key}});
    }
  }
  ops.push_back({{"op", "remove"}, {"path", "/duration_s"}});
  ops.push_back({{"op", "add"}, {"path", "/trace"}, {"value", {{"path", traceFile}, {"format", format}}}});
  return ops;
}

json concat(json a, const json& b) {
  for (const auto& op : b) a.push_back(op);
  return a;
}

}  // namespace

class TestScenario : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;

  std::filesystem::path dirPath() const { return std::filesystem::path(dir_.path().toStdString()); }

  std::filesystem::path writeText(const std::string& name, const std::string& text) {
    const auto path = dirPath() / name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  std::filesystem::path writeScenario(const json& scenario, const std::string& name = "scenario.json") {
    return writeText(name, scenario.dump(2));
  }

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    writeText("ours.csv",
              "arrival_s,class,prompt_tokens,output_tokens\n10,batch,5,6\n10.5,chat,7,8\n12.25,chat,1,1\n");
    writeText("unknown-class.csv", "arrival_s,class,prompt_tokens,output_tokens\n0,chat,1,1\n1,video,1,1\n");
    writeText("azure.csv",
              "TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:15:46.6805900,10,2\n"
              "2023-11-16 18:15:48.1805900,20,3\n");
  }

  void shippedScenariosLoad() {
    const std::filesystem::path folder = std::filesystem::path(HEADROOM_RESOURCE_DIR_FOR_TESTS) / "scenarios";
    int loaded = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
      if (entry.path().extension() != ".json") continue;
      try {
        const Scenario scenario = loadScenario(entry.path());
        QVERIFY(!scenario.name.empty());
        QVERIFY(!scenario.classes.empty());
        ++loaded;
      } catch (const InputError& e) {
        QFAIL(e.what());
      }
    }
    QVERIFY(loaded >= 3);
  }

  void demoScenarioHasTheSeedsClasses() {
    const Scenario demo =
        loadScenario(std::filesystem::path(HEADROOM_RESOURCE_DIR_FOR_TESTS) / "scenarios/demo.json");
    QCOMPARE(demo.classes.size(), std::size_t{3});
    QCOMPARE(demo.classes[0].qos.name, std::string("alan"));
    QCOMPARE(demo.classes[2].qos.rank, 2);
    QCOMPARE(demo.pool.instances, 3);
    QVERIFY(demo.pool.router == RouterKind::ClassPriority);
    QVERIFY(demo.scheduler.policy == OrderingPolicy::Priority);
    QCOMPARE(demo.scheduler.chunking.mode, ChunkingMode::Dynamic);
    QCOMPARE(demo.executor.model, std::string("llama-3.1-8b"));
    QCOMPARE(demo.executor.hardware, std::string("a100-80g"));
    const double total = demo.classes[0].arrival.ratePerS + demo.classes[1].arrival.ratePerS +
                         demo.classes[2].arrival.ratePerS;
    QVERIFY(std::abs(total - 14.0) < 1e-6);
    QVERIFY(std::abs(demo.classes[0].arrival.ratePerS / demo.classes[2].arrival.ratePerS - 15.0 / 9.0) <
            1e-6);
    QCOMPARE(demo.classes[0].qos.slo.tbt, std::optional<Duration>(Duration{100'000}));
  }

  void qoserveScenarioMatchesThePaper() {
    const Scenario q = loadScenario(std::filesystem::path(HEADROOM_RESOURCE_DIR_FOR_TESTS) /
                                    "scenarios/qoserve-three-tier.json");
    QCOMPARE(q.classes[0].qos.slo.ttft, std::optional<Duration>(durationFromSeconds(6)));
    QCOMPARE(q.classes[0].qos.slo.tbt, std::optional<Duration>(durationFromSeconds(0.05)));
    QVERIFY(q.classes[0].qos.importance == Importance::High);
    QVERIFY(q.classes[2].qos.importance == Importance::Low);
    QCOMPARE(q.classes[2].qos.slo.ttlt, std::optional<Duration>(durationFromSeconds(1800)));
    QVERIFY(q.scheduler.policy == OrderingPolicy::Hybrid);
    QCOMPARE(q.scheduler.alphaSPerToken, 0.008);
    QCOMPARE(q.scheduler.relegation, Relegation::On);
    QCOMPARE(q.classes[1].promptTokens.kind, LengthKind::Lognormal);
    QCOMPARE(q.classes[1].outputTokens.median, 15.0);
  }

  void fieldsAndDefaultsAreFilled() {
    const auto file = writeScenario(baseScenario());
    const Scenario s = loadScenario(file);
    QCOMPARE(s.file, file);
    QCOMPARE(s.name, std::string("base"));
    QCOMPARE(s.seed, std::uint64_t{1});
    QCOMPARE(s.durationS, 100.0);
    QCOMPARE(s.executor.kind, ExecutorKind::Modeled);
    QCOMPARE(s.executor.tensorParallel, 0);
    QCOMPARE(s.classes[1].qos.rank, 1);
    QVERIFY(s.classes[1].qos.importance == Importance::Normal);
    QCOMPARE(s.classes[1].qos.slo.percentile, 99.0);
    QCOMPARE(s.classes[1].arrival.kind, ArrivalKind::Constant);
    QCOMPARE(s.classes[0].promptTokens.kind, LengthKind::Fixed);
    QCOMPARE(s.classes[0].promptTokens.value, 100);
    QCOMPARE(s.classes[0].outputTokens.max, 10);
    QCOMPARE(s.classes[1].outputTokens.values, (std::vector<std::int32_t>{5, 50}));
    QVERIFY(s.scheduler.policy == SchedulerConfig{}.policy);
    QVERIFY(!s.trace);
  }

  void optionalFieldsAreRead() {
    json scenario = baseScenario().patch(json::parse(R"([
      {"op": "add", "path": "/seed", "value": 18446744073709551615},
      {"op": "add", "path": "/tensor_parallel", "value": 2},
      {"op": "add", "path": "/classes/1/rank", "value": 7},
      {"op": "add", "path": "/classes/1/importance", "value": "low"},
      {"op": "add", "path": "/classes/1/slo/percentile", "value": 95.5},
      {"op": "replace", "path": "/classes/0/arrival", "value": {"process": "gamma", "rate_per_s": 3, "cv": 2.5,
        "phases": [{"start_s": 10, "rate_per_s": 6}, {"start_s": 20, "rate_per_s": 1, "shape": "ramp", "end_s": 30}]}},
      {"op": "add", "path": "/scheduler", "value": {"policy": "edf", "alpha_s_per_token": 0, "chunking": "fixed:512",
        "relegation": false, "selective_preemption": false, "max_batch_tokens": 2048, "max_batch_size": 64,
        "kv_block_tokens": 32, "kv_blocks": 5000}},
      {"op": "replace", "path": "/pool", "value": {"instances": 3, "router": "weighted",
        "weights": {"batch": [0, 1, 3], "chat": [1, 1, 0]}}}
    ])"));
    const Scenario s = loadScenario(writeScenario(scenario));
    QCOMPARE(s.seed, std::uint64_t{18446744073709551615ULL});
    QCOMPARE(s.executor.tensorParallel, 2);
    QCOMPARE(s.classes[1].qos.rank, 7);
    QVERIFY(s.classes[1].qos.importance == Importance::Low);
    QCOMPARE(s.classes[1].qos.slo.percentile, 95.5);
    const ArrivalSpec& arrival = s.classes[0].arrival;
    QCOMPARE(arrival.kind, ArrivalKind::Gamma);
    QCOMPARE(arrival.cv, 2.5);
    QCOMPARE(arrival.phases.size(), std::size_t{2});
    QCOMPARE(arrival.phases[0].shape, PhaseShape::Step);
    QCOMPARE(arrival.phases[1].shape, PhaseShape::Ramp);
    QCOMPARE(arrival.phases[1].endS, 30.0);
    QVERIFY(s.scheduler.policy == OrderingPolicy::Edf);
    QCOMPARE(s.scheduler.chunking.mode, ChunkingMode::Fixed);
    QCOMPARE(s.scheduler.chunking.fixedTokens, 512);
    QCOMPARE(s.scheduler.relegation, Relegation::Off);
    QCOMPARE(s.scheduler.selectivePreemption, false);
    QCOMPARE(s.scheduler.maxBatchTokens, 2048);
    QCOMPARE(s.scheduler.maxBatchSize, 64);
    QCOMPARE(s.scheduler.kvBlockTokens, 32);
    QCOMPARE(s.scheduler.kvBlocksOverride, std::optional<std::int64_t>(5000));
    QCOMPARE(s.pool.instances, 3);
    QVERIFY(s.pool.router == RouterKind::Weighted);
    // Rows in class order (chat, batch), whatever the order of the keys.
    QCOMPARE(s.pool.weights, (std::vector<std::vector<double>>{{1, 1, 0}, {0, 1, 3}}));
  }

  void constantExecutor() {
    json scenario = baseScenario().patch(json::parse(R"([
      {"op": "remove", "path": "/hardware"},
      {"op": "add", "path": "/executor", "value": {"kind": "constant", "iteration_s": 0.02}}
    ])"));
    const Scenario s = loadScenario(writeScenario(scenario));
    QCOMPARE(s.executor.kind, ExecutorKind::Constant);
    QCOMPARE(s.executor.iteration, Duration{20'000});
    QCOMPARE(s.executor.model, std::string("llama-3.1-8b"));
    QVERIFY(s.executor.hardware.empty());
  }

  void cpuExecutor() {
    json scenario = baseScenario().patch(json::parse(R"([
      {"op": "remove", "path": "/hardware"},
      {"op": "remove", "path": "/model"},
      {"op": "add", "path": "/executor", "value": {"kind": "cpu", "model": "llama-tiny",
                                                    "weights": "weights/model.safetensors", "weights_seed": 9,
                                                    "profile": "cpu-llama-tiny"}}
    ])"));
    const auto file = writeScenario(scenario);
    const Scenario s = loadScenario(file);
    QCOMPARE(s.executor.kind, ExecutorKind::Cpu);
    QCOMPARE(s.executor.model, std::string("llama-tiny"));
    QCOMPARE(s.executor.weightsSeed, std::uint64_t{9});
    QCOMPARE(s.executor.profile, std::string("cpu-llama-tiny"));
    // A relative checkpoint path resolves against the scenario's folder.
    QCOMPARE(s.executor.weights, (file.parent_path() / "weights/model.safetensors").lexically_normal().string());

    json random = baseScenario().patch(json::parse(R"([
      {"op": "remove", "path": "/hardware"},
      {"op": "add", "path": "/executor", "value": {"kind": "cuda"}}
    ])"));
    const Scenario r = loadScenario(writeScenario(random));
    QCOMPARE(r.executor.kind, ExecutorKind::Cuda);
    QCOMPARE(r.executor.model, std::string("llama-3.1-8b"));
    QCOMPARE(r.executor.weights, std::string("random"));
  }

  void modeledExecutorWithAProfileNeedsNoHardware() {
    json scenario = baseScenario().patch(json::parse(R"([
      {"op": "remove", "path": "/hardware"},
      {"op": "add", "path": "/executor", "value": {"kind": "modeled", "profile": "cpu-llama-tiny"}}
    ])"));
    const Scenario s = loadScenario(writeScenario(scenario));
    QCOMPARE(s.executor.kind, ExecutorKind::Modeled);
    QCOMPARE(s.executor.profile, std::string("cpu-llama-tiny"));
  }

  void traceResolvesAgainstTheScenarioFolder() {
    std::filesystem::create_directories(dirPath() / "sub");
    const auto file = writeScenario(baseScenario().patch(toTrace("../ours.csv")), "sub/trace.json");
    const Scenario s = loadScenario(file);
    QVERIFY(s.trace);
    QCOMPARE(s.trace->path, (dirPath() / "ours.csv").lexically_normal());
    QVERIFY(s.trace->path.is_absolute());
    QVERIFY(s.trace->format == TraceFormat::Headroom);
    // Without duration_s the whole trace (2.25 s from first to last arrival) is replayed.
    QVERIFY(s.durationS > 2.25 && s.durationS <= 2.25 + 2e-6);
  }

  void azureTraceWithClassMix() {
    json ops = concat(toTrace("azure.csv", "azure"), json::parse(R"([
      {"op": "add", "path": "/trace/class_mix", "value": {"chat": 1, "batch": 3}},
      {"op": "add", "path": "/duration_s", "value": 50}
    ])"));
    const Scenario s = loadScenario(writeScenario(baseScenario().patch(ops)));
    QVERIFY(s.trace->format == TraceFormat::Azure);
    QCOMPARE(s.trace->classMix.at("batch"), 3.0);
    QCOMPARE(s.durationS, 50.0);
  }

  void badInputsNameFilePathAndAllowedValues_data() {
    QTest::addColumn<QString>("patch");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("problem");
    const auto row = [](const char* name, const json& patch, const char* path, const char* problem) {
      QTest::newRow(name) << QString::fromStdString(patch.dump()) << path << problem;
    };
    const auto op = [](const char* kind, const char* path, const json& value = nullptr) {
      json result = {{"op", kind}, {"path", path}};
      if (std::string(kind) != "remove") result["value"] = value;
      return json::array({result});
    };

    row("unknown top-level field", op("add", "/bogus", 1), "/bogus",
        "unknown field; allowed fields here: name, seed, duration_s, model, tensor_parallel, hardware, "
        "executor, "
        "pool, scheduler, classes, trace");
    row("unknown nested field", op("add", "/classes/0/slo/ttfb_s", 1), "/classes/0/slo/ttfb_s",
        "unknown field; allowed fields here: ttft_s, tbt_s, ttlt_s, percentile");
    row("wrong type", op("add", "/classes/1/slo/ttft_s", "abc"), "/classes/1/slo/ttft_s",
        "must be a number > 0 (seconds), got \"abc\"");
    row("negative rate", op("replace", "/classes/0/arrival/rate_per_s", -1), "/classes/0/arrival/rate_per_s",
        "must be a number >= 0 (requests per second), got -1");
    row("slo without bound", op("replace", "/classes/0/slo", {{"percentile", 95}}), "/classes/0/slo",
        "needs at least one bound: ttft_s, tbt_s or ttlt_s (numbers > 0, seconds)");
    row("ttft beyond ttlt", op("replace", "/classes/1/slo", {{"ttft_s", 100}, {"ttlt_s", 60}}), "/classes/1/slo/ttft_s",
        "must not exceed ttlt_s (the first token cannot be due after the last), got 100");
    row("missing trace file", toTrace("absent.csv"), "/trace/path", "no such file: ");
    row("bad chunking", op("add", "/scheduler", {{"chunking", "fixed:0"}}), "/scheduler/chunking",
        "must be one of: none, fixed:N (N > 0), dynamic; got \"fixed:0\"");
    row("weights of wrong length",
        op("replace", "/pool",
           {{"instances", 2}, {"router", "weighted"}, {"weights", {{"chat", {1, 1, 1}}, {"batch", {1, 0}}}}}),
        "/pool/weights/chat",
        "must be an array of one share >= 0 per instance (2 numbers) with a positive sum, got 3 numbers");
    row("weights missing a class",
        op("replace", "/pool", {{"instances", 2}, {"router", "weighted"}, {"weights", {{"chat", {1, 1}}}}}),
        "/pool/weights/batch",
        "required field is missing: every class needs a row of one share >= 0 per instance");
    row("weights for an unknown class",
        op("replace", "/pool",
           {{"router", "weighted"}, {"weights", {{"chat", {1}}, {"batch", {1}}, {"x/y", {1}}}}}),
        "/pool/weights/x~1y", "not a class of this scenario; classes: chat, batch");
    row("weights all zero",
        op("replace", "/pool", {{"router", "weighted"}, {"weights", {{"chat", {0}}, {"batch", {1}}}}}),
        "/pool/weights/chat", "must have a positive sum");
    row("weights without weighted router", op("add", "/pool/weights", json::object()), "/pool/weights",
        "only allowed with router \"weighted\"");
    row("weighted router without weights", op("replace", "/pool/router", "weighted"), "/pool/weights",
        "required field is missing for router \"weighted\"");
    row("bad router", op("replace", "/pool/router", "random"), "/pool/router",
        "must be one of: round-robin, least-loaded, class-priority, weighted; got \"random\"");
    row("zero instances", op("replace", "/pool/instances", 0), "/pool/instances",
        "must be an integer >= 1, got 0");
    row("bad policy", op("add", "/scheduler", {{"policy", "lifo"}}), "/scheduler/policy",
        "must be one of: fcfs, priority, edf, srpf, hybrid; got \"lifo\"");
    row("bad relegation", op("add", "/scheduler", {{"relegation", "maybe"}}), "/scheduler/relegation",
        "must be \"on\", \"off\", true or false, got \"maybe\"");
    row("negative alpha", op("add", "/scheduler", {{"alpha_s_per_token", -0.1}}),
        "/scheduler/alpha_s_per_token", "must be a number in [0, 1000000] (seconds per token), got -0.1");
    row("zero safety factor", op("add", "/scheduler", {{"dynamic_safety_factor", 0}}),
        "/scheduler/dynamic_safety_factor", "must be a number in (0, 100] (predicted time multiplier), got 0");
    row("fractional batch size", op("add", "/scheduler", {{"max_batch_size", 2.5}}),
        "/scheduler/max_batch_size", "must be an integer >= 1, got 2.5");
    row("missing name", op("remove", "/name"), "/name", "required field is missing (a non-empty string)");
    row("empty name", op("replace", "/name", ""), "/name", "must be a non-empty string, got \"\"");
    row("negative seed", op("add", "/seed", -3), "/seed",
        "must be an unsigned integer (0 to 18446744073709551615), got -3");
    row("missing duration", op("remove", "/duration_s"), "/duration_s",
        "required field is missing (a number > 0, seconds; optional only with a trace)");
    row("zero duration", op("replace", "/duration_s", 0), "/duration_s",
        "must be a number > 0 (seconds), got 0");
    row("no classes", op("replace", "/classes", json::array()), "/classes",
        "must be a non-empty array of class objects, got an empty array");
    row("duplicate class", op("replace", "/classes/1/name", "chat"), "/classes/1/name",
        "class names must be unique (ignoring case); /classes/0 is named \"chat\", got \"chat\"");
    row("duplicate class other case", op("replace", "/classes/1/name", "CHAT"), "/classes/1/name",
        "class names must be unique (ignoring case); /classes/0 is named \"chat\", got \"CHAT\"");
    row("bad importance", op("add", "/classes/0/importance", "urgent"), "/classes/0/importance",
        "must be one of: high, normal, low; got \"urgent\"");
    row("negative rank", op("add", "/classes/0/rank", -1), "/classes/0/rank",
        "must be an integer >= 0, got -1");
    row("percentile 0", op("add", "/classes/0/slo/percentile", 0), "/classes/0/slo/percentile",
        "must be a number in (0, 100], e.g. 99 for p99, 100 for every request, got 0");
    row("percentile above 100", op("add", "/classes/0/slo/percentile", 100.5), "/classes/0/slo/percentile",
        "must be a number in (0, 100], e.g. 99 for p99, 100 for every request, got 100.5");
    row("bad process", op("replace", "/classes/0/arrival/process", "burst"), "/classes/0/arrival/process",
        "must be one of: poisson, gamma, constant; got \"burst\"");
    row("gamma without cv", op("replace", "/classes/0/arrival/process", "gamma"), "/classes/0/arrival/cv",
        "required for process \"gamma\" (a number > 0; 1 is Poisson-like)");
    row("cv without gamma", op("add", "/classes/0/arrival/cv", 2), "/classes/0/arrival/cv",
        "only allowed for process \"gamma\"");
    row("ramp without end",
        op("add", "/classes/0/arrival/phases", {{{"start_s", 5}, {"rate_per_s", 1}, {"shape", "ramp"}}}),
        "/classes/0/arrival/phases/0/end_s", "required for shape \"ramp\" (a number > start_s, seconds)");
    row("ramp ending before it starts",
        op("add", "/classes/0/arrival/phases",
           {{{"start_s", 5}, {"rate_per_s", 1}, {"shape", "ramp"}, {"end_s", 5}}}),
        "/classes/0/arrival/phases/0/end_s", "must be a number > 5 (seconds, after start_s), got 5");
    row("end on a step",
        op("add", "/classes/0/arrival/phases", {{{"start_s", 5}, {"rate_per_s", 1}, {"end_s", 9}}}),
        "/classes/0/arrival/phases/0/end_s", "only allowed for shape \"ramp\"");
    row("unsorted phases",
        op("add", "/classes/0/arrival/phases",
           {{{"start_s", 50}, {"rate_per_s", 1}}, {{"start_s", 20}, {"rate_per_s", 2}}}),
        "/classes/0/arrival/phases/1/start_s",
        "must be >= 50 (the previous phase's start_s; phases are sorted by start_s), got 20");
    row("phase overlapping a ramp",
        op("add", "/classes/0/arrival/phases",
           {{{"start_s", 10}, {"rate_per_s", 1}, {"shape", "ramp"}, {"end_s", 30}},
            {{"start_s", 20}, {"rate_per_s", 2}}}),
        "/classes/0/arrival/phases/1/start_s",
        "must be >= 30 (the previous ramp's end_s; phases may not overlap), got 20");
    row("bad shape",
        op("add", "/classes/0/arrival/phases", {{{"start_s", 5}, {"rate_per_s", 1}, {"shape", "sine"}}}),
        "/classes/0/arrival/phases/0/shape", "must be one of: step, ramp; got \"sine\"");
    row("fractional length", op("replace", "/classes/0/prompt_tokens", 1.5), "/classes/0/prompt_tokens",
        "must be a positive integer (a fixed length) or an object {\"dist\": fixed, uniform, lognormal or "
        "empirical, "
        "...}, got 1.5");
    row("zero length", op("replace", "/classes/0/prompt_tokens", 0), "/classes/0/prompt_tokens",
        "must be an integer >= 1, got 0");
    row("bad dist", op("replace", "/classes/0/prompt_tokens", {{"dist", "normal"}}),
        "/classes/0/prompt_tokens/dist",
        "must be one of: fixed, uniform, lognormal, empirical; got \"normal\"");
    row("uniform max below min", op("replace", "/classes/0/output_tokens/max", 0),
        "/classes/0/output_tokens/max", "must be an integer >= min (1), got 0");
    row("lognormal p90 below median", op("replace", "/classes/1/prompt_tokens/p90", 600),
        "/classes/1/prompt_tokens/p90", "must be a number > 600 (tokens, above the median), got 600");
    row("lognormal max below median", op("replace", "/classes/1/prompt_tokens/max", 500),
        "/classes/1/prompt_tokens/max", "must be an integer >= the median (600), got 500");
    row("field of another dist", op("add", "/classes/1/prompt_tokens/min", 1), "/classes/1/prompt_tokens/min",
        "unknown field; allowed fields here: dist, median, p90, max");
    row("empty empirical", op("replace", "/classes/1/output_tokens/values", json::array()),
        "/classes/1/output_tokens/values", "must be a non-empty array of integers >= 1, got an empty array");
    row("empirical zero", op("replace", "/classes/1/output_tokens/values/1", 0),
        "/classes/1/output_tokens/values/1", "must be an integer >= 1, got 0");
    row("missing arrival", op("remove", "/classes/0/arrival"), "/classes/0/arrival",
        "required field is missing without a trace (an object with process and rate_per_s)");
    row("constant executor with hardware",
        op("add", "/executor", {{"kind", "constant"}, {"iteration_s", 0.01}}), "/hardware",
        "not allowed with a constant executor");
    row("constant executor without iteration", op("add", "/executor", {{"kind", "constant"}}),
        "/executor/iteration_s", "required field is missing (a number > 0, seconds)");
    row("bad executor kind", op("add", "/executor", {{"kind", "tpu"}}), "/executor/kind",
        "must be one of: constant, modeled, cpu, cuda; got \"tpu\"");
    row("cpu executor with a stray field", op("add", "/executor", {{"kind", "cpu"}, {"hardware", "x"}}),
        "/executor/hardware", "unknown field; allowed fields here: kind, model, weights, weights_seed, profile");
    row("cpu executor naming two models",
        op("add", "/executor", {{"kind", "cpu"}, {"model", "llama-tiny"}}), "/executor/model",
        "names \"llama-tiny\" but /model names \"llama-3.1-8b\"; give one");
    row("modeled without model", op("remove", "/model"), "/model",
        "required field is missing for the modeled executor (a model name, e.g. \"llama-3.1-8b\")");
    row("zero tensor parallel", op("add", "/tensor_parallel", 0), "/tensor_parallel",
        "must be an integer >= 1, got 0");
    row("trace with arrival", concat(toTrace("ours.csv"), op("add", "/classes/1/arrival", json::object())),
        "/classes/1/arrival", "not allowed with a trace: the trace gives arrivals and token counts");
    row("bad trace format", concat(toTrace("ours.csv"), op("replace", "/trace/format", "parquet")),
        "/trace/format", "must be one of: azure, burstgpt, headroom; got \"parquet\"");
    row("azure without class mix", toTrace("azure.csv", "azure"), "/trace/class_mix",
        "required field is missing for format \"azure\" (an object: class name -> share >= 0, with a "
        "positive sum)");
    row("class mix naming no class",
        concat(toTrace("azure.csv", "azure"), op("add", "/trace/class_mix", {{"chat", 1}, {"video", 1}})),
        "/trace/class_mix/video", "not a class of this scenario; classes: chat, batch");
    row("class mix all zero",
        concat(toTrace("azure.csv", "azure"), op("add", "/trace/class_mix", {{"chat", 0}})),
        "/trace/class_mix", "must have a positive sum");
    row("class mix on a headroom trace",
        concat(toTrace("ours.csv"), op("add", "/trace/class_mix", {{"chat", 1}})), "/trace/class_mix",
        "not allowed for format \"headroom\"");
    row("trace naming an unknown class", toTrace("unknown-class.csv"), "/trace/path",
        "unknown-class.csv:3: column \"class\": unknown class \"video\"; classes: chat, batch");
  }

  void badInputsNameFilePathAndAllowedValues() {
    QFETCH(QString, patch);
    QFETCH(QString, path);
    QFETCH(QString, problem);
    const auto file = writeScenario(baseScenario().patch(json::parse(patch.toStdString())), "bad.json");
    try {
      loadScenario(file);
      QFAIL("no error");
    } catch (const InputError& e) {
      const std::string message = e.what();
      const std::string prefix = file.string() + ": " + path.toStdString() + ": ";
      QCOMPARE(e.file(), file);
      QCOMPARE(QString::fromStdString(e.pointer().to_string()), path);
      QVERIFY2(message.rfind(prefix, 0) == 0, message.c_str());
      QVERIFY2(message.find(problem.toStdString()) != std::string::npos, message.c_str());
    }
  }

  void malformedJsonGivesLineAndColumn() {
    const auto file = writeText("broken.json", "{\n  \"name\": \"x\",\n  \"seed\": \n}\n");
    try {
      loadScenario(file);
      QFAIL("no error");
    } catch (const InputError& e) {
      const std::string message = e.what();
      QVERIFY2(message.rfind(file.string() + ": not valid JSON: parse error at line 4, column 1", 0) == 0,
               message.c_str());
    }
  }

  void topLevelMustBeAnObject() {
    const auto file = writeText("array.json", "[1, 2]");
    try {
      loadScenario(file);
      QFAIL("no error");
    } catch (const InputError& e) {
      QCOMPARE(std::string(e.what()), file.string() + ": the top level must be a JSON object, got an array");
    }
  }

  void missingScenarioFile() {
    const auto file = dirPath() / "absent.json";
    try {
      loadScenario(file);
      QFAIL("no error");
    } catch (const InputError& e) {
      QCOMPARE(std::string(e.what()), file.string() + ": no such scenario file");
    }
  }
};

QTEST_GUILESS_MAIN(TestScenario)
#include "tst_scenario.moc"
