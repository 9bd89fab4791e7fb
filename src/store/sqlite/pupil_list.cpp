// Which pupils a reader may see, and the filtered, paged pupil list.
//
// House rule: the SQL here is assembled only from the fixed fragments in this file; every value
// (ids, search text, dates) travels as a bound parameter.
#include <algorithm>
#include <cctype>
#include <string_view>
#include <variant>

// GCC 12 at -O2 reports a false "may be used uninitialized" inside std::variant<int64_t, string>
// when such values are moved into a vector (GCC bug 105593 and relatives); the code is correct.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include "store/sqlite/pupil_rows.h"
#include "store/sqlite/sqlite_connection.h"

namespace waymark::store::sqlite {

namespace {

// A WHERE clause: conditions joined by AND, with their parameter values in order.
class Where {
 public:
  using Value = std::variant<std::int64_t, std::string>;

  // `condition` must be SQL text from this file, never data.
  void add(std::string condition, std::vector<Value> values) {
    conditions_.push_back(std::move(condition));
    for (Value& value : values) values_.push_back(std::move(value));
  }

  std::string sql() const {
    std::string sql;
    for (const std::string& condition : conditions_) {
      sql += sql.empty() ? " WHERE " : " AND ";
      sql += condition;
    }
    return sql;
  }

  // Binds the values to parameters 1..n; returns the next free parameter number.
  int bind(Statement& statement) const {
    int index = 0;
    for (const Value& value : values_)
      std::visit([&](const auto& held) { statement.bind(++index, held); }, value);
    return index + 1;
  }

 private:
  std::vector<std::string> conditions_;
  std::vector<Value> values_;
};

// The rules of store.h's Visibility, as one condition on `pupils p`.
void add_visibility(Where& where, const Visibility& visibility) {
  constexpr const char* kCommissionedBy =
      "EXISTS (SELECT 1 FROM placements pv WHERE pv.pupil_id = p.id AND pv.commissioner_id = ?)";
  Id organisation = visibility.organisation_id;
  if (visibility.placed_only) {
    where.add(kCommissionedBy, {organisation});
    return;
  }
  switch (visibility.organisation_kind) {
    case OrgKind::School:
      // On the roll, now or in the past, or placed by the school.
      where.add(std::string("(EXISTS (SELECT 1 FROM enrolments ev WHERE ev.pupil_id = p.id AND "
                            "ev.school_id = ?) OR ") +
                    kCommissionedBy + ")",
                {organisation, organisation});
      return;
    case OrgKind::Provider:
      where.add(
          "EXISTS (SELECT 1 FROM placements pv WHERE pv.pupil_id = p.id AND pv.provider_id = ?)",
          {organisation});
      return;
    case OrgKind::LocalAuthority:
      // Commissioned by the LA, or placed with a provider in the LA's area.
      where.add(
          "EXISTS (SELECT 1 FROM placements pv JOIN organisations ov ON ov.id = pv.provider_id "
          "WHERE pv.pupil_id = p.id AND (pv.commissioner_id = ? OR ov.local_authority_id = ?))",
          {organisation, organisation});
      return;
  }
  // An organisation kind this code does not know sees nothing.
  where.add("0", {});
}

// Escapes LIKE's wildcards so that user text matches literally, with '\' as the escape.
std::string like_prefix(std::string_view text) {
  std::string pattern;
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  return pattern + "%";
}

std::string trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  return std::string(text);
}

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

// The names a list shows: preferred where given, else legal (as Pupil::display_name).
constexpr const char* kShownForename =
    "(CASE p.preferred_forename WHEN '' THEN p.legal_forename ELSE p.preferred_forename END)";
constexpr const char* kShownSurname =
    "(CASE p.preferred_surname WHEN '' THEN p.legal_surname ELSE p.preferred_surname END)";

// Exact UPN, or the start of any legal or preferred name, or of the full name as shown or as on
// the register ("Sam Sm" finds Sam Smith).
// FIXME: LIKE folds ASCII case only, so "élodie" does not find "Élodie"; needs ICU or a stored
// folded copy of the names.
void add_search(Where& where, const std::string& search) {
  std::string text = trimmed(search);
  if (text.empty()) return;
  std::string prefix = like_prefix(text);
  where.add(std::string("(p.upn = ? OR p.legal_forename LIKE ? ESCAPE '\\' OR ") +
                "p.legal_surname LIKE ? ESCAPE '\\' OR p.preferred_forename LIKE ? ESCAPE '\\' "
                "OR p.preferred_surname LIKE ? ESCAPE '\\' OR "
                "(p.legal_forename || ' ' || p.legal_surname) LIKE ? ESCAPE '\\' OR (" +
                kShownForename + " || ' ' || " + kShownSurname + ") LIKE ? ESCAPE '\\')",
            {upper(text), prefix, prefix, prefix, prefix, prefix, prefix});
}

struct FlagCondition {
  const char* key;
  const char* condition;
};
constexpr FlagCondition kFlagConditions[] = {
    {"pupil_premium", "p.pupil_premium = 1"},
    {"fsm", "p.fsm = 1"},
    {"looked_after", "p.looked_after = 1"},
    {"child_in_need", "p.child_in_need = 1"},
    {"child_protection", "p.child_protection = 1"},
    {"eal", "p.eal = 1"},
    {"young_carer", "p.young_carer = 1"},
    {"sen_k", "p.sen = 'K'"},
    {"sen_e", "p.sen = 'E'"},
    {"ehcp", "p.sen = 'E'"},
    {"no_upn", "p.upn IS NULL"},
};

// Conditions are added in the table's order, each once, so the same set of flags always makes
// the same SQL (and so reuses one cached statement). Unknown keys are ignored: app/ validates.
void add_flags(Where& where, const std::vector<std::string>& flags) {
  std::vector<std::string_view> added;
  for (const FlagCondition& flag : kFlagConditions) {
    bool wanted = false;
    for (const std::string& key : flags) wanted = wanted || key == flag.key;
    bool already = false;
    for (std::string_view condition : added) already = already || condition == flag.condition;
    if (!wanted || already) continue;
    added.push_back(flag.condition);
    where.add(flag.condition, {});
  }
}

void add_nc_year(Where& where, const PupilFilter& filter) {
  if (filter.nc_year && filter.dob_from && filter.dob_to) {
    where.add("(p.nc_year_override = ? OR (p.nc_year_override IS NULL AND p.dob BETWEEN ? AND ?))",
              {*filter.nc_year, filter.dob_from->iso(), filter.dob_to->iso()});
    return;
  }
  if (filter.nc_year) where.add("p.nc_year_override = ?", {*filter.nc_year});
  if (!filter.nc_year && filter.dob_from) where.add("p.dob >= ?", {filter.dob_from->iso()});
  if (!filter.nc_year && filter.dob_to) where.add("p.dob <= ?", {filter.dob_to->iso()});
}

// Provider, commissioner and status apply to one and the same placement: "active at provider X"
// must not match a pupil active elsewhere who once had an ended placement at X.
void add_placement(Where& where, const PupilFilter& filter) {
  if (filter.provider_id == 0 && filter.commissioner_id == 0 && !filter.placement_status) return;
  std::string condition = "EXISTS (SELECT 1 FROM placements pf WHERE pf.pupil_id = p.id";
  std::vector<Where::Value> values;
  if (filter.provider_id != 0) {
    condition += " AND pf.provider_id = ?";
    values.push_back(filter.provider_id);
  }
  if (filter.commissioner_id != 0) {
    condition += " AND pf.commissioner_id = ?";
    values.push_back(filter.commissioner_id);
  }
  if (filter.placement_status) {
    condition += " AND pf.status = ?";
    values.push_back(std::string(to_string(*filter.placement_status)));
  }
  where.add(condition + ")", std::move(values));
}

}  // namespace

