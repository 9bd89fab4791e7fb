// The SQLite backend: WAL, foreign keys on, synchronous=FULL (an acknowledged write survives a
// power cut), a busy timeout, and one connection per thread with its prepared statements cached.
#pragma once

#include <memory>
#include <string>

#include "core/result.h"
#include "store/store.h"

namespace waymark::store::sqlite {

enum class MigrateOnOpen { Yes, No };

// Opens (creating if absent) the database at `path`. With MigrateOnOpen::Yes, applies pending
// migrations first. Fails with a clear message, and changes nothing, when the database's schema is
// newer than this program knows ("database schema is version 7; this waymark knows up to 3:
// upgrade waymark"), or when the file is not a SQLite database. With MigrateOnOpen::No, fails when
// migrations are pending.
Result<std::unique_ptr<Store>> open(const std::string& path,
                                    MigrateOnOpen migrate = MigrateOnOpen::Yes);

// Applies pending migrations in one transaction each; returns the versions applied.
Result<std::vector<int>> migrate(const std::string& path);

// The highest migration this program knows.
int latest_schema_version();

}  // namespace waymark::store::sqlite
