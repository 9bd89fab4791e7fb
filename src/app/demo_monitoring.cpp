// Demo monitoring (issue 4 items 2 and 3): for every pupil in a current Balance or Bridges
// placement, confirmed weekly RAGs for the finished teaching weeks of the last half term or so
// (mostly Green, some Amber with comments); one Balance pupil deteriorating for the last four
// weeks (alert raised, an action plan in place) and another deteriorating for longer whose alert
// still has no plan (overdue); weekly updates sent for every finished week but the last. This
// week's RAGs are left to confirm.
#include <algorithm>

#include "app/action_plans.h"
#include "app/demo_seed.h"
#include "app/deterioration_alerts.h"
#include "app/weekly_rag_evidence.h"
#include "store/monitoring_store.h"

namespace waymark::app::demo {

namespace {

constexpr int kWeeks = 7;  // finished teaching weeks rated, at most

const std::vector<std::string> kGreenComments = {
    "Settled week; completed all set work.", "Good focus in maths and English.",
    "Positive week; engaged well with staff.", "On track; homework handed in.",
    "Making steady progress in lessons."};
const std::vector<std::string> kAmberComments = {
    "Some low-level disruption; settling again by Friday.", "Missed two sessions; work sent home.",
    "Struggled with new topic; extra support planned."};
const std::vector<std::string> kRedComments = {"Very unsettled week; little work completed.",
                                               "Refused most lessons; call home made.",
                                               "Attendance poor; home visit arranged."};

// The finished teaching weeks (each with a school day on the provider's calendar) before this
// week, oldest first, no earlier than the placement's first week.
std::vector<Date> finished_weeks(store::Connection& connection, Id provider_id, Date today,
                                 Date placement_start) {
  const auto terms = connection.terms_of(provider_id);
  const auto closures = connection.closure_days_of(provider_id);
  std::vector<Date> weeks;
  for (Date monday = monday_on_or_before(today).plus_days(-7);
       static_cast<int>(weeks.size()) < kWeeks && monday >= monday_on_or_before(placement_start);
       monday = monday.plus_days(-7)) {
    bool teaching = false;
    for (int day = 0; day < 5; ++day)
      teaching = teaching || is_school_day(monday.plus_days(day), terms, closures);
    if (teaching) weeks.push_back(monday);
  }
  std::reverse(weeks.begin(), weeks.end());
  return weeks;
}

enum class Story { Usual, DeterioratingFourWeeks, DeterioratingNoPlan };

// What staff confirm for week `index` of `count`.
Rag story_rag(Story story, int index, int count, Rag previous, Random& random) {
  switch (story) {
    case Story::DeterioratingFourWeeks:
      if (index < count - 4) return Rag::Green;
      return index >= count - 2 ? Rag::Red : Rag::Amber;
    case Story::DeterioratingNoPlan:
      return index == 0 && count > 4 ? Rag::Amber : Rag::Red;
    case Story::Usual:
      // Never two Ambers running, so no other pupil meets the deterioration rule.
      return previous == Rag::Green && random.percent(15) ? Rag::Amber : Rag::Green;
  }
  return Rag::Green;
}

const std::string& comment_for(Rag rag, Random& random) {
  switch (rag) {
    case Rag::Red:
      return random.pick(kRedComments);
    case Rag::Amber:
      return random.pick(kAmberComments);
    case Rag::Green:
      return random.pick(kGreenComments);
  }
  return kGreenComments.front();
}

void seed_rags(store::Connection& connection, const DemoWorld& world, const Placement& placement,
               const Actor& staff, Story story, Random& random) {
  const std::vector<Date> weeks = finished_weeks(connection, placement.provider_id, world.today,
                                                 placement.start_date.value_or(world.today));
  const RagRules rules;
  Rag previous = Rag::Green;
  for (int index = 0; index < static_cast<int>(weeks.size()); ++index) {
    const Date monday = weeks[static_cast<std::size_t>(index)];
    auto evidence =
        gather_week_evidence(connection, placement.pupil_id, placement.provider_id, monday);
    require_valid(evidence.ok() ? Status{} : Status{evidence.error()}, "week evidence");
    const RagProposal proposal = propose_rag(*evidence, rules);
    const Rag rag = story_rag(story, index, static_cast<int>(weeks.size()), previous, random);
    previous = rag;
    store::WeeklyRagRecord record{
        .id = 0,
        .pupil_id = placement.pupil_id,
        .placement_id = placement.id,
        .provider_id = placement.provider_id,
        .commissioner_id = placement.commissioner_id,
        .week_start = monday,
        .proposed = proposal.rag,
        .reasons = proposal.reasons,
        .confirmed = rag,
        .override_reason = rag == proposal.rag ? "" : "Staff judgement from the week's lessons",
        .comment = comment_for(rag, random),
        .confirmed_by = staff.user_id,
        .confirmed_at =
            world.now - 86400 * (7 * (static_cast<std::int64_t>(weeks.size()) - index))};
    connection.monitoring().put_weekly_rag(record);
    // Raised as of that week's Friday, as it would have been.
    auto alert = raise_deterioration_alert(connection, staff.user_id, record.confirmed_at,
                                           monday.plus_days(4), placement);
    require_valid(alert.ok() ? Status{} : Status{alert.error()}, "deterioration alert");
  }
}

// Updates for every finished week but the last, to every commissioner of the provider's pupils.
void seed_updates(store::Connection& connection, const DemoWorld& world, Id provider_id,
                  Id sent_by) {
  const Date last_week = monday_on_or_before(world.today).plus_days(-7);
  for (int weeks_back = 2; weeks_back <= kWeeks + 2; ++weeks_back) {
    const Date monday = monday_on_or_before(world.today).plus_days(-7 * weeks_back);
    if (monday >= last_week) continue;
    std::map<Id, store::WeeklyUpdate> updates;
    for (const auto& record :
         connection.monitoring().weekly_rags_of_provider(provider_id, monday)) {
      store::WeeklyUpdate& update = updates[record.commissioner_id];
      update.provider_id = provider_id;
      update.commissioner_id = record.commissioner_id;
      update.week_start = monday;
      update.sent_by = sent_by;
      update.sent_at = world.now - 86400 * (7 * static_cast<std::int64_t>(weeks_back) - 5);
      update.items.push_back({record.pupil_id, record.confirmed, record.comment});
    }
    for (const auto& [commissioner_id, update] : updates)
      connection.monitoring().insert_weekly_update(update);
  }
}

}  // namespace

void seed_monitoring(store::Connection& connection, const DemoWorld& world, Random& random) {
  const Id balance = world.organisations.balance;
  const Actor balance_teacher{world.users.at("teacher@balance.example"), balance, OrgKind::Provider,
                              Roles{Role::Teacher}, "demo"};
  const Actor bridges_admin{world.users.at("admin@bridges.example"), world.organisations.bridges,
                            OrgKind::Provider, Roles{Role::Admin, Role::Head}, "demo"};
  // The two longest-running Balance placements carry the two deterioration stories.
  std::vector<Placement> current;
  for (const Placement& placement : world.placements)
    if (placement.current_on(world.today) &&
        (placement.provider_id == balance || placement.provider_id == world.organisations.bridges))
      current.push_back(placement);
  std::stable_sort(current.begin(), current.end(), [](const Placement& a, const Placement& b) {
    return a.start_date < b.start_date;
  });
  int balance_seen = 0;
  Id plan_pupil = 0;
  for (const Placement& placement : current) {
    Story story = Story::Usual;
    if (placement.provider_id == balance && balance_seen < 2)
      story = balance_seen++ == 0 ? Story::DeterioratingNoPlan : Story::DeterioratingFourWeeks;
    if (story == Story::DeterioratingFourWeeks) plan_pupil = placement.pupil_id;
    seed_rags(connection, world, placement,
              placement.provider_id == balance ? balance_teacher : bridges_admin, story, random);
  }
  seed_updates(connection, world, balance, balance_teacher.user_id);
  seed_updates(connection, world, world.organisations.bridges, bridges_admin.user_id);

  // The four-week pupil's alert has an action plan in place.
  for (const auto& alert : connection.monitoring().alerts_of_pupil(plan_pupil)) {
    ActionPlan plan;
    plan.pupil_id = plan_pupil;
    plan.provider_id = balance;
    plan.alert_id = alert.id;
    plan.summary = "Re-engage with lessons after four difficult weeks";
    const Id head = world.users.at("head@balance.example");
    plan.actions = {PlanAction{"Daily check-in with key worker at arrival", balance_teacher.user_id,
                               world.today.plus_days(7), false},
                    PlanAction{"Meeting with parent and home school SENCo", head,
                               world.today.plus_days(10), false},
                    PlanAction{"Adjusted timetable: shorter mornings for two weeks", head,
                               world.today.plus_days(3), true}};
    plan.review_date = world.today.plus_days(14);
    plan.created_by = plan.updated_by = head;
    plan.created_at = plan.updated_at = world.now;
    require_valid(validate_action_plan(plan, world.today, world.today), "action plan");
    connection.monitoring().insert_action_plan(plan);
  }
}

}  // namespace waymark::app::demo
