// Attendance persistence: register marks (current and every version), registers taken and the
// unexplained-absence alerts raised (migration 006). Reached as Connection::attendance(), sharing
// the connection's transaction. Reads return nullopt / empty when nothing matches; faults of the
// database throw StoreFault. Authorisation and validation are app/'s: these methods trust their
// caller. Marks are legal records: there is no delete, and the schema refuses one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/ids.h"
#include "core/placement.h"

namespace waymark::store {

// A pupil's current mark for one session.
struct StoredMark {
  Id id = 0;
  Id pupil_id = 0;
  Id provider_id = 0;
  Id placement_id = 0;
  Id commissioner_id = 0;  // the placement's commissioning school or local authority
  Date date;
  Session session = Session::Am;
  std::string code;                 // as the code book spells it: "/", "L", "J1"
  std::optional<int> minutes_late;  // with L or U only
  int version = 1;                  // 1 when first taken; +1 for each change
  Id recorded_by = 0;               // who wrote this version
  std::int64_t recorded_at = 0;
};

// One version of a mark, for the history of changes.
struct MarkVersion {
  Id mark_id = 0;
  Id pupil_id = 0;
  Date date;
  Session session = Session::Am;
  int version = 1;
  std::string code;
  std::optional<int> minutes_late;
  std::string reason;  // why it changed; empty for version 1
  Id changed_by = 0;
  std::string changed_by_name;  // filled by reads
  std::int64_t changed_at = 0;
};

struct RegisterTaken {
  Id provider_id = 0;
  Date date;
  Session session = Session::Am;
  Id taken_by = 0;
  std::int64_t taken_at = 0;
};

// A mark with the identifiers an export needs, in one read.
struct MarkExportRow {
  std::string upn;  // "" when the pupil has none
  Date date;
  Session session = Session::Am;
  std::string code;
  std::optional<int> minutes_late;
  std::string provider_urn;
  std::string commissioner_urn;
};

class AttendanceStore {
 public:
  virtual ~AttendanceStore() = default;

  virtual std::optional<StoredMark> mark(Id pupil_id, Date date, Session session) = 0;
  // Inserts version 1 (with its history row, reason ""); returns the new mark's id.
  virtual Id insert_mark(const StoredMark& mark) = 0;
  // Replaces the current mark with `mark` (its id, version, code, minutes, recorded_by/at) and
  // appends the version to the history with `reason`. REQUIRES: mark.version is the stored
  // version + 1.
  virtual void update_mark(const StoredMark& mark, const std::string& reason) = 0;
  // The current marks of these pupils on one date and session, in no particular order.
  virtual std::vector<StoredMark> marks_on(const std::vector<Id>& pupil_ids, Date date,
                                           Session session) = 0;
  // The current marks a provider took on one date and session, in no particular order.
  virtual std::vector<StoredMark> marks_at(Id provider_id, Date date, Session session) = 0;
  // A pupil's current marks with dates in [from, to], by date then session (AM first).
  virtual std::vector<StoredMark> marks_of(Id pupil_id, Date from, Date to) = 0;
  // Current marks of placements commissioned by `commissioner_id` with dates in [from, to], by
  // pupil, date, session.
  virtual std::vector<StoredMark> marks_commissioned_by(Id commissioner_id, Date from, Date to) = 0;
  // Every version of a pupil's marks with dates in [from, to], newest change first.
  virtual std::vector<MarkVersion> history_of(Id pupil_id, Date from, Date to) = 0;
  // Every current mark with dates in [from, to], optionally only of placements commissioned by
  // `commissioner_id`, ordered by UPN, date, session.
  virtual std::vector<MarkExportRow> export_rows(Date from, Date to,
                                                 std::optional<Id> commissioner_id) = 0;

  // Registers taken. put_register records the latest save (replacing an earlier one).
  virtual std::optional<RegisterTaken> register_taken(Id provider_id, Date date,
                                                      Session session) = 0;
  virtual void put_register(const RegisterTaken& taken) = 0;
  virtual std::vector<RegisterTaken> registers_taken_on(Id provider_id, Date date) = 0;

  // Unexplained-absence alerts. insert_alert returns false when one was already recorded for the
  // pupil, date and session (nothing is written then).
  virtual bool alert_recorded(Id pupil_id, Date date, Session session) = 0;
  virtual bool insert_alert(Id pupil_id, Date date, Session session, Id mark_id, Id organisation_id,
                            int notified, std::int64_t now) = 0;
};

}  // namespace waymark::store
