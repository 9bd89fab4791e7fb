#include "app/attendance_daily.h"

#include <algorithm>
#include <map>

#include "app/attendance_codec.h"
#include "app/attendance_registers.h"
#include "app/visibility.h"
#include "store/attendance_store.h"

namespace waymark::app {

namespace {

constexpr int kMaxPupils = 100000;

DailySession from_mark(const store::StoredMark& mark) {
  const AttendanceCode* entry = code_entry(mark.code, mark.date);
  return DailySession{mark.code, entry ? entry->meaning : "", mark.minutes_late};
}

DailySession expected_session(const Placement* placement, Date date, Session session) {
  if (placement && timetabled(*placement, date, session))
    return DailySession{"", "Not yet taken", std::nullopt};
  return DailySession{"", "Not timetabled", std::nullopt};
}

Status require_commissioning_reader(const Actor& actor) {
  if (actor.organisation_kind == OrgKind::Provider)
    return Error::forbidden(
        "the daily summary is for commissioning schools; providers use their registers");
  if (!actor.can_read()) return Error::forbidden("your role cannot see attendance");
  return {};
}

}  // namespace

Result<std::vector<PupilWeekAttendance>> commissioned_week_attendance(Context& context,
                                                                      const Actor& actor,
                                                                      Date day) {
  WAYMARK_TRY_STATUS(require_commissioning_reader(actor));
  return school_week_attendance(context.store.connection(), actor.organisation_id, day);
}

Result<DailySummary> daily_attendance(Context& context, const Actor& actor, Date date) {
  WAYMARK_TRY_STATUS(require_commissioning_reader(actor));
  auto& connection = context.store.connection();
  DailySummary summary;
  summary.date = date;
  if (auto organisation = connection.organisation(actor.organisation_id))
    summary.organisation_name = organisation->name;

  store::PupilFilter filter;
  filter.commissioner_id = actor.organisation_id;
  filter.limit = kMaxPupils;
  const auto visibility = visibility_of(actor);
  const store::PupilPage page = connection.pupils(visibility, filter);
  std::map<Id, const Pupil*> pupils;
  std::vector<Id> ids;
  for (const Pupil& pupil : page.pupils) {
    pupils[pupil.id] = &pupil;
    ids.push_back(pupil.id);
  }
  std::map<Id, Placement> current;  // the pupil's placement commissioned by the actor, that day
  for (Placement& placement : connection.placements_of_pupils(ids))
    if (placement.commissioner_id == actor.organisation_id && placement.current_on(date))
      current[placement.pupil_id] = std::move(placement);
  std::map<Id, std::map<Session, store::StoredMark>> marks;
  for (store::StoredMark& mark :
       connection.attendance().marks_commissioned_by(actor.organisation_id, date, date))
    if (pupils.count(mark.pupil_id)) marks[mark.pupil_id][mark.session] = std::move(mark);

  std::map<Id, std::string> provider_names, provider_urns;
  auto provider = [&](Id id) {
    if (!provider_names.count(id)) {
      auto organisation = connection.organisation(id);
      provider_names[id] = organisation ? organisation->name : "";
      provider_urns[id] = organisation && organisation->urn ? *organisation->urn : "";
    }
  };
  for (const auto& [pupil_id, pupil] : pupils) {
    auto placement = current.find(pupil_id);
    auto pupil_marks = marks.find(pupil_id);
    if (placement == current.end() && pupil_marks == marks.end()) continue;
    const Placement* timetable = placement == current.end() ? nullptr : &placement->second;
    DailyRow row;
    row.pupil_id = pupil_id;
    row.upn = pupil->upn ? pupil->upn->str() : "";
    row.name = pupil->sort_name();
    Id provider_id = timetable ? timetable->provider_id : 0;
    for (Session session : {Session::Am, Session::Pm}) {
      DailySession& cell = session == Session::Am ? row.am : row.pm;
      if (pupil_marks != marks.end() && pupil_marks->second.count(session)) {
        const store::StoredMark& mark = pupil_marks->second.at(session);
        cell = from_mark(mark);
        provider_id = mark.provider_id;
      } else {
        cell = expected_session(timetable, date, session);
      }
    }
    if (provider_id != 0) {
      provider(provider_id);
      row.provider_name = provider_names[provider_id];
      row.provider_urn = provider_urns[provider_id];
    }
    summary.rows.push_back(std::move(row));
  }
  std::sort(summary.rows.begin(), summary.rows.end(),
            [](const DailyRow& a, const DailyRow& b) { return a.name < b.name; });
  return summary;
}

}  // namespace waymark::app
