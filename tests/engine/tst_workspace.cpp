#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <iterator>

#include "engine/store/workspace.h"
#include "engine/store/workspace_schema.h"
#include "engine/workload/scenario_json.h"
#include "support/scenario_difference.h"
#include "support/test_scenarios.h"

using namespace headroom::engine;
using headroom::test::scenarioDifference;
using nlohmann::json;

namespace {

std::string readBytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeBytes(const std::filesystem::path& file, const std::string& bytes) {
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
}

// Runs SQL on a file through a raw connection (building fixtures the way another program would).
void rawSql(const std::filesystem::path& file, const std::string& sql) {
  sqlite3* db = nullptr;
  QCOMPARE(sqlite3_open(file.string().c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  const int code = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  const std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  QVERIFY2(code == SQLITE_OK, message.c_str());
}

using headroom::test::demoScenario;

LatencyStats stats(double base) {
  return {17, base, base * 1.1, base * 1.9, base * 2.3, base * 3.7, base * 3.1, base * 9.25};
}

Snapshot totalsAt(double seconds, std::size_t classes) {
  Snapshot totals;
  totals.time = timeFromSeconds(seconds);
  totals.windowLength = Duration{1'000'000};
  for (std::size_t i = 0; i < classes; ++i) {
    ClassSnapshot c;
    c.name = "class " + std::to_string(i);
    c.rank = static_cast<int>(i);
    c.slo.ttft = Duration{2'000'000 + static_cast<std::int64_t>(i)};
    if (i % 2 == 1) c.slo.ttlt = Duration{60'000'001};
    c.slo.percentile = 99.5;
    c.arrived = 1000 + static_cast<std::int64_t>(i);
    c.completed = 990;
    c.relegated = 3;
    c.preempted = 1;
    c.sloMet = 977;
    if (i != 0) c.attainment = 977.0 / 990.0;
    c.tokensOut = 123456789012LL;
    c.queue = stats(0.1 / 3.0);
    c.ttft = stats(0.7);
    c.tbt = i == 2 ? LatencyStats{} : stats(0.031);
    c.ttlt = stats(12.345678901234);
    totals.classes.push_back(c);
  }
  totals.arrived = 8000;
  totals.completed = 7900;
  totals.sloMet = 7800;
  totals.tokensOut = 4'000'000'000LL;
  return totals;
}

std::vector<SeriesWindow> windowsFrom(double startS, int count, std::size_t classes) {
  std::vector<SeriesWindow> windows;
  for (int w = 0; w < count; ++w) {
    SeriesWindow window;
    window.start = timeFromSeconds(startS + w);
    window.end = timeFromSeconds(startS + w + 1);
    for (std::size_t i = 0; i < classes; ++i) {
      WindowClassStats c;
      c.arrivals = w + static_cast<std::int64_t>(i);
      c.completions = w;
      c.sloMet = w / 2;
      c.tokensOut = 100 * w;
      c.relegations = w % 3;
      if (w % 2 == 0) c.queue = {0.001 * w + 1.0 / 7.0, 0.003 * w};
      c.ttft = {0.5, std::nullopt};
      if (i == 1) c.ttlt = {std::nullopt, 33.0 / 7.0};
      window.classes.push_back(c);
    }
    windows.push_back(std::move(window));
  }
  return windows;
}

bool sameTotals(const Snapshot& a, const Snapshot& b) {
  if (a.time != b.time || a.windowLength != b.windowLength || a.arrived != b.arrived ||
      a.completed != b.completed || a.sloMet != b.sloMet || a.tokensOut != b.tokensOut ||
      a.classes.size() != b.classes.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.classes.size(); ++i) {
    const ClassSnapshot& x = a.classes[i];
    const ClassSnapshot& y = b.classes[i];
    if (x.name != y.name || x.rank != y.rank || x.slo.ttft != y.slo.ttft || x.slo.tbt != y.slo.tbt ||
        x.slo.ttlt != y.slo.ttlt || x.slo.percentile != y.slo.percentile || x.arrived != y.arrived ||
        x.completed != y.completed || x.relegated != y.relegated || x.preempted != y.preempted ||
        x.sloMet != y.sloMet || x.attainment != y.attainment || x.tokensOut != y.tokensOut ||
        !(x.queue == y.queue) || !(x.ttft == y.ttft) || !(x.tbt == y.tbt) || !(x.ttlt == y.ttlt)) {
      return false;
    }
  }
  return true;
}

}  // namespace

class TestWorkspace : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  int counter_ = 0;

  std::filesystem::path fresh(const std::string& stem = "ws") {
    return std::filesystem::path(dir_.path().toStdString()) / (stem + std::to_string(++counter_) + ".headroom");
  }

  // A workspace holding one run with windows, closed again (checkpointed, no -wal file left).
  std::filesystem::path populated() {
    const auto file = fresh();
    Workspace ws = Workspace::create(file);
    ws.saveScenario(demoScenario());
    const RunId run = ws.beginRun("r", demoScenario(), std::nullopt);
    ws.appendSamples(run, windowsFrom(0, 50, 3), totalsAt(50, 3));
    ws.finishRun(run, RunStatus::Finished);
    return file;
  }

  void expectProblem(const std::filesystem::path& file, WorkspaceProblem expected) {
    try {
      Workspace::open(file);
      QFAIL("the file was opened");
    } catch (const WorkspaceError& e) {
      QCOMPARE(toString(e.problem()), toString(expected));
      QCOMPARE(e.file(), file);
      QVERIFY2(std::string(e.what()).find(file.string()) == 0, e.what());
    }
  }

 private slots:
  void initTestCase() { QVERIFY(dir_.isValid()); }

  void createOpenEmpty() {
    const auto file = fresh();
    {
      Workspace ws = Workspace::create(file);
      QCOMPARE(ws.file(), file);
      QCOMPARE(ws.schemaVersion(), Workspace::kSchemaVersion);
      QVERIFY(!ws.scenario());
      QVERIFY(ws.runs().empty());
      QVERIFY(ws.plans().empty());
    }
    Workspace again = Workspace::open(file);
    QCOMPARE(again.schemaVersion(), Workspace::kSchemaVersion);
    QVERIFY(!again.scenario());
  }

  void createRefusesAnExistingFile() {
    const auto file = fresh();
    writeBytes(file, "keep me");
    try {
      Workspace::create(file);
      QFAIL("an existing file was replaced");
    } catch (const WorkspaceError& e) {
      QCOMPARE(toString(e.problem()), toString(WorkspaceProblem::Io));
    }
    QCOMPARE(readBytes(file), std::string("keep me"));
  }

  void createInAMissingFolderFails() {
    const auto file = std::filesystem::path(dir_.path().toStdString()) / "no-such-folder" / "w.headroom";
    QVERIFY_THROWS_EXCEPTION(WorkspaceError, Workspace::create(file));
    QVERIFY(!std::filesystem::exists(file.parent_path()));
  }

  void scenarioRoundTrips() {
    const auto file = fresh();
    Scenario demo = demoScenario();
    demo.classes[1].qos.slo.ttlt = Duration{45'000'001};
    demo.scheduler.kvBlocksOverride = 777;
    {
      Workspace ws = Workspace::create(file);
      ws.saveScenario(demoScenario());
      ws.saveScenario(demo);
    }
    const auto stored = Workspace::open(file).scenario();
    QVERIFY(stored);
    Scenario expected = demo;
    expected.file = file;
    const std::string difference = scenarioDifference(expected, *stored);
    QVERIFY2(difference.empty(), difference.c_str());
  }

  void invalidScenarioIsNotSaved() {
    Workspace ws = Workspace::create(fresh());
    ws.saveScenario(demoScenario());
    Scenario broken = demoScenario();
    broken.classes.clear();
    QVERIFY_THROWS_EXCEPTION(InputError, ws.saveScenario(broken));
    QCOMPARE(ws.scenario()->classes.size(), std::size_t{3});
  }

  void plansRoundTrip() {
    Workspace ws = Workspace::create(fresh());
    const json first = {{"instances", 3}, {"shares", {0.25, 0.5, 0.25}}, {"mode", "priority"}};
    const json second = {{"instances", 5}, {"note", "fcfs baseline"}};
    const json inputs = {{"scenario", {{"name", "demo"}}}, {"modes", {{{"name", "m"}, {"max_instances", 8}}}}};
    const PlanId a = ws.savePlan("priority routing", first, inputs);
    const PlanId b = ws.savePlan("fcfs", second);
    QVERIFY(a != b);
    const auto list = ws.plans();
    QCOMPARE(list.size(), std::size_t{2});
    QCOMPARE(list[0].id, b);
    QCOMPARE(list[1].name, std::string("priority routing"));
    QCOMPARE(list[1].createdAtUtc.size(), std::size_t{20});
    QCOMPARE(ws.loadPlan(a), first);
    QCOMPARE(ws.loadPlan(b), second);
    QCOMPARE(ws.loadPlanInputs(a), inputs);
    QVERIFY(ws.loadPlanInputs(b).is_null());
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, ws.loadPlan(b + 100));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, ws.loadPlanInputs(b + 100));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, ws.beginRun("r", demoScenario(), b + 100));
  }

  // A run started with a stored plan links it: the record carries the plan, the list its id.
  void runsLinkTheirPlan() {
    const auto file = fresh();
    const json plan = {{"instances_total", 3}, {"status", "optimal"}};
    RunId linked = 0;
    RunId plain = 0;
    PlanId id = 0;
    {
      Workspace ws = Workspace::create(file);
      id = ws.savePlan("recommended", plan, json{{"max_instances", 8}});
      linked = ws.beginRun("with plan", demoScenario(), id);
      plain = ws.beginRun("without", demoScenario(), std::nullopt);
    }
    Workspace ws = Workspace::open(file);
    const RunRecord record = ws.loadRun(linked);
    QCOMPARE(record.summary.planId, std::optional<PlanId>(id));
    QVERIFY(record.plan);
    QCOMPARE(*record.plan, plan);
    QVERIFY(!ws.loadRun(plain).plan);
    QVERIFY(!ws.loadRun(plain).summary.planId);
    const auto runs = ws.runs();
    QCOMPARE(runs[1].planId, std::optional<PlanId>(id));
    QVERIFY(!runs[0].planId);
  }

  // The run list carries what it shows beside each run: instances, policy and overall attainment.
  void runListShowsSettingsAndAttainment() {
    Workspace ws = Workspace::create(fresh());
    Scenario scenario = demoScenario();
    scenario.pool.instances = 7;
    scenario.scheduler.policy = OrderingPolicy::Edf;
    const RunId run = ws.beginRun("r", scenario, std::nullopt);
    RunSummary listed = ws.runs().front();
    QCOMPARE(listed.instances, 7);
    QCOMPARE(listed.policy, std::string("edf"));
    QVERIFY(!listed.attainment);  // nothing saved yet
    ws.appendSamples(run, {}, totalsAt(10.0, 2));
    listed = ws.runs().front();
    QVERIFY(listed.attainment);
    QCOMPARE(*listed.attainment, 7800.0 / 7900.0);
    QCOMPARE(ws.loadRun(run).summary.instances, 7);
  }

  void runsAndSamplesRoundTrip() {
    const auto file = fresh();
    const json plan = {{"instances", 3}};
    const auto windowsA = windowsFrom(0, 30, 8);
    const auto windowsB = windowsFrom(30, 12, 8);
    const Snapshot totals = totalsAt(42.0, 8);
    RunId run = 0;
    RunId other = 0;
    {
      Workspace ws = Workspace::create(file);
      run = ws.beginRun("demo 1", demoScenario(), ws.savePlan("applied", plan));
      other = ws.beginRun("demo 2", demoScenario(), std::nullopt);
      ws.appendSamples(run, windowsA, totalsAt(30.0, 8));
      ws.appendSamples(run, {}, totalsAt(31.0, 8));
      ws.appendSamples(run, windowsB, totals);
      ws.finishRun(run, RunStatus::Finished);
      ws.finishRun(other, RunStatus::Stopped);
      QVERIFY_THROWS_EXCEPTION(std::out_of_range,
                               ws.appendSamples(other + 50, windowsA, totals));
      QVERIFY_THROWS_EXCEPTION(std::out_of_range, ws.finishRun(other + 50, RunStatus::Failed));
    }
    Workspace ws = Workspace::open(file);
    const auto runs = ws.runs();
    QCOMPARE(runs.size(), std::size_t{2});
    QCOMPARE(runs[0].id, other);
    QCOMPARE(toString(runs[0].status), toString(RunStatus::Stopped));
    QCOMPARE(runs[1].name, std::string("demo 1"));
    QCOMPARE(runs[1].scenarioName, std::string("demo"));
    QCOMPARE(toString(runs[1].status), toString(RunStatus::Finished));
    QCOMPARE(runs[1].simulatedS, 42.0);
    QCOMPARE(runs[1].durationS, 600.0);
    QVERIFY(runs[1].startedAtUtc.ends_with("Z"));

    const RunRecord record = ws.loadRun(run);
    QCOMPARE(record.summary.id, run);
    QVERIFY(record.plan);
    QCOMPARE(*record.plan, plan);
    Scenario expected = demoScenario();
    expected.file = file;
    const std::string difference = scenarioDifference(expected, record.scenario);
    QVERIFY2(difference.empty(), difference.c_str());
    QVERIFY(sameTotals(record.totals, totals));
    std::vector<SeriesWindow> appended = windowsA;
    appended.insert(appended.end(), windowsB.begin(), windowsB.end());
    QCOMPARE(record.totals.series->size(), appended.size());
    QVERIFY(*record.totals.series == appended);

    const RunRecord empty = ws.loadRun(other);
    QVERIFY(!empty.plan);
    QVERIFY(empty.totals.series->empty());
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, ws.loadRun(other + 50));
  }

  // Workspaces written before the one ClassSnapshot encoding kept the totals in microseconds
  // ("time_us", "ttft_us", latency stats as arrays): they still open, to the same numbers.
  void runTotalsOfOlderWorkspacesStillLoad() {
    const auto file = fresh();
    const Snapshot totals = totalsAt(42.5, 3);
    RunId run = 0;
    {
      Workspace ws = Workspace::create(file);
      run = ws.beginRun("old", demoScenario(), std::nullopt);
      ws.appendSamples(run, {}, totals);
      ws.finishRun(run, RunStatus::Finished);
    }
    const auto micros = [](const std::optional<Duration>& d) { return d ? json(d->count()) : json(nullptr); };
    const auto statsArray = [](const LatencyStats& s) {
      return json::array({s.count, s.meanS, s.p50S, s.p90S, s.p95S, s.p99S, s.watchedS, s.maxS});
    };
    json classes = json::array();
    for (const ClassSnapshot& c : totals.classes) {
      classes.push_back({{"name", c.name}, {"rank", c.rank},
                         {"slo", {{"ttft_us", micros(c.slo.ttft)}, {"tbt_us", micros(c.slo.tbt)},
                                  {"ttlt_us", micros(c.slo.ttlt)}, {"percentile", c.slo.percentile}}},
                         {"arrived", c.arrived}, {"completed", c.completed}, {"relegated", c.relegated},
                         {"preempted", c.preempted}, {"slo_met", c.sloMet},
                         {"attainment", c.attainment ? json(*c.attainment) : json(nullptr)},
                         {"tokens_out", c.tokensOut}, {"queue", statsArray(c.queue)}, {"ttft", statsArray(c.ttft)},
                         {"tbt", statsArray(c.tbt)}, {"ttlt", statsArray(c.ttlt)}});
    }
    const json legacy = {{"time_us", totals.time.time_since_epoch().count()},
                         {"window_length_us", totals.windowLength.count()},
                         {"arrived", totals.arrived}, {"completed", totals.completed}, {"slo_met", totals.sloMet},
                         {"tokens_out", totals.tokensOut}, {"classes", classes}};
    {
      sqlite3* db = nullptr;
      QCOMPARE(sqlite3_open(file.c_str(), &db), SQLITE_OK);
      const std::string sql = "UPDATE runs SET totals = '" + legacy.dump() + "' WHERE id = " + std::to_string(run);
      QCOMPARE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
      sqlite3_close(db);
    }
    const RunRecord record = Workspace::open(file).loadRun(run);
    QVERIFY(sameTotals(record.totals, totals));
  }

  void renameAndDelete() {
    Workspace ws = Workspace::create(fresh());
    const RunId a = ws.beginRun("a", demoScenario(), std::nullopt);
    const RunId b = ws.beginRun("b", demoScenario(), std::nullopt);
    ws.appendSamples(a, windowsFrom(0, 5, 3), totalsAt(5, 3));
    ws.renameRun(b, "renamed");
    QCOMPARE(ws.loadRun(b).summary.name, std::string("renamed"));
    ws.deleteRun(a);
    QCOMPARE(ws.runs().size(), std::size_t{1});
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, ws.loadRun(a));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, ws.deleteRun(a));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, ws.renameRun(a, "x"));
    const RunId c = ws.beginRun("c", demoScenario(), std::nullopt);
    QVERIFY2(c > b, "a deleted run's id is never reused");
  }

  void runsOfALiveWriterStayRunning() {
    const auto file = fresh();
    Workspace writer = Workspace::create(file);
    const RunId run = writer.beginRun("live", demoScenario(), std::nullopt);
    Workspace reader = Workspace::open(file);
    QCOMPARE(toString(reader.runs().front().status), toString(RunStatus::Running));
    writer.appendSamples(run, windowsFrom(0, 3, 3), totalsAt(3, 3));
    QCOMPARE(reader.loadRun(run).totals.series->size(), std::size_t{3});
  }

  void runsOfADeadWriterBecomeInterrupted() {
    const auto file = fresh();
    RunId run = 0;
    {
      Workspace ws = Workspace::create(file);
      run = ws.beginRun("crashed", demoScenario(), std::nullopt);
      ws.appendSamples(run, windowsFrom(0, 4, 3), totalsAt(4, 3));
    }
    // The run's writer becomes a process that has exited.
    const pid_t child = fork();
    if (child == 0) _exit(0);
    QVERIFY(child > 0);
    int status = 0;
    QCOMPARE(waitpid(child, &status, 0), child);
    rawSql(file, "UPDATE runs SET owner_pid = " + std::to_string(child));
    Workspace ws = Workspace::open(file);
    const RunRecord record = ws.loadRun(run);
    QCOMPARE(toString(record.summary.status), toString(RunStatus::Interrupted));
    QCOMPARE(record.totals.series->size(), std::size_t{4});
    QCOMPARE(record.summary.simulatedS, 4.0);
  }

  void saveAsCopiesAndSwitches() {
    const auto original = fresh();
    const auto copy = fresh("copy");
    Workspace ws = Workspace::create(original);
    ws.saveScenario(demoScenario());
    const RunId run = ws.beginRun("r", demoScenario(), std::nullopt);
    ws.appendSamples(run, windowsFrom(0, 20, 3), totalsAt(20, 3));
    ws.finishRun(run, RunStatus::Finished);
    const RunId live = ws.beginRun("still running", demoScenario(), std::nullopt);
    ws.saveAs(copy);
    QCOMPARE(ws.file(), copy);
    QCOMPARE(ws.loadRun(run).totals.series->size(), std::size_t{20});
    QCOMPARE(toString(ws.loadRun(live).summary.status), toString(RunStatus::Interrupted));
    QVERIFY(ws.scenario());
    ws.renameRun(run, "only in the copy");
    QCOMPARE(Workspace::open(original).loadRun(run).summary.name, std::string("r"));
    QCOMPARE(toString(Workspace::open(original).loadRun(live).summary.status), toString(RunStatus::Running));
    QCOMPARE(Workspace::open(copy).loadRun(run).summary.name, std::string("only in the copy"));
  }

  void saveAsRefusesAnExistingFile() {
    const auto file = fresh();
    const auto taken = fresh();
    writeBytes(taken, "occupied");
    Workspace ws = Workspace::create(file);
    QVERIFY_THROWS_EXCEPTION(WorkspaceError, ws.saveAs(taken));
    QCOMPARE(ws.file(), file);
    QCOMPARE(readBytes(taken), std::string("occupied"));
    QVERIFY(ws.runs().empty());
  }

  void readOnlyFileIsRefused() {
    if (::geteuid() == 0) QSKIP("root may write any file");
    const auto file = populated();
    std::filesystem::permissions(file, std::filesystem::perms::owner_read);
    expectProblem(file, WorkspaceProblem::Io);
    std::filesystem::permissions(file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  }

  void missingFile() { expectProblem(fresh("absent"), WorkspaceProblem::Missing); }

  void textFileIsNotAWorkspace() {
    const auto file = fresh("text");
    writeBytes(file, "name,rate\nchat,2\n");
    expectProblem(file, WorkspaceProblem::NotAWorkspace);
    QCOMPARE(readBytes(file), std::string("name,rate\nchat,2\n"));
  }

  void emptyFileIsNotAWorkspace() {
    const auto file = fresh("empty");
    writeBytes(file, "");
    expectProblem(file, WorkspaceProblem::NotAWorkspace);
    QCOMPARE(std::filesystem::file_size(file), std::uintmax_t{0});
  }

  void foreignDatabaseIsNotAWorkspace() {
    const auto file = fresh("foreign");
    rawSql(file, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('ada');");
    const std::string before = readBytes(file);
    expectProblem(file, WorkspaceProblem::NotAWorkspace);
    QCOMPARE(readBytes(file), before);
  }

  void newerVersionIsRefusedUntouched() {
    const auto file = populated();
    rawSql(file, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 7;");
    const std::string before = readBytes(file);
    expectProblem(file, WorkspaceProblem::NewerVersion);
    QCOMPARE(readBytes(file), before);
    for (const char* suffix : {"-wal", "-shm", "-journal"}) {
      auto sidecar = file;
      sidecar += suffix;
      QVERIFY2(!std::filesystem::exists(sidecar), sidecar.c_str());
    }
    try {
      Workspace::open(file);
    } catch (const WorkspaceError& e) {
      QVERIFY2(std::string(e.what()).find("version 7") != std::string::npos, e.what());
    }
  }

  void truncatedFileIsCorrupt() {
    const auto file = populated();
    rawSql(file, "PRAGMA journal_mode = DELETE;");
    const std::string bytes = readBytes(file);
    QVERIFY(bytes.size() > 8 * 4096);
    writeBytes(file, bytes.substr(0, bytes.size() / 2));
    const std::string before = readBytes(file);
    expectProblem(file, WorkspaceProblem::Corrupt);
    QCOMPARE(readBytes(file), before);
  }

  void garbagePageIsCorrupt() {
    const auto file = populated();
    rawSql(file, "PRAGMA journal_mode = DELETE;");
    std::string bytes = readBytes(file);
    const std::size_t pageSize = 4096;
    QVERIFY(bytes.size() >= 4 * pageSize);
    for (std::size_t i = 0; i < pageSize; ++i) bytes[2 * pageSize + i] = static_cast<char>((i * 151 + 7) & 0xff);
    writeBytes(file, bytes);
    expectProblem(file, WorkspaceProblem::Corrupt);
    QCOMPARE(readBytes(file), bytes);
  }

  void garbageSchemaPageIsCorrupt() {
    const auto file = populated();
    rawSql(file, "PRAGMA journal_mode = DELETE;");
    std::string bytes = readBytes(file);
    for (std::size_t i = 100; i < 4096; ++i) bytes[i] = static_cast<char>((i * 31 + 3) & 0xff);
    writeBytes(file, bytes);
    expectProblem(file, WorkspaceProblem::Corrupt);
    QCOMPARE(readBytes(file), bytes);
  }

  void migratesAVersion0File() {
    // Version 0: stamped with the application id, no tables yet (what an interrupted first save leaves).
    const auto file = fresh("v0");
    rawSql(file, "PRAGMA application_id = " + std::to_string(kWorkspaceApplicationId) + ";");
    {
      Workspace ws = Workspace::open(file);
      QCOMPARE(ws.schemaVersion(), Workspace::kSchemaVersion);
      ws.saveScenario(demoScenario());
      const RunId run = ws.beginRun("after migration", demoScenario(), std::nullopt);
      ws.appendSamples(run, windowsFrom(0, 2, 3), totalsAt(2, 3));
    }
    Workspace again = Workspace::open(file);
    QCOMPARE(again.runs().size(), std::size_t{1});
    QVERIFY(again.scenario());
  }

  // A version-1 file (runs kept their own copy of the plan, plans had no inputs) opens as the newest
  // version: its runs keep their plans, and new plans and links work.
  void migratesAVersion1File() {
    const auto file = fresh("v1");
    const json plan = {{"instances_total", 2}};
    rawSql(file, "PRAGMA application_id = " + std::to_string(kWorkspaceApplicationId) + ";" +
                     std::string(schemaMigrations()[0].sql) +
                     "INSERT INTO plans (name, created_at, document) VALUES ('old', '2026-01-01T00:00:00Z', '{}');"
                     "INSERT INTO runs (name, scenario_name, started_at, duration_s, status, scenario, plan, "
                     "owner_pid, owner_boot) VALUES ('old run', 'demo', '2026-01-01T00:00:00Z', 600, 'finished', '" +
                     scenarioToJson(demoScenario()).dump() + "', '" + plan.dump() + "', 1, 'x');"
                     "PRAGMA user_version = 1;");
    Workspace ws = Workspace::open(file);
    QCOMPARE(ws.schemaVersion(), Workspace::kSchemaVersion);
    const auto runs = ws.runs();
    QCOMPARE(runs.size(), std::size_t{1});
    const RunRecord old = ws.loadRun(runs[0].id);
    QVERIFY(old.plan);
    QCOMPARE(*old.plan, plan);
    QVERIFY(!old.summary.planId);
    QVERIFY(ws.loadPlanInputs(ws.plans().front().id).is_null());
    const PlanId id = ws.savePlan("new", plan, json{{"k", 1}});
    QCOMPARE(ws.loadRun(ws.beginRun("new run", demoScenario(), id)).summary.planId, std::optional<PlanId>(id));
  }

  void failedMigrationLeavesTheFileAsItWas() {
    // A version-0 file that already has a table the migration creates: the migration fails as a whole.
    const auto file = fresh("v0-bad");
    rawSql(file, "PRAGMA application_id = " + std::to_string(kWorkspaceApplicationId) +
                     "; CREATE TABLE runs (x INTEGER);");
    const std::string before = readBytes(file);
    expectProblem(file, WorkspaceProblem::Corrupt);
    QCOMPARE(readBytes(file), before);
  }

  void migrationsAreOrdered() {
    const auto migrations = schemaMigrations();
    QVERIFY(!migrations.empty());
    for (std::size_t i = 0; i < migrations.size(); ++i) QCOMPARE(migrations[i].toVersion, static_cast<int>(i) + 1);
    QCOMPARE(migrations.back().toVersion, Workspace::kSchemaVersion);
  }

  void walStaysBoundedOverALongRun() {
    // Every save must leave no statement open, or the WAL can never restart and grows without bound.
    const auto file = fresh();
    Workspace ws = Workspace::create(file);
    const RunId run = ws.beginRun("long", demoScenario(), std::nullopt);
    for (int second = 0; second < 1200; ++second) {
      ws.appendSamples(run, windowsFrom(second, 1, 8), totalsAt(second + 1, 8));
    }
    auto wal = file;
    wal += "-wal";
    const auto walBytes = std::filesystem::file_size(wal);
    QVERIFY2(walBytes < 6u * 1024 * 1024, std::to_string(walBytes).c_str());
    QCOMPARE(ws.loadRun(run).totals.series->size(), std::size_t{1200});
  }

  void usesWalAndForeignKeys() {
    const auto file = fresh();
    Workspace ws = Workspace::create(file);
    const RunId run = ws.beginRun("wal", demoScenario(), std::nullopt);
    ws.appendSamples(run, windowsFrom(0, 3, 3), totalsAt(3, 3));
    auto wal = file;
    wal += "-wal";
    QVERIFY(std::filesystem::exists(wal));
    ws.deleteRun(run);
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open_v2(file.string().c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    QCOMPARE(sqlite3_prepare_v2(db, "SELECT count(*) FROM run_windows", -1, &statement, nullptr), SQLITE_OK);
    QCOMPARE(sqlite3_step(statement), SQLITE_ROW);
    const int left = sqlite3_column_int(statement, 0);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    QCOMPARE(left, 0);
  }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
