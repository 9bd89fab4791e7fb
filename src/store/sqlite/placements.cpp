// The roll (enrolments) and placements.
#include <string_view>

#include "store/sqlite/sqlite_connection.h"

namespace waymark::store::sqlite {

namespace {

// Enrolments.

constexpr const char* kEnrolmentColumns =
    "SELECT id, pupil_id, school_id, admission_date, leaving_date, registration FROM enrolments ";

Enrolment read_enrolment(const Statement& row) {
  return Enrolment{
      .id = row.int64(0),
      .pupil_id = row.int64(1),
      .school_id = row.int64(2),
      .admission_date = row.date(3),
      .leaving_date = row.optional_date(4),
      .registration = stored_or_fault(parse_registration_type(row.text(5)), "registration type"),
  };
}

// Placements. The timetable is stored as text, "Mon AM,Tue PM".

std::string timetable_text(const std::vector<TimetableSlot>& timetable) {
  std::string text;
  for (const TimetableSlot& slot : timetable) {
    if (!text.empty()) text += ',';
    text += to_string(slot);
  }
  return text;
}

std::vector<TimetableSlot> parse_timetable_text(std::string_view text) {
  std::vector<TimetableSlot> timetable;
  while (!text.empty()) {
    std::size_t comma = text.find(',');
    std::string_view slot = text.substr(0, comma);
    timetable.push_back(stored_or_fault(parse_timetable_slot(slot), "timetable slot"));
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
  }
  return timetable;
}

constexpr const char* kPlacementColumns =
    "SELECT id, pupil_id, provider_id, commissioner_id, referral_date, start_date, "
    "planned_end_date, actual_end_date, hours_per_week, timetable, reason, objectives, "
    "reintegration_plan, status, end_reason, end_notes, la_notified, updated_at FROM placements ";

Placement read_placement(const Statement& row) {
  Placement placement;
  placement.id = row.int64(0);
  placement.pupil_id = row.int64(1);
  placement.provider_id = row.int64(2);
  placement.commissioner_id = row.int64(3);
  placement.referral_date = row.date(4);
  placement.start_date = row.optional_date(5);
  placement.planned_end_date = row.optional_date(6);
  placement.actual_end_date = row.optional_date(7);
  placement.hours_per_week = row.real(8);
  placement.timetable = parse_timetable_text(row.text(9));
  placement.reason = row.text(10);
  placement.objectives = row.text(11);
  placement.reintegration_plan = row.text(12);
  placement.status = stored_or_fault(parse_placement_status(row.text(13)), "placement status");
  if (auto reason = row.optional_text(14))
    placement.end_reason = stored_or_fault(parse_end_reason(*reason), "end reason");
  placement.end_notes = row.text(15);
  placement.la_notified = row.boolean(16);
  placement.updated_at = row.int64(17);
  return placement;
}

std::optional<std::string> end_reason_text(const Placement& placement) {
  if (!placement.end_reason) return std::nullopt;
  return std::string(to_string(*placement.end_reason));
}

}  // namespace

std::vector<Enrolment> SqliteConnection::enrolments_of(Id pupil_id) {
  static const std::string sql =
      std::string(kEnrolmentColumns) + "WHERE pupil_id = ? ORDER BY admission_date DESC, id DESC";
  Statement statement = db_.prepare(sql);
  statement.bind_all(pupil_id);
  std::vector<Enrolment> enrolments;
  while (statement.next_row()) enrolments.push_back(read_enrolment(statement));
  return enrolments;
}

Id SqliteConnection::insert_enrolment(const Enrolment& enrolment) {
  Statement statement = db_.prepare(
      "INSERT INTO enrolments (pupil_id, school_id, admission_date, leaving_date, registration) "
      "VALUES (?, ?, ?, ?, ?)");
  statement.bind_all(enrolment.pupil_id, enrolment.school_id, enrolment.admission_date,
                     enrolment.leaving_date, to_string(enrolment.registration));
  statement.run();
  return db_.last_insert_id();
}

void SqliteConnection::update_enrolment(const Enrolment& enrolment) {
  Statement statement = db_.prepare(
      "UPDATE enrolments SET school_id = ?, admission_date = ?, leaving_date = ?, "
      "registration = ? WHERE id = ?");
  statement.bind_all(enrolment.school_id, enrolment.admission_date, enrolment.leaving_date,
                     to_string(enrolment.registration), enrolment.id);
  statement.run();
}

std::optional<Placement> SqliteConnection::placement(Id id) {
  static const std::string sql = std::string(kPlacementColumns) + "WHERE id = ?";
  Statement statement = db_.prepare(sql);
  statement.bind_all(id);
  if (!statement.next_row()) return std::nullopt;
  return read_placement(statement);
}

std::vector<Placement> SqliteConnection::placements_of(Id pupil_id) {
  static const std::string sql =
      std::string(kPlacementColumns) + "WHERE pupil_id = ? ORDER BY referral_date DESC, id DESC";
  Statement statement = db_.prepare(sql);
  statement.bind_all(pupil_id);
  std::vector<Placement> placements;
  while (statement.next_row()) placements.push_back(read_placement(statement));
  return placements;
}

std::vector<Placement> SqliteConnection::placements_of_pupils(const std::vector<Id>& pupil_ids) {
  if (pupil_ids.empty()) return {};
  // The ids travel as one bound JSON array, so any number of them uses one cached statement.
  std::string ids = "[";
  for (Id pupil_id : pupil_ids) {
    if (ids.size() > 1) ids += ',';
    ids += std::to_string(pupil_id);
  }
  ids += ']';
  static const std::string sql =
      std::string(kPlacementColumns) + "WHERE pupil_id IN (SELECT value FROM json_each(?))";
  Statement statement = db_.prepare(sql);
  statement.bind_all(ids);
  std::vector<Placement> placements;
  while (statement.next_row()) placements.push_back(read_placement(statement));
  return placements;
}

Id SqliteConnection::insert_placement(const Placement& placement, std::int64_t now) {
  Statement statement = db_.prepare(
      "INSERT INTO placements (pupil_id, provider_id, commissioner_id, referral_date, "
      "start_date, planned_end_date, actual_end_date, hours_per_week, timetable, reason, "
      "objectives, reintegration_plan, status, end_reason, end_notes, la_notified, created_at, "
      "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  statement.bind_all(
      placement.pupil_id, placement.provider_id, placement.commissioner_id, placement.referral_date,
      placement.start_date, placement.planned_end_date, placement.actual_end_date,
      placement.hours_per_week, timetable_text(placement.timetable), placement.reason,
      placement.objectives, placement.reintegration_plan, to_string(placement.status),
      end_reason_text(placement), placement.end_notes, placement.la_notified, now, now);
  statement.run();
  return db_.last_insert_id();
}

void SqliteConnection::update_placement(const Placement& placement, std::int64_t now) {
  Statement statement = db_.prepare(
      "UPDATE placements SET provider_id = ?, commissioner_id = ?, referral_date = ?, "
      "start_date = ?, planned_end_date = ?, actual_end_date = ?, hours_per_week = ?, "
      "timetable = ?, reason = ?, objectives = ?, reintegration_plan = ?, status = ?, "
      "end_reason = ?, end_notes = ?, la_notified = ?, updated_at = ? WHERE id = ?");
  statement.bind_all(placement.provider_id, placement.commissioner_id, placement.referral_date,
                     placement.start_date, placement.planned_end_date, placement.actual_end_date,
                     placement.hours_per_week, timetable_text(placement.timetable),
                     placement.reason, placement.objectives, placement.reintegration_plan,
                     to_string(placement.status), end_reason_text(placement), placement.end_notes,
                     placement.la_notified, now, placement.id);
  statement.run();
}

}  // namespace waymark::store::sqlite
