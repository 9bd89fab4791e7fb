#include "store/sqlite/sqlite_connection.h"

namespace waymark::store::sqlite {

void SqliteConnection::begin() {
  db_.prepare("BEGIN IMMEDIATE").run();
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
