#include "core/behaviour.h"

#include <gtest/gtest.h>

#include <functional>

#include "core/contact_log.h"

namespace waymark {
namespace {

const Date kToday = Date::from_ymd(2025, 11, 5);

BehaviourIncident valid_incident() {
  BehaviourIncident incident;
  incident.incident_date = kToday;
  incident.time_minutes = 9 * 60;
  incident.type = "Verbal abuse";
  incident.description = "Shouted at staff";
  incident.pupils = {Involvement{1, std::nullopt, 0}, Involvement{2, kToday, 7}};
  return incident;
}

std::vector<std::string> fields(const Status& status) {
  std::vector<std::string> names;
  if (!status.ok())
    for (const FieldError& field : status.error().fields) names.push_back(field.field);
  return names;
}

TEST(BehaviourRulesTest, ParsesAndPrintsTimesOfDay) {
  struct Case {
    const char* text;
    std::optional<int> minutes;
  };
  const Case cases[] = {{"00:00", 0},
                        {"09:05", 9 * 60 + 5},
                        {"23:59", 23 * 60 + 59},
                        {"24:00", std::nullopt},
                        {"12:60", std::nullopt},
                        {"9:05", std::nullopt},
                        {"09-05", std::nullopt},
                        {"", std::nullopt},
                        {"ab:cd", std::nullopt}};
  for (const Case& test : cases) {
    auto parsed = parse_time_of_day(test.text);
    EXPECT_EQ(parsed.ok(), test.minutes.has_value()) << test.text;
    if (parsed.ok()) {
      EXPECT_EQ(*parsed, *test.minutes);
      EXPECT_EQ(format_time_of_day(*parsed), test.text);
    } else {
      EXPECT_EQ(parsed.error().fields[0].field, "time");
    }
  }
}

TEST(BehaviourRulesTest, IncidentValidationNamesEveryField) {
  EXPECT_TRUE(validate_incident(valid_incident(), kToday).ok());
  struct Case {
    const char* name;
    std::function<void(BehaviourIncident&)> change;
    const char* field;
  };
  const Case cases[] = {
      {"future", [](BehaviourIncident& i) { i.incident_date = kToday.plus_days(1); },
       "incident_date"},
      {"too old", [](BehaviourIncident& i) { i.incident_date = kToday.plus_days(-400); },
       "incident_date"},
      {"time", [](BehaviourIncident& i) { i.time_minutes = -1; }, "time"},
      {"type", [](BehaviourIncident& i) { i.type.clear(); }, "type"},
      {"description", [](BehaviourIncident& i) { i.description.clear(); }, "description"},
      {"long action", [](BehaviourIncident& i) { i.action_taken.assign(4001, 'x'); },
       "action_taken"},
      {"long follow-up", [](BehaviourIncident& i) { i.follow_up.assign(4001, 'x'); }, "follow_up"},
      {"no pupils", [](BehaviourIncident& i) { i.pupils.clear(); }, "pupils"},
      {"twice", [](BehaviourIncident& i) { i.pupils[1].pupil_id = 1; }, "pupils[1].pupil_id"},
      {"no pupil id", [](BehaviourIncident& i) { i.pupils[0].pupil_id = 0; }, "pupils[0].pupil_id"},
      {"told before",
       [](BehaviourIncident& i) { i.pupils[1].home_school_informed_on = kToday.plus_days(-1); },
       "pupils[1].home_school_informed_on"},
      {"told by nobody", [](BehaviourIncident& i) { i.pupils[1].home_school_informed_by = 0; },
       "pupils[1].home_school_informed_by"},
      {"by someone, no date", [](BehaviourIncident& i) { i.pupils[0].home_school_informed_by = 3; },
       "pupils[0].home_school_informed_on"},
  };
  for (const Case& test : cases) {
    BehaviourIncident incident = valid_incident();
    test.change(incident);
    const auto names = fields(validate_incident(incident, kToday));
    EXPECT_NE(std::find(names.begin(), names.end(), test.field), names.end()) << test.name;
  }
}

TEST(BehaviourRulesTest, RewardsAndStudentOfTheWeek) {
  Reward reward;
  reward.pupil_id = 1;
  reward.award_date = kToday;
  reward.points = 3;
  reward.reason = "Kindness";
  EXPECT_TRUE(validate_reward(reward, kToday).ok());
  EXPECT_EQ(reward.week_start(), Date::from_ymd(2025, 11, 3));
  reward.points = 101;
  EXPECT_EQ(fields(validate_reward(reward, kToday)), std::vector<std::string>{"points"});
  reward.kind = RewardKind::StudentOfTheWeek;
  reward.points = 0;
  EXPECT_TRUE(validate_reward(reward, kToday).ok());
  reward.points = 2;
  reward.reason.clear();
  reward.award_date = kToday.plus_days(1);
  EXPECT_EQ(fields(validate_reward(reward, kToday)),
            (std::vector<std::string>{"award_date", "reason", "points"}));
}

TEST(BehaviourRulesTest, ParsesItsEnums) {
  for (Severity severity : all_severities())
    EXPECT_EQ(*parse_severity(to_string(severity)), severity);
  EXPECT_FALSE(parse_severity("awful").ok());
  for (SharingLevel level : {SharingLevel::None, SharingLevel::Summary, SharingLevel::Full})
    EXPECT_EQ(*parse_sharing_level(to_string(level)), level);
  EXPECT_EQ(parse_sharing_level("some").error().fields[0].field, "behaviour");
  EXPECT_EQ(*parse_reward_kind("student_of_the_week"), RewardKind::StudentOfTheWeek);
  EXPECT_FALSE(parse_reward_kind("stars").ok());
  EXPECT_LT(SharingLevel::None, SharingLevel::Summary);  // shared_level takes the maximum
  EXPECT_LT(SharingLevel::Summary, SharingLevel::Full);
}

TEST(ContactLogRulesTest, ValidationAndMethods) {
  ContactLogEntry entry;
  entry.pupil_id = 1;
  entry.staff_id = 2;
  entry.contact_id = 3;
  entry.contact_date = kToday;
  entry.summary = "Spoke to mum";
  EXPECT_TRUE(validate_contact_log_entry(entry, kToday).ok());
  entry.pupil_id = entry.staff_id = entry.contact_id = 0;
  entry.contact_date = kToday.plus_days(1);
  entry.summary.clear();
  entry.outcome.assign(kMaxContactSummaryLength + 1, 'x');
  EXPECT_EQ(fields(validate_contact_log_entry(entry, kToday)),
            (std::vector<std::string>{"pupil_id", "staff_id", "contact_id", "contact_date",
                                      "summary", "outcome"}));
  EXPECT_TRUE(counts_as_call(ContactMethod::Call));
  EXPECT_TRUE(counts_as_call(ContactMethod::Meeting));
  EXPECT_FALSE(counts_as_call(ContactMethod::Message));
  EXPECT_EQ(*parse_contact_method("meeting"), ContactMethod::Meeting);
  EXPECT_EQ(parse_contact_method("fax").error().fields[0].field, "method");
}

}  // namespace
}  // namespace waymark
