// Demo placements: most pupils active at one provider, a few part-time at both, and some at each
// earlier stage or already ended. Dates are relative to `today` so the demo always looks current,
// and fall on school days of the demo calendar.
#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "app/demo_seed.h"

namespace waymark::app::demo {

namespace {

// Hours come in half-day sessions of two and a half hours.
constexpr double kHoursPerSession = 2.5;
constexpr std::array<int, 3> kPlannedWeeks = {12, 18, 24};

enum class Plan {
  ActiveBalance,
  ActiveBridges,
  BothProviders,  // two part-time placements at once
  Referred,
  PlanningMeeting,
  InitialAssessment,
  EndedReintegrated,
  EndedMovedOn,
};

// For 60 pupils; any more are active at Balance.
constexpr std::pair<Plan, int> kPlans[] = {
    {Plan::ActiveBalance, 28},    {Plan::ActiveBridges, 10},  {Plan::BothProviders, 4},
    {Plan::Referred, 4},          {Plan::PlanningMeeting, 3}, {Plan::InitialAssessment, 3},
    {Plan::EndedReintegrated, 5}, {Plan::EndedMovedOn, 3},
};

// How many earlier, ended placements at Bridges precede a current one at Balance.
constexpr int kPupilsWithHistory = 2;

const std::vector<const char*> kReasons = {
    "At risk of permanent exclusion after repeated suspensions",
    "Emotionally based school avoidance; attendance below 50%",
    "Medical needs prevent full-time attendance at school",
    "Managed move did not succeed; needs a smaller setting",
    "Suspensions for disruptive behaviour this year",
    "Anxiety after bullying; not attending lessons",
};
const std::vector<const char*> kBalanceObjectives = {
    "Rebuild attendance to 90%; sit GCSE English and maths",
    "Close gaps in literacy and numeracy identified at baseline",
    "Re-engage with learning; complete a Level 1 vocational qualification",
    "Develop strategies to manage anxiety in a classroom",
};
const std::vector<const char*> kBridgesObjectives = {
    "Re-engage through practical work; attend every timetabled session",
    "Build confidence and trust with adults through mentoring",
    "Complete an entry-level award in construction skills",
};
const std::vector<const char*> kReintegrationPlans = {
    "Phased return to the home school: two days a week from next half term",
    "Review at six weeks with the home school SENCo; plan a return by the summer term",
    "Return to core lessons first, with a named mentor at the home school",
};
const std::vector<const char*> kPost16Plans = {
    "Post-16 transition: college taster days in the summer term",
    "Apply for a Level 1 course at the local college; careers interview booked",
};
constexpr const char* kMovedToSpecialistNote = "Moved to a specialist setting named in the EHCP";
const std::vector<const char*> kMovedOnNotes = {
    "Family moved out of the area; records sent to the new school by CTF",
    "Placed with a provider nearer home by the local authority",
};

bool uses_bridges(Plan plan) {
  return plan == Plan::ActiveBridges || plan == Plan::BothProviders;
}

// Unregistered providers must not teach looked-after pupils or pupils with an EHCP full time, and
// commissioners avoid them for such pupils altogether (policy 003).
bool may_attend_bridges(const DemoPupil& pupil) {
  return !pupil.looked_after && pupil.sen != SenStatus::Ehcp;
}

std::vector<Plan> assign_plans(const std::vector<DemoPupil>& pupils, Random& random) {
  std::vector<Plan> plans;
  for (auto [plan, count] : kPlans)
    plans.insert(plans.end(), static_cast<std::size_t>(count), plan);
  plans.resize(pupils.size(), Plan::ActiveBalance);
  random.shuffle(plans);
  // Give Bridges plans only to pupils who may go there, swapping with someone who may.
  for (std::size_t pupil_index = 0; pupil_index < pupils.size(); ++pupil_index) {
    if (!uses_bridges(plans[pupil_index]) || may_attend_bridges(pupils[pupil_index])) continue;
    for (std::size_t other = 0; other < pupils.size(); ++other) {
      if (!uses_bridges(plans[other]) && may_attend_bridges(pupils[other])) {
        std::swap(plans[pupil_index], plans[other]);
        break;
      }
    }
  }
  return plans;
}

// Mostly the home school; the LA for some pupils, more often for looked-after ones. Every school's
// roll has at least one LA-placed pupil, so the demo shows that a school's commissioners see only
// the pupils their own school placed.
std::vector<Id> choose_commissioners(const DemoOrganisations& organisations,
                                     const std::vector<DemoPupil>& pupils, Random& random) {
  std::vector<Id> commissioners;
  for (const DemoPupil& pupil : pupils)
    commissioners.push_back(random.percent(pupil.looked_after ? 50 : 15)
                                ? organisations.local_authority
                                : organisations.schools[pupil.school_index].id);
  for (std::size_t school_index = 0; school_index < organisations.schools.size(); ++school_index) {
    std::size_t first_on_roll = pupils.size();
    bool placed_by_la = false;
    for (std::size_t pupil_index = 0; pupil_index < pupils.size(); ++pupil_index) {
      if (pupils[pupil_index].school_index != school_index) continue;
      first_on_roll = std::min(first_on_roll, pupil_index);
      if (commissioners[pupil_index] == organisations.local_authority) placed_by_la = true;
    }
    if (!placed_by_la && first_on_roll < pupils.size())
      commissioners[first_on_roll] = organisations.local_authority;
  }
  return commissioners;
}

std::vector<TimetableSlot> shuffled_week(Random& random) {
  std::vector<TimetableSlot> week;
  for (unsigned weekday = 1; weekday <= 5; ++weekday)
    for (Session session : {Session::Am, Session::Pm}) week.push_back({weekday, session});
  random.shuffle(week);
  return week;
}

// Takes `sessions` slots from the front of `week`, so two placements drawing from one week never
// clash, and sets the hours to match.
void timetable(Placement& placement, std::vector<TimetableSlot>& week, int sessions) {
  const auto count = static_cast<std::ptrdiff_t>(sessions);
  placement.timetable.assign(week.begin(), week.begin() + count);
  week.erase(week.begin(), week.begin() + count);
  std::sort(placement.timetable.begin(), placement.timetable.end());
  placement.hours_per_week = sessions * kHoursPerSession;
}

class Seeder {
 public:
  Seeder(store::Connection& connection, const DemoOrganisations& organisations, Date today,
         std::int64_t now, Random& random)
      : connection_(connection),
        organisations_(organisations),
        today_(today),
        this_week_(monday_on_or_before(today)),
        now_(now),
        random_(random) {}