bool SqliteConnection::pupil_visible(Id pupil_id, const Visibility& visibility) {
  Where where;
  where.add("p.id = ?", {pupil_id});
  add_visibility(where, visibility);
  Statement statement = db_.prepare("SELECT 1 FROM pupils p" + where.sql());
  where.bind(statement);
  return statement.next_row();
}

std::vector<Id> SqliteConnection::pupil_ids_by_name_and_dob(const Visibility& visibility,
                                                            const std::string& legal_forename,
                                                            const std::string& legal_surname,
                                                            Date dob) {
  Where where;
  where.add(
      "p.upn IS NULL AND p.legal_forename = ? COLLATE NOCASE AND "
      "p.legal_surname = ? COLLATE NOCASE AND p.dob = ?",
      {legal_forename, legal_surname, dob.iso()});
  add_visibility(where, visibility);
  Statement statement = db_.prepare("SELECT p.id FROM pupils p" + where.sql() + " ORDER BY p.id");
  where.bind(statement);
  std::vector<Id> ids;
  while (statement.next_row()) ids.push_back(statement.int64(0));
  return ids;
}

PupilPage SqliteConnection::pupils(const Visibility& visibility, const PupilFilter& filter) {
  Where where;
  add_visibility(where, visibility);
  add_search(where, filter.search);
  add_flags(where, filter.flags);
  add_nc_year(where, filter);
  add_placement(where, filter);
  if (filter.school_id != 0)
    where.add("EXISTS (SELECT 1 FROM enrolments ef WHERE ef.pupil_id = p.id AND ef.school_id = ?)",
              {filter.school_id});

  PupilPage page;
  {
    Statement count = db_.prepare("SELECT COUNT(*) FROM pupils p" + where.sql());
    where.bind(count);
    if (count.next_row()) page.total = count.integer(0);
  }
  Statement list =
      db_.prepare(kPupilColumns + where.sql() + " ORDER BY " + kShownSurname + " COLLATE NOCASE, " +
                  kShownForename + " COLLATE NOCASE, p.id LIMIT ? OFFSET ?");
  int next = where.bind(list);
  list.bind(next, std::max(filter.limit, 0));
  list.bind(next + 1, std::max(filter.offset, 0));
  while (list.next_row()) page.pupils.push_back(read_pupil(list));
  return page;
}

}  // namespace waymark::store::sqlite
