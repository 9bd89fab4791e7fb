// Terms, closure days and subjects.
#include "store/sqlite/sqlite_connection.h"

namespace waymark::store::sqlite {

std::vector<Term> SqliteConnection::terms_of(Id organisation_id) {
  Statement statement = db_.prepare(
      "SELECT id, organisation_id, academic_year, name, start_date, end_date, parent_term_id "
      "FROM terms WHERE organisation_id = ? ORDER BY start_date, id");
  statement.bind_all(organisation_id);
  std::vector<Term> terms;
  while (statement.next_row()) {
    terms.push_back(Term{.id = statement.int64(0),
                         .organisation_id = statement.int64(1),
                         .academic_year = statement.integer(2),
                         .name = statement.text(3),
                         .start_date = statement.date(4),
                         .end_date = statement.date(5),
                         .parent_term_id = statement.int64(6)});
  }
  return terms;
}

Id SqliteConnection::insert_term(const Term& term) {
  Statement statement = db_.prepare(
      "INSERT INTO terms (organisation_id, academic_year, name, start_date, end_date, "
      "parent_term_id) VALUES (?, ?, ?, ?, ?, ?)");
  statement.bind_all(term.organisation_id, term.academic_year, term.name, term.start_date,
                     term.end_date, id_or_null(term.parent_term_id));
  statement.run();
  return db_.last_insert_id();
}

std::vector<ClosureDay> SqliteConnection::closure_days_of(Id organisation_id) {
  Statement statement = db_.prepare(
      "SELECT id, organisation_id, date, reason FROM closure_days WHERE organisation_id = ? "
      "ORDER BY date");
  statement.bind_all(organisation_id);
  std::vector<ClosureDay> closures;
  while (statement.next_row()) {
    closures.push_back(ClosureDay{.id = statement.int64(0),
                                  .organisation_id = statement.int64(1),
                                  .date = statement.date(2),
                                  .reason = statement.text(3)});
  }
  return closures;
}

Result<Id> SqliteConnection::insert_closure_day(const ClosureDay& closure) {
  Statement statement =
      db_.prepare("INSERT INTO closure_days (organisation_id, date, reason) VALUES (?, ?, ?)");
  statement.bind_all(closure.organisation_id, closure.date, closure.reason);
  try {
    statement.run();
  } catch (const SqliteFault& fault) {
    if (fault.unique_violation_on("closure_days.date"))
      return Error::conflict("date", "this date is already a closure day");
    throw;
  }
  return db_.last_insert_id();
}

std::vector<Subject> SqliteConnection::subjects_of(Id organisation_id) {
  Statement statement = db_.prepare(
      "SELECT id, organisation_id, name, code FROM subjects WHERE organisation_id = ? "
      "ORDER BY name COLLATE NOCASE, id");
  statement.bind_all(organisation_id);
  std::vector<Subject> subjects;
  while (statement.next_row()) {
    subjects.push_back(Subject{.id = statement.int64(0),
                               .organisation_id = statement.int64(1),
                               .name = statement.text(2),
                               .code = statement.text(3)});
  }
  return subjects;
}

Result<Id> SqliteConnection::insert_subject(const Subject& subject) {
  Statement statement =
      db_.prepare("INSERT INTO subjects (organisation_id, name, code) VALUES (?, ?, ?)");
  statement.bind_all(subject.organisation_id, subject.name, subject.code);
  try {
    statement.run();
  } catch (const SqliteFault& fault) {
    if (fault.unique_violation_on("subjects.name"))
      return Error::conflict("name", "another subject already has this name");
    throw;
  }
  return db_.last_insert_id();
}

}  // namespace waymark::store::sqlite
