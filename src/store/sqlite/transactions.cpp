#include "store/sqlite/sqlite_connection.h"

#include <sqlite3.h>

namespace waymark::store::sqlite {

void SqliteConnection::begin() {
  db_.prepare("BEGIN IMMEDIATE").run();
}

std::uint64_t SqliteConnection::change_marker() {
  // PRAGMA data_version moves when another connection commits; total_changes counts this
  // connection's own writes. Together they change whenever anything may have.
  Statement statement = db_.prepare("PRAGMA data_version");
  const std::uint64_t others =
      statement.next_row() ? static_cast<std::uint64_t>(statement.integer(0)) : 0;
  const auto own = static_cast<std::uint64_t>(sqlite3_total_changes64(db_.handle()));
  return (others << 40) ^ own;
}

void SqliteConnection::commit() {
  db_.prepare("COMMIT").run();
}

void SqliteConnection::rollback() {
  // Some failures (disk full, an interrupted COMMIT) end the transaction themselves; rolling back
  // what is no longer there is not a second fault.
  if (!db_.in_transaction()) return;
  db_.prepare("ROLLBACK").run();
}

}  // namespace waymark::store::sqlite
