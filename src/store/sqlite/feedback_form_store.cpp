// FIXME: placeholder; the feedback form area (issue 3) implements the store here.
#include "store/sqlite/sqlite_connection.h"

namespace waymark::store::sqlite {

namespace {
class SqliteFeedbackFormStore final : public FeedbackFormStore {
 public:
  explicit SqliteFeedbackFormStore(Db& db) : db_(db) {}

 private:
  [[maybe_unused]] Db& db_;
};
}  // namespace

std::unique_ptr<FeedbackFormStore> make_feedback_form_store(Db& db) { return std::make_unique<SqliteFeedbackFormStore>(db); }

}  // namespace waymark::store::sqlite
