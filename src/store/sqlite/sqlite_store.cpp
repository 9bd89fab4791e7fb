#include "store/sqlite/sqlite_store.h"

#include <atomic>
#include <mutex>
#include <unordered_map>

#include <fmt/format.h>

#include "store/sqlite/db.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/sqlite_connection.h"

namespace waymark::store::sqlite {

namespace {

// Every Store gets a number never reused in this process, so a thread's cached connection can
// never be mistaken for one of a later Store that happens to live at the same address.
std::atomic<std::uint64_t> next_generation{1};

// The connections of one Store, one per thread that has asked. Shared with the threads' own maps
// (weakly), so whichever ends first (the Store or the thread) closes the connection safely.
struct Registry {
  std::mutex mutex;
  std::vector<std::unique_ptr<SqliteConnection>> connections;

  void close(SqliteConnection* connection) {
    std::lock_guard lock(mutex);
    std::erase_if(connections, [&](const auto& owned) { return owned.get() == connection; });
  }
};

// This thread's connections, by Store generation. On thread exit, closes those whose Store lives.
class ThreadConnections {
 public:
  struct Entry {
    std::weak_ptr<Registry> registry;
    SqliteConnection* connection = nullptr;
  };

  ~ThreadConnections() {
    for (auto& [generation, entry] : entries_)
      if (auto registry = entry.registry.lock()) registry->close(entry.connection);
  }

  SqliteConnection* find(std::uint64_t generation) {
    auto found = entries_.find(generation);
    return found == entries_.end() ? nullptr : found->second.connection;
  }

  void add(std::uint64_t generation, const std::shared_ptr<Registry>& registry,
           SqliteConnection* connection) {
    // Forget connections of Stores since destroyed (their registries closed them).
    std::erase_if(entries_, [](const auto& item) { return item.second.registry.expired(); });
    entries_[generation] = Entry{registry, connection};
  }

 private:
  std::unordered_map<std::uint64_t, Entry> entries_;
};

thread_local ThreadConnections thread_connections;

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(std::string path)
      : path_(std::move(path)),
        generation_(next_generation.fetch_add(1)),
        registry_(std::make_shared<Registry>()) {}

  // Closes every thread's connection to this Store. REQUIRES: no thread is using one.
  ~SqliteStore() override = default;

  Connection& connection() override {
    if (SqliteConnection* existing = thread_connections.find(generation_)) return *existing;
    auto opened = std::make_unique<SqliteConnection>(path_);
    SqliteConnection* connection = opened.get();
    {
      std::lock_guard lock(registry_->mutex);
      registry_->connections.push_back(std::move(opened));
    }
    thread_connections.add(generation_, registry_, connection);
    return *connection;
  }

  std::uint64_t generation() const override { return generation_; }

  int schema_version() override {
    auto& connection = static_cast<SqliteConnection&>(this->connection());
    Statement statement = connection.db().prepare("SELECT MAX(version) FROM schema_migrations");
    return statement.next_row() ? statement.integer(0) : 0;
  }

 private:
  std::string path_;
  std::uint64_t generation_;
  std::shared_ptr<Registry> registry_;
};

Error database_error(const std::string& message) {
  return Error{ErrorKind::Invalid, message, {{"database", message}}};
}

Error not_waymark(const std::string& path, const std::string& why) {
  std::string reason = "is not a Waymark database (" + why + ")";
  return Error{ErrorKind::Invalid, path + " " + reason, {{"database", reason}}};
}

// The schema version recorded in the database: 0 for a new, empty database. Refuses a SQLite
// file that has tables but no record of Waymark's migrations (another program's database).
Result<int> recorded_version(Db& db, const std::string& path) {
  {
    Statement tables = db.prepare(
        "SELECT COUNT(*), COALESCE(SUM(name = 'schema_migrations'), 0) FROM sqlite_schema "
        "WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
    if (!tables.next_row() || tables.int64(0) == 0) return 0;
    if (tables.int64(1) == 0) return not_waymark(path, "it has no schema_migrations table");
  }
  Statement version = db.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  return version.next_row() ? version.integer(0) : 0;
}

// Applies one migration and records it, in one transaction. Another process may have applied it
// meanwhile; then it is skipped. Returns whether it was applied.
bool apply(Db& db, const Migration& migration, const std::string& path) {
  db.execute_script("BEGIN IMMEDIATE");
  try {
    db.execute_script(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT, "
        "applied_at INTEGER)");
    auto current = recorded_version(db, path);
    if (!current.ok() || *current >= migration.version) {
      db.execute_script("ROLLBACK");
      return false;
    }
    db.execute_script(migration.sql);
    Statement record =
        db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
    record.bind_all(migration.version, migration.name, now_utc_seconds());
    record.run();
  } catch (...) {
    if (db.in_transaction()) sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
  db.execute_script("COMMIT");
  return true;
}

enum class Apply { Yes, No };

// Checks the database at `path` and, with Apply::Yes, brings it up to date. Changes nothing in a
// database it refuses.
Result<std::vector<int>> prepare_database(const std::string& path, Apply apply_pending) {
  try {
    // WAL is switched on only once the file is known to be ours and not from the future.
    Db db(path, JournalMode::Unchanged);
    int current = WAYMARK_TRY(recorded_version(db, path));
    int latest = latest_schema_version();
    if (current > latest)
      return database_error(
          fmt::format("database schema is version {}; this waymark knows up to {}: upgrade waymark",
                      current, latest));
    if (current < latest && apply_pending == Apply::No)
      return database_error(
          fmt::format("database schema is version {}; this waymark needs {}: run the migrations",
                      current, latest));
    db.use_wal();
    std::vector<int> applied;
    if (apply_pending == Apply::No) return applied;
    for (const Migration& migration : embedded_migrations()) {
      if (migration.version <= current) continue;
      try {
        if (apply(db, migration, path)) applied.push_back(migration.version);
      } catch (const SqliteFault& fault) {
        return Error::internal(
            fmt::format("migration {} failed: {}", migration.name, fault.what()));
      }
    }
    // Another process may have gone further meanwhile; re-check what this program can read.
    int now_at = WAYMARK_TRY(recorded_version(db, path));
    if (now_at > latest)
      return database_error(
          fmt::format("database schema is version {}; this waymark knows up to {}: upgrade waymark",
                      now_at, latest));
    return applied;
  } catch (const SqliteFault& fault) {
    if (fault.primary_code() == SQLITE_NOTADB)
      return not_waymark(path, "file is not a SQLite database");
    if (fault.primary_code() == SQLITE_CANTOPEN || fault.primary_code() == SQLITE_PERM ||
        fault.primary_code() == SQLITE_READONLY)
      return database_error(fmt::format("cannot open {}: {}", path, fault.what()));
    return Error::internal(fmt::format("cannot use {}: {}", path, fault.what()));
  }
}

}  // namespace

int latest_schema_version() {
  const auto& migrations = embedded_migrations();
  return migrations.empty() ? 0 : migrations.back().version;
}

Result<std::vector<int>> migrate(const std::string& path) {
  return prepare_database(path, Apply::Yes);
}

Result<std::unique_ptr<Store>> open(const std::string& path, MigrateOnOpen migrate) {
  auto prepared = prepare_database(path, migrate == MigrateOnOpen::Yes ? Apply::Yes : Apply::No);
  if (!prepared.ok()) return std::move(prepared).error();
  return std::unique_ptr<Store>(std::make_unique<SqliteStore>(path));
}

}  // namespace waymark::store::sqlite
