#include "core/placement.h"

#include <gtest/gtest.h>

namespace waymark {
namespace {

Placement valid_placement() {
  Placement placement;
  placement.pupil_id = 1;
  placement.provider_id = 2;
  placement.commissioner_id = 3;
  placement.referral_date = Date::from_ymd(2025, 9, 1);
  placement.start_date = Date::from_ymd(2025, 9, 15);
  placement.hours_per_week = 15;
  placement.status = PlacementStatus::Active;
  placement.timetable = {{1, Session::Am}, {2, Session::Pm}};
  return placement;
}

bool has_field(const Status& status, const std::string& field) {
  if (status.ok()) return false;
  for (const auto& error : status.error().fields)
    if (error.field == field) return true;
  return false;
}

TEST(PlacementTest, ValidPlacementPasses) {
  EXPECT_TRUE(validate_placement(valid_placement()).ok());
}

struct InvalidCase {
  const char* name;
  void (*change)(Placement&);
  const char* field;
};

TEST(PlacementTest, RejectsEachProblemNamingItsField) {
  const InvalidCase cases[] = {
      {"no provider", [](Placement& p) { p.provider_id = 0; }, "provider_id"},
      {"no commissioner", [](Placement& p) { p.commissioner_id = 0; }, "commissioner_id"},
      {"self-commissioned", [](Placement& p) { p.commissioner_id = p.provider_id; },
       "commissioner_id"},
      {"start before referral", [](Placement& p) { p.start_date = Date::from_ymd(2025, 8, 1); },
       "start_date"},
      {"planned end before start",
       [](Placement& p) { p.planned_end_date = Date::from_ymd(2025, 9, 2); }, "planned_end_date"},
      {"too many hours", [](Placement& p) { p.hours_per_week = 40; }, "hours_per_week"},
      {"negative hours", [](Placement& p) { p.hours_per_week = -1; }, "hours_per_week"},
      {"session twice",
       [](Placement& p) {
         p.timetable.push_back({1, Session::Am});
       },
       "timetable"},
      {"weekend",
       [](Placement& p) {
         p.timetable.push_back({6, Session::Am});
       },
       "timetable"},
      {"active without start", [](Placement& p) { p.start_date.reset(); }, "start_date"},
      {"ended without date",
       [](Placement& p) {
         p.status = PlacementStatus::Ended;
         p.end_reason = EndReason::Reintegrated;
       },
       "actual_end_date"},
      {"ended without reason",
       [](Placement& p) {
         p.status = PlacementStatus::Ended;
         p.actual_end_date = Date::from_ymd(2025, 12, 1);
       },
       "end_reason"},
      {"end date while active",
       [](Placement& p) { p.actual_end_date = Date::from_ymd(2025, 12, 1); }, "actual_end_date"},
  };
  for (const auto& test : cases) {
    Placement placement = valid_placement();
    test.change(placement);
    EXPECT_TRUE(has_field(validate_placement(placement), test.field)) << test.name;
  }
}

TEST(PlacementTest, StatusMovesForwardOrEndsButNeverReopens) {
  EXPECT_TRUE(
      check_status_change(PlacementStatus::Referred, PlacementStatus::PlanningMeeting).ok());
  EXPECT_TRUE(check_status_change(PlacementStatus::Referred, PlacementStatus::Active).ok());
  EXPECT_TRUE(check_status_change(PlacementStatus::InitialAssessment, PlacementStatus::Ended).ok());
  EXPECT_FALSE(check_status_change(PlacementStatus::Active, PlacementStatus::Referred).ok());
  EXPECT_FALSE(check_status_change(PlacementStatus::Ended, PlacementStatus::Active).ok());
  EXPECT_TRUE(check_status_change(PlacementStatus::Ended, PlacementStatus::Ended).ok());
}

TEST(PlacementTest, TimetableSlotsParseAndPrint) {
  EXPECT_EQ(to_string(parse_timetable_slot("Mon AM").value()), "Mon AM");
  EXPECT_EQ(to_string(parse_timetable_slot("fri-pm").value()), "Fri PM");
  EXPECT_EQ(to_string(parse_timetable_slot("3am").value()), "Wed AM");
  EXPECT_FALSE(parse_timetable_slot("Sat AM").ok());
  EXPECT_FALSE(parse_timetable_slot("Monday").ok());
}

TEST(PlacementTest, CurrentOnlyWhenActiveAndStarted) {
  Placement placement = valid_placement();
  EXPECT_TRUE(placement.current_on(Date::from_ymd(2025, 10, 1)));
  EXPECT_FALSE(placement.current_on(Date::from_ymd(2025, 9, 10)));
  placement.status = PlacementStatus::Referred;
  EXPECT_FALSE(placement.current_on(Date::from_ymd(2025, 10, 1)));
}

TEST(PlacementTest, EnrolmentDatesInOrder) {
  Enrolment enrolment{
      0, 1, 2, Date::from_ymd(2025, 9, 1), Date::from_ymd(2025, 8, 1), RegistrationType::Main};
  EXPECT_FALSE(validate_enrolment(enrolment).ok());
  enrolment.leaving_date.reset();
  EXPECT_TRUE(validate_enrolment(enrolment).ok());
  EXPECT_TRUE(enrolment.current_on(Date::from_ymd(2026, 1, 1)));
  EXPECT_FALSE(parse_registration_type("triple").ok());
}

}  // namespace
}  // namespace waymark
