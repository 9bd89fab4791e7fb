// The SQLite Connection: one per thread, owning its Db and so its cached statements. The methods
// are defined by concept in organisations.cpp, users.cpp, pupils.cpp, pupil_list.cpp,
// placements.cpp, calendar.cpp, teaching_groups.cpp and audit.cpp.
#pragma once

#include <string>
#include <utility>

#include <memory>

#include "store/assessment_setup_store.h"
#include "store/attendance_store.h"
#include "store/baseline_store.h"
#include "store/behaviour_store.h"
#include "store/classwork_store.h"
#include "store/contact_store.h"
#include "store/feedback_form_store.h"
#include "store/monitoring_store.h"
#include "store/notification_store.h"
#include "store/sqlite/db.h"
#include "store/store.h"

namespace waymark::store::sqlite {

class SqliteConnection final : public Connection {
 public:
  // Opens `path` in WAL mode. Throws SqliteFault when it cannot.
  explicit SqliteConnection(const std::string& path) : db_(path) {}

  Db& db() { return db_; }

  void begin() override;
  void commit() override;
  void rollback() override;

  std::optional<Organisation> organisation(Id id) override;
  std::optional<Organisation> organisation_by_urn(const std::string& urn) override;
  std::vector<Organisation> organisations() override;
  Id insert_organisation(const Organisation& organisation) override;
  void update_organisation(const Organisation& organisation) override;

  std::optional<UserRecord> user_by_email(const std::string& email) override;
  std::optional<User> user(Id id) override;
  std::vector<User> users_in(Id organisation_id) override;
  Result<Id> insert_user(const User& user, const std::string& password_hash) override;
  Status update_user(const User& user) override;
  void set_password_hash(Id user_id, const std::string& password_hash) override;

  void insert_session(const std::string& token_hash, const SessionRecord& session,
                      std::int64_t now) override;
  std::optional<SessionRecord> session(const std::string& token_hash) override;
  void delete_session(const std::string& token_hash) override;
  void delete_sessions_of(Id user_id) override;
  void delete_expired_sessions(std::int64_t now) override;
  Id insert_api_token(const ApiTokenRecord& token, const std::string& token_hash) override;
  std::optional<ApiTokenRecord> api_token_by_hash(const std::string& token_hash) override;
  std::vector<ApiTokenRecord> api_tokens_of(Id user_id) override;
  bool revoke_api_token(Id token_id, Id user_id, std::int64_t now) override;
  void touch_api_token(Id token_id, std::int64_t now) override;

  std::optional<ThrottleRecord> throttle(const std::string& key) override;
  void put_throttle(const std::string& key, const ThrottleRecord& record) override;
  void clear_throttle(const std::string& key) override;

  bool pupil_visible(Id pupil_id, const Visibility& visibility) override;
  std::optional<Pupil> pupil(Id id) override;
  std::optional<Id> pupil_id_by_upn(const std::string& upn) override;
  std::vector<Id> pupil_ids_by_name_and_dob(const Visibility& visibility,
                                            const std::string& legal_forename,
                                            const std::string& legal_surname, Date dob) override;
  PupilPage pupils(const Visibility& visibility, const PupilFilter& filter) override;
  Result<Id> insert_pupil(const Pupil& pupil, std::int64_t now) override;
  Status update_pupil(const Pupil& pupil, std::int64_t now) override;

  std::vector<Enrolment> enrolments_of(Id pupil_id) override;
  Id insert_enrolment(const Enrolment& enrolment) override;
  void update_enrolment(const Enrolment& enrolment) override;

  std::optional<Placement> placement(Id id) override;
  std::vector<Placement> placements_of(Id pupil_id) override;
  std::vector<Placement> placements_of_pupils(const std::vector<Id>& pupil_ids) override;
  Id insert_placement(const Placement& placement, std::int64_t now) override;
  void update_placement(const Placement& placement, std::int64_t now) override;

  std::vector<Term> terms_of(Id organisation_id) override;
  Id insert_term(const Term& term) override;
  std::vector<ClosureDay> closure_days_of(Id organisation_id) override;
  Result<Id> insert_closure_day(const ClosureDay& closure) override;
  std::vector<Subject> subjects_of(Id organisation_id) override;
  Result<Id> insert_subject(const Subject& subject) override;
  std::vector<TeachingGroup> teaching_groups_of(Id organisation_id) override;
  std::optional<TeachingGroup> teaching_group(Id id) override;
  Id insert_teaching_group(const TeachingGroup& group) override;
  void update_teaching_group(const TeachingGroup& group) override;

  void append_audit(const AuditEntry& entry) override;
  std::vector<AuditEntry> audit_of_pupil(Id pupil_id, int limit) override;
  std::vector<AuditEntry> audit_of_organisation(Id organisation_id, int limit) override;

  std::uint64_t change_marker() override;

  AssessmentSetupStore& assessment_setup() override;
  BaselineStore& baselines() override;
  ClassworkStore& classwork() override;
  FeedbackFormStore& feedback_forms() override;
  NotificationStore& notifications() override;
  AttendanceStore& attendance() override;
  MonitoringStore& monitoring() override;
  ContactStore& contacts() override;
  BehaviourStore& behaviour() override;

 private:
  void write_barriers_and_contacts(const Pupil& pupil, Id pupil_id);
  void write_group_members(const TeachingGroup& group, Id group_id);

  Db db_;
  // Created on first use; each shares db_ (and so its transaction and statement cache).
  std::unique_ptr<AssessmentSetupStore> assessment_setup_;
  std::unique_ptr<BaselineStore> baselines_;
  std::unique_ptr<ClassworkStore> classwork_;
  std::unique_ptr<FeedbackFormStore> feedback_forms_;
  std::unique_ptr<NotificationStore> notifications_;
  std::unique_ptr<AttendanceStore> attendance_;
  std::unique_ptr<MonitoringStore> monitoring_;
  std::unique_ptr<ContactStore> contacts_;
  std::unique_ptr<BehaviourStore> behaviour_;
};

// Factories for the area stores, each defined beside its implementation.
std::unique_ptr<AssessmentSetupStore> make_assessment_setup_store(Db& db);
std::unique_ptr<BaselineStore> make_baseline_store(Db& db);
std::unique_ptr<ClassworkStore> make_classwork_store(Db& db);
std::unique_ptr<FeedbackFormStore> make_feedback_form_store(Db& db);
std::unique_ptr<NotificationStore> make_notification_store(Db& db);
std::unique_ptr<AttendanceStore> make_attendance_store(Db& db);
std::unique_ptr<MonitoringStore> make_monitoring_store(Db& db);
std::unique_ptr<ContactStore> make_contact_store(Db& db);
std::unique_ptr<BehaviourStore> make_behaviour_store(Db& db);

// Ids of 0 mean "none" in the domain types and NULL in the database.
inline std::optional<Id> id_or_null(Id id) {
  return id == 0 ? std::nullopt : std::optional<Id>(id);
}

// A value parsed back from its stored text. The store wrote it, so a failure is a fault of the
// database; the message names what was wrong but not the value, which may be personal data.
template <typename T>
T stored_or_fault(Result<T> parsed, const char* what) {
  if (!parsed.ok()) throw StoreFault(std::string("a stored ") + what + " is not valid");
  return std::move(parsed).value();
}

}  // namespace waymark::store::sqlite
