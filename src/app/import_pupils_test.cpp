// import_pupils against a real SQLite database in a temporary directory.
#include <algorithm>

#include "app/import_test_fixture.h"

namespace waymark::app {
namespace {

using namespace import_testing;

TEST_F(ImportTest, ASchoolsNewPupilsJoinItsRoll) {
  PupilImportRow with_date = pupil_row(1, 1, "Ann", "Smith");
  with_date.admission_date = Date::from_ymd(2025, 9, 3);
  ImportSummary summary =
      import_ok(school_, {with_date, pupil_row(2, std::nullopt, "Bo", "Jones")});
  expect_summary(summary, 2, 0, 0);
  EXPECT_FALSE(summary.dry_run);
  ASSERT_EQ(visible_pupils(school_).size(), 2u);

  auto ann = db().enrolments_of(pupil_id(1));
  ASSERT_EQ(ann.size(), 1u);
  EXPECT_EQ(ann[0].school_id, school_id_);
  EXPECT_EQ(ann[0].admission_date, Date::from_ymd(2025, 9, 3));
  auto bo_ids =
      db().pupil_ids_by_name_and_dob(store::Visibility{OrgKind::School, school_id_, false}, "Bo",
                                     "Jones", Date::from_ymd(2012, 9, 1));
  ASSERT_EQ(bo_ids.size(), 1u);
  auto bo = db().enrolments_of(bo_ids[0]);
  ASSERT_EQ(bo.size(), 1u);
  EXPECT_EQ(bo[0].admission_date, kToday);
  EXPECT_EQ(count("placements"), 0);
  EXPECT_TRUE(visible_pupils(other_school_).empty());
}

TEST_F(ImportTest, AProviderNamesTheReferringSchoolOrLa) {
  PupilImportRow from_school = pupil_row(1, 1, "Ann", "Smith");
  from_school.commissioner_urn = "100001";
  PupilImportRow from_la = pupil_row(2, 2, "Bo", "Jones");
  from_la.commissioner_urn = "100000";
  expect_summary(import_ok(provider_, {from_school, from_la}), 2, 0, 0);

  auto placements = db().placements_of(pupil_id(1));
  ASSERT_EQ(placements.size(), 1u);
  EXPECT_EQ(placements[0].provider_id, provider_id_);
  EXPECT_EQ(placements[0].commissioner_id, school_id_);
  EXPECT_EQ(placements[0].referral_date, kToday);
  EXPECT_EQ(placements[0].status, PlacementStatus::Referred);
  EXPECT_EQ(db().placements_of(pupil_id(2)).at(0).commissioner_id, la_id_);
  EXPECT_EQ(count("enrolments"), 0);
  EXPECT_EQ(visible_pupils(provider_).size(), 2u);
}

TEST_F(ImportTest, AProviderMustGiveARealCommissioner) {
  PupilImportRow missing = pupil_row(1, 1, "Ann", "Smith");
  PupilImportRow unknown = pupil_row(2, 2, "Bo", "Jones");
  unknown.commissioner_urn = "999999";
  PupilImportRow a_provider = pupil_row(3, 3, "Cy", "Evans");
  a_provider.commissioner_urn = "100002";
  auto summary = import(provider_, {missing, unknown, a_provider});
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.error().kind, ErrorKind::Invalid);
  EXPECT_EQ(
      summary.error().fields,
      (std::vector<FieldError>{
          {"row 1, column commissioner_urn",
           "is required for a new pupil: the URN of the school or local authority that "
           "referred them"},
          {"row 2, column commissioner_urn", "no school or local authority has URN '999999'"},
          {"row 3, column commissioner_urn", "no school or local authority has URN '100002'"}}));
  EXPECT_EQ(count("pupils"), 0);
}

TEST_F(ImportTest, AnLaNamesTheProvider) {
  PupilImportRow placed = pupil_row(1, 1, "Ann", "Smith");
  placed.provider_urn = "100002";
  PupilImportRow missing = pupil_row(2, 2, "Bo", "Jones");
  PupilImportRow a_school = pupil_row(3, 3, "Cy", "Evans");
  a_school.provider_urn = "100001";
  auto summary = import(la_, {placed, missing, a_school});
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.error().fields,
            (std::vector<FieldError>{
                {"row 2, column provider_urn",
                 "is required for a new pupil: the URN of the provider they are referred to"},
                {"row 3, column provider_urn", "no provider has URN '100001'"}}));
  EXPECT_EQ(count("pupils"), 0);

