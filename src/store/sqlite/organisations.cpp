#include "store/sqlite/sqlite_connection.h"

namespace waymark::store::sqlite {

namespace {

constexpr const char* kColumns =
    "SELECT id, kind, name, urn, la_code, establishment_number, registered, local_authority_id "
    "FROM organisations ";

Organisation read_organisation(const Statement& row) {
  Organisation organisation;
  organisation.id = row.int64(0);
  auto kind = parse_org_kind(row.text(1));
  if (!kind.ok()) throw StoreFault("a stored organisation kind is not known");
  organisation.kind = *kind;
  organisation.name = row.text(2);
  organisation.urn = row.optional_text(3);
  organisation.la_code = row.optional_integer(4);
  organisation.establishment_number = row.optional_integer(5);
  organisation.registered = row.boolean(6);
  organisation.local_authority_id = row.int64(7);
  return organisation;
}

std::optional<Organisation> read_one(Statement& statement) {
  if (!statement.next_row()) return std::nullopt;
  return read_organisation(statement);
}

}  // namespace

std::optional<Organisation> SqliteConnection::organisation(Id id) {
  static const std::string sql = std::string(kColumns) + "WHERE id = ?";
  Statement statement = db_.prepare(sql);
  statement.bind_all(id);
  return read_one(statement);
}

std::optional<Organisation> SqliteConnection::organisation_by_urn(const std::string& urn) {
  static const std::string sql = std::string(kColumns) + "WHERE urn = ?";
  Statement statement = db_.prepare(sql);
  statement.bind_all(urn);
  return read_one(statement);
}

std::vector<Organisation> SqliteConnection::organisations() {
  static const std::string sql = std::string(kColumns) + "ORDER BY name COLLATE NOCASE, id";
  Statement statement = db_.prepare(sql);
  std::vector<Organisation> all;
  while (statement.next_row()) all.push_back(read_organisation(statement));
  return all;
}

Id SqliteConnection::insert_organisation(const Organisation& organisation) {
  std::int64_t now = now_utc_seconds();
  Statement statement = db_.prepare(
      "INSERT INTO organisations (kind, name, urn, la_code, establishment_number, registered, "
      "local_authority_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  statement.bind_all(to_string(organisation.kind), organisation.name, organisation.urn,
                     organisation.la_code, organisation.establishment_number,
                     organisation.registered, id_or_null(organisation.local_authority_id), now,
                     now);
  statement.run();
  return db_.last_insert_id();
}

void SqliteConnection::update_organisation(const Organisation& organisation) {
  Statement statement = db_.prepare(
      "UPDATE organisations SET kind = ?, name = ?, urn = ?, la_code = ?, "
      "establishment_number = ?, registered = ?, local_authority_id = ?, updated_at = ? "
      "WHERE id = ?");
  statement.bind_all(to_string(organisation.kind), organisation.name, organisation.urn,
                     organisation.la_code, organisation.establishment_number,
                     organisation.registered, id_or_null(organisation.local_authority_id),
                     now_utc_seconds(), organisation.id);
  statement.run();
}

}  // namespace waymark::store::sqlite
