// Teaching groups with their staff and pupils.
#include <map>

#include "store/sqlite/sqlite_connection.h"

namespace waymark::store::sqlite {

namespace {

constexpr const char* kGroupColumns =
    "SELECT id, organisation_id, name, subject_id, academic_year FROM teaching_groups ";

TeachingGroup read_group(const Statement& row) {
  return TeachingGroup{.id = row.int64(0),
                       .organisation_id = row.int64(1),
                       .name = row.text(2),
                       .subject_id = row.int64(3),
                       .academic_year = row.integer(4),
                       .staff_ids = {},
                       .pupil_ids = {}};
}

// Fills staff and pupil ids from rows of (group_id, member_id).
void add_members(Statement& rows, std::map<Id, TeachingGroup*>& groups,
                 std::vector<Id> TeachingGroup::*members) {
  while (rows.next_row()) {
    auto found = groups.find(rows.int64(0));
    if (found != groups.end()) (found->second->*members).push_back(rows.int64(1));
  }
}

}  // namespace

std::vector<TeachingGroup> SqliteConnection::teaching_groups_of(Id organisation_id) {
  static const std::string sql = std::string(kGroupColumns) +
                                 "WHERE organisation_id = ? ORDER BY academic_year DESC, "
                                 "name COLLATE NOCASE, id";
  std::vector<TeachingGroup> groups;
  {
    Statement statement = db_.prepare(sql);
    statement.bind_all(organisation_id);
    while (statement.next_row()) groups.push_back(read_group(statement));
  }
  std::map<Id, TeachingGroup*> by_id;
  for (TeachingGroup& group : groups) by_id[group.id] = &group;
  // Members of all the organisation's groups in two queries, rather than two per group.
  Statement staff = db_.prepare(
      "SELECT s.group_id, s.user_id FROM teaching_group_staff s JOIN teaching_groups g "
      "ON g.id = s.group_id WHERE g.organisation_id = ? ORDER BY s.group_id, s.rowid");
  staff.bind_all(organisation_id);
  add_members(staff, by_id, &TeachingGroup::staff_ids);
  Statement pupils = db_.prepare(
      "SELECT m.group_id, m.pupil_id FROM teaching_group_pupils m JOIN teaching_groups g "
      "ON g.id = m.group_id WHERE g.organisation_id = ? ORDER BY m.group_id, m.rowid");
  pupils.bind_all(organisation_id);
  add_members(pupils, by_id, &TeachingGroup::pupil_ids);
  return groups;
}

std::optional<TeachingGroup> SqliteConnection::teaching_group(Id id) {
  static const std::string sql = std::string(kGroupColumns) + "WHERE id = ?";
  std::optional<TeachingGroup> group;
  {
    Statement statement = db_.prepare(sql);
    statement.bind_all(id);
    if (!statement.next_row()) return std::nullopt;
    group = read_group(statement);
  }
  Statement staff =
      db_.prepare("SELECT user_id FROM teaching_group_staff WHERE group_id = ? ORDER BY rowid");
  staff.bind_all(id);
  while (staff.next_row()) group->staff_ids.push_back(staff.int64(0));
  Statement pupils =
      db_.prepare("SELECT pupil_id FROM teaching_group_pupils WHERE group_id = ? ORDER BY rowid");
  pupils.bind_all(id);
  while (pupils.next_row()) group->pupil_ids.push_back(pupils.int64(0));
  return group;
}

Id SqliteConnection::insert_teaching_group(const TeachingGroup& group) {
  Savepoint savepoint(db_);
  Statement statement = db_.prepare(
      "INSERT INTO teaching_groups (organisation_id, name, subject_id, academic_year) "
      "VALUES (?, ?, ?, ?)");
  statement.bind_all(group.organisation_id, group.name, id_or_null(group.subject_id),
                     group.academic_year);
  statement.run();
  Id id = db_.last_insert_id();
  write_group_members(group, id);
  savepoint.release();
  return id;
}

void SqliteConnection::update_teaching_group(const TeachingGroup& group) {
  Savepoint savepoint(db_);
  Statement statement = db_.prepare(
      "UPDATE teaching_groups SET name = ?, subject_id = ?, academic_year = ? WHERE id = ?");
  statement.bind_all(group.name, id_or_null(group.subject_id), group.academic_year, group.id);
  statement.run();
  write_group_members(group, group.id);
  savepoint.release();
}

// Replaces the group's staff and pupils. Repeated ids are stored once.
void SqliteConnection::write_group_members(const TeachingGroup& group, Id group_id) {
  Statement clear_staff = db_.prepare("DELETE FROM teaching_group_staff WHERE group_id = ?");
  clear_staff.bind_all(group_id);
  clear_staff.run();
  Statement clear_pupils = db_.prepare("DELETE FROM teaching_group_pupils WHERE group_id = ?");
  clear_pupils.bind_all(group_id);
  clear_pupils.run();
  for (Id user_id : group.staff_ids) {
    Statement insert = db_.prepare(
        "INSERT INTO teaching_group_staff (group_id, user_id) VALUES (?, ?) ON CONFLICT DO "
        "NOTHING");
    insert.bind_all(group_id, user_id);
    insert.run();
  }
  for (Id pupil_id : group.pupil_ids) {
    Statement insert = db_.prepare(
        "INSERT INTO teaching_group_pupils (group_id, pupil_id) VALUES (?, ?) ON CONFLICT DO "
        "NOTHING");
    insert.bind_all(group_id, pupil_id);
    insert.run();
  }
}

}  // namespace waymark::store::sqlite
