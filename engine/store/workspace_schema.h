#pragma once

#include <cstdint>
#include <span>
#include <string_view>

struct sqlite3;

namespace headroom::engine {

// PRAGMA application_id of every Headroom workspace ("Hdrm"); a SQLite file without it is not one.
inline constexpr std::int32_t kWorkspaceApplicationId = 0x4864726D;

// One step of the workspace schema: the SQL that turns version toVersion - 1 into toVersion.
struct SchemaMigration {
  int toVersion;
  std::string_view sql;
};

// Every migration in order; the last one's toVersion is Workspace::kSchemaVersion. Version 0 is a file
// stamped with the application id and nothing else.
std::span<const SchemaMigration> schemaMigrations();

// Brings a workspace from `fromVersion` to the newest schema in one transaction (all or nothing),
// recording the version in PRAGMA user_version and the meta table. Throws SqliteFailure.
void migrateWorkspace(sqlite3* db, int fromVersion);

}  // namespace headroom::engine
