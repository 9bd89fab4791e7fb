// The SQLite FeedbackFormStore: feedback_forms, feedback_form_subjects, feedback_settings
// (migration 005).
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "store/sqlite/sqlite_connection.h"

namespace waymark::store::sqlite {

namespace {

constexpr const char* kFormColumns =
    "SELECT f.id, f.pupil_id, f.placement_id, f.provider_id, f.period_number, f.period_start, "
    "f.period_end, f.version, f.supersedes_id, f.status, f.attendance_percent, f.comment, "
    "f.created_by, f.created_at, f.updated_by, f.updated_at, f.sent_by, f.sent_at "
    "FROM feedback_forms f ";

FeedbackForm read_form(const Statement& row) {
  FeedbackForm form;
  form.id = row.int64(0);
  form.pupil_id = row.int64(1);
  form.placement_id = row.int64(2);
  form.provider_id = row.int64(3);
  form.period_number = row.integer(4);
  form.period_start = row.date(5);
  form.period_end = row.date(6);
  form.version = row.integer(7);
  form.supersedes_id = row.int64(8);
  form.status = stored_or_fault(parse_feedback_form_status(row.text(9)), "feedback form status");
  if (!row.is_null(10)) form.attendance_percent = row.real(10);
  form.comment = row.text(11);
  form.created_by = row.int64(12);
  form.created_at = row.int64(13);
  form.updated_by = row.int64(14);
  form.updated_at = row.int64(15);
  form.sent_by = row.int64(16);
  form.sent_at = row.optional_int64(17);
  return form;
}

std::string topics_text(const std::vector<std::string>& topics) {
  return nlohmann::json(topics).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<std::string> parse_topics(const std::string& text) {
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  if (!parsed.is_array()) throw StoreFault("a stored feedback form's topics are not valid");
  std::vector<std::string> topics;
  for (const auto& topic : parsed)
    if (topic.is_string()) topics.push_back(topic.get<std::string>());
  return topics;
}

std::optional<ProgressIndicator> optional_indicator(const Statement& row, int column) {
  auto text = row.optional_text(column);
  if (!text) return std::nullopt;
  return stored_or_fault(parse_progress_indicator(*text), "progress indicator");
}

std::optional<std::string> indicator_text(const std::optional<ProgressIndicator>& indicator) {
  if (!indicator) return std::nullopt;
  return std::string(to_string(*indicator));
}

class SqliteFeedbackFormStore final : public FeedbackFormStore {
 public:
  explicit SqliteFeedbackFormStore(Db& db) : db_(db) {}

  std::optional<FeedbackForm> form(Id id) override {
    static const std::string sql = std::string(kFormColumns) + "WHERE f.id = ?";
    auto forms = read_forms(sql, id);
    if (forms.empty()) return std::nullopt;
    return std::move(forms.front());
  }

  std::vector<FeedbackForm> forms_of_pupil(Id pupil_id) override {
    static const std::string sql = std::string(kFormColumns) +
                                   "WHERE f.pupil_id = ? ORDER BY f.period_start, f.placement_id, "
                                   "f.period_number, f.version";
    return read_forms(sql, pupil_id);
  }

  std::vector<FeedbackForm> forms_of_placement(Id placement_id) override {
    static const std::string sql =
        std::string(kFormColumns) + "WHERE f.placement_id = ? ORDER BY f.period_number, f.version";
    return read_forms(sql, placement_id);
  }

  std::vector<FeedbackForm> forms_of_pupils(const std::vector<Id>& pupil_ids) override {
    if (pupil_ids.empty()) return {};
    nlohmann::json ids = pupil_ids;
    static const std::string sql =
        std::string(kFormColumns) +
        "WHERE f.pupil_id IN (SELECT value FROM json_each(?)) "
        "ORDER BY f.pupil_id, f.placement_id, f.period_number, f.version";
    return read_forms(sql, ids.dump());
  }

  std::vector<FeedbackForm> forms_at_provider(Id provider_id) override {
    static const std::string sql =
        std::string(kFormColumns) +
        "WHERE f.provider_id = ? ORDER BY f.pupil_id, f.placement_id, f.period_number, f.version";
    return read_forms(sql, provider_id);
  }

  std::vector<FeedbackForm> all_forms() override {
    static const std::string sql =
        std::string(kFormColumns) +
        "ORDER BY f.provider_id, f.pupil_id, f.placement_id, f.period_number, f.version";
    Statement statement = db_.prepare(sql);
    std::vector<FeedbackForm> forms;
    while (statement.next_row()) forms.push_back(read_form(statement));
    attach_subjects(forms);
    return forms;
  }

  Result<Id> insert_form(const FeedbackForm& form) override {
    Savepoint savepoint(db_);
    Statement statement = db_.prepare(
        "INSERT INTO feedback_forms (pupil_id, placement_id, provider_id, period_number, "
        "period_start, period_end, version, supersedes_id, status, attendance_percent, comment, "
        "created_by, created_at, updated_by, updated_at, sent_by, sent_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    statement.bind_all(
        form.pupil_id, form.placement_id, form.provider_id, form.period_number, form.period_start,
        form.period_end, form.version, id_or_null(form.supersedes_id), to_string(form.status),
        form.attendance_percent, form.comment, id_or_null(form.created_by), form.created_at,
        id_or_null(form.updated_by), form.updated_at, id_or_null(form.sent_by), form.sent_at);
    try {
      statement.run();
    } catch (const SqliteFault& fault) {
      if (fault.primary_code() == SQLITE_CONSTRAINT &&
          fault.unique_violation_on("feedback_forms.placement_id"))
        return Error::conflict("period_number",
                               "this period already has a feedback form of that version");
      throw;
    }
    const Id id = db_.last_insert_id();
    write_subjects(id, form.subjects);
    savepoint.release();
    return id;
  }

  void update_form(const FeedbackForm& form) override {
    Savepoint savepoint(db_);
    Statement statement = db_.prepare(
        "UPDATE feedback_forms SET status = ?, attendance_percent = ?, comment = ?, "
        "updated_by = ?, updated_at = ?, sent_by = ?, sent_at = ? WHERE id = ?");
    statement.bind_all(to_string(form.status), form.attendance_percent, form.comment,
                       id_or_null(form.updated_by), form.updated_at, id_or_null(form.sent_by),
                       form.sent_at, form.id);
    statement.run();
    Statement clear = db_.prepare("DELETE FROM feedback_form_subjects WHERE form_id = ?");
    clear.bind_all(form.id);
    clear.run();
    write_subjects(form.id, form.subjects);
    savepoint.release();
  }

  std::optional<int> school_days_per_period(Id provider_id) override {
    Statement statement = db_.prepare(
        "SELECT school_days_per_period FROM feedback_settings WHERE organisation_id = ?");
    statement.bind_all(provider_id);
    if (!statement.next_row()) return std::nullopt;
    return statement.integer(0);
  }

  void set_school_days_per_period(Id provider_id, int school_days) override {
    Statement statement = db_.prepare(
        "INSERT INTO feedback_settings (organisation_id, school_days_per_period) VALUES (?, ?) "
        "ON CONFLICT (organisation_id) DO UPDATE SET "
        "school_days_per_period = excluded.school_days_per_period");
    statement.bind_all(provider_id, school_days);
    statement.run();
  }

 private:
  template <typename Key>
  std::vector<FeedbackForm> read_forms(const std::string& sql, const Key& key) {
    std::vector<FeedbackForm> forms;
    {
      Statement statement = db_.prepare(sql);
      statement.bind_all(key);
      while (statement.next_row()) forms.push_back(read_form(statement));
    }
    attach_subjects(forms);
    return forms;
  }

  // Reads the subject rows of `forms` in one query and attaches them in position order.
  void attach_subjects(std::vector<FeedbackForm>& forms) {
    if (forms.empty()) return;
    std::unordered_map<Id, FeedbackForm*> by_id;
    nlohmann::json ids = nlohmann::json::array();
    for (FeedbackForm& form : forms) {
      by_id[form.id] = &form;
      ids.push_back(form.id);
    }
    Statement statement = db_.prepare(
        "SELECT r.form_id, r.subject_id, COALESCE(s.name, ''), r.topics, r.atl, "
        "r.working_at_scale, r.working_at, r.proposed, r.proposal_reason, r.indicator, "
        "r.override_reason FROM feedback_form_subjects r LEFT JOIN subjects s ON s.id = "
        "r.subject_id WHERE r.form_id IN (SELECT value FROM json_each(?)) "
        "ORDER BY r.form_id, r.position");
    statement.bind_all(ids.dump());
    while (statement.next_row()) {
      auto found = by_id.find(statement.int64(0));
      if (found == by_id.end()) continue;
      FeedbackFormSubject subject;
      subject.subject_id = statement.int64(1);
      subject.subject_name = statement.text(2);
      subject.topics = parse_topics(statement.text(3));
      subject.atl = statement.optional_integer(4);
      subject.working_at_scale = statement.text(5);
      subject.working_at = statement.text(6);
      subject.proposed = optional_indicator(statement, 7);
      subject.proposal_reason = statement.text(8);
      subject.indicator = optional_indicator(statement, 9);
      subject.override_reason = statement.text(10);
      found->second->subjects.push_back(std::move(subject));
    }
  }

  void write_subjects(Id form_id, const std::vector<FeedbackFormSubject>& subjects) {
    int position = 0;
    for (const FeedbackFormSubject& subject : subjects) {
      Statement statement = db_.prepare(
          "INSERT INTO feedback_form_subjects (form_id, position, subject_id, topics, atl, "
          "working_at_scale, working_at, proposed, proposal_reason, indicator, override_reason) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      statement.bind_all(form_id, position++, subject.subject_id, topics_text(subject.topics),
                         subject.atl, subject.working_at_scale, subject.working_at,
                         indicator_text(subject.proposed), subject.proposal_reason,
                         indicator_text(subject.indicator), subject.override_reason);
      statement.run();
    }
  }

  Db& db_;
};

}  // namespace

std::unique_ptr<FeedbackFormStore> make_feedback_form_store(Db& db) {
  return std::make_unique<SqliteFeedbackFormStore>(db);
}

}  // namespace waymark::store::sqlite
