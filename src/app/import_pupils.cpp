// CSV import of pupils: plan every row (validate, match to stored pupils), then write them all.
#include "app/import.h"

#include <cctype>
#include <tuple>

#include <fmt/format.h>

#include "app/audit.h"
#include "app/codec.h"
#include "app/import_rows.h"
#include "app/visibility.h"
#include "core/nc_year.h"

namespace waymark::app {

namespace {

using namespace import_rows;

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

}  // namespace waymark::app
