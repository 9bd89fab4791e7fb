// FIXME: placeholder; the baseline area (issue 3) implements the store here.
#include "store/sqlite/sqlite_connection.h"

namespace waymark::store::sqlite {

namespace {
class SqliteBaselineStore final : public BaselineStore {
 public:
  explicit SqliteBaselineStore(Db& db) : db_(db) {}

 private:
  [[maybe_unused]] Db& db_;
};
}  // namespace

std::unique_ptr<BaselineStore> make_baseline_store(Db& db) { return std::make_unique<SqliteBaselineStore>(db); }

}  // namespace waymark::store::sqlite
