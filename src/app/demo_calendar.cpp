// The demo calendar (terms, half terms, INSET days, bank holidays), subjects and teaching groups.
// Term dates follow one rule set that reproduces the 2025/26 dates of a typical English LA, so any
// academic year can be generated.
#include <algorithm>

#include "app/demo_seed.h"
#include "core/nc_year.h"

namespace waymark::app::demo {

namespace {

Date first_weekday_on_or_after(Date date) {
  while (date.weekday() > 5) date = date.plus_days(1);
  return date;
}
Date weekday_on_or_before(Date date) {
  while (date.weekday() > 5) date = date.plus_days(-1);
  return date;
}
Date first_monday_on_or_after(Date date) {
  while (date.weekday() != 1) date = date.plus_days(1);
  return date;
}

// Easter Sunday in the Gregorian calendar (the "anonymous Gregorian" computus).
Date easter_sunday(int year) {
  const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7,
            m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return Date::from_ymd(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

struct Span {
  const char* name;
  Date start;
  Date end;
};

struct TermPlan {
  Span term;
  Span first_half;
  Span second_half;
};

// 2025/26 gives Autumn 3 Sep-19 Dec (half term after 24 Oct), Spring 5 Jan-27 Mar (after 13 Feb),
// Summer 13 Apr-22 Jul (after 22 May).
std::vector<TermPlan> terms_of(int year) {
  const Date autumn_start = first_day_of_autumn(year);
  const Date autumn_break = friday_on_or_before(Date::from_ymd(year, 10, 24));
  const Date autumn_end = friday_on_or_before(Date::from_ymd(year, 12, 20));
  const Date spring_start = first_weekday_on_or_after(Date::from_ymd(year + 1, 1, 5));
  const Date spring_break = friday_on_or_before(Date::from_ymd(year + 1, 2, 13));
  // The Easter holiday: two weeks around Good Friday and Easter Monday.
  const Date easter = easter_sunday(year + 1);
  const Date spring_end = easter.plus_days(-9);
  const Date summer_start = easter.plus_days(8);
  const Date late_may_bank_holiday = monday_on_or_before(Date::from_ymd(year + 1, 5, 31));
  const Date summer_end = weekday_on_or_before(Date::from_ymd(year + 1, 7, 22));
  return {
      {{"Autumn", autumn_start, autumn_end},
       {"Autumn 1", autumn_start, autumn_break},
       {"Autumn 2", autumn_break.plus_days(10), autumn_end}},
      {{"Spring", spring_start, spring_end},
       {"Spring 1", spring_start, spring_break},
       {"Spring 2", spring_break.plus_days(10), spring_end}},
      {{"Summer", summer_start, summer_end},
       {"Summer 1", summer_start, late_may_bank_holiday.plus_days(-3)},
       {"Summer 2", late_may_bank_holiday.plus_days(7), summer_end}},
  };
}

// Five INSET days (the usual number) and the early May bank holiday, which falls in term time.
std::vector<ClosureDay> closures_of(int year, const std::vector<TermPlan>& terms) {
  const Date september = Date::from_ymd(year, 9, 1);
  const Date first_inset = first_weekday_on_or_after(september);
  return {
      {.date = first_inset, .reason = "INSET day"},
      {.date = first_weekday_on_or_after(first_inset.plus_days(1)), .reason = "INSET day"},
      {.date = terms[0].second_half.start, .reason = "INSET day"},
      {.date = terms[1].term.start, .reason = "INSET day"},
      {.date = terms[2].second_half.start, .reason = "INSET day"},
      {.date = first_monday_on_or_after(Date::from_ymd(year + 1, 5, 1)), .reason = "Bank holiday"},
  };
}

Id insert_term(store::Connection& connection, Id organisation_id, int year, const Span& span,
               const Term* parent) {
  Term term{.organisation_id = organisation_id,
            .academic_year = year,
            .name = span.name,
            .start_date = span.start,
            .end_date = span.end,
            .parent_term_id = parent != nullptr ? parent->id : 0};
  require_valid(validate_term(term, parent), std::string("term ") + span.name);
  return connection.insert_term(term);
}

constexpr std::pair<const char*, const char*> kSubjects[] = {
    {"Mathematics", "MA"}, {"English", "EN"}, {"Science", "SC"},
    {"PSHE", "PS"},        {"Art", "AR"},     {"Vocational studies", "VO"},
};

// Subject ids by code.
std::map<std::string, Id> seed_subjects(store::Connection& connection, Id organisation_id) {
  std::map<std::string, Id> ids;
  for (auto [name, code] : kSubjects) {
    Subject subject{.organisation_id = organisation_id, .name = name, .code = code};
    require_valid(validate_subject(subject), std::string("subject ") + name);
    ids[code] = require_stored(connection.insert_subject(subject), std::string("subject ") + name);
  }
  return ids;
}

constexpr std::size_t kMaxGroupSize = 15;

// At most kMaxGroupSize pupils: from the front, or from the back (so that two
// groups drawn from one list differ).
enum class TakeFrom { Front, Back };
std::vector<Id> up_to_group_size(std::vector<Id> pupil_ids, TakeFrom from = TakeFrom::Front) {
  if (pupil_ids.size() <= kMaxGroupSize) return pupil_ids;
  if (from == TakeFrom::Front) return {pupil_ids.begin(), pupil_ids.begin() + kMaxGroupSize};
  return {pupil_ids.end() - kMaxGroupSize, pupil_ids.end()};
}

void insert_group(store::Connection& connection, TeachingGroup group) {
  require_valid(validate_teaching_group(group), "teaching group " + group.name);
  connection.insert_teaching_group(group);
}

bool is_demo_school_day(Date day) {
  const int year = academic_year_start(day);
  const std::vector<TermPlan> terms = terms_of(year);
  for (const ClosureDay& closure : closures_of(year, terms))
    if (closure.date == day) return false;
  for (const TermPlan& term : terms)
    for (const Span& half : {term.first_half, term.second_half})
      if (half.start <= day && day <= half.end) return day.weekday() <= 5;
  return false;
}

}  // namespace

Date school_day_on_or_before(Date date) {
  while (!is_demo_school_day(date)) date = date.plus_days(-1);
  return date;
}

Date school_week_start_on_or_before(Date date) {
  Date day = school_day_on_or_before(date);
  while (true) {
    const Date earlier = school_day_on_or_before(day.plus_days(-1));
    if (monday_on_or_before(earlier) != monday_on_or_before(day)) return day;
    day = earlier;
  }
}

Date first_day_of_autumn(int year) {
  Date day = first_weekday_on_or_after(Date::from_ymd(year, 9, 1));
  for (int inset_days = 0; inset_days < 2; ++inset_days)
    day = first_weekday_on_or_after(day.plus_days(1));
  return day;
}

void seed_calendar(store::Connection& connection, Id organisation_id, int academic_year) {
  const std::vector<TermPlan> terms = terms_of(academic_year);
  for (const TermPlan& plan : terms) {
    Term parent{.organisation_id = organisation_id,
                .academic_year = academic_year,
                .name = plan.term.name,
                .start_date = plan.term.start,
                .end_date = plan.term.end};
    parent.id = insert_term(connection, organisation_id, academic_year, plan.term, nullptr);
    insert_term(connection, organisation_id, academic_year, plan.first_half, &parent);
    insert_term(connection, organisation_id, academic_year, plan.second_half, &parent);
  }
  for (ClosureDay closure : closures_of(academic_year, terms)) {
    closure.organisation_id = organisation_id;
    require_stored(connection.insert_closure_day(closure), "closure day " + closure.date.iso());
  }
}

void seed_subjects_and_groups(store::Connection& connection, const DemoOrganisations& organisations,
                              const std::map<std::string, Id>& users,
                              const std::vector<DemoPupil>& pupils,
                              const std::vector<Placement>& placements, Date today) {
  const int year = academic_year_start(today);
  const std::map<std::string, Id> balance_subjects =
      seed_subjects(connection, organisations.balance);
  const std::map<std::string, Id> bridges_subjects =
      seed_subjects(connection, organisations.bridges);

  // Pupils attending each provider today, in the order they were seeded.
  std::vector<Id> ks3_at_balance, ks4_at_balance, all_at_balance, at_bridges;
  for (const DemoPupil& pupil : pupils) {
    for (const Placement& placement : placements) {
      if (placement.pupil_id != pupil.id || !placement.current_on(today)) continue;
      if (placement.provider_id == organisations.bridges) at_bridges.push_back(pupil.id);
      if (placement.provider_id != organisations.balance) continue;
      all_at_balance.push_back(pupil.id);
      (pupil.nc_year >= 10 ? ks4_at_balance : ks3_at_balance).push_back(pupil.id);
    }
  }
  std::vector<Id> science;
  for (std::size_t index = 0; index < all_at_balance.size(); index += 2)
    science.push_back(all_at_balance[index]);

  const Id teacher = users.at("teacher@balance.example");
  const Id maths_teacher = users.at("maths@balance.example");
  const Id bridges_lead = users.at("admin@bridges.example");
  const Id balance = organisations.balance;
  const Id bridges = organisations.bridges;
  // Tutor-style groups are tied to no subject (subject_id 0).
  insert_group(connection, {.organisation_id = balance,
                            .name = "KS4 Maths",
                            .subject_id = balance_subjects.at("MA"),
                            .academic_year = year,
                            .staff_ids = {maths_teacher},
                            .pupil_ids = up_to_group_size(ks4_at_balance)});
  insert_group(connection, {.organisation_id = balance,
                            .name = "KS4 English",
                            .subject_id = balance_subjects.at("EN"),
                            .academic_year = year,
                            .staff_ids = {teacher},
                            .pupil_ids = up_to_group_size(ks4_at_balance, TakeFrom::Back)});
  insert_group(connection, {.organisation_id = balance,
                            .name = "KS3 Core",
                            .subject_id = 0,
                            .academic_year = year,
                            .staff_ids = {teacher, maths_teacher},
                            .pupil_ids = up_to_group_size(ks3_at_balance)});
  insert_group(connection, {.organisation_id = balance,
                            .name = "Science",
                            .subject_id = balance_subjects.at("SC"),
                            .academic_year = year,
                            .staff_ids = {teacher},
                            .pupil_ids = up_to_group_size(science)});
  insert_group(connection, {.organisation_id = bridges,
                            .name = "Engagement",
                            .subject_id = bridges_subjects.at("PS"),
                            .academic_year = year,
                            .staff_ids = {bridges_lead},
                            .pupil_ids = up_to_group_size(at_bridges)});
  insert_group(connection, {.organisation_id = bridges,
                            .name = "Vocational skills",
                            .subject_id = bridges_subjects.at("VO"),
                            .academic_year = year,
                            .staff_ids = {bridges_lead},
                            .pupil_ids = up_to_group_size(at_bridges, TakeFrom::Back)});
}

}  // namespace waymark::app::demo
