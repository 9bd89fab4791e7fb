// A thin RAII layer over the sqlite3 C API: one Db per connection (one thread), prepared statements
// cached per Db by their SQL text, values bound as parameters only.
//
// Errors: anything SQLite reports throws SqliteFault (a StoreFault) carrying SQLite's extended
// result code and SQLite's own message. Bound values never appear in a message: they may be
// personal data.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/date.h"
#include "store/store.h"

namespace waymark::store::sqlite {

class SqliteFault : public StoreFault {
 public:
  SqliteFault(int code, const std::string& message) : StoreFault(message), code_(code) {}
  int code() const { return code_; }  // extended result code, e.g. SQLITE_CONSTRAINT_UNIQUE
  int primary_code() const { return code_ & 0xff; }
  // True for a UNIQUE (or PRIMARY KEY) violation whose message names `table_column`, e.g.
  // "pupils.upn" for SQLite's "UNIQUE constraint failed: pupils.upn".
  bool unique_violation_on(std::string_view table_column) const;

 private:
  int code_;
};

class Db;

// A prepared statement leased from a Db's cache. On destruction it is reset (releasing any read
// snapshot it holds) and returned to the cache. Must not outlive its Db.
class Statement {
 public:
  enum class Step { Row, Done };

  Statement(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;
  ~Statement();

  // Parameters are numbered from 1.
  void bind(int index, std::int64_t value);
  void bind(int index, int value) { bind(index, static_cast<std::int64_t>(value)); }
  void bind(int index, double value);
  void bind(int index, bool value) { bind(index, static_cast<std::int64_t>(value ? 1 : 0)); }
  void bind(int index, std::string_view value);
  void bind(int index, const std::string& value) { bind(index, std::string_view(value)); }
  void bind(int index, const char* value) { bind(index, std::string_view(value)); }
  void bind(int index, Date value);  // as ISO text, "YYYY-MM-DD"
  void bind(int index, std::nullopt_t) { bind_null(index); }
  template <typename T>
  void bind(int index, const std::optional<T>& value) {
    if (value)
      bind(index, *value);
    else
      bind_null(index);
  }
  void bind_null(int index);

  // Binds `values` to parameters 1..n in order.
  template <typename... Values>
  Statement& bind_all(const Values&... values) {
    int index = 0;
    (bind(++index, values), ...);
    return *this;
  }

  // Advances; throws SqliteFault on error.
  Step step();
  bool next_row() { return step() == Step::Row; }
  // Steps to the end, for statements that return no rows; returns the rows changed.
  int run();

  // Column getters; columns are numbered from 0. A NULL reads as 0 / "" unless optional.
  bool is_null(int column) const;
  std::int64_t int64(int column) const;
  int integer(int column) const;
  double real(int column) const;
  bool boolean(int column) const { return int64(column) != 0; }
  std::string text(int column) const;
  std::optional<std::int64_t> optional_int64(int column) const;
  std::optional<int> optional_integer(int column) const;
  std::optional<std::string> optional_text(int column) const;
  // Throws StoreFault when the stored text is not a date (the store wrote it, so that is a fault).
  Date date(int column) const;
  std::optional<Date> optional_date(int column) const;

 private:
  friend class Db;
  Statement(sqlite3* db, sqlite3_stmt* statement, bool* in_use);

  sqlite3* db_;
  sqlite3_stmt* statement_;
  bool* in_use_;  // the cache's flag; nullptr for an uncached statement, finalized on destruction
};

enum class JournalMode { Wal, Unchanged };

class Db {
 public:
  // Opens (creating if absent) the database at `path` for use by one thread, with foreign keys on,
  // synchronous=FULL and a 5 s busy timeout; with JournalMode::Wal also switches the file to WAL.
  // Throws SqliteFault (SQLITE_CANTOPEN, SQLITE_NOTADB, ...).
  explicit Db(const std::string& path, JournalMode journal_mode = JournalMode::Wal);
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  ~Db();

  // Switches the file to WAL (a persistent setting of the file).
  void use_wal();

  // The cached statement for `sql`, reset and with no bindings. If that statement is already in
  // use (a nested query with the same text), or the cache is full (512 texts), a fresh uncached
  // one is prepared instead.
  // Throws SqliteFault when the SQL does not compile (a programmer error).
  Statement prepare(std::string_view sql);

  // Runs SQL text with no parameters, possibly several statements (migrations, pragmas).
  void execute_script(const char* sql);

  std::int64_t last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
  bool in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }
  sqlite3* handle() { return db_; }

 private:
  struct Cached {
    sqlite3_stmt* statement = nullptr;
    bool in_use = false;
  };
  // Lets the cache be searched by string_view, without building a std::string per lookup.
  struct SqlHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view sql) const {
      return std::hash<std::string_view>{}(sql);
    }
  };

  sqlite3* db_ = nullptr;
  // Node-based, so the address of each `in_use` flag is stable while statements are leased.
  std::unordered_map<std::string, Cached, SqlHash, std::equal_to<>> cache_;
};

// Makes a group of writes atomic whether or not the caller has begun a transaction: released
// explicitly on success, rolled back to on destruction otherwise (e.g. when an exception passes).
class Savepoint {
 public:
  explicit Savepoint(Db& db);
  Savepoint(const Savepoint&) = delete;
  Savepoint& operator=(const Savepoint&) = delete;
  ~Savepoint();
  void release();

 private:
  Db& db_;
  bool open_ = true;
};

// Throws SqliteFault for `code` with the connection's current message.
[[noreturn]] void throw_fault(sqlite3* db, int code);

}  // namespace waymark::store::sqlite
