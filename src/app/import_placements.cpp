// CSV import of placements: plan every row (validate, resolve pupils and organisations), then
// write them all.
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
