#include "engine/store/sqlite_statement.h"

#include <sqlite3.h>

#include <string>

namespace headroom::engine {

SqliteFailure::SqliteFailure(int code, const std::string& message) : std::runtime_error(message), code_(code) {}

bool SqliteFailure::corrupt() const {
  const int primary = code_ & 0xff;
  return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB || primary == SQLITE_FORMAT;
}

SqliteStatement::SqliteStatement(sqlite3* db, std::string_view sql) : db_(db) {
  const int code = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &statement_, nullptr);
  if (code != SQLITE_OK) fail(code);
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(statement_); }

void SqliteStatement::fail(int code) const {
  throw SqliteFailure(sqlite3_extended_errcode(db_) ? sqlite3_extended_errcode(db_) : code,
                      std::string(sqlite3_errmsg(db_)));
}

SqliteStatement& SqliteStatement::bind(int index, std::int64_t value) {
  if (const int code = sqlite3_bind_int64(statement_, index, value); code != SQLITE_OK) fail(code);
  return *this;
}

SqliteStatement& SqliteStatement::bind(int index, double value) {
  if (const int code = sqlite3_bind_double(statement_, index, value); code != SQLITE_OK) fail(code);
  return *this;
}

SqliteStatement& SqliteStatement::bind(int index, std::string_view text) {
  const int code =
      sqlite3_bind_text64(statement_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (code != SQLITE_OK) fail(code);
  return *this;
}

SqliteStatement& SqliteStatement::bind(int index, const std::optional<std::string>& text) {
  if (text) return bind(index, std::string_view(*text));
  if (const int code = sqlite3_bind_null(statement_, index); code != SQLITE_OK) fail(code);
  return *this;
}

SqliteStatement& SqliteStatement::bind(int index, const std::optional<std::int64_t>& value) {
  if (value) return bind(index, *value);
  if (const int code = sqlite3_bind_null(statement_, index); code != SQLITE_OK) fail(code);
  return *this;
}

bool SqliteStatement::step() {
  const int code = sqlite3_step(statement_);
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  fail(code);
}

void SqliteStatement::run() {
  while (step()) {
  }
}

void SqliteStatement::reset() {
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
}

bool SqliteStatement::isNull(int column) const { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }

std::int64_t SqliteStatement::int64(int column) const { return sqlite3_column_int64(statement_, column); }

double SqliteStatement::real(int column) const { return sqlite3_column_double(statement_, column); }

std::string SqliteStatement::text(int column) const {
  const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
  return bytes ? std::string(bytes, static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)))
               : std::string();
}

SqliteTransaction::SqliteTransaction(sqlite3* db) : db_(db) { sqliteExecute(db_, "BEGIN IMMEDIATE"); }

SqliteTransaction::~SqliteTransaction() {
  if (open_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

void SqliteTransaction::commit() {
  sqliteExecute(db_, "COMMIT");
  open_ = false;
}

void sqliteExecute(sqlite3* db, std::string_view sql) {
  const std::string text(sql);
  char* message = nullptr;
  const int code = sqlite3_exec(db, text.c_str(), nullptr, nullptr, &message);
  if (code == SQLITE_OK) return;
  const std::string why = message ? message : sqlite3_errstr(code);
  sqlite3_free(message);
  throw SqliteFailure(sqlite3_extended_errcode(db) ? sqlite3_extended_errcode(db) : code, why);
}

std::int64_t sqliteQueryInt(sqlite3* db, std::string_view sql) {
  SqliteStatement statement(db, sql);
  if (!statement.step()) throw SqliteFailure(SQLITE_ERROR, "no result from: " + std::string(sql));
  return statement.int64(0);
}

}  // namespace headroom::engine