  expect_summary(import_ok(la_, {placed}), 1, 0, 0);
  auto placements = db().placements_of(pupil_id(1));
  ASSERT_EQ(placements.size(), 1u);
  EXPECT_EQ(placements[0].provider_id, provider_id_);
  EXPECT_EQ(placements[0].commissioner_id, la_id_);
}

TEST_F(ImportTest, OnlyPupilEditorsMayImport) {
  Actor auditor = add_user(school_id_, OrgKind::School, "auditor@hilltop.example", {Role::Auditor});
  auto summary = import(auditor, {pupil_row(1, 1, "Ann", "Smith")});
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.error().kind, ErrorKind::Forbidden);
  EXPECT_EQ(count("pupils"), 0);
}

// ---- Pupils: all or nothing ----------------------------------------------------------------

TEST_F(ImportTest, OneBadRowMeansNothingIsWritten) {
  import_ok(school_, {pupil_row(1, 1, "Ann", "Smith")});
  const int pupils_before = count("pupils");
  const int audit_before = count("audit_log");

  PupilImportRow changed = pupil_row(1, 1, "Ann", "Smith-Jones");
  PupilImportRow blank_name = pupil_row(2, 2, "", "Jones");
  auto summary = import(school_, {changed, blank_name, pupil_row(3, 3, "Cy", "Evans")});
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.error().kind, ErrorKind::Invalid);
  EXPECT_EQ(summary.error().fields,
            (std::vector<FieldError>{{"row 2, column forename", "is required"}}));
  EXPECT_EQ(summary.error().message, "row 2, column forename: is required");
  EXPECT_EQ(count("pupils"), pupils_before);
  EXPECT_EQ(count("audit_log"), audit_before);
  EXPECT_EQ(db().pupil(pupil_id(1))->legal_surname, "Smith");
}

TEST_F(ImportTest, ReportsEveryProblemOfEveryRowByCsvColumn) {
  PupilImportRow too_old = pupil_row(2, 2, "Bo", "Jones");
  too_old.pupil.dob = Date::from_ymd(2000, 1, 1);
  PupilImportRow bad_override = pupil_row(4, 4, "Di", "Khan");
  bad_override.pupil.nc_year_override = 15;
  bad_override.column_of_field["nc_year_override"] = "nc_year";
  PupilImportRow far_ahead = pupil_row(5, 5, "Ed", "Lee");
  far_ahead.admission_date = Date::from_ymd(2027, 1, 1);
  auto summary = import(school_, {
                                     pupil_row(1, 1, "Ann", "Smith"),
                                     too_old,
                                     pupil_row(3, 1, "Ann", "Smyth"),
                                     bad_override,
                                     far_ahead,
                                     pupil_row(6, std::nullopt, "Fay", "Moss"),
                                     pupil_row(7, std::nullopt, "FAY", "moss"),
                                 });
  ASSERT_FALSE(summary.ok());
  const auto& fields = summary.error().fields;
  ASSERT_EQ(fields.size(), 5u) << summary.error().message;
  EXPECT_EQ(fields[0].field, "row 2, column dob");
  EXPECT_TRUE(fields[0].reason.starts_with("date of birth puts the pupil outside school age"))
      << fields[0].reason;
  EXPECT_EQ(fields[1], (FieldError{"row 3, column upn", "the same UPN is on row 1"}));
  EXPECT_EQ(fields[2], (FieldError{"row 4, column nc_year", "must be Reception (0) to Year 14"}));
  EXPECT_EQ(fields[3], (FieldError{"row 5, column admission_date", "is more than a year ahead"}));
  EXPECT_EQ(fields[4], (FieldError{"row 7, column upn",
                                   "is blank, and row 6 has the same names and date of birth; "
                                   "give each pupil's UPN, or remove one of the rows"}));
  EXPECT_EQ(count("pupils"), 0);
}

