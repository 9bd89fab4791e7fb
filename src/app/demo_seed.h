// Internal to the demo seeder (demo*.cpp): the pieces seed_demo() assembles, one per concept, and
// the small helpers they share. Not part of app's interface; include only from demo*.cpp.
#pragma once

#include <cstdint>
#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/calendar.h"
#include "core/date.h"
#include "core/organisation.h"
#include "core/placement.h"
#include "core/pupil.h"
#include "core/result.h"
#include "store/store.h"

namespace waymark::app::demo {

// Deterministic choices. Uses mt19937's raw output rather than std::uniform_int_distribution or
// std::shuffle, whose algorithms differ between standard libraries: mt19937's sequence is fixed by
// the standard, so the demo is the same with any compiler.
class Random {
 public:
  explicit Random(std::uint32_t seed) : engine_(seed) {}
  // 0 .. count-1. REQUIRES: count > 0. The modulo bias is irrelevant for demo data.
  int below(int count) { return static_cast<int>(engine_() % static_cast<std::uint32_t>(count)); }
  int between(int low, int high) { return low + below(high - low + 1); }
  bool percent(int chance) { return below(100) < chance; }
  template <typename Container>
  const auto& pick(const Container& items) {
    return items[static_cast<std::size_t>(below(static_cast<int>(items.size())))];
  }
  template <typename T>
  void shuffle(std::vector<T>& items) {
    for (std::size_t remaining = items.size(); remaining > 1; --remaining)
      std::swap(items[remaining - 1],
                items[static_cast<std::size_t>(below(static_cast<int>(remaining)))]);
  }

 private:
  std::mt19937 engine_;
};

// Generated records are checked with core's validators; a failure is a bug in this seeder, not
// bad input, so it throws (rolling the transaction back) instead of returning an Error.
inline void require_valid(const Status& status, const std::string& what) {
  if (!status.ok())
    throw std::logic_error("demo data: invalid " + what + ": " + status.error().message);
}
inline Id require_stored(Result<Id> stored, const std::string& what) {
  if (!stored.ok())
    throw std::logic_error("demo data: could not store " + what + ": " + stored.error().message);
  return *stored;
}

inline Date monday_on_or_before(Date date) {
  return date.plus_days(1 - static_cast<int>(date.weekday()));
}
inline Date friday_on_or_before(Date date) {
  while (date.weekday() != 5) date = date.plus_days(-1);
  return date;
}

// The first day pupils attend in the academic year starting in `year`: INSET days take the first
// two weekdays of September.
Date first_day_of_autumn(int year);

// By the demo calendar (every demo organisation shares it): the latest school day (a weekday in a
// half term, not a closure day) on or before `date`; and the first school day of the latest school
// week on or before `date`, which is when placements start.
Date school_day_on_or_before(Date date);
Date school_week_start_on_or_before(Date date);

struct DemoSchool {
  Id id = 0;
  std::string name;
  int establishment_number = 0;
};

struct DemoOrganisations {
  Id local_authority = 0;
  Id balance = 0;  // registered provider
  Id bridges = 0;  // unregistered provider: at most 10 hours a week per pupil (policy 003)
  std::vector<DemoSchool> schools;
  std::vector<Id> all() const;  // every organisation, LA first
};

// What later steps need to know about a seeded pupil.
struct DemoPupil {
  Id id = 0;
  std::size_t school_index = 0;  // into DemoOrganisations::schools
  int nc_year = 0;
  SenStatus sen = SenStatus::None;
  bool looked_after = false;
};

constexpr int kLaCode = 886;

DemoOrganisations seed_organisations(store::Connection& connection);
// Returns the new users' ids by email.
std::map<std::string, Id> seed_users(store::Connection& connection,
                                     const DemoOrganisations& organisations,
                                     const std::string& password_hash);
// Pupils with their contacts and barriers, each on the roll of one school.
std::vector<DemoPupil> seed_pupils(store::Connection& connection,
                                   const DemoOrganisations& organisations, Date today,
                                   std::int64_t now, Random& random);
std::vector<Placement> seed_placements(store::Connection& connection,
                                       const DemoOrganisations& organisations,
                                       const std::vector<DemoPupil>& pupils, Date today,
                                       std::int64_t now, Random& random);
// Terms, half terms and closure days of the academic year starting in `academic_year`.
void seed_calendar(store::Connection& connection, Id organisation_id, int academic_year);
// Subjects at both providers, and teaching groups drawn from their active placements.
void seed_subjects_and_groups(store::Connection& connection, const DemoOrganisations& organisations,
                              const std::map<std::string, Id>& users,
                              const std::vector<DemoPupil>& pupils,
                              const std::vector<Placement>& placements, Date today);

// Everything the assessment-loop seeders (issue 3) need from the base seed.
struct DemoWorld {
  Date today;
  std::int64_t now = 0;
  const DemoOrganisations& organisations;
  const std::map<std::string, Id>& users;  // by email
  const std::vector<DemoPupil>& pupils;
  const std::vector<Placement>& placements;
};

// A half term of the assessment loop for the demo pupils, one seeder per area, run in this order
// inside the demo's one transaction. Each is defined beside its area (demo_<area>.cpp).
void seed_assessment_setup(store::Connection& connection, const DemoWorld& world, Random& random);
void seed_baselines(store::Connection& connection, const DemoWorld& world, Random& random);
void seed_classwork(store::Connection& connection, const DemoWorld& world, Random& random);
void seed_feedback_forms(store::Connection& connection, const DemoWorld& world, Random& random);
// Issue 4: six weeks of registers (demo_attendance.cpp).
void seed_attendance(store::Connection& connection, const DemoWorld& world, Random& random);
// AP monitoring (issue 4): weekly RAGs, updates, deterioration alerts and action plans.
void seed_monitoring(store::Connection& connection, const DemoWorld& world, Random& random);
// Parent contact, behaviour and rewards (issue 4): demo_contacts.cpp, demo_behaviour.cpp.
void seed_parent_contacts(store::Connection& connection, const DemoWorld& world, Random& random);
void seed_behaviour(store::Connection& connection, const DemoWorld& world, Random& random);

}  // namespace waymark::app::demo
