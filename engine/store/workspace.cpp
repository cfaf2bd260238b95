#include "engine/store/workspace.h"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <system_error>
#include <utility>

#include "engine/store/process_identity.h"
#include "engine/store/run_samples_json.h"
#include "engine/store/sqlite_statement.h"
#include "engine/store/workspace_schema.h"
#include "engine/workload/scenario_json.h"

namespace headroom::engine {

namespace {

constexpr int kBusyTimeoutMs = 10'000;
constexpr std::string_view kSqliteMagic{"SQLite format 3\0", 16};

using nlohmann::json;

// Closes a connection that has not (yet) been handed to a Workspace.
struct ConnectionCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Connection = std::unique_ptr<sqlite3, ConnectionCloser>;

std::string utcNow() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm parts{};
#if defined(_WIN32)
  gmtime_s(&parts, &now);
#else
  gmtime_r(&now, &parts);
#endif
  std::array<char, 32> text{};
  std::strftime(text.data(), text.size(), "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text.data();
}

std::string hex(std::int64_t value) {
  std::ostringstream out;
  out << "0x" << std::hex << static_cast<std::uint32_t>(value);
  return out.str();
}

std::string sqliteMessage(sqlite3* db, int code) {
  return db ? std::string(sqlite3_errmsg(db)) : std::string(sqlite3_errstr(code));
}

Connection openConnection(const std::filesystem::path& file, int flags) {
  sqlite3* raw = nullptr;
  const int code = sqlite3_open_v2(file.string().c_str(), &raw, flags, nullptr);
  Connection db(raw);
  if (code != SQLITE_OK) throw SqliteFailure(code, sqliteMessage(raw, code));
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);
  return db;
}

[[noreturn]] void corrupt(const std::filesystem::path& file, const std::string& why) {
  throw WorkspaceError(file, WorkspaceProblem::Corrupt,
                       "the workspace is damaged (" + why + "); restore it from a copy or create a new one");
}

// The integrity check's first problem on one line, without its "*** in database main ***" heading.
std::string checkProblem(std::string text) {
  constexpr std::string_view kHeading = "*** in database main ***";
  if (text.starts_with(kHeading)) text.erase(0, kHeading.size());
  std::replace(text.begin(), text.end(), '\n', ' ');
  const auto first = text.find_first_not_of(' ');
  return first == std::string::npos ? std::string("unknown problem") : text.substr(first);
}

// Decides from a read-only look whether `file` is a workspace this build can open; throws the reason
// when not. Nothing is written to the file.
void classify(const std::filesystem::path& file) {
  std::error_code error;
  const auto status = std::filesystem::status(file, error);
  if (!std::filesystem::exists(status)) {
    throw WorkspaceError(file, WorkspaceProblem::Missing,
                         "no such file; open an existing Headroom workspace or create one with File > New");
  }
  if (!std::filesystem::is_regular_file(status)) {
    throw WorkspaceError(file, WorkspaceProblem::NotAWorkspace,
                         "not a Headroom workspace: not a regular file (a workspace is one SQLite file)");
  }
  std::array<char, 16> header{};
  {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw WorkspaceError(file, WorkspaceProblem::Io, "cannot read the file (check its permissions)");
    in.read(header.data(), header.size());
    if (in.gcount() != static_cast<std::streamsize>(header.size()) ||
        std::string_view(header.data(), header.size()) != kSqliteMagic) {
      throw WorkspaceError(file, WorkspaceProblem::NotAWorkspace,
                           "not a Headroom workspace: the file is not an SQLite database (a workspace is an "
                           "SQLite file made by Headroom with File > New)");
    }
  }
  Connection db;
  try {
    db = openConnection(file, SQLITE_OPEN_READONLY);
    const std::int64_t applicationId = sqliteQueryInt(db.get(), "PRAGMA application_id");
    if (applicationId != kWorkspaceApplicationId) {
      throw WorkspaceError(file, WorkspaceProblem::NotAWorkspace,
                           "not a Headroom workspace: an SQLite database of another application (application "
                           "id " + hex(applicationId) + ", a workspace has " + hex(kWorkspaceApplicationId) +
                               ")");
    }
    const std::int64_t version = sqliteQueryInt(db.get(), "PRAGMA user_version");
    if (version > Workspace::kSchemaVersion) {
      throw WorkspaceError(file, WorkspaceProblem::NewerVersion,
                           "written by a newer Headroom (workspace schema version " + std::to_string(version) +
                               "; this Headroom reads versions up to " +
                               std::to_string(Workspace::kSchemaVersion) + "); open it with a newer Headroom");
    }
    if (version < 0) corrupt(file, "negative schema version " + std::to_string(version));
    SqliteStatement check(db.get(), "PRAGMA quick_check(1)");
    if (check.step() && check.text(0) != "ok") corrupt(file, "integrity check: " + checkProblem(check.text(0)));
  } catch (const SqliteFailure& failure) {
    if (failure.corrupt()) corrupt(file, failure.what());
    throw WorkspaceError(file, WorkspaceProblem::Io, std::string("cannot read the workspace: ") + failure.what());
  }
}

// Marks Running runs whose writer is gone as Interrupted.
void markInterruptedRuns(sqlite3* db) {
  std::vector<RunId> interrupted;
  {
    SqliteStatement running(db, "SELECT id, owner_pid, owner_boot FROM runs WHERE status = 'running'");
    while (running.step()) {
      const ProcessIdentity owner{running.int64(1), running.text(2)};
      if (!owner.alive()) interrupted.push_back(running.int64(0));
    }
  }
  if (interrupted.empty()) return;
  SqliteTransaction transaction(db);
  SqliteStatement mark(db, "UPDATE runs SET status = 'interrupted' WHERE id = ?1 AND status = 'running'");
  for (RunId id : interrupted) {
    mark.bind(1, id).run();
    mark.reset();
  }
  transaction.commit();
}

std::filesystem::path partialPath(const std::filesystem::path& file) {
  auto partial = file;
  partial += ".partial-" + std::to_string(ProcessIdentity::current().pid);
  return partial;
}

void removeDatabaseFiles(const std::filesystem::path& file) {
  std::error_code ignored;
  for (const char* suffix : {"", "-journal", "-wal", "-shm"}) {
    auto path = file;
    path += suffix;
    std::filesystem::remove(path, ignored);
  }
}

// Refuses an existing target, then moves the finished partial file into place.
void requireAbsent(const std::filesystem::path& file, std::string_view action) {
  std::error_code error;
  if (std::filesystem::exists(file, error)) {
    throw WorkspaceError(file, WorkspaceProblem::Io,
                         std::string("cannot ") + std::string(action) +
                             ": the file already exists (choose a new name; a workspace is never replaced)");
  }
  const auto folder = file.has_parent_path() ? file.parent_path() : std::filesystem::current_path(error);
  if (!std::filesystem::is_directory(folder, error)) {
    throw WorkspaceError(file, WorkspaceProblem::Io,
                         std::string("cannot ") + std::string(action) + ": no such folder " + folder.string());
  }
}

void moveIntoPlace(const std::filesystem::path& partial, const std::filesystem::path& file,
                   std::string_view action) {
  std::error_code error;
  if (std::filesystem::exists(file, error)) {
    removeDatabaseFiles(partial);
    requireAbsent(file, action);
  }
  std::filesystem::rename(partial, file, error);
  if (error) {
    removeDatabaseFiles(partial);
    throw WorkspaceError(file, WorkspaceProblem::Io, std::string("cannot ") + std::string(action) + ": " +
                                                         error.message());
  }
}

Scenario storedScenario(const std::string& text, const std::filesystem::path& origin) {
  return scenarioFromJson(json::parse(text), origin, TraceFileCheck::Skipped);
}

}  // namespace

