#include "app/import.h"

#include <cctype>
#include <tuple>

#include <fmt/format.h>

#include "app/audit.h"
#include "app/codec.h"
#include "app/visibility.h"
#include "core/nc_year.h"

namespace waymark::app {

std::string row_column(int row, std::string_view column) {
  return fmt::format("row {}, column {}", row, column);
}

namespace {

using ColumnMap = std::map<std::string, std::string>;

// Where a field's error goes when a row does not say: the column a reader would have used.
const ColumnMap& default_pupil_columns() {
  static const ColumnMap columns = {{"legal_forename", "forename"},
                                    {"legal_surname", "surname"},
                                    {"nc_year_override", "nc_year"}};
  return columns;
}

const ColumnMap& default_placement_columns() {
  static const ColumnMap columns = {{"pupil_id", "upn"},
                                    {"provider_id", "provider_urn"},
                                    {"commissioner_id", "commissioner_urn"}};
  return columns;
}

// Adds `error` to `errors` with each field turned into the CSV cell it came from.
void add_row_error(ErrorList& errors, int row, const Error& error, const ColumnMap& columns,
                   const ColumnMap& defaults) {
  if (error.fields.empty()) {
    errors.add(fmt::format("row {}", row), error.message);
    return;
  }
  for (const FieldError& field : error.fields) {
    std::string column = field.field;
    if (auto named = columns.find(field.field); named != columns.end()) {
      column = named->second;
    } else if (auto fallback = defaults.find(field.field); fallback != defaults.end()) {
      column = fallback->second;
    }
    errors.add(row_column(row, column), field.reason);
  }
}

// Whether two records hold the same data; ids and timestamps aside.
bool same_record(Json before, Json after) {
  before.erase("updated_at");
  after.erase("updated_at");
  return before == after;
}

std::string lower(std::string text) {
  for (char& character : text)
    character = static_cast<char>(std::tolower(static_cast<unsigned char>(character)));
  return text;
}

// ---- Pupils ----------------------------------------------------------------------------------

// Copies the fields a row supplies onto `into` (a stored pupil, or a blank one for a new pupil).
void apply_pupil_row(const PupilImportRow& row, Pupil& into) {
  const Pupil& from = row.pupil;
  auto supplies = [&](const char* field) { return row.column_of_field.contains(field); };
  if (from.upn) into.upn = from.upn;
  into.legal_forename = from.legal_forename;
  into.legal_surname = from.legal_surname;
  into.dob = from.dob;
  into.sex = from.sex;
  if (supplies("preferred_forename")) into.preferred_forename = from.preferred_forename;
  if (supplies("preferred_surname")) into.preferred_surname = from.preferred_surname;
  if (supplies("nc_year_override")) into.nc_year_override = from.nc_year_override;
  if (supplies("medical_needs")) into.medical_needs = from.medical_needs;
  if (supplies("sen")) {
    into.sen = from.sen;
  } else if (row.ehcp) {
    if (*row.ehcp) {
      into.sen = SenStatus::Ehcp;
    } else if (into.sen == SenStatus::Ehcp) {
      into.sen = SenStatus::None;
    }
  }
  for (const FlagField& flag : flag_fields())
    if (supplies(flag.key)) into.flags.*flag.member = from.flags.*flag.member;
}

// What the import will do with one row.
struct PupilPlan {
  const PupilImportRow* row = nullptr;
  std::optional<Pupil> before;  // the stored record; nullopt for a new pupil
  Pupil after;
  Placement referral;  // for a new pupil recorded by a provider or an LA
};

// The same child, as far as a file without UPNs can tell.
std::string name_and_dob_key(const Pupil& pupil) {
  return lower(pupil.legal_forename) + '\n' + lower(pupil.legal_surname) + '\n' + pupil.dob.iso();
}

// Finds the stored pupil a row means, or nullopt for a new one; adds an error when it cannot tell.
std::optional<Id> match_pupil(store::Connection& connection, const store::Visibility& visibility,
                              const PupilImportRow& row, ErrorList& errors) {
  const Pupil& pupil = row.pupil;
  const std::string upn_cell = row_column(row.row, "upn");
  if (pupil.upn) {
    if (std::optional<Id> id = connection.pupil_id_by_upn(pupil.upn->str())) {
      if (connection.pupil_visible(*id, visibility)) return id;
      errors.add(upn_cell,
                 "a pupil with this UPN is recorded by another organisation; ask them to share "
                 "the placement");
      return std::nullopt;
    }
  }
  // No UPN, or a UPN new to us: perhaps a pupil recorded before the UPN was known.
  std::vector<Id> ids = connection.pupil_ids_by_name_and_dob(visibility, pupil.legal_forename,
                                                             pupil.legal_surname, pupil.dob);
  if (ids.size() == 1) return ids.front();
  if (ids.size() > 1) {
    errors.add(upn_cell, fmt::format("{} of your pupils without a UPN have these names and this "
                                     "date of birth; give the UPN so that the import can tell "
                                     "which one this is",
                                     ids.size()));
  }
  return std::nullopt;
}

// Checks who a new pupil is placed with, by the rules of create_pupil, filling in `plan.referral`.
void plan_new_pupil(store::Connection& connection, const Actor& actor, Date today, PupilPlan& plan,
                    ErrorList& errors) {
  const PupilImportRow& row = *plan.row;
  switch (actor.organisation_kind) {
    case OrgKind::School:
      if (row.admission_date && *row.admission_date > today.plus_days(366))
        errors.add(row_column(row.row, "admission_date"), "is more than a year ahead");
      return;
    case OrgKind::Provider: {
      const std::string cell = row_column(row.row, "commissioner_urn");
      if (row.commissioner_urn.empty()) {
        errors.add(cell,
                   "is required for a new pupil: the URN of the school or local authority "
                   "that referred them");
        return;
      }
      auto commissioner = connection.organisation_by_urn(row.commissioner_urn);
      if (!commissioner || commissioner->kind == OrgKind::Provider) {
        errors.add(cell,
                   fmt::format("no school or local authority has URN '{}'", row.commissioner_urn));
        return;
      }
      plan.referral.provider_id = actor.organisation_id;
      plan.referral.commissioner_id = commissioner->id;
      return;
    }
    case OrgKind::LocalAuthority: {
      const std::string cell = row_column(row.row, "provider_urn");
      if (row.provider_urn.empty()) {
        errors.add(cell,
                   "is required for a new pupil: the URN of the provider they are "
                   "referred to");
        return;
      }
      auto provider = connection.organisation_by_urn(row.provider_urn);
      if (!provider || provider->kind != OrgKind::Provider) {
        errors.add(cell, fmt::format("no provider has URN '{}'", row.provider_urn));
        return;
      }
      plan.referral.provider_id = provider->id;
      plan.referral.commissioner_id = actor.organisation_id;
      return;
    }
  }
}

// Reads and checks every row; fails with every problem, or says what to write.
Result<std::vector<PupilPlan>> plan_pupils(store::Connection& connection, const Actor& actor,
                                           const std::vector<PupilImportRow>& rows, Date today) {
  const store::Visibility visibility = visibility_of(actor);
  ErrorList errors;
  std::map<std::string, int> row_of_upn;
  std::map<std::string, int> row_of_unnumbered_pupil;  // rows without a UPN, by names and dob
  std::map<Id, int> row_of_stored_pupil;
  std::vector<PupilPlan> plans;
  for (const PupilImportRow& row : rows) {
    PupilPlan plan;
    plan.row = &row;
    const std::string upn_cell = row_column(row.row, "upn");
    if (row.pupil.upn) {
      auto [earlier, inserted] = row_of_upn.try_emplace(row.pupil.upn->str(), row.row);
      if (!inserted) {
        errors.add(upn_cell, fmt::format("the same UPN is on row {}", earlier->second));
        continue;
      }
    } else {
      auto [earlier, inserted] =
          row_of_unnumbered_pupil.try_emplace(name_and_dob_key(row.pupil), row.row);
      if (!inserted) {
        errors.add(upn_cell, fmt::format("is blank, and row {} has the same names and date of "
                                         "birth; give each pupil's UPN, or remove one of the rows",
                                         earlier->second));
        continue;
      }
    }

    std::size_t problems_before = errors.fields().size();
    std::optional<Id> stored_id = match_pupil(connection, visibility, row, errors);
    if (errors.fields().size() != problems_before) continue;
    if (stored_id) {
      auto [earlier, inserted] = row_of_stored_pupil.try_emplace(*stored_id, row.row);
      if (!inserted) {
        errors.add(upn_cell, fmt::format("is the same pupil as row {} (by names and date of birth)",
                                         earlier->second));
        continue;
      }
      plan.before = connection.pupil(*stored_id);
      if (!plan.before) return Error::internal("a matched pupil could not be read");
      plan.after = *plan.before;
    } else {
      plan_new_pupil(connection, actor, today, plan, errors);
    }
    apply_pupil_row(row, plan.after);
    if (Status valid = validate_pupil(plan.after, today); !valid.ok())
      add_row_error(errors, row.row, valid.error(), row.column_of_field, default_pupil_columns());
    plans.push_back(std::move(plan));
  }
  if (!errors.empty()) return errors.to_error();
  return plans;
}

bool unchanged(const PupilPlan& plan, int year_start) {
  return plan.before &&
         same_record(to_json(*plan.before, year_start), to_json(plan.after, year_start));
}

ImportSummary summarise_pupils(const std::vector<PupilPlan>& plans, int year_start,
                               DryRun dry_run) {
  ImportSummary summary{.rows = static_cast<int>(plans.size()), .dry_run = dry_run == DryRun::Yes};
  for (const PupilPlan& plan : plans) {
    if (!plan.before) {
      ++summary.created;
    } else if (unchanged(plan, year_start)) {
      ++summary.unchanged;
    } else {
      ++summary.updated;
    }
  }
  return summary;
}

// A UPN clash on write (planning inside the same transaction should rule it out) names the row.
Error for_row(const PupilImportRow& row, Error error) {
  if (error.kind != ErrorKind::Conflict) return error;
  return Error::invalid(row_column(row.row, "upn"),
                        error.fields.empty() ? error.message : error.fields.front().reason);
}

Status write_pupil(store::Connection& tx, const Actor& actor, Date today, std::int64_t now,
                   const PupilPlan& plan) {
  const int year_start = academic_year_start(today);
  const PupilImportRow& row = *plan.row;
  if (plan.before) {
    if (unchanged(plan, year_start)) return {};
    if (Status updated = tx.update_pupil(plan.after, now); !updated.ok())
      return for_row(row, std::move(updated).error());
    auto saved = tx.pupil(plan.after.id);
    if (!saved) return Error::internal("an imported pupil vanished during the import");
    record_audit(tx, actor, now, "import", "pupil", saved->id, saved->id,
                 to_json(*plan.before, year_start), to_json(*saved, year_start));
    return {};
  }
  auto inserted = tx.insert_pupil(plan.after, now);
  if (!inserted.ok()) return for_row(row, std::move(inserted).error());
  Pupil stored = plan.after;
  stored.id = *inserted;
  stored.updated_at = now;
  record_audit(tx, actor, now, "import", "pupil", stored.id, stored.id, nullptr,
               to_json(stored, year_start));
  if (actor.organisation_kind == OrgKind::School) {
    Enrolment enrolment;
    enrolment.pupil_id = stored.id;
    enrolment.school_id = actor.organisation_id;
    enrolment.admission_date = row.admission_date.value_or(today);
    enrolment.id = tx.insert_enrolment(enrolment);
    record_audit(tx, actor, now, "import", "enrolment", enrolment.id, stored.id, nullptr,
                 to_json(enrolment));
  } else {
    Placement referral = plan.referral;
    referral.pupil_id = stored.id;
    referral.referral_date = today;
    referral.status = PlacementStatus::Referred;
    referral.id = tx.insert_placement(referral, now);
    referral.updated_at = now;
    record_audit(tx, actor, now, "import", "placement", referral.id, stored.id, nullptr,
                 to_json(referral));
  }
  return {};
}

// ---- Placements ------------------------------------------------------------------------------

// As create_placement and update_placement decide it.
bool may_write(const Actor& actor, const Placement& placement) {
  if (actor.organisation_id == placement.provider_id) return actor.can_edit_pupils();
  if (actor.organisation_id == placement.commissioner_id) return actor.can_commission();
  return false;
}

void apply_placement_row(const PlacementImportRow& row, Placement& into) {
  const Placement& from = row.placement;
  auto supplies = [&](const char* field) { return row.column_of_field.contains(field); };
  into.referral_date = from.referral_date;
  if (supplies("start_date")) into.start_date = from.start_date;
  if (supplies("planned_end_date")) into.planned_end_date = from.planned_end_date;
  if (supplies("actual_end_date")) into.actual_end_date = from.actual_end_date;
  if (supplies("hours_per_week")) into.hours_per_week = from.hours_per_week;
  if (supplies("timetable")) into.timetable = from.timetable;
  if (supplies("reason")) into.reason = from.reason;
  if (supplies("objectives")) into.objectives = from.objectives;
  if (supplies("reintegration_plan")) into.reintegration_plan = from.reintegration_plan;
  if (supplies("status")) into.status = from.status;
  if (supplies("end_reason")) into.end_reason = from.end_reason;
  if (supplies("end_notes")) into.end_notes = from.end_notes;
}

struct PlacementPlan {
  const PlacementImportRow* row = nullptr;
  std::optional<Placement> before;
  Placement after;
};

// The organisation with `urn` if it is of a kind `accepts`; an error on `column` otherwise.
template <typename Accepts>
std::optional<Organisation> party(store::Connection& connection, const PlacementImportRow& row,
                                  const std::string& urn, const char* column, const char* wanted,
                                  Accepts accepts, ErrorList& errors) {
  if (urn.empty()) {
    errors.add(row_column(row.row, column), "is required");
    return std::nullopt;
  }
  auto organisation = connection.organisation_by_urn(urn);
  if (!organisation || !accepts(organisation->kind)) {
    errors.add(row_column(row.row, column), fmt::format("no {} has URN '{}'", wanted, urn));
    return std::nullopt;
  }
  return organisation;
}

Result<std::vector<PlacementPlan>> plan_placements(store::Connection& connection,
                                                   const Actor& actor,
                                                   const std::vector<PlacementImportRow>& rows) {
  const store::Visibility visibility = visibility_of(actor);
  ErrorList errors;
  std::map<std::tuple<Id, Id, Id, std::int64_t>, int> row_of_placement;
  std::vector<PlacementPlan> plans;
  for (const PlacementImportRow& row : rows) {
    std::size_t problems_before = errors.fields().size();
    // 0 for none: GCC 12 at -O2 wrongly warns that an optional<Id> here may be uninitialised.
    Id pupil_id = row.upn.empty() ? 0 : connection.pupil_id_by_upn(row.upn).value_or(0);
    if (pupil_id == 0 || !connection.pupil_visible(pupil_id, visibility))
      errors.add(row_column(row.row, "upn"), "no pupil with this UPN among your pupils");
    auto provider = party(
        connection, row, row.provider_urn, "provider_urn", "provider",
        [](OrgKind kind) { return kind == OrgKind::Provider; }, errors);
    auto commissioner = party(
        connection, row, row.commissioner_urn, "commissioner_urn", "school or local authority",
        [](OrgKind kind) { return kind != OrgKind::Provider; }, errors);
    if (errors.fields().size() != problems_before) continue;

    PlacementPlan plan;
    plan.row = &row;
    Placement key_of_row;
    key_of_row.provider_id = provider->id;
    key_of_row.commissioner_id = commissioner->id;
    if (!may_write(actor, key_of_row)) {
      const char* column =
          actor.organisation_kind == OrgKind::Provider ? "provider_urn" : "commissioner_urn";
      errors.add(row_column(row.row, column),
                 "your organisation must be the provider or the commissioner of the placement");
      continue;
    }
    const Date referral_date = row.placement.referral_date;
    auto [earlier, inserted] = row_of_placement.try_emplace(
        std::tuple{pupil_id, provider->id, commissioner->id, referral_date.days()}, row.row);
    if (!inserted) {
      errors.add(row_column(row.row, "referral_date"),
                 fmt::format("the same placement (pupil, provider, commissioner and referral "
                             "date) is on row {}",
                             earlier->second));
      continue;
    }
    int matches = 0;
    for (const Placement& stored : connection.placements_of(pupil_id)) {
      if (stored.provider_id == provider->id && stored.commissioner_id == commissioner->id &&
          stored.referral_date == referral_date) {
        plan.before = stored;
        ++matches;
      }
    }
    if (matches > 1) {
      errors.add(row_column(row.row, "referral_date"),
                 fmt::format("the pupil has {} placements with this provider, commissioner and "
                             "referral date, so the import cannot tell which to change; change it "
                             "on the pupil's page",
                             matches));
      continue;
    }
    if (plan.before) plan.after = *plan.before;
    apply_placement_row(row, plan.after);
    plan.after.pupil_id = pupil_id;
    plan.after.provider_id = provider->id;
    plan.after.commissioner_id = commissioner->id;
    if (Status valid = validate_placement(plan.after); !valid.ok())
      add_row_error(errors, row.row, valid.error(), row.column_of_field,
                    default_placement_columns());
    if (plan.before) {
      if (Status step = check_status_change(plan.before->status, plan.after.status); !step.ok())
        add_row_error(errors, row.row, step.error(), row.column_of_field,
                      default_placement_columns());
    }
    plans.push_back(std::move(plan));
  }
  if (!errors.empty()) return errors.to_error();
  return plans;
}

bool unchanged(const PlacementPlan& plan) {
  return plan.before && same_record(to_json(*plan.before), to_json(plan.after));
}

ImportSummary summarise_placements(const std::vector<PlacementPlan>& plans, DryRun dry_run) {
  ImportSummary summary{.rows = static_cast<int>(plans.size()), .dry_run = dry_run == DryRun::Yes};
  for (const PlacementPlan& plan : plans) {
    if (!plan.before) {
      ++summary.created;
    } else if (unchanged(plan)) {
      ++summary.unchanged;
    } else {
      ++summary.updated;
    }
  }
  return summary;
}

void write_placement(store::Connection& tx, const Actor& actor, std::int64_t now,
                     const PlacementPlan& plan) {
  if (unchanged(plan)) return;
  Placement stored = plan.after;
  if (plan.before) {
    tx.update_placement(stored, now);
  } else {
    stored.id = tx.insert_placement(stored, now);
  }
  stored.updated_at = now;
  record_audit(tx, actor, now, "import", "placement", stored.id, stored.pupil_id,
               plan.before ? to_json(*plan.before) : Json(nullptr), to_json(stored));
}

}  // namespace

Result<ImportSummary> import_pupils(Context& context, const Actor& actor,
                                    const std::vector<PupilImportRow>& rows, DryRun dry_run) {
  WAYMARK_TRY_STATUS(require_pupil_editor(actor));
  const Date today = context.clock.today();
  const int year_start = academic_year_start(today);
  auto& connection = context.store.connection();
  if (dry_run == DryRun::Yes) {
    auto plans = WAYMARK_TRY(plan_pupils(connection, actor, rows, today));
    return summarise_pupils(plans, year_start, dry_run);
  }
  const std::int64_t now = context.clock.now_seconds();
  // Matching happens inside the transaction too, so that what was checked is what is written.
  return in_transaction(connection, [&](store::Connection& tx) -> Result<ImportSummary> {
    auto plans = WAYMARK_TRY(plan_pupils(tx, actor, rows, today));
    for (const PupilPlan& plan : plans)
      WAYMARK_TRY_STATUS(write_pupil(tx, actor, today, now, plan));
    return summarise_pupils(plans, year_start, dry_run);
  });
}

Result<ImportSummary> import_placements(Context& context, const Actor& actor,
                                        const std::vector<PlacementImportRow>& rows,
                                        DryRun dry_run) {
  if (!actor.can_commission())
    return Error::forbidden("your role can view placements but not change them");
  auto& connection = context.store.connection();
  if (dry_run == DryRun::Yes) {
    auto plans = WAYMARK_TRY(plan_placements(connection, actor, rows));
    return summarise_placements(plans, dry_run);
  }
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<ImportSummary> {
    auto plans = WAYMARK_TRY(plan_placements(tx, actor, rows));
    for (const PlacementPlan& plan : plans) write_placement(tx, actor, now, plan);
    return summarise_placements(plans, dry_run);
  });
}

}  // namespace waymark::app
