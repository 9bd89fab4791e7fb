#include "interop/placement_csv.h"

#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace waymark::interop {
namespace {

using ColumnMap = std::map<std::string, std::string>;

std::string valid_upn(int serial) {
  std::string last12 = fmt::format("801200001{:03}", serial);
  return upn_check_letter(last12) + last12;
}

std::vector<app::PlacementImportRow> read_ok(std::string_view bytes) {
  auto rows = read_placement_csv(bytes);
  EXPECT_TRUE(rows.ok()) << rows.error().message;
  return rows.ok() ? std::move(rows).value() : std::vector<app::PlacementImportRow>{};
}

TEST(PlacementCsv, ReadsTheRequiredColumnsOnly) {
  auto rows = read_ok(
      fmt::format("upn,provider_urn,commissioner_urn,referral_date\n{},100002,100001,08/09/2025\n",
                  valid_upn(1)));
  ASSERT_EQ(rows.size(), 1u);
  const app::PlacementImportRow& row = rows[0];
  EXPECT_EQ(row.row, 1);
  EXPECT_EQ(row.upn, valid_upn(1));
  EXPECT_EQ(row.provider_urn, "100002");
  EXPECT_EQ(row.commissioner_urn, "100001");
  EXPECT_EQ(row.placement.referral_date, Date::from_ymd(2025, 9, 8));
  EXPECT_EQ(row.placement.status, PlacementStatus::Referred);
  EXPECT_EQ(row.column_of_field, (ColumnMap{{"referral_date", "referral_date"}}));
}

TEST(PlacementCsv, ReadsEveryOptionalColumnWithBomCrlfAndAnyHeaderCase) {
  auto rows = read_ok(fmt::format(
      "\xEF\xBB\xBFUPN,Provider_URN,Commissioner_Urn,Referral_Date,Start_Date,Planned_End_Date,"
      "Actual_End_Date,Hours_Per_Week,Status,Timetable,Reason,Objectives,Reintegration_Plan,"
      "End_Reason,End_Notes\r\n"
      "{},100002,100001,2025-09-08,2025-09-15,2026-07-17,2025-12-19,12.5,Ended,"
      "\"Mon AM; tue pm;;Fri-AM\",\"Exclusion, fixed term\",Maths GCSE,Back by spring,"
      "Moved on,Went to college\r\n",
      valid_upn(2)));
  ASSERT_EQ(rows.size(), 1u);
  const Placement& placement = rows[0].placement;
  EXPECT_EQ(placement.start_date, Date::from_ymd(2025, 9, 15));
  EXPECT_EQ(placement.planned_end_date, Date::from_ymd(2026, 7, 17));
  EXPECT_EQ(placement.actual_end_date, Date::from_ymd(2025, 12, 19));
  EXPECT_EQ(placement.hours_per_week, 12.5);
  EXPECT_EQ(placement.status, PlacementStatus::Ended);
  EXPECT_EQ(placement.timetable,
            (std::vector<TimetableSlot>{{1, Session::Am}, {2, Session::Pm}, {5, Session::Am}}));
  EXPECT_EQ(placement.reason, "Exclusion, fixed term");
  EXPECT_EQ(placement.objectives, "Maths GCSE");
  EXPECT_EQ(placement.reintegration_plan, "Back by spring");
  EXPECT_EQ(placement.end_reason, EndReason::MovedOn);
  EXPECT_EQ(placement.end_notes, "Went to college");
  ColumnMap expected;
  for (const char* field : {"referral_date", "start_date", "planned_end_date", "actual_end_date",
                            "hours_per_week", "status", "timetable", "reason", "objectives",
                            "reintegration_plan", "end_reason", "end_notes"})
    expected[field] = field;
  EXPECT_EQ(rows[0].column_of_field, expected);
}

TEST(PlacementCsv, EmptyOptionalCellsAreEmptyValuesButAnEmptyStatusIsNotSupplied) {
  auto rows = read_ok(fmt::format(
      "upn,provider_urn,commissioner_urn,referral_date,start_date,hours_per_week,status,"
      "timetable,end_reason\n{},100002,100001,2025-09-08,,,,,\n",
      valid_upn(3)));
  ASSERT_EQ(rows.size(), 1u);
  const app::PlacementImportRow& row = rows[0];
  EXPECT_FALSE(row.placement.start_date.has_value());
  EXPECT_EQ(row.placement.hours_per_week, 0);
  EXPECT_TRUE(row.placement.timetable.empty());
  EXPECT_FALSE(row.placement.end_reason.has_value());
  EXPECT_TRUE(row.column_of_field.contains("start_date"));
  EXPECT_TRUE(row.column_of_field.contains("timetable"));
  EXPECT_FALSE(row.column_of_field.contains("status"));
}

TEST(PlacementCsv, ReportsMissingAndUnknownColumns) {
  auto rows = read_placement_csv("upn,provider,commissioner_urn,referral_date\n");
  ASSERT_FALSE(rows.ok());
  const std::string known =
      "upn, provider_urn, commissioner_urn, referral_date, start_date, planned_end_date, "
      "actual_end_date, hours_per_week, status, timetable, reason, objectives, "
      "reintegration_plan, end_reason, end_notes";
  EXPECT_EQ(rows.error().fields,
            (std::vector<FieldError>{
                {"header", "missing column 'provider_urn'"},
                {"header", "column 'provider' is not recognised (known columns: " + known + ")"}}));
}

TEST(PlacementCsv, PassesOnProblemsWithTheFileItself) {
  auto rows = read_placement_csv("upn,provider_urn\n\"unclosed,1\n");
  ASSERT_FALSE(rows.ok());
  ASSERT_EQ(rows.error().fields.size(), 1u);
  EXPECT_EQ(rows.error().fields[0].field, "row 1");
}

struct BadCell {
  std::string_view name;
  std::string extra_header;
  std::string cells;  // after upn
  FieldError error;
};

TEST(PlacementCsv, ReportsEachKindOfUnreadableCell) {
  const std::string good = "100002,100001,2025-09-08";
  const BadCell cases[] = {
      {"provider blank", "", ",100001,2025-09-08", {"row 1, column provider_urn", "is required"}},
      {"commissioner blank",
       "",
       "100002,,2025-09-08",
       {"row 1, column commissioner_urn", "is required"}},
      {"referral date blank",
       "",
       "100002,100001,",
       {"row 1, column referral_date", "is required (a date like 2025-09-01)"}},
      {"start date not a date",
       ",start_date",
       good + ",next week",
       {"row 1, column start_date", "is not a date (expected YYYY-MM-DD, e.g. 2025-09-01)"}},
      {"hours not a number",
       ",hours_per_week",
       good + ",ten",
       {"row 1, column hours_per_week", "'ten' is not a number of hours (like 12.5)"}},
      {"hours with units",
       ",hours_per_week",
       good + ",10h",
       {"row 1, column hours_per_week", "'10h' is not a number of hours (like 12.5)"}},
      {"status unknown",
       ",status",
       good + ",on hold",
       {"row 1, column status",
        "'on_hold' is not a status (referred, planning_meeting, initial_assessment, active, "
        "ended)"}},
      {"timetable session unknown",
       ",timetable",
       good + ",Mon AM;Sat AM",
       {"row 1, column timetable", "'Sat AM' is not a session (like \"Mon AM\" or \"Fri PM\")"}},
      {"end reason unknown",
       ",end_reason",
       good + ",expelled",
       {"row 1, column end_reason",
        "'expelled' is not an end reason (reintegrated, moved_on, other)"}},
  };
  for (const BadCell& test_case : cases) {
    SCOPED_TRACE(test_case.name);
    auto rows =
        read_placement_csv(fmt::format("upn,provider_urn,commissioner_urn,referral_date{}\n{},{}\n",
                                       test_case.extra_header, valid_upn(4), test_case.cells));
    ASSERT_FALSE(rows.ok());
    EXPECT_EQ(rows.error().kind, ErrorKind::Invalid);
    EXPECT_EQ(rows.error().fields, std::vector<FieldError>{test_case.error});
  }
}

TEST(PlacementCsv, RequiresAValidUpnOnEveryRow) {
  std::string wrong = valid_upn(5);
  wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
  auto rows =
      read_placement_csv(fmt::format("upn,provider_urn,commissioner_urn,referral_date\n"
                                     ",100002,100001,2025-09-08\n"
                                     "{},100002,100001,2025-09-08\n",
                                     wrong));
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.error().fields,
            (std::vector<FieldError>{
                {"row 1, column upn", "is required: placements are matched to pupils by UPN"},
                {"row 2, column upn", "UPN invalid (wrong check letter at character 1)"}}));
}

}  // namespace
}  // namespace waymark::interop