TEST_F(ImportTest, ADryRunCountsButWritesNothing) {
  import_ok(school_, {pupil_row(1, 1, "Ann", "Smith")});
  const int pupils_before = count("pupils");
  const int audit_before = count("audit_log");
  auto summary = import(school_,
                        {pupil_row(1, 1, "Ann", "Smith"), pupil_row(2, 2, "Bo", "Jones"),
                         pupil_row(3, 3, "Cy", "Evans")},
                        DryRun::Yes);
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  expect_summary(*summary, 2, 0, 1);
  EXPECT_TRUE(summary->dry_run);
  EXPECT_EQ(count("pupils"), pupils_before);
  EXPECT_EQ(count("enrolments"), 1);
  EXPECT_EQ(count("audit_log"), audit_before);

  // A dry run reports the same problems a real import would.
  auto invalid = import(school_, {pupil_row(1, 1, "", "Smith")}, DryRun::Yes);
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.error().fields,
            (std::vector<FieldError>{{"row 1, column forename", "is required"}}));
}

// ---- Pupils: importing again ---------------------------------------------------------------

TEST_F(ImportTest, ImportingTheSameFileAgainChangesNothing) {
  std::vector<PupilImportRow> rows = {pupil_row(1, 1, "Ann", "Smith"),
                                      pupil_row(2, std::nullopt, "Bo", "Jones")};
  expect_summary(import_ok(school_, rows), 2, 0, 0);
  const int audit_after_first = count("audit_log");
  expect_summary(import_ok(school_, rows), 0, 0, 2);
  EXPECT_EQ(count("pupils"), 2);
  EXPECT_EQ(count("enrolments"), 2);
  EXPECT_EQ(count("audit_log"), audit_after_first);
}

TEST_F(ImportTest, ImportingAChangedFileUpdatesByUpnOrByNamesAndDateOfBirth) {
  import_ok(school_, {pupil_row(1, 1, "Ann", "Smith"), pupil_row(2, std::nullopt, "Bo", "Jones")});
  PupilImportRow renamed = pupil_row(1, 1, "Anne", "Smith");
  PupilImportRow flagged = pupil_row(2, std::nullopt, "bo", "JONES");  // names match ignoring case
  flagged.pupil.flags.fsm = true;
  flagged.column_of_field["fsm"] = "fsm";
  expect_summary(import_ok(school_, {renamed, flagged}), 0, 2, 0);
  EXPECT_EQ(count("pupils"), 2);
  EXPECT_EQ(count("enrolments"), 2);
  EXPECT_EQ(db().pupil(pupil_id(1))->legal_forename, "Anne");
  auto bo_ids =
      db().pupil_ids_by_name_and_dob(store::Visibility{OrgKind::School, school_id_, false}, "Bo",
                                     "Jones", Date::from_ymd(2012, 9, 1));
  ASSERT_EQ(bo_ids.size(), 1u);
  EXPECT_TRUE(db().pupil(bo_ids[0])->flags.fsm);
}

TEST_F(ImportTest, AUpnLearntLaterIsAddedToThePupilRecordedWithoutOne) {
  import_ok(school_, {pupil_row(1, std::nullopt, "Ann", "Smith")});
  expect_summary(import_ok(school_, {pupil_row(1, 7, "Ann", "Smith")}), 0, 1, 0);
  EXPECT_EQ(count("pupils"), 1);
  ASSERT_NE(pupil_id(7), 0);
  // And from then on the UPN is the key.
  expect_summary(import_ok(school_, {pupil_row(1, 7, "Ann", "Smith")}), 0, 0, 1);
}

