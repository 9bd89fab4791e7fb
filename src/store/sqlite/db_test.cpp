// The RAII layer over sqlite3: binding, reading, the statement cache and how faults are reported.
#include "store/sqlite/db.h"

#include <gtest/gtest.h>

#include "store/sqlite/sqlite_test_support.h"

namespace waymark::store::sqlite {
namespace {

using testing::TempDir;

class SqliteDbTest : public ::testing::Test {
 protected:
  SqliteDbTest() : db_(dir_.file("db.sqlite")) {
    db_.execute_script("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, x REAL, s TEXT UNIQUE)");
  }

  TempDir dir_;
  Db db_;
};

TEST_F(SqliteDbTest, OpensWithTheHousePragmas) {
  struct Case {
    const char* pragma;
    std::int64_t expected;
  };
  for (const Case& check : {Case{"PRAGMA foreign_keys", 1}, Case{"PRAGMA synchronous", 2},
                            Case{"PRAGMA busy_timeout", 5000}}) {
    Statement statement = db_.prepare(check.pragma);
    ASSERT_TRUE(statement.next_row()) << check.pragma;
    EXPECT_EQ(statement.int64(0), check.expected) << check.pragma;
  }
  Statement mode = db_.prepare("PRAGMA journal_mode");
  ASSERT_TRUE(mode.next_row());
  EXPECT_EQ(mode.text(0), "wal");
}

TEST_F(SqliteDbTest, BindsAndReadsEachKindOfValue) {
  {
    Statement insert = db_.prepare("INSERT INTO t (n, x, s) VALUES (?, ?, ?)");
    insert.bind_all(std::int64_t{1} << 40, 2.5, std::string_view("it's \"quoted\""));
    EXPECT_EQ(insert.run(), 1);
  }
  Statement insert = db_.prepare("INSERT INTO t (n, x, s) VALUES (?, ?, ?)");
  insert.bind_all(std::optional<int>(), std::nullopt, Date::from_ymd(2025, 2, 28));
  insert.run();
  Statement insert_bool = db_.prepare("INSERT INTO t (n, s) VALUES (?, ?)");
  insert_bool.bind_all(true, std::optional<std::string>("yes"));
  insert_bool.run();

  Statement read = db_.prepare("SELECT n, x, s FROM t ORDER BY id");
  ASSERT_TRUE(read.next_row());
  EXPECT_EQ(read.int64(0), std::int64_t{1} << 40);
  EXPECT_DOUBLE_EQ(read.real(1), 2.5);
  EXPECT_EQ(read.text(2), "it's \"quoted\"");
  ASSERT_TRUE(read.next_row());
  EXPECT_TRUE(read.is_null(0));
  EXPECT_FALSE(read.optional_int64(0).has_value());
  EXPECT_FALSE(read.optional_text(1).has_value());
  EXPECT_EQ(read.int64(0), 0);
  EXPECT_EQ(read.date(2), Date::from_ymd(2025, 2, 28));
  EXPECT_EQ(read.optional_date(2), Date::from_ymd(2025, 2, 28));
  ASSERT_TRUE(read.next_row());
  EXPECT_TRUE(read.boolean(0));
  EXPECT_EQ(read.optional_text(1), std::nullopt);
  EXPECT_EQ(read.text(2), "yes");
  // Text that is not a date is a fault, and the message does not repeat the value.
  try {
    (void)read.date(2);
    FAIL() << "'yes' read as a date";
  } catch (const StoreFault& fault) {
    EXPECT_EQ(std::string(fault.what()).find("yes"), std::string::npos);
  }
  EXPECT_FALSE(read.next_row());
}

TEST_F(SqliteDbTest, ReusesStatementsAndAllowsTheSameQueryNested) {
  db_.execute_script("INSERT INTO t (n) VALUES (1), (2)");
  const std::string sql = "SELECT n FROM t WHERE n >= ? ORDER BY n";
  std::vector<std::int64_t> pairs;
  {
    Statement outer = db_.prepare(sql);
    outer.bind_all(1);
    while (outer.next_row()) {
      // The cached statement is leased to `outer`, so this one is prepared afresh.
      Statement inner = db_.prepare(sql);
      inner.bind_all(outer.int64(0));
      while (inner.next_row()) pairs.push_back(outer.int64(0) * 10 + inner.int64(0));
    }
  }
  EXPECT_EQ(pairs, (std::vector<std::int64_t>{11, 12, 22}));
  // Returned to the cache reset, with its bindings cleared: an unbound parameter is NULL.
  Statement again = db_.prepare(sql);
  EXPECT_FALSE(again.next_row());
}

TEST_F(SqliteDbTest, FaultsCarrySqlitesCodeAndMessageButNoValues) {
  Statement insert = db_.prepare("INSERT INTO t (s) VALUES (?)");
  insert.bind_all("private value");
  insert.run();
  Statement again = db_.prepare("INSERT INTO t (s) VALUES (?)");
  again.bind_all("private value");
  try {
    again.run();
    FAIL() << "a duplicate was stored";
  } catch (const SqliteFault& fault) {
    EXPECT_EQ(fault.code(), SQLITE_CONSTRAINT_UNIQUE);
    EXPECT_EQ(fault.primary_code(), SQLITE_CONSTRAINT);
    EXPECT_TRUE(fault.unique_violation_on("t.s"));
    EXPECT_FALSE(fault.unique_violation_on("t.n"));
    EXPECT_FALSE(fault.unique_violation_on("s"));
    EXPECT_EQ(std::string(fault.what()).find("private"), std::string::npos);
  }
  // The statement can be used again after a fault.
  again.bind_all("another value");
  EXPECT_EQ(again.run(), 1);

  try {
    db_.prepare("SELEKT 1");
    FAIL() << "bad SQL compiled";
  } catch (const SqliteFault& fault) {
    EXPECT_NE(std::string(fault.what()).find("SELEKT 1"), std::string::npos);
  }
  EXPECT_THROW(db_.execute_script("INSERT INTO missing VALUES (1)"), SqliteFault);
}

TEST_F(SqliteDbTest, ASavepointRollsBackUnlessReleased) {
  {
    Savepoint savepoint(db_);
    db_.execute_script("INSERT INTO t (n) VALUES (1)");
  }
  {
    Savepoint savepoint(db_);
    db_.execute_script("INSERT INTO t (n) VALUES (2)");
    savepoint.release();
  }
  Statement rows = db_.prepare("SELECT group_concat(n) FROM t");
  ASSERT_TRUE(rows.next_row());
  EXPECT_EQ(rows.text(0), "2");
  EXPECT_FALSE(db_.in_transaction());
}

TEST(SqliteDb, OpeningADirectoryFails) {
  TempDir dir;
  std::filesystem::create_directory(dir.file("folder"));
  try {
    Db db(dir.file("folder"));
    FAIL() << "a directory opened as a database";
  } catch (const SqliteFault& fault) {
    EXPECT_EQ(fault.primary_code(), SQLITE_CANTOPEN);
  }
}

}  // namespace
}  // namespace waymark::store::sqlite
