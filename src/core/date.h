// Calendar dates (Europe/London school days) and UTC timestamps.
// A Date is a plain calendar date with no time zone; it is stored and sent as ISO 8601
// "YYYY-MM-DD".
#pragma once

#include <chrono>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace waymark {

class Date {
 public:
  Date() = default;  // 1970-01-01; prefer parse() or from_ymd()
  static Date from_ymd(int year, unsigned month, unsigned day);  // REQUIRES: a valid date
  static Date from_days(std::int64_t days_since_epoch);

  // Parses "YYYY-MM-DD" (also accepts "DD/MM/YYYY", the form UK spreadsheets use).
  // Fails with Invalid on field `field` and a reason naming the expected form.
  static Result<Date> parse(std::string_view text, const std::string& field = "date");

  // Today's calendar date in Europe/London.
  static Date today();

  int year() const;
  unsigned month() const;
  unsigned day() const;
  unsigned weekday() const;  // ISO: 1 = Monday ... 7 = Sunday
  std::int64_t days() const { return days_; }
  Date plus_days(std::int64_t count) const { return from_days(days_ + count); }
  std::string iso() const;  // "YYYY-MM-DD"
  std::string uk() const;   // "DD/MM/YYYY"

  auto operator<=>(const Date&) const = default;

 private:
  std::int64_t days_ = 0;
};

// Seconds since the Unix epoch, UTC.
std::int64_t now_utc_seconds();
// "YYYY-MM-DDTHH:MM:SSZ"
std::string iso_utc(std::int64_t seconds);

}  // namespace waymark
