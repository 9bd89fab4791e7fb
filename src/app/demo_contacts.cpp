// Demo parent and carer contact: key workers for most current placements at both providers, and a
// half term of calls, meetings and messages home for every pupil placed now, every two to three
// weeks, with about one placement in four now overdue. At least one entry is with a contact
// without parental responsibility (a foster carer or social worker), so the warning shows.
// Uses its own Random seed so that the other seeders' data does not depend on this one.
#include <algorithm>

#include "app/demo_seed.h"
#include "store/contact_store.h"

namespace waymark::app::demo {

namespace {

const std::vector<const char*> kSummaries = {
    "Caught up on the week: settled well and attending every session.",
    "Talked through the new timetable and the maths catch-up work.",
    "Discussed a difficult Tuesday; agreed a plan for mornings.",
    "Shared good news about English: first full piece of writing finished.",
    "Reviewed attendance and the bus pass; parent will call if late again.",
    "Arranged the review meeting with the home school.",
};
const std::vector<const char*> kWork = {"Maths fractions booklet finished",
                                        "English descriptive writing redrafted",
                                        "Science practical write-up started", ""};
const std::vector<const char*> kProgress = {"Exit tickets improving in maths",
                                            "Reading more confidently",
                                            "Steady; needs encouragement", ""};
const std::vector<const char*> kOutcomes = {"No further action", "Call again next week",
                                            "Meeting booked", "Home school updated"};

}  // namespace

void seed_parent_contacts(store::Connection& connection, const DemoWorld& world,
                          Random& /*shared*/) {
  Random random(4040);
  auto& contacts = connection.contacts();
  const Date today = world.today;
  const Id balance_teachers[] = {world.users.at("teacher@balance.example"),
                                 world.users.at("maths@balance.example")};
  const Id bridges_staff = world.users.at("admin@bridges.example");
  bool logged_without_responsibility = false;
  int index = 0;
  for (const Placement& placement : world.placements) {
    const bool at_balance = placement.provider_id == world.organisations.balance;
    if (!at_balance && placement.provider_id != world.organisations.bridges) continue;
    if (!placement.current_on(today) || !placement.start_date) continue;
    ++index;
    // Every fifth placement has no key worker: its calls fall to the provider as a whole.
    const Id key_worker = at_balance ? balance_teachers[index % 2] : bridges_staff;
    if (index % 5 != 0) contacts.set_key_worker(placement.id, key_worker, world.now);
    const auto pupil = connection.pupil(placement.pupil_id);
    if (!pupil || pupil->contacts.empty()) continue;

    // Calls every 14 to 20 days from the start (or seven weeks ago); every fourth placement's
    // calls stopped early enough that the next one is now overdue.
    const bool overdue = index % 4 == 1;
    const Date stop = overdue ? today.plus_days(-(22 + random.below(10))) : today;
    Date day =
        std::max(*placement.start_date, today.plus_days(-7 * 7)).plus_days(random.between(1, 6));
    while (day <= stop) {
      ContactLogEntry entry;
      entry.pupil_id = placement.pupil_id;
      entry.organisation_id = placement.provider_id;
      entry.contact_date = school_day_on_or_before(day);
      const int roll = random.below(10);
      entry.method = roll < 7 ? ContactMethod::Call
                              : (roll < 9 ? ContactMethod::Meeting : ContactMethod::Message);
      entry.staff_id = key_worker;
      // Mostly the first contact; sometimes another, and once at least a contact without
      // parental responsibility.
      const Contact* contact = &pupil->contacts.front();
      for (const Contact& other : pupil->contacts)
        if (!other.parental_responsibility &&
            (!logged_without_responsibility || random.percent(20)))
          contact = &other;
      if (!contact->parental_responsibility) logged_without_responsibility = true;
      entry.contact_id = contact->id;
      entry.contact_name = contact->name;
      entry.contact_relationship = contact->relationship;
      entry.parental_responsibility = contact->parental_responsibility;
      entry.summary = random.pick(kSummaries);
      entry.work_completed = random.pick(kWork);
      entry.progress = random.pick(kProgress);
      entry.outcome = random.pick(kOutcomes);
      entry.recorded_by = key_worker;
      require_valid(validate_contact_log_entry(entry, today), "contact log entry");
      contacts.insert_contact_log(entry, world.now);
      day = day.plus_days(random.between(14, 20));
    }
  }
}

}  // namespace waymark::app::demo
