// Bulk import of pupils and of placements: the use cases behind CSV upload in the UI and
// `waymark import`. interop/ turns a file into typed rows (and reports cells it cannot read);
// these functions decide what each row means for the database and write all of it or none of it.
//
// Errors name the spreadsheet cell: every FieldError's field is "row N, column C" (see
// row_column), where N is the row number the reader gave and C the CSV column, so that a user can
// fix the file and try again. Every row is checked before anything is written, and every problem
// is reported at once.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/context.h"
#include "core/date.h"
#include "core/placement.h"
#include "core/pupil.h"
#include "core/user.h"

namespace waymark::app {

// "row 7, column upn": the field of a FieldError about one cell of an imported file.
std::string row_column(int row, std::string_view column);

// One data row of a pupil file.
struct PupilImportRow {
  int row = 0;  // as the reader numbers rows; used only in messages
  // The pupil as the row describes them. Barriers and contacts are not imported (ignored here).
  Pupil pupil;
  // Used only when the row creates a pupil (see import_pupils).
  std::optional<Date> admission_date;
  std::string commissioner_urn;
  std::string provider_urn;
  // The Pupil fields this row supplies, each with the CSV column it came from: "upn" -> "upn",
  // "legal_forename" -> "forename", "nc_year_override" -> "nc_year", a flag key -> itself,
  // "medical_needs" -> "medical_needs", "sen" -> "sen" or "ehcp". Fields not listed keep their
  // stored values when the row updates a pupil (and their defaults when it creates one), so a file
  // without a flag column never clears that flag. Validation errors on a listed field name its
  // column; the required identity fields are always treated as supplied.
  std::map<std::string, std::string> column_of_field;
  // From an `ehcp` column when the file has no `sen` column: true sets SEN to E; false clears an E
  // (to N) and keeps N or K, which a yes/no column cannot tell apart. Ignored when "sen" is listed.
  std::optional<bool> ehcp;
};

// One data row of a placement file.
struct PlacementImportRow {
  int row = 0;
  std::string upn;  // canonical form; the pupil must already exist
  std::string provider_urn;
  std::string commissioner_urn;
  // The placement's own fields. pupil_id, provider_id and commissioner_id are filled in by
  // import_placements from the UPN and URNs.
  Placement placement;
  // The Placement fields this row supplies ("referral_date" -> "referral_date", "timetable" -> ...)
  // as for PupilImportRow: unlisted fields keep stored values on update, defaults on create.
  std::map<std::string, std::string> column_of_field;
};

enum class DryRun { No, Yes };

struct ImportSummary {
  int created = 0;
  int updated = 0;
  int unchanged = 0;  // matched an existing record that the row would not change
  int rows = 0;
  bool dry_run = false;  // true: the counts are what a real import would do; nothing was written
};

// Imports pupils: creates the new ones and updates those already recorded.
//
// REQUIRES of the actor: may edit pupils (admin, teacher, head); Forbidden otherwise.
//
// Matching: a row with a UPN is the pupil with that UPN. If no pupil has it, a pupil the actor can
// see with no UPN and the same legal names and date of birth is taken to be the same pupil, and
// the UPN is added to their record. A row without a UPN is matched in the same way by names and
// date of birth, among pupils without a UPN only. Anything else is a new pupil.
//
// A new pupil is recorded so that the actor's organisation can see them, as create_pupil does: a
// school puts them on its roll from `admission_date` (default today); a provider must give the
// referring school or LA as `commissioner_urn`, and an LA the provider as `provider_urn`, and the
// pupil gets a referral placement dated today. These columns are ignored for existing pupils.
//
// An existing pupil's listed fields are replaced by the row's; contacts, barriers and unlisted
// fields are kept. A row that would change nothing counts as unchanged and is not written.
//
// Fails with Invalid, writing nothing, when any row has any problem, listing every one:
// validate_pupil's (with today's date), the same UPN or the same names and date of birth twice in
// the file, two rows matching one pupil, several visible pupils matching a row without a UPN, a
// missing or wrong commissioner or provider URN, an admission date more than a year ahead, and a
// UPN recorded for a pupil the actor cannot see. That last message tells the importer that the
// UPN is known to another organisation (though nothing about the pupil): a small disclosure,
// accepted because the alternative is a silent second record of the same child.
//
// Otherwise, unless `dry_run` is Yes, writes everything in one transaction, with an audit entry
// (action "import") for every pupil, enrolment and placement created or updated. A dry run returns
// the same summary and writes nothing.
Result<ImportSummary> import_pupils(Context& context, const Actor& actor,
                                    const std::vector<PupilImportRow>& rows, DryRun dry_run);

// Imports placements of pupils already recorded.
//
// REQUIRES of the actor: may commission or edit pupils; Forbidden otherwise. Each row must have
// the actor's organisation as its provider or its commissioner.
//
// Each row names its pupil by UPN (among the pupils the actor can see), its provider by URN (an
// organisation of kind Provider) and its commissioner by URN (a school or an LA). A placement of
// the same pupil, provider, commissioner and referral date is the same placement and is updated
// (its status may only move forward, as check_status_change says); otherwise one is created.
//
// Fails with Invalid, writing nothing, when any row has a problem (including validate_placement's,
// each naming its CSV column, and the same placement twice in the file). Otherwise writes
// everything in one transaction, audited with action "import", unless `dry_run` is Yes.
Result<ImportSummary> import_placements(Context& context, const Actor& actor,
                                        const std::vector<PlacementImportRow>& rows,
                                        DryRun dry_run);

}  // namespace waymark::app
