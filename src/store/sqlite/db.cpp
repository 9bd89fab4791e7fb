#include "store/sqlite/db.h"

#include <utility>

namespace waymark::store::sqlite {

bool SqliteFault::unique_violation_on(std::string_view table_column) const {
  if (code_ != SQLITE_CONSTRAINT_UNIQUE && code_ != SQLITE_CONSTRAINT_PRIMARYKEY) return false;
  // SQLite's message lists the columns of the violated index: "UNIQUE constraint failed: t.a, t.b".
  std::string_view message = what();
  std::size_t at = message.find(table_column);
  while (at != std::string_view::npos) {
    std::size_t end = at + table_column.size();
    bool starts_clean = at == 0 || message[at - 1] == ' ';
    bool ends_clean = end == message.size() || message[end] == ',';
    if (starts_clean && ends_clean) return true;
    at = message.find(table_column, end);
  }
  return false;
}

void throw_fault(sqlite3* db, int code) {
  int extended = db != nullptr ? sqlite3_extended_errcode(db) : code;
  if ((extended & 0xff) != (code & 0xff)) extended = code;
  const char* message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  throw SqliteFault(extended, std::string("sqlite: ") + message);
}

// Statement.

Statement::Statement(sqlite3* db, sqlite3_stmt* statement, bool* in_use)
    : db_(db), statement_(statement), in_use_(in_use) {}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_),
      statement_(std::exchange(other.statement_, nullptr)),
      in_use_(std::exchange(other.in_use_, nullptr)) {}

Statement::~Statement() {
  if (statement_ == nullptr) return;
  if (in_use_ != nullptr) {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
    *in_use_ = false;
  } else {
    sqlite3_finalize(statement_);
  }
}

void Statement::bind(int index, std::int64_t value) {
  int code = sqlite3_bind_int64(statement_, index, value);
  if (code != SQLITE_OK) throw_fault(db_, code);
}

void Statement::bind(int index, double value) {
  int code = sqlite3_bind_double(statement_, index, value);
  if (code != SQLITE_OK) throw_fault(db_, code);
}

void Statement::bind(int index, std::string_view value) {
  int code = sqlite3_bind_text64(statement_, index, value.data(), value.size(), SQLITE_TRANSIENT,
                                 SQLITE_UTF8);
  if (code != SQLITE_OK) throw_fault(db_, code);
}

void Statement::bind(int index, Date value) {
  bind(index, std::string_view(value.iso()));
}

void Statement::bind_null(int index) {
  int code = sqlite3_bind_null(statement_, index);
  if (code != SQLITE_OK) throw_fault(db_, code);
}

Statement::Step Statement::step() {
  int code = sqlite3_step(statement_);
  if (code == SQLITE_ROW) return Step::Row;
  if (code == SQLITE_DONE) return Step::Done;
  // Reset so that the statement can be reused; the error stays available on the connection.
  std::string message = sqlite3_errmsg(db_);
  int extended = sqlite3_extended_errcode(db_);
  sqlite3_reset(statement_);
  throw SqliteFault(extended, "sqlite: " + message);
}

int Statement::run() {
  while (step() == Step::Row) {
  }
  return sqlite3_changes(db_);
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const {
  return sqlite3_column_int64(statement_, column);
}

int Statement::integer(int column) const {
  return sqlite3_column_int(statement_, column);
}

double Statement::real(int column) const {
  return sqlite3_column_double(statement_, column);
}

std::string Statement::text(int column) const {
  const unsigned char* data = sqlite3_column_text(statement_, column);
  if (data == nullptr) return {};
  int size = sqlite3_column_bytes(statement_, column);
  return std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size));
}

std::optional<std::int64_t> Statement::optional_int64(int column) const {
  if (is_null(column)) return std::nullopt;
  return int64(column);
}

std::optional<int> Statement::optional_integer(int column) const {
  if (is_null(column)) return std::nullopt;
  return integer(column);
}

