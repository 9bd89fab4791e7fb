// Attendance registers (issue 4 item 1): a provider's AM or PM register for a date lists the
// pupils expected then (an active placement with the provider whose timetable has that weekday and
// session), with their current marks; saving it writes every mark in one transaction.
//
// Who: the provider's admins, teachers and heads take registers (Forbidden for its other roles
// and for any other kind of organisation); the provider's users read them. Every changed mark is
// audited (entity "attendance_mark") and kept as a new version with who, when and why.
//
// Checks on save, all reported at once before anything is written (Invalid, fields
// "marks[i].<field>"): each pupil is on the register and appears once; the code is a DfE code
// valid on the date (core AttendanceCodeBook); minutes late are given with L and U (1 to 240)
// and only with them; changing a mark already taken needs a reason. The date is a school day of
// the provider (every weekday when it has no calendar) and not in the future. A pupil already
// marked for that session by another provider is a Conflict.
//
// An N (reason not yet established) alerts the placement's commissioning organisation at once
// through notify_organisation, once per pupil, date and session (recorded in attendance_alerts).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "core/placement.h"
#include "core/user.h"
#include "store/attendance_store.h"

namespace waymark::app {

inline constexpr const char* kUnexplainedAbsenceTopic = "attendance.unexplained_absence";

// A pupil expected at a provider in one session, by the placement's timetable.
struct ExpectedPupil {
  Id pupil_id = 0;
  std::string name;  // "Smith, Sam"
  std::string upn;   // "" when none
  Placement placement;
};

// Whether the placement's timetable has `date`'s weekday and `session`.
bool timetabled(const Placement& placement, Date date, Session session);

// The pupils `provider_id` expects on `date` in `session`, by name. No authorisation (callers
// authorise); empty on a day that is not one of the provider's school days.
std::vector<ExpectedPupil> expected_pupils(store::Connection& connection, Id provider_id, Date date,
                                           Session session);

// Whether `date` is a school day of the organisation: Monday to Friday, and when it has terms,
// inside one and not a closure day.
bool is_register_day(store::Connection& connection, Id organisation_id, Date date);

struct RegisterRow {
  Id pupil_id = 0;
  std::string name;
  std::string upn;
  Id placement_id = 0;
  Id commissioner_id = 0;                 // the placement's commissioning school or local authority
  std::optional<store::StoredMark> mark;  // the current mark; none when not yet marked
  bool expected = true;  // false for a pupil marked earlier who is no longer timetabled then
};

struct AttendanceRegister {
  Id provider_id = 0;
  Date date;
  Session session = Session::Am;
  bool school_day = true;
  std::vector<RegisterRow> rows;  // by name
  std::optional<store::RegisterTaken> taken;
  bool can_write = false;
  int marked() const;
};

// NotFound never; Forbidden when the actor is not a provider's user.
Result<AttendanceRegister> get_register(Context& context, const Actor& actor, Date date,
                                        Session session);

struct MarkEntry {
  Id pupil_id = 0;
  std::string code;
  std::optional<int> minutes_late;
  std::string reason;  // required when it changes a mark already taken
};

struct SavedRegister {
  AttendanceRegister attendance_register;
  int created = 0;
  int changed = 0;
  int unchanged = 0;
  int alerts = 0;  // unexplained absences newly notified
};

Result<SavedRegister> save_register(Context& context, const Actor& actor, Date date,
                                    Session session, const std::vector<MarkEntry>& entries);

// Tells the mark's commissioning organisation about an unexplained absence (notify_organisation,
// topic kUnexplainedAbsenceTopic, every active user, linking to the pupil's attendance page) and
// records it, unless it was already told about that pupil, date and session. Returns 1 when it
// raised the alert now, 0 otherwise. Call inside the transaction that wrote the mark.
int alert_unexplained_absence(store::Connection& connection, std::int64_t now,
                              const store::StoredMark& mark);

// One of a provider's registers on a day: how many pupils are expected and marked, and whether
// it has been taken.
struct RegisterStatus {
  Date date;
  Session session = Session::Am;
  int expected = 0;
  int marked = 0;
  bool taken = false;
};

// Both registers of `date` for the actor's provider (Forbidden for others).
Result<std::vector<RegisterStatus>> registers_for_day(Context& context, const Actor& actor,
                                                      Date date);

// For dashboards (no authorisation; callers authorise): the registers of `provider_id` on `date`
// with pupils expected that have not been taken yet.
std::vector<RegisterStatus> registers_not_taken(store::Connection& connection, Id provider_id,
                                                Date date);

}  // namespace waymark::app