  void seed(const DemoPupil& pupil, Plan plan, Id commissioner, bool with_history) {
    std::vector<TimetableSlot> week = shuffled_week(random_);
    switch (plan) {
      case Plan::ActiveBalance: {
        Placement current =
            active(pupil, organisations_.balance, commissioner, week, random_.between(4, 10));
        if (with_history) add(ended_before(pupil, commissioner, *current.start_date));
        add(current);
        return;
      }
      case Plan::ActiveBridges:
        add(active(pupil, organisations_.bridges, commissioner, week, random_.between(3, 4)));
        return;
      case Plan::BothProviders:
        add(active(pupil, organisations_.balance, commissioner, week, random_.between(4, 6)));
        add(active(pupil, organisations_.bridges, commissioner, week, random_.between(2, 4)));
        return;
      case Plan::Referred:
      case Plan::PlanningMeeting:
      case Plan::InitialAssessment:
        add(in_progress(pupil, plan, commissioner, week));
        return;
      case Plan::EndedReintegrated:
      case Plan::EndedMovedOn:
        add(ended(pupil,
                  plan == Plan::EndedReintegrated ? EndReason::Reintegrated : EndReason::MovedOn,
                  commissioner));
        return;
    }
  }

  std::vector<Placement> stored() && { return std::move(stored_); }

 private:
  Placement base(const DemoPupil& pupil, Id provider, Id commissioner) {
    Placement placement;
    placement.pupil_id = pupil.id;
    placement.provider_id = provider;
    placement.commissioner_id = commissioner;
    placement.reason = random_.pick(kReasons);
    placement.objectives =
        random_.pick(provider == organisations_.bridges ? kBridgesObjectives : kBalanceObjectives);
    placement.reintegration_plan =
        random_.pick(pupil.nc_year == 11 ? kPost16Plans : kReintegrationPlans);
    placement.la_notified = commissioner == organisations_.local_authority;
    return placement;
  }

  Id provider_for(const DemoPupil& pupil) {
    return may_attend_bridges(pupil) && random_.percent(25) ? organisations_.bridges
                                                            : organisations_.balance;
  }
  int sessions_at(Id provider) {
    return provider == organisations_.bridges ? random_.between(2, 4) : random_.between(4, 10);
  }

  Placement active(const DemoPupil& pupil, Id provider, Id commissioner,
                   std::vector<TimetableSlot>& week, int sessions) {
    Placement placement = base(pupil, provider, commissioner);
    placement.status = PlacementStatus::Active;
    placement.start_date =
        school_week_start_on_or_before(this_week_.plus_days(-7 * random_.between(2, 10)));
    placement.referral_date =
        school_day_on_or_before(placement.start_date->plus_days(-7 * random_.between(2, 5)));
    placement.planned_end_date =
        school_day_on_or_before(placement.start_date->plus_days(7 * random_.pick(kPlannedWeeks)));
    timetable(placement, week, sessions);
    if (random_.percent(85)) placement.la_notified = true;
    return placement;
  }

