// Persistence behind one interface. The SQLite backend lives in store/sqlite/; a PostgreSQL
// backend implements the same interface (FIXME: not yet written; the seam is this file).
//
// Threading: a Store is shared by all threads; Store::connection() hands each calling thread its
// own Connection, which must not be shared between threads. Every SQL statement binds its values
// as parameters.
//
// Errors: reads return std::nullopt / empty when nothing matches. Writes that can fail because of
// the data (a duplicate UPN, say) return a Status; faults of the database itself (disk full,
// corruption) throw StoreFault, which the app layer turns into a 500 with no personal data.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/date.h"
#include "core/ids.h"
#include "core/organisation.h"
#include "core/placement.h"
#include "core/pupil.h"
#include "core/result.h"
#include "core/user.h"

namespace waymark::store {

// A fault of the database itself; never caused by user input.
class StoreFault : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Which pupils a reader may see, derived by app/ from the Actor (see app/visibility.h).
struct Visibility {
  OrgKind organisation_kind = OrgKind::School;
  Id organisation_id = 0;
  // Only pupils the organisation placed (commissioner-only users), not its roll or oversight.
  bool placed_only = false;
};

struct PupilFilter {
  std::string search;      // matches UPN exactly, or the start of any legal or preferred name
  Id provider_id = 0;      // has a placement at this provider
  Id commissioner_id = 0;  // has a placement commissioned by this organisation
  Id school_id = 0;        // on this school's roll
  // NC year: pupils whose override equals nc_year, or who have no override and were born in
  // [dob_from, dob_to]. app/ computes the range from the academic year.
  std::optional<int> nc_year;
  std::optional<Date> dob_from;
  std::optional<Date> dob_to;
  std::vector<std::string> flags;  // keys of flag_fields(), plus "sen_k", "sen_e", "ehcp", "no_upn"
  std::optional<PlacementStatus> placement_status;  // has a placement in this status
  int limit = 50;
  int offset = 0;
};

struct PupilPage {
  std::vector<Pupil> pupils;  // without barriers and contacts; ordered by surname, forename, id
  int total = 0;              // matches before limit/offset
};

struct UserRecord {
  User user;
  std::string password_hash;
};

struct SessionRecord {
  Id user_id = 0;
  std::string csrf_token;
  std::int64_t expires_at = 0;
};

struct ApiTokenRecord {
  Id id = 0;
  Id user_id = 0;
  std::string name;
  std::string prefix;  // the first characters of the token, shown so users can tell tokens apart
  std::int64_t created_at = 0;
  std::optional<std::int64_t> last_used_at;
  std::optional<std::int64_t> revoked_at;
};

struct ThrottleRecord {
  int failures = 0;
  std::int64_t last_failure_at = 0;
  std::int64_t locked_until = 0;
};

struct AuditEntry {
  Id id = 0;
  std::int64_t at = 0;
  Id user_id = 0;  // 0 for the system (demo seeding, migrations)
  Id organisation_id = 0;
  std::string action;  // "create", "update", "delete", "status", "import", "login", ...
  std::string entity;  // "pupil", "placement", "user", ...
  Id entity_id = 0;
  Id pupil_id = 0;                // 0 when the record is not about one pupil
  std::string before_json;        // "" when there was no record before
  std::string after_json;         // "" when there is no record after
  std::string user_display_name;  // filled by reads
};

// The assessment loop's areas (issue 3), each an interface of its own in store/<area>_store.h,
// reached through the Connection so that they share its transaction.
class AssessmentSetupStore;  // grade scales, subject scales, KS3 expectations, intake, home-school
                             // work, targets
class BaselineStore;   // baseline instruments and results (incl. SDQ), pathways, further assessment
class ClassworkStore;  // exit tickets, marked work and feedback, evidence files
class FeedbackFormStore;  // 3-weekly feedback forms
class NotificationStore;  // in-app notifications and the email outbox (issue 4)
class AttendanceStore;    // attendance registers (issue 4)
class MonitoringStore;    // weekly RAG, weekly updates, deterioration alerts, action plans
class ContactStore;       // parent and carer contact log, call intervals, key workers
class BehaviourStore;     // behaviour incidents, rewards, placement sharing

// One thread's connection. Not thread-safe.
class Connection {
 public:
  virtual ~Connection() = default;

  // Transactions. begin() takes the write lock at once (BEGIN IMMEDIATE) so that a use case never
  // fails half-way for lack of it. Prefer app's in_transaction() helper over calling these.
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;

  // Organisations.
  virtual std::optional<Organisation> organisation(Id id) = 0;
  virtual std::optional<Organisation> organisation_by_urn(const std::string& urn) = 0;
  virtual std::vector<Organisation> organisations() = 0;  // ordered by name
  virtual Id insert_organisation(const Organisation& organisation) = 0;
  virtual void update_organisation(const Organisation& organisation) = 0;

  // Users. Emails are stored normalised (lower case) and unique.
  virtual std::optional<UserRecord> user_by_email(const std::string& email) = 0;
  virtual std::optional<User> user(Id id) = 0;
  virtual std::vector<User> users_in(Id organisation_id) = 0;  // ordered by display name
  // Fails with Conflict on field "email" when the email is taken.
  virtual Result<Id> insert_user(const User& user, const std::string& password_hash) = 0;
  virtual Status update_user(const User& user) = 0;  // email, display name, roles, active
  virtual void set_password_hash(Id user_id, const std::string& password_hash) = 0;

