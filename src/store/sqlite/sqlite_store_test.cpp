// Opening, migrating and refusing databases; schema guarantees (foreign keys, the append-only
// audit log); transactions; per-thread connections and their lifetime.
#include "store/sqlite/sqlite_store.h"

#include <atomic>
#include <fstream>
#include <iterator>
#include <thread>

#include <gtest/gtest.h>

#include "store/sqlite/db.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/sqlite_test_support.h"

namespace waymark::store::sqlite {
namespace {

using testing::SqliteStoreTest;
using testing::TempDir;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::int64_t count(Db& db, const std::string& sql) {
  Statement statement = db.prepare(sql);
  return statement.next_row() ? statement.int64(0) : -1;
}

TEST(SqliteOpen, AppliesAndRecordsEveryMigrationOnANewDatabase) {
  TempDir dir;
  std::string path = dir.file("new.db");
  auto applied = migrate(path);
  ASSERT_TRUE(applied.ok()) << applied.error().message;
  std::vector<int> expected;
  for (const Migration& migration : embedded_migrations()) expected.push_back(migration.version);
  EXPECT_EQ(*applied, expected);
  EXPECT_EQ(latest_schema_version(), expected.back());

  Db db(path);
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM schema_migrations"),
            static_cast<std::int64_t>(expected.size()));
  Statement first = db.prepare("SELECT name, applied_at FROM schema_migrations WHERE version = 1");
  ASSERT_TRUE(first.next_row());
  EXPECT_EQ(first.text(0), "001_foundation");
  EXPECT_GT(first.int64(1), 0);
  Statement mode = db.prepare("PRAGMA journal_mode");
  ASSERT_TRUE(mode.next_row());
  EXPECT_EQ(mode.text(0), "wal");
}

TEST(SqliteOpen, ReopeningAppliesNothingAgain) {
  TempDir dir;
  std::string path = dir.file("again.db");
  ASSERT_TRUE(migrate(path).ok());
  auto again = migrate(path);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->empty());
  for (int attempt = 0; attempt < 2; ++attempt) {
    auto store = open(path);
    ASSERT_TRUE(store.ok()) << store.error().message;
    EXPECT_EQ((*store)->schema_version(), latest_schema_version());
  }
  auto without_migrating = open(path, MigrateOnOpen::No);
  EXPECT_TRUE(without_migrating.ok());
  Db db(path);
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM schema_migrations"),
            static_cast<std::int64_t>(embedded_migrations().size()));
}

TEST(SqliteOpen, RefusesADatabaseFromANewerWaymarkAndChangesNothing) {
  TempDir dir;
  std::string path = dir.file("future.db");
  ASSERT_TRUE(migrate(path).ok());
  {
    Db db(path);
    db.execute_script(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '999_future', 1)");
  }
  std::string expected =
      fmt::format("database schema is version 999; this waymark knows up to {}: upgrade waymark",
                  latest_schema_version());
  for (MigrateOnOpen migrate_on_open : {MigrateOnOpen::Yes, MigrateOnOpen::No}) {
    auto store = open(path, migrate_on_open);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.error().kind, ErrorKind::Invalid);
    EXPECT_EQ(store.error().message, expected);
    ASSERT_EQ(store.error().fields.size(), 1u);
    EXPECT_EQ(store.error().fields[0].field, "database");
  }
  auto migrated = migrate(path);
  ASSERT_FALSE(migrated.ok());
  EXPECT_EQ(migrated.error().message, expected);
  Db db(path);
  EXPECT_EQ(count(db, "SELECT MAX(version) FROM schema_migrations"), 999);
}

TEST(SqliteOpen, RefusesAFileThatIsNotASqliteDatabaseAndLeavesItAlone) {
  TempDir dir;
  std::string path = dir.file("notes.txt");
  const std::string content(4096, 'x');
  std::ofstream(path, std::ios::binary) << content;
  auto store = open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().kind, ErrorKind::Invalid);
  EXPECT_NE(store.error().message.find("is not a Waymark database (file is not a SQLite database)"),
            std::string::npos)
      << store.error().message;
  ASSERT_EQ(store.error().fields.size(), 1u);
  EXPECT_EQ(store.error().fields[0].field, "database");
  EXPECT_FALSE(migrate(path).ok());
  EXPECT_EQ(read_file(path), content);
}

TEST(SqliteOpen, RefusesAnotherProgramsSqliteDatabase) {
  TempDir dir;
  std::string path = dir.file("other.db");
  {
    Db db(path);
    db.execute_script("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)");
  }
  auto store = open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().fields.at(0).reason,
            "is not a Waymark database (it has no schema_migrations table)");
}

TEST(SqliteOpen, WithoutMigratingRefusesADatabaseWithPendingMigrations) {
  TempDir dir;
  auto store = open(dir.file("empty.db"), MigrateOnOpen::No);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().kind, ErrorKind::Invalid);
  EXPECT_NE(store.error().message.find("database schema is version 0"), std::string::npos);
}

TEST(SqliteOpen, ReportsAPathThatCannotBeOpened) {
  TempDir dir;
  auto store = open(dir.file("no-such-directory/waymark.db"));
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().kind, ErrorKind::Invalid);
  EXPECT_NE(store.error().message.find("cannot open"), std::string::npos);
}

