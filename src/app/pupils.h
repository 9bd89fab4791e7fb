// Use cases on pupils: find, read the profile, create, change. Each checks who is asking first.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "core/placement.h"
#include "core/pupil.h"
#include "core/user.h"

namespace waymark::app {

struct PlacementView {
  Placement placement;
  std::string provider_name;
  std::string commissioner_name;
};

struct EnrolmentView {
  Enrolment enrolment;
  std::string school_name;
};

struct PupilQuery {
  std::string search;
  Id provider_id = 0;
  Id commissioner_id = 0;
  std::optional<int> nc_year;
  std::vector<std::string> flags;  // flag keys, "sen_k", "sen_e", "no_upn"
  std::optional<PlacementStatus> placement_status;
  int limit = 50;
  int offset = 0;
};

// Valid filter flag keys, with labels, for forms and validation.
struct FilterFlag {
  std::string key;
  std::string label;
};
const std::vector<FilterFlag>& filter_flags();

struct PupilListItem {
  Pupil pupil;
  std::optional<int> nc_year;
  std::vector<PlacementView> placements;  // current and past, newest first
  double current_hours = 0;               // sum over placements current today
};

struct PupilList {
  std::vector<PupilListItem> items;
  int total = 0;
  int limit = 50;
  int offset = 0;
  int academic_year_start = 2025;
};

// Pupils visible to the actor that match the query. Invalid when the query is (an unknown flag, a
// limit outside 1..500, a negative offset).
Result<PupilList> list_pupils(Context& context, const Actor& actor, const PupilQuery& query);

struct PupilProfile {
  Pupil pupil;
  std::optional<int> nc_year;
  int academic_year_start = 2025;
  std::vector<PlacementView> placements;
  std::vector<EnrolmentView> enrolments;
  double current_hours = 0;
  bool can_edit = false;
  bool can_read_audit = false;
};

// NotFound when the pupil does not exist or is not visible to the actor.
Result<PupilProfile> pupil_profile(Context& context, const Actor& actor, Id pupil_id);

struct NewPupil {
  Pupil pupil;
  // A school's staff: the pupil joins the school's roll from this date (default today).
  std::optional<Date> admission_date;
  // A provider's staff: who referred the pupil (required); the pupil gets a referral placement.
  // A local authority's staff: the provider (required); the LA is the commissioner.
  Id commissioner_id = 0;
  Id provider_id = 0;
};

// Creates a pupil so that the actor's organisation can see them (on its roll, or with a referral
// placement). Forbidden unless the actor edits pupils; Invalid with every field problem; Conflict
// when the UPN is taken. Audited.
Result<Id> create_pupil(Context& context, const Actor& actor, const NewPupil& request);

// Applies `change` to the pupil's current record, validates, saves and audits, in one transaction.
// `change` may add field errors (from parsing) which fail the update. When `expected_updated_at`
// is given and the record has changed since, fails with Conflict so a stale form cannot silently
// overwrite someone else's change.
using PupilChange = std::function<void(Pupil&, ErrorList&)>;
Result<Pupil> update_pupil(Context& context, const Actor& actor, Id pupil_id,
                           const PupilChange& change,
                           std::optional<std::int64_t> expected_updated_at = std::nullopt);

// Total hours a week of the placements current on `on`.
double current_hours(const std::vector<PlacementView>& placements, Date on);

}  // namespace waymark::app
