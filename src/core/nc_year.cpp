#include "core/nc_year.h"

#include <fmt/format.h>

namespace waymark {

namespace {
constexpr unsigned kSeptember = 9;
}  // namespace

int academic_year_start(Date on) {
  return on.month() >= kSeptember ? on.year() : on.year() - 1;
}

Result<int> nc_year_for(Date dob, int academic_year_start, const std::string& field) {
  // Everyone born in the same academic year shares a year group, and turns N + 5 during the
  // academic year they are in Year N; so Year N starts N + 5 years after the birth academic year.
  int year = academic_year_start - waymark::academic_year_start(dob) - 5;
  if (year < kReceptionYear) {
    return Error::invalid(
        field, fmt::format("date of birth puts the pupil outside school age (below Reception in "
                           "{}; would start Reception in {})",
                           academic_year_label(academic_year_start),
                           academic_year_label(academic_year_start - year)));
  }
  if (year > kFinalYear) {
    return Error::invalid(
        field, fmt::format("date of birth puts the pupil outside school age (Year {} in {}; "
                           "Waymark covers Reception to Year {})",
                           year, academic_year_label(academic_year_start), kFinalYear));
  }
  return year;
}

std::string nc_year_label(int year) {
  return year == kReceptionYear ? std::string("Reception") : fmt::format("Year {}", year);
}

std::string academic_year_label(int start) {
  // The modulus keeps the second part two digits across a century, e.g. 1999/00.
  int next = ((start + 1) % 100 + 100) % 100;
  return fmt::format("{}/{:02}", start, next);
}

}  // namespace waymark
