#pragma once

#include "engine/store/run_record.h"

#include <filesystem>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

struct sqlite3;

namespace headroom::engine {

// Why a file could not be used as a workspace. The file is never modified when one is thrown.
enum class WorkspaceProblem : std::uint8_t {
  Missing,        // no such file
  NotAWorkspace,  // a readable file that is not a Headroom workspace (another SQLite database, text, ...)
  NewerVersion,   // written by a newer Headroom (schema version above kSchemaVersion)
  Corrupt,        // a workspace whose database fails its integrity check or cannot be read
  Io,             // cannot create, write or lock the file
};

std::string_view toString(WorkspaceProblem problem);

// A workspace error names the file and says what is wrong and what would be accepted.
class WorkspaceError : public std::runtime_error {
 public:
  WorkspaceError(std::filesystem::path file, WorkspaceProblem problem, const std::string& detail);
  const std::filesystem::path& file() const { return file_; }
  WorkspaceProblem problem() const { return problem_; }

 private:
  std::filesystem::path file_;
  WorkspaceProblem problem_;
};

struct PlanSummary {
  PlanId id = 0;
  std::string name;
  std::string createdAtUtc;  // ISO 8601
};

// One Headroom workspace: a single SQLite file (WAL journal) holding the current scenario (classes,
// workload, pool and scheduler settings), plans, and runs with their time series. The schema is
// versioned; opening an older file migrates it inside one transaction; every write is one transaction.
// One Workspace is one connection: use it from one thread at a time. Several Workspace objects may
// open the same file (e.g. a recorder thread writing samples while the UI reads the run list).
class Workspace {
 public:
  static constexpr int kSchemaVersion = 2;

  // Creates a new, empty workspace at `file` (replacing nothing: throws Io when the file exists).
  static Workspace create(const std::filesystem::path& file);
  // Opens an existing workspace; throws WorkspaceError (Missing, NotAWorkspace, NewerVersion, Corrupt).
  // Runs left Running by a process that died are marked Interrupted.
  static Workspace open(const std::filesystem::path& file);

  Workspace(Workspace&&) noexcept;
  Workspace& operator=(Workspace&&) noexcept;
  ~Workspace();

  const std::filesystem::path& file() const { return file_; }
  int schemaVersion() const;

  // Writes a consistent copy to `file` (which must not exist) and switches this object to it.
  void saveAs(const std::filesystem::path& file);

  // The workspace's current setup; empty for a new workspace.
  std::optional<Scenario> scenario() const;
  void saveScenario(const Scenario& scenario);

  // Stores a plan (the solver's plan JSON) with the inputs it was computed from (e.g. the scenario
  // planned and the instance modes offered; any JSON, null when unknown). Plans are never replaced.
  PlanId savePlan(const std::string& name, const nlohmann::json& plan, const nlohmann::json& inputs = nullptr);
  std::vector<PlanSummary> plans() const;  // newest first
  // Both throw std::out_of_range for an unknown id; the inputs are null for a plan stored without them.
  nlohmann::json loadPlan(PlanId id) const;
  nlohmann::json loadPlanInputs(PlanId id) const;

  // Starts a run with the settings it runs with; `plan` is the stored plan applied to the pool, if any
  // (throws std::out_of_range for an unknown plan id).
  RunId beginRun(const std::string& name, const Scenario& scenario, std::optional<PlanId> plan);
  // Saves the windows closed since the last call and the current totals, in one transaction.
  void appendSamples(RunId run, std::span<const SeriesWindow> windows, const Snapshot& totals);
  void finishRun(RunId run, RunStatus status);
  std::vector<RunSummary> runs() const;  // newest first
  RunRecord loadRun(RunId run) const;    // throws std::out_of_range for an unknown id
  void renameRun(RunId run, const std::string& name);
  void deleteRun(RunId run);

 private:
  Workspace(std::filesystem::path file, sqlite3* db);
  std::filesystem::path file_;
  sqlite3* db_ = nullptr;
};

}  // namespace headroom::engine
