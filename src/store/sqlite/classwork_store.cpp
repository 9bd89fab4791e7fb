// FIXME: placeholder; the classwork area (issue 3) implements the store here.
#include "store/sqlite/sqlite_connection.h"

namespace waymark::store::sqlite {

namespace {
class SqliteClassworkStore final : public ClassworkStore {
 public:
  explicit SqliteClassworkStore(Db& db) : db_(db) {}

 private:
  [[maybe_unused]] Db& db_;
};
}  // namespace

std::unique_ptr<ClassworkStore> make_classwork_store(Db& db) { return std::make_unique<SqliteClassworkStore>(db); }

}  // namespace waymark::store::sqlite