std::string_view toString(WorkspaceProblem problem) {
  switch (problem) {
    case WorkspaceProblem::Missing: return "missing";
    case WorkspaceProblem::NotAWorkspace: return "not a workspace";
    case WorkspaceProblem::NewerVersion: return "newer version";
    case WorkspaceProblem::Corrupt: return "corrupt";
    case WorkspaceProblem::Io: return "i/o";
  }
  return "i/o";
}

WorkspaceError::WorkspaceError(std::filesystem::path file, WorkspaceProblem problem, const std::string& detail)
    : std::runtime_error(file.string() + ": " + detail), file_(std::move(file)), problem_(problem) {}

Workspace::Workspace(std::filesystem::path file, sqlite3* db) : file_(std::move(file)), db_(db) {}

Workspace::Workspace(Workspace&& other) noexcept
    : file_(std::move(other.file_)), db_(std::exchange(other.db_, nullptr)) {}

Workspace& Workspace::operator=(Workspace&& other) noexcept {
  if (this != &other) {
    if (db_) sqlite3_close_v2(db_);
    file_ = std::move(other.file_);
    db_ = std::exchange(other.db_, nullptr);
  }
  return *this;
}

Workspace::~Workspace() {
  if (db_) sqlite3_close_v2(db_);
}

Workspace Workspace::create(const std::filesystem::path& file) {
  requireAbsent(file, "create the workspace");
  const auto partial = partialPath(file);
  removeDatabaseFiles(partial);
  try {
    Connection db = openConnection(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    sqliteExecute(db.get(), "PRAGMA foreign_keys = ON");
    migrateWorkspace(db.get(), 0);
  } catch (const SqliteFailure& failure) {
    removeDatabaseFiles(partial);
    throw WorkspaceError(file, WorkspaceProblem::Io, std::string("cannot create the workspace: ") + failure.what());
  }
  moveIntoPlace(partial, file, "create the workspace");
  return open(file);
}

Workspace Workspace::open(const std::filesystem::path& file) {
  classify(file);
  try {
    Connection db = openConnection(file, SQLITE_OPEN_READWRITE);
    if (sqlite3_db_readonly(db.get(), "main") == 1) {
      throw WorkspaceError(file, WorkspaceProblem::Io,
                           "cannot open the workspace for writing: the file is read-only (check its permissions)");
    }
    sqliteExecute(db.get(), "PRAGMA foreign_keys = ON");
    const auto version = static_cast<int>(sqliteQueryInt(db.get(), "PRAGMA user_version"));
    if (version < kSchemaVersion) {
      try {
        migrateWorkspace(db.get(), version);
      } catch (const SqliteFailure& failure) {
        if (!failure.corrupt() && (failure.code() & 0xff) != SQLITE_ERROR) throw;
        corrupt(file, "cannot upgrade it from schema version " + std::to_string(version) + ": " + failure.what());
      }
    }
    sqliteExecute(db.get(), "PRAGMA journal_mode = WAL");
    // WAL with NORMAL keeps every commit across a process crash (kill -9); only a power loss may drop
    // the last commits, never corrupt the file. FULL would sync each save to disk.
    sqliteExecute(db.get(), "PRAGMA synchronous = NORMAL");
    markInterruptedRuns(db.get());
    return Workspace(file, db.release());
  } catch (const SqliteFailure& failure) {
    if (failure.corrupt()) corrupt(file, failure.what());
    throw WorkspaceError(file, WorkspaceProblem::Io,
                         std::string("cannot open the workspace for writing: ") + failure.what());
  }
}

int Workspace::schemaVersion() const { return static_cast<int>(sqliteQueryInt(db_, "PRAGMA user_version")); }

void Workspace::saveAs(const std::filesystem::path& file) {
  requireAbsent(file, "save the workspace");
  const auto partial = partialPath(file);
  removeDatabaseFiles(partial);
  try {
    Connection copy = openConnection(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    sqlite3_backup* backup = sqlite3_backup_init(copy.get(), "main", db_, "main");
    if (!backup) throw SqliteFailure(sqlite3_errcode(copy.get()), sqlite3_errmsg(copy.get()));
    const int stepped = sqlite3_backup_step(backup, -1);
    const int finished = sqlite3_backup_finish(backup);
    if (stepped != SQLITE_DONE) throw SqliteFailure(stepped, sqlite3_errstr(stepped));
    if (finished != SQLITE_OK) throw SqliteFailure(finished, sqlite3_errmsg(copy.get()));
    // Nobody writes the copy's runs: one still being recorded here is a snapshot in the copy.
    sqliteExecute(copy.get(), "PRAGMA journal_mode = DELETE");
    sqliteExecute(copy.get(), "UPDATE runs SET status = 'interrupted' WHERE status = 'running'");
  } catch (const SqliteFailure& failure) {
    removeDatabaseFiles(partial);
    throw WorkspaceError(file, WorkspaceProblem::Io, std::string("cannot save the workspace: ") + failure.what());
  }
  moveIntoPlace(partial, file, "save the workspace");
  *this = open(file);
}

namespace {

// Runs `body`, turning SQLite failures into WorkspaceError naming the file.
template <typename Body>
auto guarded(const std::filesystem::path& file, std::string_view action, Body&& body) {
  try {
    return body();
  } catch (const SqliteFailure& failure) {
    throw WorkspaceError(file, failure.corrupt() ? WorkspaceProblem::Corrupt : WorkspaceProblem::Io,
                         "cannot " + std::string(action) + ": " + failure.what());
  } catch (const json::exception& failure) {
    throw WorkspaceError(file, WorkspaceProblem::Corrupt,
                         "cannot " + std::string(action) + ": a stored document is damaged (" + failure.what() +
                             ")");
  }
}

RunSummary summaryFrom(const SqliteStatement& row) {
  RunSummary summary;
  summary.id = row.int64(0);
  summary.name = row.text(1);
  summary.scenarioName = row.text(2);
  summary.startedAtUtc = row.text(3);
  summary.simulatedS = row.real(4);
  summary.durationS = row.real(5);
  summary.status = runStatusFromString(row.text(6)).value_or(RunStatus::Failed);
  summary.instances = row.isNull(7) ? 0 : static_cast<std::int32_t>(row.int64(7));
  summary.policy = row.isNull(8) ? std::string() : row.text(8);
  const std::int64_t completed = row.isNull(10) ? 0 : row.int64(10);
  if (completed > 0 && !row.isNull(9)) summary.attainment = static_cast<double>(row.int64(9)) / static_cast<double>(completed);
  if (!row.isNull(11)) summary.planId = row.int64(11);
  return summary;
}

// The run list's columns; the settings and totals it shows are read from the stored documents by
// SQLite's JSON functions, so listing needs no document parsed here.
constexpr std::string_view kSummaryColumns =
    "id, name, scenario_name, started_at, simulated_s, duration_s, status, "
    "json_extract(scenario, '$.pool.instances'), json_extract(scenario, '$.scheduler.policy'), "
    "json_extract(totals, '$.slo_met'), json_extract(totals, '$.completed'), plan_id";
constexpr int kSummaryColumnCount = 12;

[[noreturn]] void unknownRun(RunId run) {
  throw std::out_of_range("no run with id " + std::to_string(run) + " in this workspace");
}

}  // namespace

std::optional<Scenario> Workspace::scenario() const {
  return guarded(file_, "read the scenario", [&]() -> std::optional<Scenario> {
    SqliteStatement query(db_, "SELECT document FROM scenario WHERE id = 1");
    if (!query.step()) return std::nullopt;
    return storedScenario(query.text(0), file_);
  });
}

void Workspace::saveScenario(const Scenario& scenario) {
  const json document = scenarioToJson(scenario);
  scenarioFromJson(document, scenario.file, TraceFileCheck::Skipped);
  guarded(file_, "save the scenario", [&] {
    SqliteTransaction transaction(db_);
    SqliteStatement upsert(db_,
                           "INSERT INTO scenario (id, document, saved_at) VALUES (1, ?1, ?2) "
                           "ON CONFLICT (id) DO UPDATE SET document = excluded.document, saved_at = excluded.saved_at");
    upsert.bind(1, std::string_view(document.dump())).bind(2, std::string_view(utcNow())).run();
    transaction.commit();
  });
}

PlanId Workspace::savePlan(const std::string& name, const json& plan, const json& inputs) {
  return guarded(file_, "save the plan", [&] {
    SqliteTransaction transaction(db_);
    SqliteStatement insert(db_, "INSERT INTO plans (name, created_at, document, inputs) VALUES (?1, ?2, ?3, ?4)");
    insert.bind(1, std::string_view(name))
        .bind(2, std::string_view(utcNow()))
        .bind(3, std::string_view(plan.dump()))
        .bind(4, inputs.is_null() ? std::nullopt : std::optional<std::string>(inputs.dump()));
    insert.run();
    const PlanId id = sqlite3_last_insert_rowid(db_);
    transaction.commit();
    return id;
  });
}

std::vector<PlanSummary> Workspace::plans() const {
  return guarded(file_, "list the plans", [&] {
    std::vector<PlanSummary> result;
    SqliteStatement query(db_, "SELECT id, name, created_at FROM plans ORDER BY id DESC");
    while (query.step()) result.push_back({query.int64(0), query.text(1), query.text(2)});
    return result;
  });
}

namespace {

[[noreturn]] void unknownPlan(PlanId id) {
  throw std::out_of_range("no plan with id " + std::to_string(id) + " in this workspace");
}

}  // namespace

json Workspace::loadPlan(PlanId id) const {
  return guarded(file_, "read the plan", [&] {
    SqliteStatement query(db_, "SELECT document FROM plans WHERE id = ?1");
    query.bind(1, id);
    if (!query.step()) unknownPlan(id);
    return json::parse(query.text(0));
  });
}

json Workspace::loadPlanInputs(PlanId id) const {
  return guarded(file_, "read the plan's inputs", [&] {
    SqliteStatement query(db_, "SELECT inputs FROM plans WHERE id = ?1");
    query.bind(1, id);
    if (!query.step()) unknownPlan(id);
    return query.isNull(0) ? json(nullptr) : json::parse(query.text(0));
  });
}

RunId Workspace::beginRun(const std::string& name, const Scenario& scenario, std::optional<PlanId> plan) {
  const std::string scenarioText = scenarioToJson(scenario).dump();
  const ProcessIdentity owner = ProcessIdentity::current();
  return guarded(file_, "start a run", [&] {
    SqliteTransaction transaction(db_);
    if (plan) {
      SqliteStatement known(db_, "SELECT count(*) FROM plans WHERE id = ?1");
      known.bind(1, *plan);
      known.step();
      if (known.int64(0) == 0) unknownPlan(*plan);
    }
    SqliteStatement insert(db_,
                           "INSERT INTO runs (name, scenario_name, started_at, duration_s, simulated_s, status, "
                           "scenario, plan_id, owner_pid, owner_boot) "
                           "VALUES (?1, ?2, ?3, ?4, 0, 'running', ?5, ?6, ?7, ?8)");
    insert.bind(1, std::string_view(name))
        .bind(2, std::string_view(scenario.name))
        .bind(3, std::string_view(utcNow()))
        .bind(4, scenario.durationS)
        .bind(5, std::string_view(scenarioText))
        .bind(6, std::optional<std::int64_t>(plan))
        .bind(7, owner.pid)
        .bind(8, std::string_view(owner.boot));
    insert.run();
    const RunId id = sqlite3_last_insert_rowid(db_);
    transaction.commit();
    return id;
  });
}

void Workspace::appendSamples(RunId run, std::span<const SeriesWindow> windows, const Snapshot& totals) {
  const std::string totalsText = totalsToJson(totals).dump();
  guarded(file_, "save the run's samples", [&] {
    SqliteTransaction transaction(db_);
    std::int64_t seq = 0;
    {
      SqliteStatement next(db_,
                           "SELECT (SELECT count(*) FROM runs WHERE id = ?1), "
                           "(SELECT coalesce(max(seq) + 1, 0) FROM run_windows WHERE run_id = ?1)");
      next.bind(1, run);
      next.step();
      if (next.int64(0) == 0) unknownRun(run);
      seq = next.int64(1);
    }
    SqliteStatement insert(db_,
                           "INSERT INTO run_windows (run_id, seq, start_us, end_us, classes) "
                           "VALUES (?1, ?2, ?3, ?4, ?5)");
    for (const SeriesWindow& window : windows) {
      insert.bind(1, run)
          .bind(2, seq++)
          .bind(3, static_cast<std::int64_t>(window.start.time_since_epoch().count()))
          .bind(4, static_cast<std::int64_t>(window.end.time_since_epoch().count()))
          .bind(5, std::string_view(windowClassesToJson(window.classes).dump()));
      insert.run();
      insert.reset();
    }
    SqliteStatement update(db_, "UPDATE runs SET totals = ?2, simulated_s = ?3 WHERE id = ?1");
    update.bind(1, run).bind(2, std::string_view(totalsText)).bind(3, toSeconds(totals.time)).run();
    transaction.commit();
  });
}

void Workspace::finishRun(RunId run, RunStatus status) {
  guarded(file_, "finish the run", [&] {
    SqliteTransaction transaction(db_);
    SqliteStatement update(db_, "UPDATE runs SET status = ?2 WHERE id = ?1");
    update.bind(1, run).bind(2, toString(status)).run();
    if (sqlite3_changes(db_) == 0) unknownRun(run);
    transaction.commit();
  });
}

std::vector<RunSummary> Workspace::runs() const {
  return guarded(file_, "list the runs", [&] {
    std::vector<RunSummary> result;
    SqliteStatement query(db_, "SELECT " + std::string(kSummaryColumns) + " FROM runs ORDER BY id DESC");
    while (query.step()) result.push_back(summaryFrom(query));
    return result;
  });
}

RunRecord Workspace::loadRun(RunId run) const {
  return guarded(file_, "read the run", [&] {
    RunRecord record;
    {
      // A run of schema version 1 kept its own copy of the plan; later runs link the stored plan.
      SqliteStatement query(db_, "SELECT " + std::string(kSummaryColumns) +
                                     ", scenario, coalesce((SELECT document FROM plans WHERE plans.id = runs.plan_id), "
                                     "plan), totals FROM runs WHERE id = ?1");
      query.bind(1, run);
      if (!query.step()) unknownRun(run);
      record.summary = summaryFrom(query);
      constexpr int kScenario = kSummaryColumnCount;
      record.scenario = storedScenario(query.text(kScenario), file_);
      if (!query.isNull(kScenario + 1)) record.plan = json::parse(query.text(kScenario + 1));
      if (!query.isNull(kScenario + 2)) record.totals = totalsFromJson(json::parse(query.text(kScenario + 2)));
    }
    auto series = std::make_shared<MetricsSeries>();
    SqliteStatement windows(db_,
                            "SELECT start_us, end_us, classes FROM run_windows WHERE run_id = ?1 ORDER BY seq");
    windows.bind(1, run);
    while (windows.step()) {
      SeriesWindow window;
      window.start = TimePoint{Duration{windows.int64(0)}};
      window.end = TimePoint{Duration{windows.int64(1)}};
      window.classes = windowClassesFromJson(json::parse(windows.text(2)));
      series->push_back(std::move(window));
    }
    record.totals.series = std::move(series);
    return record;
  });
}

void Workspace::renameRun(RunId run, const std::string& name) {
  guarded(file_, "rename the run", [&] {
    SqliteTransaction transaction(db_);
    SqliteStatement update(db_, "UPDATE runs SET name = ?2 WHERE id = ?1");
    update.bind(1, run).bind(2, std::string_view(name)).run();
    if (sqlite3_changes(db_) == 0) unknownRun(run);
    transaction.commit();
  });
}

void Workspace::deleteRun(RunId run) {
  guarded(file_, "delete the run", [&] {
    SqliteTransaction transaction(db_);
    SqliteStatement remove(db_, "DELETE FROM runs WHERE id = ?1");
    remove.bind(1, run).run();
    if (sqlite3_changes(db_) == 0) unknownRun(run);
    transaction.commit();
  });
}

}  // namespace headroom::engine
