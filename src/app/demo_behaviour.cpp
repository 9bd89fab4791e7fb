// Demo behaviour and rewards at both providers over the last seven weeks: incidents on school days
// between 09:00 and 15:00 of every default type and severity (a few serious; about one in four
// involving two pupils; the home school told of every high or serious one), reward points, and a
// Student of the Week at each provider for every completed week. Sharing agreements: Ashfield's
// placements share in full, Kingsway's share nothing, the rest keep the default summary.
// Uses its own Random seed so that the other seeders' data does not depend on this one.
#include <algorithm>

#include "app/demo_seed.h"
#include "store/behaviour_store.h"

namespace waymark::app::demo {

namespace {

struct IncidentText {
  const char* type;
  const char* description;
  const char* action;
  const char* follow_up;
};

const std::vector<IncidentText> kIncidents = {
    {"Disruption in lessons", "Repeatedly talked over the teacher during the starter.",
     "Reminder, then a short time out.", "Check in at the start of the next lesson."},
    {"Refusal to follow instructions", "Refused to start the task and put headphones in.",
     "Calm conversation with the key worker; returned to the task.", "Key worker to follow up."},
    {"Verbal abuse", "Swore at another pupil during break.", "Restorative conversation.",
     "Monitor at break times this week."},
    {"Physical aggression", "Pushed another pupil in the corridor.",
     "Separated; both pupils spoke to the head.", "Restorative meeting booked."},
    {"Damage to property", "Broke a chair in the classroom.", "Cost of repair discussed at home.",
     "Letter home."},
    {"Leaving site", "Left the site at lunchtime without permission.",
     "Parent and home school called; pupil returned.", "Safety plan reviewed."},
    {"Misuse of phones or online", "Filmed another pupil without consent.",
     "Phone handed in for the day; video deleted.", "Online safety session next week."},
};

const std::vector<const char*> kRewardReasons = {
    "Excellent effort in maths",         "Helping another pupil",
    "Full week of attendance",           "Great redraft in English",
    "Stayed calm and made good choices", "Science practical done well"};

Severity pick_severity(Random& random) {
  const int roll = random.below(100);
  if (roll < 45) return Severity::Low;
  if (roll < 75) return Severity::Medium;
  if (roll < 92) return Severity::High;
  return Severity::Serious;
}

}  // namespace

void seed_behaviour(store::Connection& connection, const DemoWorld& world, Random& /*shared*/) {
  Random random(5050);
  auto& behaviour = connection.behaviour();
  const Date today = world.today;
  const Date first = today.plus_days(-7 * 7);
  const Date this_monday = monday_on_or_before(today);
  for (const Id provider : {world.organisations.balance, world.organisations.bridges}) {
    const bool balance = provider == world.organisations.balance;
    const Id recorder = balance ? world.users.at("teacher@balance.example")
                                : world.users.at("admin@bridges.example");
    const Id informer =
        balance ? world.users.at("head@balance.example") : world.users.at("admin@bridges.example");
    std::vector<Id> pupils;
    for (const Placement& placement : world.placements)
      if (placement.provider_id == provider && placement.current_on(today)) {
        if (std::find(pupils.begin(), pupils.end(), placement.pupil_id) == pupils.end())
          pupils.push_back(placement.pupil_id);
        // Sharing agreements, by commissioning school.
        if (!world.organisations.schools.empty() &&
            placement.commissioner_id == world.organisations.schools[0].id)
          behaviour.set_sharing(placement.id, SharingLevel::Full, world.now);
        else if (world.organisations.schools.size() > 1 &&
                 placement.commissioner_id == world.organisations.schools[1].id)
          behaviour.set_sharing(placement.id, SharingLevel::None, world.now);
      }
    if (pupils.empty()) continue;

    const int count = static_cast<int>(pupils.size()) + 4;
    for (int number = 0; number < count; ++number) {
      BehaviourIncident incident;
      incident.organisation_id = provider;
      incident.incident_date = school_day_on_or_before(first.plus_days(random.below(7 * 7)));
      if (incident.incident_date < first) incident.incident_date = school_day_on_or_before(today);
      incident.time_minutes = 9 * 60 + random.below(6 * 60);
      const IncidentText& text = random.pick(kIncidents);
      incident.type = text.type;
      // The first two at each provider are serious, so the demo always shows some.
      incident.severity = number < 2 ? Severity::Serious : pick_severity(random);
      incident.description = text.description;
      incident.action_taken = text.action;
      incident.follow_up = text.follow_up;
      incident.recorded_by = recorder;
      const bool told = incident.severity >= Severity::High;
      const Date told_on = std::min(today, incident.incident_date.plus_days(random.below(2)));
      Id first_pupil = random.pick(pupils);
      incident.pupils.push_back(Involvement{
          first_pupil, told ? std::optional<Date>(told_on) : std::nullopt, told ? informer : 0});
      if (pupils.size() > 1 && random.percent(25)) {
        Id second = random.pick(pupils);
        while (second == first_pupil) second = random.pick(pupils);
        incident.pupils.push_back(Involvement{
            second, told ? std::optional<Date>(told_on) : std::nullopt, told ? informer : 0});
      }
      require_valid(validate_incident(incident, today), "behaviour incident");
      behaviour.insert_incident(incident, world.now);
    }

    for (int number = 0; number < count * 2; ++number) {
      Reward reward;
      reward.pupil_id = random.pick(pupils);
      reward.organisation_id = provider;
      reward.kind = RewardKind::Points;
      reward.award_date = school_day_on_or_before(first.plus_days(random.below(7 * 7)));
      if (reward.award_date < first) reward.award_date = school_day_on_or_before(today);
      reward.points = random.between(1, 5);
      reward.reason = random.pick(kRewardReasons);
      reward.recorded_by = recorder;
      require_valid(validate_reward(reward, today), "reward");
      behaviour.insert_reward(reward, world.now);
    }
    // Student of the Week for each completed school week (awarded on its last school day).
    for (Date monday = monday_on_or_before(first); monday < this_monday;
         monday = monday.plus_days(7)) {
      Reward reward;
      reward.pupil_id = random.pick(pupils);
      reward.organisation_id = provider;
      reward.kind = RewardKind::StudentOfTheWeek;
      reward.award_date = school_day_on_or_before(monday.plus_days(4));
      if (reward.award_date < monday) continue;  // a holiday week
      reward.reason = random.pick(kRewardReasons);
      reward.recorded_by = recorder;
      require_valid(validate_reward(reward, today), "Student of the Week");
      behaviour.insert_reward(reward, world.now);
    }
  }
}

}  // namespace waymark::app::demo