TEST_F(SqliteStoreTest, EnforcesForeignKeys) {
  User user;
  user.organisation_id = 424242;
  user.email = "secret.person@example.org";
  user.display_name = "Someone";
  user.roles = {Role::Teacher};
  try {
    (void)db().insert_user(user, "hash");
    FAIL() << "a user of a missing organisation was stored";
  } catch (const StoreFault& fault) {
    EXPECT_NE(std::string(fault.what()).find("FOREIGN KEY constraint failed"), std::string::npos);
    // Bound values (personal data) never reach a fault's message.
    EXPECT_EQ(std::string(fault.what()).find("secret.person"), std::string::npos);
  }
  EXPECT_THROW(place(777, 888, 999), StoreFault);
}

TEST_F(SqliteStoreTest, TheAuditLogCannotBeChangedOrDeleted) {
  Id school = add_organisation(OrgKind::School, "Brook School");
  AuditEntry entry;
  entry.at = 5;
  entry.organisation_id = school;
  entry.action = "create";
  entry.entity = "organisation";
  entry.entity_id = school;
  db().append_audit(entry);
  Db raw(path_);
  for (const char* sql : {"UPDATE audit_log SET action = 'forged'", "DELETE FROM audit_log"}) {
    SCOPED_TRACE(sql);
    try {
      raw.execute_script(sql);
      FAIL() << "the audit log was changed";
    } catch (const SqliteFault& fault) {
      EXPECT_NE(std::string(fault.what()).find("the audit log cannot be changed"),
                std::string::npos);
    }
  }
  auto entries = db().audit_of_organisation(school, 10);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].action, "create");
}

TEST_F(SqliteStoreTest, RollbackDiscardsAndCommitKeeps) {
  db().begin();
  add_organisation(OrgKind::Provider, "Discarded");
  db().rollback();
  db().begin();
  add_organisation(OrgKind::Provider, "Kept");
  db().commit();
  auto all = db().organisations();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].name, "Kept");
  // Rolling back with no transaction open is harmless (a failed COMMIT may already have ended it).
  EXPECT_NO_THROW(db().rollback());
  EXPECT_THROW(db().commit(), StoreFault);
}

TEST_F(SqliteStoreTest, AFailedWriteInsideATransactionLeavesTheRestOfItIntact) {
  db().begin();
  Id first = add_pupil("Ada", "Lovelace", 1);
  auto duplicate = db().insert_pupil(make_pupil("Bea", "Other", 1), 1000);
  ASSERT_FALSE(duplicate.ok());
  db().commit();
  EXPECT_TRUE(db().pupil(first).has_value());
  EXPECT_FALSE(db().pupil_id_by_upn(make_pupil("Bea", "Other", 1).upn->str()) != first);
}

TEST_F(SqliteStoreTest, EachThreadHasItsOwnConnection) {
  Connection* main_connection = &store_->connection();
  EXPECT_EQ(&store_->connection(), main_connection);
  constexpr int kPerThread = 40;
  std::atomic<int> failures{0};
  std::vector<Connection*> seen(2, nullptr);
  std::vector<std::thread> threads;
  for (int thread_idx = 0; thread_idx < 2; ++thread_idx) {
    threads.emplace_back([&, thread_idx] {
      try {
        Connection& connection = store_->connection();
        seen[static_cast<std::size_t>(thread_idx)] = &connection;
        for (int organisation_idx = 0; organisation_idx < kPerThread; ++organisation_idx) {
          connection.begin();
          Organisation organisation;
          organisation.kind = OrgKind::Provider;
          organisation.name = fmt::format("Provider {}-{}", thread_idx, organisation_idx);
          connection.insert_organisation(organisation);
          connection.commit();
        }
      } catch (const std::exception&) {
        ++failures;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_NE(seen[0], seen[1]);
  EXPECT_NE(seen[0], main_connection);
  EXPECT_EQ(db().organisations().size(), 2u * kPerThread);
}

TEST(SqliteStoreLifetime, AThreadMayOutliveTheStoreAndANewStoreGetsAFreshConnection) {
  TempDir dir;
  std::string path = dir.file("lifetime.db");
  auto first = open(path);
  ASSERT_TRUE(first.ok());
  std::atomic<int> stage{0};
  // The worker opens a connection, then waits while the Store is destroyed, then exits: its
  // thread-local entry must not touch the closed connection.
  std::thread worker([&] {
    (*first)->connection().organisations();
    stage = 1;
    while (stage.load() != 2) std::this_thread::yield();
  });
  while (stage.load() != 1) std::this_thread::yield();
  first->reset();
  stage = 2;
  worker.join();

  // A Store made after another was destroyed on this thread may reuse its address; it must still
  // get its own, working connection.
  for (int round = 0; round < 3; ++round) {
    auto store = open(path);
    ASSERT_TRUE(store.ok());
    Organisation organisation;
    organisation.name = fmt::format("School {}", round);
    (*store)->connection().insert_organisation(organisation);
    EXPECT_EQ((*store)->connection().organisations().size(), static_cast<std::size_t>(round + 1));
  }
}

}  // namespace
}  // namespace waymark::store::sqlite
