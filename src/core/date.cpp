#include "core/date.h"

#include <cstdio>
#include <ctime>

#include <fmt/format.h>

namespace waymark {

namespace chr = std::chrono;

Date Date::from_ymd(int year, unsigned month, unsigned day) {
  chr::year_month_day ymd{chr::year{year}, chr::month{month}, chr::day{day}};
  return from_days(chr::sys_days{ymd}.time_since_epoch().count());
}

Date Date::from_days(std::int64_t days_since_epoch) {
  Date date;
  date.days_ = days_since_epoch;
  return date;
}

namespace {

bool all_digits(std::string_view text) {
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return !text.empty();
}

int to_int(std::string_view text) {
  int value = 0;
  for (char c : text) value = value * 10 + (c - '0');
  return value;
}

}  // namespace

Result<Date> Date::parse(std::string_view text, const std::string& field) {
  int year = 0, month = 0, day = 0;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-' && all_digits(text.substr(0, 4)) &&
      all_digits(text.substr(5, 2)) && all_digits(text.substr(8, 2))) {
    year = to_int(text.substr(0, 4));
    month = to_int(text.substr(5, 2));
    day = to_int(text.substr(8, 2));
  } else if (text.size() == 10 && text[2] == '/' && text[5] == '/' &&
             all_digits(text.substr(0, 2)) && all_digits(text.substr(3, 2)) &&
             all_digits(text.substr(6, 4))) {
    day = to_int(text.substr(0, 2));
    month = to_int(text.substr(3, 2));
    year = to_int(text.substr(6, 4));
  } else if (text.empty()) {
    return Error::invalid(field, "is required (a date like 2025-09-01)");
  } else {
    return Error::invalid(field, "is not a date (expected YYYY-MM-DD, e.g. 2025-09-01)");
  }
  chr::year_month_day ymd{chr::year{year}, chr::month{static_cast<unsigned>(month)},
                          chr::day{static_cast<unsigned>(day)}};
  if (!ymd.ok() || year < 1900 || year > 2200) {
    return Error::invalid(field, fmt::format("is not a real calendar date ({})", text));
  }
  return from_days(chr::sys_days{ymd}.time_since_epoch().count());
}

Date Date::today() {
  // Europe/London: the calendar date there is what a school means by "today".
  std::time_t now = std::time(nullptr);
  static const bool tz_set = [] {
    setenv("TZ", "Europe/London", 0);
    tzset();
    return true;
  }();
  (void)tz_set;
  std::tm local{};
  localtime_r(&now, &local);
  return from_ymd(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
                  static_cast<unsigned>(local.tm_mday));
}

namespace {
chr::year_month_day ymd_of(std::int64_t days) {
  return chr::year_month_day{chr::sys_days{chr::days{days}}};
}
}  // namespace

int Date::year() const {
  return static_cast<int>(ymd_of(days_).year());
}
unsigned Date::month() const {
  return static_cast<unsigned>(ymd_of(days_).month());
}
unsigned Date::day() const {
  return static_cast<unsigned>(ymd_of(days_).day());
}
unsigned Date::weekday() const {
  return chr::weekday{chr::sys_days{chr::days{days_}}}.iso_encoding();
}

std::string Date::iso() const {
  // Written by hand: dates go out on every row of every response, and this is several times
  // cheaper than a general formatter.
  const auto ymd = ymd_of(days_);
  const int year = static_cast<int>(ymd.year());
  const unsigned month = static_cast<unsigned>(ymd.month());
  const unsigned day = static_cast<unsigned>(ymd.day());
  if (year < 0 || year > 9999) return fmt::format("{:04}-{:02}-{:02}", year, month, day);
  const char text[10] = {static_cast<char>('0' + year / 1000),
                         static_cast<char>('0' + year / 100 % 10),
                         static_cast<char>('0' + year / 10 % 10),
                         static_cast<char>('0' + year % 10),
                         '-',
                         static_cast<char>('0' + month / 10),
                         static_cast<char>('0' + month % 10),
                         '-',
                         static_cast<char>('0' + day / 10),
                         static_cast<char>('0' + day % 10)};
  return std::string(text, sizeof text);
}
std::string Date::uk() const {
  return fmt::format("{:02}/{:02}/{:04}", day(), month(), year());
}

std::int64_t now_utc_seconds() {
  return chr::duration_cast<chr::seconds>(chr::system_clock::now().time_since_epoch()).count();
}

std::string iso_utc(std::int64_t seconds) {
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

}  // namespace waymark