std::optional<std::string> Statement::optional_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

Date Statement::date(int column) const {
  auto parsed = Date::parse(text(column));
  // The stored value is not repeated: it may be a date of birth.
  if (!parsed.ok()) throw StoreFault("a stored date is not in YYYY-MM-DD form");
  return *parsed;
}

std::optional<Date> Statement::optional_date(int column) const {
  if (is_null(column)) return std::nullopt;
  return date(column);
}

// Db.

Db::Db(const std::string& path, JournalMode journal_mode) {
  int code =
      sqlite3_open_v2(path.c_str(), &db_,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (code != SQLITE_OK) {
    std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
    int extended = db_ != nullptr ? sqlite3_extended_errcode(db_) : code;
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw SqliteFault(extended, "sqlite: " + message);
  }
  try {
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 5000);
    execute_script("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;");
    if (journal_mode == JournalMode::Wal) use_wal();
  } catch (...) {
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw;
  }
}

Db::~Db() {
  for (auto& [sql, cached] : cache_) sqlite3_finalize(cached.statement);
  // close_v2 defers the close if a leased statement is (wrongly) still alive, instead of failing.
  sqlite3_close_v2(db_);
}

void Db::use_wal() {
  // journal_mode answers with the mode now in force; anything but "wal" means it did not switch.
  Statement statement = prepare("PRAGMA journal_mode = WAL");
  if (!statement.next_row() || statement.text(0) != "wal")
    throw SqliteFault(SQLITE_ERROR, "sqlite: could not switch the database to WAL");
}

Statement Db::prepare(std::string_view sql) {
  auto found = cache_.find(sql);
  if (found != cache_.end() && !found->second.in_use) {
    found->second.in_use = true;
    return Statement(db_, found->second.statement, &found->second.in_use);
  }
  // Filtered lists build their SQL from fragments, so the variety of texts is bounded but could be
  // large; past the cap, new texts are prepared per use rather than kept.
  constexpr std::size_t kMaxCachedStatements = 512;
  bool cache = found == cache_.end() && cache_.size() < kMaxCachedStatements;
  sqlite3_stmt* statement = nullptr;
  int code = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                cache ? SQLITE_PREPARE_PERSISTENT : 0, &statement, nullptr);
  if (code != SQLITE_OK) {
    // A statement that does not compile is a bug; the SQL text holds no values, so name it.
    std::string message = sqlite3_errmsg(db_);
    throw SqliteFault(sqlite3_extended_errcode(db_),
                      "sqlite: " + message + " in: " + std::string(sql));
  }
  if (!cache) return Statement(db_, statement, nullptr);
  Cached& cached = cache_[std::string(sql)];
  cached.statement = statement;
  cached.in_use = true;
  return Statement(db_, statement, &cached.in_use);
}

void Db::execute_script(const char* sql) {
  char* error = nullptr;
  int code = sqlite3_exec(db_, sql, nullptr, nullptr, &error);
  if (code != SQLITE_OK) {
    std::string message = error != nullptr ? error : sqlite3_errstr(code);
    sqlite3_free(error);
    throw SqliteFault(sqlite3_extended_errcode(db_), "sqlite: " + message);
  }
}

// Savepoint.

Savepoint::Savepoint(Db& db) : db_(db) {
  db_.execute_script("SAVEPOINT waymark_write");
}

Savepoint::~Savepoint() {
  if (!open_) return;
  // Errors are ignored: if SQLite already rolled the whole transaction back (disk full, say),
  // there is no savepoint left, and the exception in flight reports the fault.
  sqlite3_exec(db_.handle(), "ROLLBACK TO waymark_write; RELEASE waymark_write", nullptr, nullptr,
               nullptr);
}

void Savepoint::release() {
  db_.execute_script("RELEASE waymark_write");
  open_ = false;
}

}  // namespace waymark::store::sqlite
