#include "core/contact_schedule.h"

#include <gtest/gtest.h>

namespace waymark {
namespace {

Date day(unsigned month, unsigned day_of_month) {
  return Date::from_ymd(2025, month, day_of_month);
}

struct DueCase {
  const char* name;
  std::optional<Date> last_contact;
  Date placement_start;
  ContactRule rule;
  ContactDue expected;
};

TEST(ContactScheduleTest, NextCallWindow) {
  const DueCase cases[] = {
      {"no call yet: from the start",
       std::nullopt,
       day(9, 15),
       ContactRule{},
       {day(9, 29), day(10, 6)}},
      {"from the last call", day(10, 1), day(9, 15), ContactRule{}, {day(10, 15), day(10, 22)}},
      {"a call before the start does not count",
       day(9, 10),
       day(9, 15),
       ContactRule{},
       {day(9, 29), day(10, 6)}},
      {"weekly", day(10, 1), day(9, 15), ContactRule{7, 7}, {day(10, 8), day(10, 8)}},
      {"across the year end",
       day(12, 20),
       day(9, 15),
       ContactRule{},
       {Date::from_ymd(2026, 1, 3), Date::from_ymd(2026, 1, 10)}},
  };
  for (const auto& test : cases)
    EXPECT_EQ(next_contact_due(test.last_contact, test.placement_start, test.rule), test.expected)
        << test.name;
}

struct StateCase {
  Date today;
  ContactState state;
};

TEST(ContactScheduleTest, StateAtEachBoundary) {
  const ContactDue due{day(10, 15), day(10, 22)};
  const StateCase cases[] = {
      {day(10, 1), ContactState::NotDue},   {day(10, 14), ContactState::NotDue},
      {day(10, 15), ContactState::Due},     {day(10, 22), ContactState::Due},
      {day(10, 23), ContactState::Overdue}, {day(12, 1), ContactState::Overdue},
  };
  for (const auto& test : cases)
    EXPECT_EQ(contact_state(due, test.today), test.state) << test.today.iso();
  EXPECT_STREQ(to_string(ContactState::Overdue), "overdue");
}

struct RuleCase {
  ContactRule rule;
  std::vector<std::string> fields;
};

TEST(ContactScheduleTest, ValidatesTheRule) {
  const RuleCase cases[] = {
      {ContactRule{}, {}},
      {ContactRule{1, 1}, {}},
      {ContactRule{90, 90}, {}},
      {ContactRule{0, 21}, {"min_days"}},
      {ContactRule{14, 91}, {"max_days"}},
      {ContactRule{21, 14}, {"max_days"}},
      {ContactRule{-3, 0}, {"min_days", "max_days"}},
  };
  for (const auto& test : cases) {
    const Status status = validate_contact_rule(test.rule);
    std::vector<std::string> fields;
    if (!status.ok())
      for (const auto& error : status.error().fields) fields.push_back(error.field);
    EXPECT_EQ(fields, test.fields) << test.rule.min_days << "-" << test.rule.max_days;
  }
}

TEST(ContactScheduleTest, ListsOverdueThenDue) {
  const std::vector<ContactRecord> records = {
      {1, 101, day(9, 1), day(10, 4)},     // due 18 Oct - 25 Oct: due
      {2, 102, day(9, 1), day(9, 20)},     // due by 11 Oct: 9 days overdue
      {3, 103, day(9, 1), day(10, 19)},    // from 2 Nov: not due
      {4, 104, day(9, 1), std::nullopt},   // due by 22 Sep: 28 days overdue
      {5, 105, day(11, 3), std::nullopt},  // not started yet
      {6, 106, day(10, 6), std::nullopt},  // due 20 Oct - 27 Oct: due
  };
  const auto entries = contacts_to_make(records, ContactRule{}, day(10, 20));
  ASSERT_EQ(entries.size(), 4u);
  EXPECT_EQ(entries[0].placement_id, 4);
  EXPECT_EQ(entries[0].state, ContactState::Overdue);
  EXPECT_EQ(entries[0].days_overdue, 28);
  EXPECT_EQ(entries[1].placement_id, 2);
  EXPECT_EQ(entries[1].days_overdue, 9);
  EXPECT_EQ(entries[2].placement_id, 1);
  EXPECT_EQ(entries[2].pupil_id, 101);
  EXPECT_EQ(entries[2].state, ContactState::Due);
  EXPECT_EQ(entries[2].days_overdue, 0);
  EXPECT_EQ(entries[2].due, (ContactDue{day(10, 18), day(10, 25)}));
  EXPECT_EQ(entries[3].placement_id, 6);
}

}  // namespace
}  // namespace waymark