  Placement in_progress(const DemoPupil& pupil, Plan plan, Id commissioner,
                        std::vector<TimetableSlot>& week) {
    const Id provider = provider_for(pupil);
    Placement placement = base(pupil, provider, commissioner);
    const int sessions = sessions_at(provider);
    switch (plan) {
      case Plan::PlanningMeeting:
        placement.status = PlacementStatus::PlanningMeeting;
        placement.referral_date =
            school_day_on_or_before(today_.plus_days(-random_.between(10, 25)));
        placement.hours_per_week = sessions * kHoursPerSession;
        break;
      case Plan::InitialAssessment:
        // Assessment happens once the pupil has started.
        placement.status = PlacementStatus::InitialAssessment;
        placement.start_date =
            school_week_start_on_or_before(this_week_.plus_days(-7 * random_.between(0, 1)));
        placement.referral_date =
            school_day_on_or_before(placement.start_date->plus_days(-random_.between(14, 28)));
        timetable(placement, week, sessions);
        break;
      default:
        placement.status = PlacementStatus::Referred;
        placement.referral_date =
            school_day_on_or_before(today_.plus_days(-random_.between(1, 20)));
        placement.hours_per_week = sessions * kHoursPerSession;
        break;
    }
    return placement;
  }

  Placement ended(const DemoPupil& pupil, EndReason reason, Id commissioner) {
    const Id provider = provider_for(pupil);
    Placement placement = base(pupil, provider, commissioner);
    std::vector<TimetableSlot> week = shuffled_week(random_);
    timetable(placement, week, sessions_at(provider));
    const Date last_day =
        school_day_on_or_before(this_week_.plus_days(-3 - 7 * random_.between(1, 10)));
    close(placement, monday_on_or_before(last_day).plus_days(-7 * random_.between(8, 20)), last_day,
          reason);
    placement.end_notes = end_notes(pupil, reason);
    return placement;
  }

  std::string end_notes(const DemoPupil& pupil, EndReason reason) {
    if (reason == EndReason::Reintegrated)
      return fmt::format(
          "Returned full time to {}; weekly check-ins with the head of year for the first half "
          "term",
          organisations_.schools[pupil.school_index].name);
    if (pupil.sen == SenStatus::Ehcp) return kMovedToSpecialistNote;
    return random_.pick(kMovedOnNotes);
  }

  // An earlier placement at Bridges that ended on the school day before `next_start`.
  Placement ended_before(const DemoPupil& pupil, Id commissioner, Date next_start) {
    Placement placement = base(pupil, organisations_.bridges, commissioner);
    std::vector<TimetableSlot> week = shuffled_week(random_);
    timetable(placement, week, random_.between(3, 4));
    const Date last_day = school_day_on_or_before(next_start.plus_days(-1));
    close(placement, monday_on_or_before(last_day).plus_days(-7 * random_.between(6, 10)), last_day,
          EndReason::MovedOn);
    placement.end_notes = "Moved to Balance Alternative Provision for GCSE courses";
    return placement;
  }

  // Ends `placement` on `last_day`, having started in the school week on or before `about_start`.
  void close(Placement& placement, Date about_start, Date last_day, EndReason reason) {
    const Date start = school_week_start_on_or_before(about_start);
    placement.status = PlacementStatus::Ended;
    placement.start_date = start;
    placement.referral_date = school_day_on_or_before(start.plus_days(-7 * random_.between(2, 4)));
    placement.planned_end_date = school_day_on_or_before(start.plus_days(7 * 12));
    placement.actual_end_date = last_day;
    placement.end_reason = reason;
    placement.la_notified = true;
  }

  void add(Placement placement) {
    require_valid(validate_placement(placement),
                  fmt::format("placement of pupil {}", placement.pupil_id));
    placement.id = connection_.insert_placement(placement, now_);
    stored_.push_back(std::move(placement));
  }

  store::Connection& connection_;
  const DemoOrganisations& organisations_;
  const Date today_;
  const Date this_week_;
  const std::int64_t now_;
  Random& random_;
  std::vector<Placement> stored_;
};

}  // namespace

std::vector<Placement> seed_placements(store::Connection& connection,
                                       const DemoOrganisations& organisations,
                                       const std::vector<DemoPupil>& pupils, Date today,
                                       std::int64_t now, Random& random) {
  const std::vector<Plan> plans = assign_plans(pupils, random);
  const std::vector<Id> commissioners = choose_commissioners(organisations, pupils, random);
  Seeder seeder(connection, organisations, today, now, random);
  int histories = 0;
  for (std::size_t pupil_index = 0; pupil_index < pupils.size(); ++pupil_index) {
    const bool with_history = plans[pupil_index] == Plan::ActiveBalance &&
                              histories < kPupilsWithHistory &&
                              may_attend_bridges(pupils[pupil_index]);
    if (with_history) ++histories;
    seeder.seed(pupils[pupil_index], plans[pupil_index], commissioners[pupil_index], with_history);
  }
  return std::move(seeder).stored();
}

}  // namespace waymark::app::demo
