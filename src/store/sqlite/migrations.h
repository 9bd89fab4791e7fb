// Numbered schema migrations for the SQLite backend, embedded from migrations/NNN_name.sql.
#pragma once

#include <string>
#include <vector>

namespace waymark::store::sqlite {

struct Migration {
  int version;
  const char* name;
  const char* sql;
};

// In ascending version order, without gaps.
const std::vector<Migration>& embedded_migrations();

}  // namespace waymark::store::sqlite
