// A pupil's record: identity, characteristics, barriers to learning and contacts.
#include <algorithm>
#include <cctype>
#include <set>

#include "store/sqlite/pupil_rows.h"
#include "store/sqlite/sqlite_connection.h"

namespace waymark::store::sqlite {

namespace {

std::optional<std::string> stored_upn(const Pupil& pupil) {
  if (!pupil.upn) return std::nullopt;
  return pupil.upn->str();
}

Error upn_taken() {
  return Error::conflict("upn", "another pupil already has this UPN");
}

}  // namespace

Pupil read_pupil(const Statement& row) {
  Pupil pupil;
  pupil.id = row.int64(0);
  if (auto upn = row.optional_text(1)) pupil.upn = stored_or_fault(Upn::parse(*upn), "UPN");
  pupil.legal_forename = row.text(2);
  pupil.legal_surname = row.text(3);
  pupil.preferred_forename = row.text(4);
  pupil.preferred_surname = row.text(5);
  pupil.dob = row.date(6);
  pupil.sex = stored_or_fault(parse_sex(row.text(7)), "sex");
  pupil.nc_year_override = row.optional_integer(8);
  pupil.sen = stored_or_fault(parse_sen_status(row.text(9)), "SEN status");
  pupil.flags.pupil_premium = row.boolean(10);
  pupil.flags.fsm = row.boolean(11);
  pupil.flags.looked_after = row.boolean(12);
  pupil.flags.child_in_need = row.boolean(13);
  pupil.flags.child_protection = row.boolean(14);
  pupil.flags.eal = row.boolean(15);
  pupil.flags.young_carer = row.boolean(16);
  pupil.medical_needs = row.text(17);
  pupil.updated_at = row.int64(18);
  return pupil;
}

std::optional<Pupil> SqliteConnection::pupil(Id id) {
  static const std::string sql = std::string(kPupilColumns) + " WHERE p.id = ?";
  std::optional<Pupil> pupil;
  {
    Statement statement = db_.prepare(sql);
    statement.bind_all(id);
    if (!statement.next_row()) return std::nullopt;
    pupil = read_pupil(statement);
  }
  Statement barriers =
      db_.prepare("SELECT barrier, notes FROM pupil_barriers WHERE pupil_id = ? ORDER BY rowid");
  barriers.bind_all(id);
  while (barriers.next_row()) {
    Barrier barrier = stored_or_fault(parse_barrier(barriers.text(0)), "barrier");
    pupil->barriers.push_back(BarrierNote{barrier, barriers.text(1)});
  }
  Statement contacts = db_.prepare(
      "SELECT id, name, relationship, parental_responsibility, phone, phone_alt, email, priority "
      "FROM contacts WHERE pupil_id = ? ORDER BY priority, id");
  contacts.bind_all(id);
  while (contacts.next_row()) {
    pupil->contacts.push_back(Contact{.id = contacts.int64(0),
                                      .name = contacts.text(1),
                                      .relationship = contacts.text(2),
                                      .parental_responsibility = contacts.boolean(3),
                                      .phone = contacts.text(4),
                                      .phone_alt = contacts.text(5),
                                      .email = contacts.text(6),
                                      .priority = contacts.integer(7)});
  }
  return pupil;
}

std::optional<Id> SqliteConnection::pupil_id_by_upn(const std::string& upn) {
  std::string canonical;
  for (char c : upn)
    if (!std::isspace(static_cast<unsigned char>(c)))
      canonical += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  Statement statement = db_.prepare("SELECT id FROM pupils WHERE upn = ?");
  statement.bind_all(canonical);
  if (!statement.next_row()) return std::nullopt;
  return statement.int64(0);
}

Result<Id> SqliteConnection::insert_pupil(const Pupil& pupil, std::int64_t now) {
  Savepoint savepoint(db_);
  {
    Statement statement = db_.prepare(
        "INSERT INTO pupils (upn, legal_forename, legal_surname, preferred_forename, "
        "preferred_surname, dob, sex, nc_year_override, sen, pupil_premium, fsm, looked_after, "
        "child_in_need, child_protection, eal, young_carer, medical_needs, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    const PupilFlags& flags = pupil.flags;
    statement.bind_all(stored_upn(pupil), pupil.legal_forename, pupil.legal_surname,
                       pupil.preferred_forename, pupil.preferred_surname, pupil.dob,
                       to_string(pupil.sex), pupil.nc_year_override, to_string(pupil.sen),
                       flags.pupil_premium, flags.fsm, flags.looked_after, flags.child_in_need,
                       flags.child_protection, flags.eal, flags.young_carer, pupil.medical_needs,
                       now, now);
    try {
      statement.run();
    } catch (const SqliteFault& fault) {
      if (fault.unique_violation_on("pupils.upn")) return upn_taken();
      throw;
    }
  }
  Id id = db_.last_insert_id();
  write_barriers_and_contacts(pupil, id);
  savepoint.release();
  return id;
}

Status SqliteConnection::update_pupil(const Pupil& pupil, std::int64_t now) {
  Savepoint savepoint(db_);
  {
    Statement statement = db_.prepare(
        "UPDATE pupils SET upn = ?, legal_forename = ?, legal_surname = ?, "
        "preferred_forename = ?, preferred_surname = ?, dob = ?, sex = ?, nc_year_override = ?, "
        "sen = ?, pupil_premium = ?, fsm = ?, looked_after = ?, child_in_need = ?, "
        "child_protection = ?, eal = ?, young_carer = ?, medical_needs = ?, updated_at = ? "
        "WHERE id = ?");
    const PupilFlags& flags = pupil.flags;
    statement.bind_all(stored_upn(pupil), pupil.legal_forename, pupil.legal_surname,
                       pupil.preferred_forename, pupil.preferred_surname, pupil.dob,
                       to_string(pupil.sex), pupil.nc_year_override, to_string(pupil.sen),
                       flags.pupil_premium, flags.fsm, flags.looked_after, flags.child_in_need,
                       flags.child_protection, flags.eal, flags.young_carer, pupil.medical_needs,
                       now, pupil.id);
    try {
      if (statement.run() == 0) return Error::not_found("pupil");
    } catch (const SqliteFault& fault) {
      if (fault.unique_violation_on("pupils.upn")) return upn_taken();
      throw;
    }
  }
  write_barriers_and_contacts(pupil, pupil.id);
  savepoint.release();
  return {};
}

// Replaces the pupil's barriers and contacts. A contact keeps its id when the id is one of this
// pupil's contacts (so links to it survive an edit); any other id is replaced by a new one.
void SqliteConnection::write_barriers_and_contacts(const Pupil& pupil, Id pupil_id) {
  std::set<Id> reusable_ids;
  {
    Statement existing = db_.prepare("SELECT id FROM contacts WHERE pupil_id = ?");
    existing.bind_all(pupil_id);
    while (existing.next_row()) reusable_ids.insert(existing.int64(0));
  }
  Statement delete_barriers = db_.prepare("DELETE FROM pupil_barriers WHERE pupil_id = ?");
  delete_barriers.bind_all(pupil_id);
  delete_barriers.run();
  Statement delete_contacts = db_.prepare("DELETE FROM contacts WHERE pupil_id = ?");
  delete_contacts.bind_all(pupil_id);
  delete_contacts.run();

  for (const BarrierNote& note : pupil.barriers) {
    Statement insert =
        db_.prepare("INSERT INTO pupil_barriers (pupil_id, barrier, notes) VALUES (?, ?, ?)");
    insert.bind_all(pupil_id, to_string(note.barrier), note.notes);
    insert.run();
  }
  for (const Contact& contact : pupil.contacts) {
    std::optional<Id> id;
    if (reusable_ids.erase(contact.id) > 0) id = contact.id;
    Statement insert = db_.prepare(
        "INSERT INTO contacts (id, pupil_id, name, relationship, parental_responsibility, phone, "
        "phone_alt, email, priority) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind_all(id, pupil_id, contact.name, contact.relationship,
                    contact.parental_responsibility, contact.phone, contact.phone_alt,
                    contact.email, contact.priority);
    insert.run();
  }
}

}  // namespace waymark::store::sqlite
