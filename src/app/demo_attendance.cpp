// Demo attendance: six weeks of registers for every active placement, up to the latest school day
// (mostly present, some lates with minutes, some authorised absences, a few N and O codes, one
// pupil persistently absent, one mark corrected with a reason), with the alerts the recent N codes
// raised. On the latest school day Balance has taken its AM register but not its PM one, and
// Bridges has taken neither, so "not taken" shows on the registers page.
#include <set>

#include "app/attendance_registers.h"
#include "app/demo_seed.h"
#include "store/attendance_store.h"

namespace waymark::app::demo {

namespace {

constexpr int kWeeks = 6;
constexpr std::uint32_t kAttendanceSeed = 20250904;

struct PickedCode {
  const char* code;
  std::optional<int> minutes;
};

// A code for an ordinary pupil; `absent_often` for the one persistently absent. (Plain char
// pointers: building std::strings here trips a false -Wrestrict in GCC 12 at -O2.)
PickedCode pick_code(Random& random, Session session, bool absent_often) {
  const char* present = session == Session::Am ? "/" : "\\";
  const int roll = random.below(1000);
  if (absent_often) {
    if (roll < 120) return {"N", std::nullopt};
    if (roll < 220) return {"O", std::nullopt};
    if (roll < 300) return {"I", std::nullopt};
    if (roll < 380) return {"L", random.between(10, 45)};
    return {present, std::nullopt};
  }
  if (roll < 40) return {"L", random.between(3, 25)};
  if (roll < 55) return {"I", std::nullopt};
  if (roll < 62) return {"M", std::nullopt};
  if (roll < 70) return {"N", std::nullopt};
  if (roll < 74) return {"O", std::nullopt};
  if (roll < 76) return {"U", random.between(31, 60)};
  return {present, std::nullopt};
}

}  // namespace

void seed_attendance(store::Connection& connection, const DemoWorld& world, Random&) {
  Random random(kAttendanceSeed);
  auto& attendance = connection.attendance();
  const Date last_day = school_day_on_or_before(world.today);
  const Date first_day = monday_on_or_before(last_day).plus_days(-7 * (kWeeks - 1));
  const Id balance_admin = world.users.at("admin@balance.example");
  const Id bridges_admin = world.users.at("admin@bridges.example");
  const Date recent = last_day.plus_days(-7);

  // The first pupil placed at Balance is the one with persistent absence.
  Id absent_pupil = 0;
  for (const Placement& placement : world.placements)
    if (placement.provider_id == world.organisations.balance && placement.current_on(last_day)) {
      absent_pupil = placement.pupil_id;
      break;
    }

  bool corrected = false;
  for (Id provider_id : {world.organisations.balance, world.organisations.bridges}) {
    const Id taker = provider_id == world.organisations.balance ? balance_admin : bridges_admin;
    for (Date date = first_day; date <= last_day; date = date.plus_days(1)) {
      if (!is_register_day(connection, provider_id, date)) continue;
      for (Session session : {Session::Am, Session::Pm}) {
        // The latest school day: Balance's PM and both of Bridges' registers are still to take.
        if (date == last_day &&
            (provider_id == world.organisations.bridges || session == Session::Pm))
          continue;
        const std::int64_t taken_at = world.now - (last_day.days() - date.days()) * 86400 -
                                      (session == Session::Am ? 7 : 2) * 3600;
        bool any = false;
        for (const ExpectedPupil& pupil : expected_pupils(connection, provider_id, date, session)) {
          if (pupil.placement.start_date && *pupil.placement.start_date > date) continue;
          const PickedCode picked = pick_code(random, session, pupil.pupil_id == absent_pupil);
          const std::string code = picked.code;
          store::StoredMark mark;
          mark.pupil_id = pupil.pupil_id;
          mark.provider_id = provider_id;
          mark.placement_id = pupil.placement.id;
          mark.commissioner_id = pupil.placement.commissioner_id;
          mark.date = date;
          mark.session = session;
          mark.code = code;
          mark.minutes_late = picked.minutes;
          mark.recorded_by = taker;
          mark.recorded_at = taken_at;
          mark.id = attendance.insert_mark(mark);
          any = true;
          // One N later explained: kept as version 2 with the reason, so the history shows it.
          if (code == "N" && !corrected && pupil.pupil_id != absent_pupil) {
            corrected = true;
            mark.code = std::string(1, 'M');  // not = "M": a false -Wrestrict in GCC 12 at -O2
            mark.version = 2;
            mark.recorded_at = taken_at + 3 * 3600;
            attendance.update_mark(mark, "Parent phoned: dental appointment, letter to follow");
          } else if (code == "N" && date >= recent) {
            alert_unexplained_absence(connection, taken_at, mark);
          }
        }
        if (any)
          attendance.put_register(
              store::RegisterTaken{provider_id, date, session, taker, taken_at});
      }
    }
  }
}

}  // namespace waymark::app::demo