TEST_F(ImportTest, AnUpdateKeepsWhatTheFileDoesNotSay) {
  PupilImportRow first = pupil_row(1, 1, "Ann", "Smith");
  first.pupil.medical_needs = "Asthma";
  first.pupil.flags.eal = true;
  first.pupil.sen = SenStatus::Support;
  first.pupil.preferred_forename = "Annie";
  for (const char* field : {"medical_needs", "eal", "sen", "preferred_forename"})
    first.column_of_field[field] = field;
  import_ok(school_, {first});
  Pupil stored = *db().pupil(pupil_id(1));
  Contact mother;
  mother.name = "Jo Smith";
  mother.relationship = "Mother";
  mother.phone = "0113 496 0000";
  stored.contacts.push_back(mother);
  stored.barriers.push_back(BarrierNote{Barrier::Attendance, "Below 80%"});
  ASSERT_TRUE(db().update_pupil(stored, kNow).ok());

  // Only the required columns: everything else stays.
  expect_summary(import_ok(school_, {pupil_row(1, 1, "Ann", "Smith")}), 0, 0, 1);
  Pupil kept = *db().pupil(pupil_id(1));
  EXPECT_EQ(kept.medical_needs, "Asthma");
  EXPECT_TRUE(kept.flags.eal);
  EXPECT_EQ(kept.sen, SenStatus::Support);
  EXPECT_EQ(kept.preferred_forename, "Annie");
  EXPECT_EQ(kept.contacts.size(), 1u);
  EXPECT_EQ(kept.barriers.size(), 1u);

  // A medical_needs column, even empty, says what the needs now are; contacts stay regardless.
  PupilImportRow cleared = pupil_row(1, 1, "Ann", "Smith");
  cleared.column_of_field["medical_needs"] = "medical_needs";
  expect_summary(import_ok(school_, {cleared}), 0, 1, 0);
  Pupil after = *db().pupil(pupil_id(1));
  EXPECT_EQ(after.medical_needs, "");
  EXPECT_EQ(after.contacts.size(), 1u);
  EXPECT_EQ(after.barriers.size(), 1u);
}

TEST_F(ImportTest, AnEhcpColumnSetsAndClearsOnlyTheEhcp) {
  PupilImportRow support = pupil_row(1, 1, "Ann", "Smith");
  support.pupil.sen = SenStatus::Support;
  support.column_of_field["sen"] = "sen";
  PupilImportRow plan = pupil_row(2, 2, "Bo", "Jones");
  plan.pupil.sen = SenStatus::Ehcp;
  plan.column_of_field["sen"] = "sen";
  import_ok(school_, {support, plan});

  PupilImportRow no_plan_a = pupil_row(1, 1, "Ann", "Smith");
  no_plan_a.ehcp = false;
  PupilImportRow no_plan_b = pupil_row(2, 2, "Bo", "Jones");
  no_plan_b.ehcp = false;
  expect_summary(import_ok(school_, {no_plan_a, no_plan_b}), 0, 1, 1);
  EXPECT_EQ(db().pupil(pupil_id(1))->sen, SenStatus::Support);
  EXPECT_EQ(db().pupil(pupil_id(2))->sen, SenStatus::None);

  PupilImportRow now_plan = pupil_row(1, 1, "Ann", "Smith");
  now_plan.ehcp = true;
  import_ok(school_, {now_plan});
  EXPECT_EQ(db().pupil(pupil_id(1))->sen, SenStatus::Ehcp);
}

// ---- Pupils: other organisations' pupils ---------------------------------------------------

