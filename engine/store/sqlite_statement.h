#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace headroom::engine {

// A failed SQLite call: the result code (SQLITE_BUSY, SQLITE_CORRUPT, ...) and SQLite's message.
class SqliteFailure : public std::runtime_error {
 public:
  SqliteFailure(int code, const std::string& message);
  int code() const { return code_; }
  // True for the codes that mean the file's content is damaged or not a database.
  bool corrupt() const;

 private:
  int code_;
};

// One prepared statement, finalized on destruction. Bind indexes start at 1, column indexes at 0.
// Not thread-safe: use it on the thread that owns its connection.
class SqliteStatement {
 public:
  SqliteStatement(sqlite3* db, std::string_view sql);
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  SqliteStatement& bind(int index, std::int64_t value);
  SqliteStatement& bind(int index, double value);
  SqliteStatement& bind(int index, std::string_view text);
  SqliteStatement& bind(int index, const std::optional<std::string>& text);  // NULL when empty
  SqliteStatement& bind(int index, const std::optional<std::int64_t>& value);  // NULL when empty

  // Advances to the next row: true while a row is ready, false when the statement is done.
  bool step();
  // Steps to completion (for statements that return no rows).
  void run();
  // Clears the bindings' use so the statement can run again with new values.
  void reset();

  bool isNull(int column) const;
  std::int64_t int64(int column) const;
  double real(int column) const;
  std::string text(int column) const;

 private:
  [[noreturn]] void fail(int code) const;
  sqlite3* db_;
  sqlite3_stmt* statement_ = nullptr;
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit() ran.
class SqliteTransaction {
 public:
  explicit SqliteTransaction(sqlite3* db);
  ~SqliteTransaction();
  SqliteTransaction(const SqliteTransaction&) = delete;
  SqliteTransaction& operator=(const SqliteTransaction&) = delete;
  void commit();

 private:
  sqlite3* db_;
  bool open_ = true;
};

// Runs one or more statements without results; throws SqliteFailure.
void sqliteExecute(sqlite3* db, std::string_view sql);
// The integer result of a one-row query such as "PRAGMA user_version".
std::int64_t sqliteQueryInt(sqlite3* db, std::string_view sql);

}  // namespace headroom::engine
