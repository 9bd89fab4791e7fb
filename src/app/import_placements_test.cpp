// import_placements against a real SQLite database in a temporary directory.
#include <algorithm>

#include "app/import_test_fixture.h"

namespace waymark::app {
namespace {

using namespace import_testing;

class PlacementImportTest : public ImportTest {
 protected:
  void SetUp() override {
    ImportTest::SetUp();
    if (HasFatalFailure()) return;
    import_ok(school_, {pupil_row(1, 1, "Ann", "Smith"), pupil_row(2, 2, "Bo", "Jones")});
    import_ok(other_school_, {pupil_row(1, 9, "Cy", "Evans")});
  }
};

TEST_F(PlacementImportTest, CreatesThenUpdatesTheSamePlacement) {
  PlacementImportRow row = placement_row(1, 1, "100002", "100001");
  row.placement.hours_per_week = 10;
  row.column_of_field["hours_per_week"] = "hours_per_week";
  expect_summary(import_ok(school_, {row, placement_row(2, 2, "100002", "100001")}), 2, 0, 0);
  auto placements = db().placements_of(pupil_id(1));
  ASSERT_EQ(placements.size(), 1u);
  EXPECT_EQ(placements[0].provider_id, provider_id_);
  EXPECT_EQ(placements[0].commissioner_id, school_id_);
  EXPECT_EQ(placements[0].status, PlacementStatus::Referred);
  EXPECT_EQ(placements[0].hours_per_week, 10);

  expect_summary(import_ok(school_, {row}), 0, 0, 1);

  // The provider moves it on; the key (pupil, provider, commissioner, referral date) is unchanged.
  row.placement.status = PlacementStatus::Active;
  row.placement.start_date = Date::from_ymd(2025, 9, 15);
  row.placement.timetable = {{1, Session::Am}, {3, Session::Pm}};
  for (const char* field : {"status", "start_date", "timetable"})
    row.column_of_field[field] = field;
  expect_summary(import_ok(provider_, {row}), 0, 1, 0);
  placements = db().placements_of(pupil_id(1));
  ASSERT_EQ(placements.size(), 1u);
  EXPECT_EQ(placements[0].status, PlacementStatus::Active);
  EXPECT_EQ(placements[0].hours_per_week, 10);  // not in the second file: kept
  EXPECT_EQ(placements[0].timetable.size(), 2u);
  EXPECT_EQ(count("placements"), 2);

  auto entries = db().audit_of_pupil(pupil_id(1), 10);
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries[0].action, "import");
  EXPECT_EQ(entries[0].entity, "placement");
  EXPECT_EQ(entries[0].user_id, provider_.user_id);
  EXPECT_NE(entries[0].before_json, "");
}

TEST_F(PlacementImportTest, ReportsEveryProblemAndWritesNothing) {
  PlacementImportRow start_too_early = placement_row(5, 1, "100002", "100001");
  start_too_early.placement.start_date = Date::from_ymd(2025, 9, 1);
  start_too_early.column_of_field["start_date"] = "start_date";
  PlacementImportRow active_without_start = placement_row(6, 2, "100002", "100001");
  active_without_start.placement.status = PlacementStatus::Active;
  active_without_start.column_of_field["status"] = "status";
  PlacementImportRow no_such_upn = placement_row(1, 42, "100002", "100001");
  no_such_upn.upn = test_upn(42).str();
  const int audit_before = count("audit_log");
  auto summary = import(
      school_, {
                   no_such_upn, placement_row(2, 9, "100002", "100001"),  // another school's
                   placement_row(3, 1, "100001", "100001"), placement_row(4, 1, "100002", "100002"),
                   start_too_early, active_without_start,
                   placement_row(7, 1, "100002", "100003"),  // not ours
               });
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.error().kind, ErrorKind::Invalid);
  EXPECT_EQ(summary.error().fields,
            (std::vector<FieldError>{
                {"row 1, column upn", "no pupil with this UPN among your pupils"},
                {"row 2, column upn", "no pupil with this UPN among your pupils"},
                {"row 3, column provider_urn", "no provider has URN '100001'"},
                {"row 4, column commissioner_urn", "no school or local authority has URN '100002'"},
                {"row 5, column start_date", "must not be before the referral date"},
                {"row 6, column start_date", "is required once the placement is active"},
                {"row 7, column commissioner_urn",
                 "your organisation must be the provider or the commissioner of the placement"},
            }));
  EXPECT_EQ(count("placements"), 0);
  EXPECT_EQ(count("audit_log"), audit_before);
}

TEST_F(PlacementImportTest, TheSamePlacementTwiceInAFileIsAnError) {
  auto summary = import(
      school_, {placement_row(3, 1, "100002", "100001"), placement_row(8, 1, "100002", "100001")});
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.error().fields,
            (std::vector<FieldError>{
                {"row 8, column referral_date",
                 "the same placement (pupil, provider, commissioner and referral date) is on "
                 "row 3"}}));
}

TEST_F(PlacementImportTest, AnEndedPlacementCannotBeReopened) {
  PlacementImportRow ended = placement_row(1, 1, "100002", "100001");
  ended.placement.status = PlacementStatus::Ended;
  ended.placement.start_date = Date::from_ymd(2025, 9, 15);
  ended.placement.actual_end_date = Date::from_ymd(2025, 10, 17);
  ended.placement.end_reason = EndReason::Reintegrated;
  for (const char* field : {"status", "start_date", "actual_end_date", "end_reason"})
    ended.column_of_field[field] = field;
  import_ok(school_, {ended});

  PlacementImportRow reopened = ended;
  reopened.placement.status = PlacementStatus::Active;
  reopened.placement.actual_end_date.reset();
  reopened.placement.end_reason.reset();
  auto summary = import(school_, {reopened});
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(
      summary.error().fields,
      (std::vector<FieldError>{{"row 1, column status",
                                "an ended placement cannot be reopened; record a new placement"}}));
}

TEST_F(PlacementImportTest, ADryRunWritesNothing) {
  auto summary = import(school_, {placement_row(1, 1, "100002", "100001")}, DryRun::Yes);
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  expect_summary(*summary, 1, 0, 0);
  EXPECT_TRUE(summary->dry_run);
  EXPECT_EQ(count("placements"), 0);
}

TEST_F(PlacementImportTest, ReadOnlyRolesMayNotImport) {
  Actor auditor = add_user(school_id_, OrgKind::School, "auditor@hilltop.example", {Role::Auditor});
  auto summary = import(auditor, {placement_row(1, 1, "100002", "100001")});
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.error().kind, ErrorKind::Forbidden);
}

}  // namespace
}  // namespace waymark::app
