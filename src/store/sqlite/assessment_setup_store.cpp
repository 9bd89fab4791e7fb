// FIXME: placeholder; the assessment setup area (issue 3) implements the store here.
#include "store/sqlite/sqlite_connection.h"

namespace waymark::store::sqlite {

namespace {
class SqliteAssessmentSetupStore final : public AssessmentSetupStore {
 public:
  explicit SqliteAssessmentSetupStore(Db& db) : db_(db) {}

 private:
  [[maybe_unused]] Db& db_;
};
}  // namespace

std::unique_ptr<AssessmentSetupStore> make_assessment_setup_store(Db& db) { return std::make_unique<SqliteAssessmentSetupStore>(db); }

}  // namespace waymark::store::sqlite
