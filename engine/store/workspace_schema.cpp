#include "engine/store/workspace_schema.h"

#include <array>
#include <string>

#include "engine/store/sqlite_statement.h"

#ifndef HEADROOM_VERSION
#define HEADROOM_VERSION "0"
#endif

namespace headroom::engine {

namespace {

// Version 1: the current scenario (one row), plans, runs with their totals and time-series windows.
// Runs and plans never reuse an id (AUTOINCREMENT) so a report naming a run id stays unambiguous.
// A run records the process that writes it (owner_pid, owner_boot) so that opening the file can tell a
// run whose writer died from one still being written by a live process.
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE scenario (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  document TEXT NOT NULL,
  saved_at TEXT NOT NULL
);
CREATE TABLE plans (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  document TEXT NOT NULL
);
CREATE TABLE runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  scenario_name TEXT NOT NULL,
  started_at TEXT NOT NULL,
  duration_s REAL NOT NULL,
  simulated_s REAL NOT NULL DEFAULT 0,
  status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'stopped', 'failed', 'interrupted')),
  scenario TEXT NOT NULL,
  plan TEXT,
  totals TEXT,
  owner_pid INTEGER NOT NULL,
  owner_boot TEXT NOT NULL
);
CREATE INDEX runs_by_status ON runs (status);
CREATE TABLE run_windows (
  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  start_us INTEGER NOT NULL,
  end_us INTEGER NOT NULL,
  classes TEXT NOT NULL,
  PRIMARY KEY (run_id, seq)
) WITHOUT ROWID;
)sql";

// Version 2: a plan keeps the inputs it was computed from (the scenario planned and the instance modes
// offered), and a run links the stored plan applied to its pool. Runs of version 1 keep their copy of
// the plan in runs.plan; loading a run reads plan_id first.
constexpr std::string_view kVersion2 = R"sql(
ALTER TABLE plans ADD COLUMN inputs TEXT;
ALTER TABLE runs ADD COLUMN plan_id INTEGER REFERENCES plans (id) ON DELETE SET NULL;
CREATE INDEX runs_by_plan ON runs (plan_id);
)sql";

constexpr std::array kMigrations{SchemaMigration{1, kVersion1}, SchemaMigration{2, kVersion2}};

}  // namespace

std::span<const SchemaMigration> schemaMigrations() { return kMigrations; }

void migrateWorkspace(sqlite3* db, int fromVersion) {
  SqliteTransaction transaction(db);
  int version = fromVersion;
  for (const SchemaMigration& migration : kMigrations) {
    if (migration.toVersion <= fromVersion) continue;
    sqliteExecute(db, migration.sql);
    version = migration.toVersion;
  }
  SqliteStatement meta(db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)");
  meta.bind(1, std::string_view("schema_version")).bind(2, std::string_view(std::to_string(version))).run();
  meta.reset();
  meta.bind(1, std::string_view("written_by")).bind(2, std::string_view("Headroom " HEADROOM_VERSION)).run();
  sqliteExecute(db, "PRAGMA application_id = " + std::to_string(kWorkspaceApplicationId));
  sqliteExecute(db, "PRAGMA user_version = " + std::to_string(version));
  transaction.commit();
}

}  // namespace headroom::engine
