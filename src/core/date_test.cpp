#include "core/date.h"

#include <gtest/gtest.h>

namespace waymark {
namespace {

struct ParseCase {
  const char* text;
  bool ok;
  const char* iso;
};

TEST(DateTest, ParsesIsoAndUkForms) {
  const ParseCase cases[] = {
      {"2025-09-01", true, "2025-09-01"},
      {"01/09/2025", true, "2025-09-01"},
      {"2024-02-29", true, "2024-02-29"},
      {"2025-02-29", false, ""},
      {"2025-13-01", false, ""},
      {"31/04/2025", false, ""},
      {"", false, ""},
      {"2025-9-1", false, ""},
      {"tomorrow", false, ""},
      {"1800-01-01", false, ""},
  };
  for (const auto& test : cases) {
    auto date = Date::parse(test.text, "dob");
    EXPECT_EQ(date.ok(), test.ok) << test.text;
    if (date.ok()) {
      EXPECT_EQ(date->iso(), test.iso);
    } else {
      EXPECT_EQ(date.error().fields.at(0).field, "dob");
    }
  }
}

TEST(DateTest, ArithmeticAndWeekdays) {
  Date date = Date::from_ymd(2025, 9, 1);  // a Monday
  EXPECT_EQ(date.weekday(), 1u);
  EXPECT_EQ(date.plus_days(6).weekday(), 7u);
  EXPECT_EQ(date.plus_days(30).iso(), "2025-10-01");
  EXPECT_EQ(date.uk(), "01/09/2025");
  EXPECT_LT(date, date.plus_days(1));
}

TEST(DateTest, FormatsUtcInstants) {
  EXPECT_EQ(iso_utc(0), "1970-01-01T00:00:00Z");
}

}  // namespace
}  // namespace waymark