  // Sessions and API tokens (stored by hash only).
  virtual void insert_session(const std::string& token_hash, const SessionRecord& session,
                              std::int64_t now) = 0;
  virtual std::optional<SessionRecord> session(const std::string& token_hash) = 0;
  virtual void delete_session(const std::string& token_hash) = 0;
  virtual void delete_sessions_of(Id user_id) = 0;
  virtual void delete_expired_sessions(std::int64_t now) = 0;
  virtual Id insert_api_token(const ApiTokenRecord& token, const std::string& token_hash) = 0;
  virtual std::optional<ApiTokenRecord> api_token_by_hash(const std::string& token_hash) = 0;
  virtual std::vector<ApiTokenRecord> api_tokens_of(Id user_id) = 0;  // newest first
  // Returns false when no unrevoked token of that id belongs to that user.
  virtual bool revoke_api_token(Id token_id, Id user_id, std::int64_t now) = 0;
  virtual void touch_api_token(Id token_id, std::int64_t now) = 0;

  // Failed sign-in counters.
  virtual std::optional<ThrottleRecord> throttle(const std::string& key) = 0;
  virtual void put_throttle(const std::string& key, const ThrottleRecord& record) = 0;
  virtual void clear_throttle(const std::string& key) = 0;

  // Pupils.
  virtual bool pupil_visible(Id pupil_id, const Visibility& visibility) = 0;
  virtual std::optional<Pupil> pupil(Id id) = 0;  // with barriers and contacts
  virtual std::optional<Id> pupil_id_by_upn(const std::string& upn) = 0;
  // Visible pupils without a UPN with exactly these legal names (case-insensitive) and date of
  // birth: how an import recognises a pupil it has seen before when there is no UPN.
  virtual std::vector<Id> pupil_ids_by_name_and_dob(const Visibility& visibility,
                                                    const std::string& legal_forename,
                                                    const std::string& legal_surname, Date dob) = 0;
  virtual PupilPage pupils(const Visibility& visibility, const PupilFilter& filter) = 0;
  // Fail with Conflict on field "upn" when another pupil has the UPN.
  virtual Result<Id> insert_pupil(const Pupil& pupil, std::int64_t now) = 0;
  virtual Status update_pupil(const Pupil& pupil,
                              std::int64_t now) = 0;  // replaces barriers and contacts

  // Roll.
  virtual std::vector<Enrolment> enrolments_of(Id pupil_id) = 0;  // newest admission first
  virtual Id insert_enrolment(const Enrolment& enrolment) = 0;
  virtual void update_enrolment(const Enrolment& enrolment) = 0;

  // Placements.
  virtual std::optional<Placement> placement(Id id) = 0;
  virtual std::vector<Placement> placements_of(Id pupil_id) = 0;  // newest referral first
  // Placements of many pupils at once (for lists), in no particular order.
  virtual std::vector<Placement> placements_of_pupils(const std::vector<Id>& pupil_ids) = 0;
  virtual Id insert_placement(const Placement& placement, std::int64_t now) = 0;
  virtual void update_placement(const Placement& placement, std::int64_t now) = 0;

  // Calendar and teaching structure.
  virtual std::vector<Term> terms_of(Id organisation_id) = 0;  // ordered by start date
  virtual Id insert_term(const Term& term) = 0;
  virtual std::vector<ClosureDay> closure_days_of(Id organisation_id) = 0;
  virtual Result<Id> insert_closure_day(
      const ClosureDay& closure) = 0;  // Conflict on a repeated date
  virtual std::vector<Subject> subjects_of(Id organisation_id) = 0;
  virtual Result<Id> insert_subject(const Subject& subject) = 0;  // Conflict on a repeated name
  virtual std::vector<TeachingGroup> teaching_groups_of(
      Id organisation_id) = 0;  // with staff and pupils
  virtual std::optional<TeachingGroup> teaching_group(Id id) = 0;
  virtual Id insert_teaching_group(const TeachingGroup& group) = 0;
  virtual void update_teaching_group(const TeachingGroup& group) = 0;  // replaces staff and pupils

  // Audit (append-only; the schema refuses updates and deletes).
  virtual void append_audit(const AuditEntry& entry) = 0;
  virtual std::vector<AuditEntry> audit_of_pupil(Id pupil_id, int limit) = 0;  // newest first
  virtual std::vector<AuditEntry> audit_of_organisation(Id organisation_id, int limit) = 0;

  // A value that changes whenever the database may have changed since it was last read on this
  // connection: a commit by any other connection or process, or any write through this one.
  // Read caches compare it to decide whether what they hold is still current.
  virtual std::uint64_t change_marker() = 0;

  // The assessment areas, on this same connection (and so inside its transaction).
  virtual AssessmentSetupStore& assessment_setup() = 0;
  virtual BaselineStore& baselines() = 0;
  virtual ClassworkStore& classwork() = 0;
  virtual FeedbackFormStore& feedback_forms() = 0;
  virtual NotificationStore& notifications() = 0;
  virtual AttendanceStore& attendance() = 0;
  virtual MonitoringStore& monitoring() = 0;
  virtual ContactStore& contacts() = 0;
  virtual BehaviourStore& behaviour() = 0;
};

class Store {
 public:
  virtual ~Store() = default;
  // The calling thread's connection, opened on first use.
  virtual Connection& connection() = 0;
  // The schema version the database is at.
  virtual int schema_version() = 0;
  // Unique to this Store object for the life of the process (never reused), so that per-thread
  // caches can tell one store from another that later occupies the same address.
  virtual std::uint64_t generation() const = 0;
};

}  // namespace waymark::store