TEST_F(ImportTest, AUpnRecordedByAnotherOrganisationIsRefused) {
  import_ok(other_school_, {pupil_row(1, 1, "Ann", "Smith")});
  const int pupils_before = count("pupils");
  auto summary = import(school_, {pupil_row(4, 1, "Ann", "Smith"), pupil_row(5, 2, "Bo", "Jones")});
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.error().fields,
            (std::vector<FieldError>{
                {"row 4, column upn",
                 "a pupil with this UPN is recorded by another organisation; ask them to share "
                 "the placement"}}));
  EXPECT_EQ(count("pupils"), pupils_before);
  EXPECT_EQ(db().pupil(pupil_id(1))->legal_surname, "Smith");
}

TEST_F(ImportTest, AnotherOrganisationsPupilWithoutUpnIsNotMatchedByName) {
  import_ok(other_school_, {pupil_row(1, std::nullopt, "Ann", "Smith")});
  expect_summary(import_ok(school_, {pupil_row(1, std::nullopt, "Ann", "Smith")}), 1, 0, 0);
  EXPECT_EQ(count("pupils"), 2);
}

TEST_F(ImportTest, SeveralPupilsWithTheSameNamesNeedAUpn) {
  for (int copy = 0; copy < 2; ++copy) {
    Pupil pupil = pupil_row(0, std::nullopt, "Ann", "Smith").pupil;
    auto id = db().insert_pupil(pupil, kNow);
    ASSERT_TRUE(id.ok());
    Enrolment enrolment;
    enrolment.pupil_id = *id;
    enrolment.school_id = school_id_;
    enrolment.admission_date = Date::from_ymd(2024, 9, 1);
    db().insert_enrolment(enrolment);
  }
  auto summary = import(school_, {pupil_row(3, std::nullopt, "Ann", "Smith")});
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.error().fields,
            (std::vector<FieldError>{
                {"row 3, column upn",
                 "2 of your pupils without a UPN have these names and this date of birth; give "
                 "the UPN so that the import can tell which one this is"}}));
  EXPECT_EQ(count("pupils"), 2);
}

TEST_F(ImportTest, TwoRowsCannotBeTheSamePupil) {
  import_ok(school_, {pupil_row(1, std::nullopt, "Ann", "Smith")});
  // Row 2 gives the UPN, row 3 does not: both mean the pupil already recorded.
  auto summary = import(
      school_, {pupil_row(2, 7, "Ann", "Smith"), pupil_row(3, std::nullopt, "Ann", "Smith")});
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.error().fields,
            (std::vector<FieldError>{
                {"row 3, column upn", "is the same pupil as row 2 (by names and date of birth)"}}));
}

// ---- Pupils: audit -------------------------------------------------------------------------

TEST_F(ImportTest, EveryRecordWrittenIsAuditedAsAnImport) {
  import_ok(school_, {pupil_row(1, 1, "Ann", "Smith")});
  import_ok(school_, {pupil_row(1, 1, "Anne", "Smith")});
  auto entries = db().audit_of_pupil(pupil_id(1), 10);  // newest first
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].action, "import");
  EXPECT_EQ(entries[0].entity, "pupil");
  EXPECT_EQ(entries[0].user_id, school_.user_id);
  EXPECT_EQ(entries[0].organisation_id, school_id_);
  EXPECT_EQ(entries[0].at, kNow);
  EXPECT_NE(entries[0].before_json.find("\"Ann\""), std::string::npos);
  EXPECT_NE(entries[0].after_json.find("\"Anne\""), std::string::npos);
  std::vector<std::string> created;
  for (std::size_t entry_idx = 1; entry_idx < entries.size(); ++entry_idx) {
    EXPECT_EQ(entries[entry_idx].action, "import");
    EXPECT_EQ(entries[entry_idx].before_json, "");
    created.push_back(entries[entry_idx].entity);
  }
  std::sort(created.begin(), created.end());
  EXPECT_EQ(created, (std::vector<std::string>{"enrolment", "pupil"}));
}

// ---- Placements ----------------------------------------------------------------------------

}  // namespace
}  // namespace waymark::app
