// The SQLite BaselineStore: instruments and results here; SDQ bands, pathways and further
// assessment requests in baseline_records.cpp.
#include "store/sqlite/baseline_store_impl.h"

namespace waymark::store::sqlite {

namespace {

constexpr const char* kInstrumentColumns =
    "SELECT id, organisation_id, name, domain, measures, score_type, max_score, scale_key, "
    "sdq_version, active FROM baseline_instruments ";

BaselineInstrument read_instrument(const Statement& row) {
  BaselineInstrument instrument;
  instrument.id = row.int64(0);
  instrument.organisation_id = row.int64(1);
  instrument.name = row.text(2);
  instrument.domain = stored_or_fault(parse_baseline_domain(row.text(3)), "baseline domain");
  instrument.measures = row.text(4);
  instrument.score_type = stored_or_fault(parse_score_type(row.text(5)), "score type");
  instrument.max_score = row.optional_integer(6);
  instrument.scale_key = row.text(7);
  if (auto version = row.optional_text(8))
    instrument.sdq_version = stored_or_fault(parse_sdq_version(*version), "SDQ version");
  instrument.active = row.boolean(9);
  return instrument;
}

std::optional<std::string> text_or_null(const std::string& text) {
  return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

std::optional<std::string> version_text(const BaselineInstrument& instrument) {
  if (!instrument.sdq_version) return std::nullopt;
  return std::string(to_string(*instrument.sdq_version));
}

constexpr const char* kResultColumns =
    "SELECT id, pupil_id, placement_id, instrument_id, assessed_on, raw_score, "
    "standardised_score, age_years, age_months, grade, sdq_items, notes, recorded_by, "
    "recorded_at FROM baseline_results ";

BaselineResult read_result(const Statement& row) {
  BaselineResult result;
  result.id = row.int64(0);
  result.pupil_id = row.int64(1);
  result.placement_id = row.optional_int64(2).value_or(0);
  result.instrument_id = row.int64(3);
  result.assessed_on = row.date(4);
  result.raw_score = row.optional_integer(5);
  result.standardised_score = row.optional_integer(6);
  if (auto years = row.optional_integer(7))
    result.age_equivalent = AgeEquivalent{*years, row.optional_integer(8).value_or(0)};
  result.grade = row.text(9);
  if (auto items = row.optional_text(10))
    result.sdq = stored_or_fault(parse_sdq_items_text(*items), "SDQ item scores");
  result.notes = row.text(11);
  result.recorded_by = row.optional_int64(12).value_or(0);
  result.recorded_at = row.int64(13);
  return result;
}

}  // namespace

std::vector<BaselineInstrument> SqliteBaselineStore::instruments_of(Id organisation_id) {
  static const std::string sql = std::string(kInstrumentColumns) +
                                 "WHERE organisation_id = ? ORDER BY domain, name COLLATE NOCASE";
  Statement statement = db_.prepare(sql);
  statement.bind_all(organisation_id);
  std::vector<BaselineInstrument> instruments;
  while (statement.next_row()) instruments.push_back(read_instrument(statement));
  return instruments;
}

std::optional<BaselineInstrument> SqliteBaselineStore::instrument(Id id) {
  static const std::string sql = std::string(kInstrumentColumns) + "WHERE id = ?";
  Statement statement = db_.prepare(sql);
  statement.bind_all(id);
  if (!statement.next_row()) return std::nullopt;
  return read_instrument(statement);
}

Result<Id> SqliteBaselineStore::insert_instrument(const BaselineInstrument& instrument) {
  try {
    Statement statement = db_.prepare(
        "INSERT INTO baseline_instruments (organisation_id, name, domain, measures, score_type, "
        "max_score, scale_key, sdq_version, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    statement.bind_all(instrument.organisation_id, instrument.name, to_string(instrument.domain),
                       instrument.measures, to_string(instrument.score_type), instrument.max_score,
                       text_or_null(instrument.scale_key), version_text(instrument),
                       instrument.active);
    statement.run();
  } catch (const SqliteFault& fault) {
    if (fault.unique_violation_on("baseline_instruments.name"))
      return Error::conflict("name", "your organisation already has an instrument of that name");
    throw;
  }
  return db_.last_insert_id();
}

Status SqliteBaselineStore::update_instrument(const BaselineInstrument& instrument) {
  try {
    Statement statement = db_.prepare(
        "UPDATE baseline_instruments SET name = ?, domain = ?, measures = ?, score_type = ?, "
        "max_score = ?, scale_key = ?, sdq_version = ?, active = ? WHERE id = ?");
    statement.bind_all(instrument.name, to_string(instrument.domain), instrument.measures,
                       to_string(instrument.score_type), instrument.max_score,
                       text_or_null(instrument.scale_key), version_text(instrument),
                       instrument.active, instrument.id);
    statement.run();
  } catch (const SqliteFault& fault) {
    if (fault.unique_violation_on("baseline_instruments.name"))
      return Error::conflict("name", "your organisation already has an instrument of that name");
    throw;
  }
  return {};
}

std::vector<BaselineResult> SqliteBaselineStore::results_of(Id pupil_id) {
  static const std::string sql =
      std::string(kResultColumns) + "WHERE pupil_id = ? ORDER BY assessed_on, id";
  Statement statement = db_.prepare(sql);
  statement.bind_all(pupil_id);
  std::vector<BaselineResult> results;
  while (statement.next_row()) results.push_back(read_result(statement));
  return results;
}

std::optional<BaselineResult> SqliteBaselineStore::result(Id id) {
  static const std::string sql = std::string(kResultColumns) + "WHERE id = ?";
  Statement statement = db_.prepare(sql);
  statement.bind_all(id);
  if (!statement.next_row()) return std::nullopt;
  return read_result(statement);
}

Id SqliteBaselineStore::insert_result(const BaselineResult& result) {
  Statement statement = db_.prepare(
      "INSERT INTO baseline_results (pupil_id, placement_id, instrument_id, assessed_on, "
      "raw_score, standardised_score, age_years, age_months, grade, sdq_items, notes, "
      "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  std::optional<int> years, months;
  if (result.age_equivalent) {
    years = result.age_equivalent->years;
    months = result.age_equivalent->months;
  }
  std::optional<std::string> items;
  if (result.sdq) items = sdq_items_text(*result.sdq);
  statement.bind_all(result.pupil_id, id_or_null(result.placement_id), result.instrument_id,
                     result.assessed_on, result.raw_score, result.standardised_score, years, months,
                     text_or_null(result.grade), items, result.notes,
                     id_or_null(result.recorded_by), result.recorded_at);
  statement.run();
  return db_.last_insert_id();
}

std::unique_ptr<BaselineStore> make_baseline_store(Db& db) {
  return std::make_unique<SqliteBaselineStore>(db);
}

}  // namespace waymark::store::sqlite
