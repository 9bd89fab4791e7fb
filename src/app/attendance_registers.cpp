#include "app/attendance_registers.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "app/attendance_codec.h"
#include "app/audit.h"
#include "app/notifications.h"
#include "core/attendance_code.h"
#include "core/attendance_stats.h"
#include "core/exit_ticket.h"

namespace waymark::app {

namespace {

// Pupil lists are read whole for a register: no provider has anywhere near this many pupils.
constexpr int kMaxPupils = 100000;

const AttendanceCodeBook& code_book() {
  static const AttendanceCodeBook book = AttendanceCodeBook::standard();
  return book;
}

Status require_provider_reader(const Actor& actor) {
  if (actor.organisation_kind != OrgKind::Provider)
    return Error::forbidden("registers are taken by providers; schools see attendance per pupil");
  if (!actor.can_read()) return Error::forbidden("your role cannot see registers");
  return {};
}

Status require_register_taker(const Actor& actor) {
  WAYMARK_TRY_STATUS(require_provider_reader(actor));
  if (!actor.can_edit_pupils())
    return Error::forbidden("your role can view registers but not take them");
  return {};
}

Json audit_json(const store::StoredMark& mark, const std::string& reason) {
  Json json = to_json(mark);
  json["reason"] = reason;
  return json;
}

// The present code written for the session: "/" in the morning, "\" in the afternoon, whichever
// of the two was typed.
std::string session_code(const AttendanceCode& entry, Session session) {
  if (entry.code == "/" || entry.code == "\\") return session == Session::Am ? "/" : "\\";
  return entry.code;
}

AttendanceRegister build_register(store::Connection& connection, Id provider_id, Date date,
                                  Session session) {
  AttendanceRegister result;
  result.provider_id = provider_id;
  result.date = date;
  result.session = session;
  result.school_day = is_register_day(connection, provider_id, date);
  std::map<Id, RegisterRow> rows;
  for (ExpectedPupil& pupil : expected_pupils(connection, provider_id, date, session))
    rows[pupil.pupil_id] = RegisterRow{
        pupil.pupil_id, pupil.name, pupil.upn, pupil.placement.id, pupil.placement.commissioner_id,
        std::nullopt,   true};
  // A mark taken earlier stays on the register (so it can be corrected) even when the pupil is no
  // longer timetabled then.
  for (store::StoredMark& mark : connection.attendance().marks_at(provider_id, date, session)) {
    auto found = rows.find(mark.pupil_id);
    if (found == rows.end()) {
      auto pupil = connection.pupil(mark.pupil_id);
      RegisterRow row{mark.pupil_id,
                      pupil ? pupil->sort_name() : "",
                      pupil && pupil->upn ? pupil->upn->str() : "",
                      mark.placement_id,
                      mark.commissioner_id,
                      std::nullopt,
                      false};
      found = rows.emplace(mark.pupil_id, std::move(row)).first;
    }
    found->second.mark = std::move(mark);
  }
  for (auto& [pupil_id, row] : rows) result.rows.push_back(std::move(row));
  std::sort(result.rows.begin(), result.rows.end(), [](const RegisterRow& a, const RegisterRow& b) {
    return a.name != b.name ? a.name < b.name : a.pupil_id < b.pupil_id;
  });
  result.taken = connection.attendance().register_taken(provider_id, date, session);
  return result;
}

}  // namespace

int alert_unexplained_absence(store::Connection& connection, std::int64_t now,
                              const store::StoredMark& mark) {
  if (connection.attendance().alert_recorded(mark.pupil_id, mark.date, mark.session)) return 0;
  auto provider = connection.organisation(mark.provider_id);
  Notice notice;
  notice.topic = kUnexplainedAbsenceTopic;
  // The subject and body name no pupil: the notice may leave Waymark by email. The link leads to
  // the pupil's attendance page, which checks who is reading.
  notice.subject = "Unexplained absence (N) recorded for a pupil you placed";
  notice.body = fmt::format(
      "{} marked a pupil you placed as N (absent, reason not yet established) in the {} session "
      "on {}. Open the link to see who, and follow it up today.",
      provider ? provider->name : "A provider", to_string(mark.session), mark.date.iso());
  notice.link = fmt::format("/pupils/{}/attendance", mark.pupil_id);
  notice.pupil_id = mark.pupil_id;
  auto notified = notify_organisation(connection, now, mark.commissioner_id, Roles{}, notice);
  const int count = notified.ok() ? *notified : 0;
  connection.attendance().insert_alert(mark.pupil_id, mark.date, mark.session, mark.id,
                                       mark.commissioner_id, count, now);
  return 1;
}

bool timetabled(const Placement& placement, Date date, Session session) {
  const TimetableSlot slot{date.weekday(), session};
  return std::find(placement.timetable.begin(), placement.timetable.end(), slot) !=
         placement.timetable.end();
}

int AttendanceRegister::marked() const {
  return static_cast<int>(
      std::count_if(rows.begin(), rows.end(), [](const RegisterRow& row) { return row.mark; }));
}

bool is_register_day(store::Connection& connection, Id organisation_id, Date date) {
  if (date.weekday() > 5) return false;
  const auto terms = connection.terms_of(organisation_id);
  if (terms.empty()) return true;
  return is_school_day(date, terms, connection.closure_days_of(organisation_id));
}

std::vector<ExpectedPupil> expected_pupils(store::Connection& connection, Id provider_id, Date date,
                                           Session session) {
  if (!is_register_day(connection, provider_id, date)) return {};
  store::PupilFilter filter;
  filter.provider_id = provider_id;
  filter.limit = kMaxPupils;
  const store::PupilPage page =
      connection.pupils(store::Visibility{OrgKind::Provider, provider_id, false}, filter);
  std::vector<Id> ids;
  for (const Pupil& pupil : page.pupils) ids.push_back(pupil.id);
  std::map<Id, const Pupil*> by_id;
  for (const Pupil& pupil : page.pupils) by_id[pupil.id] = &pupil;
  std::vector<ExpectedPupil> expected;
  std::set<Id> seen;
  for (Placement& placement : connection.placements_of_pupils(ids)) {
    if (placement.provider_id != provider_id || !placement.current_on(date)) continue;
    if (!timetabled(placement, date, session) || !seen.insert(placement.pupil_id).second) continue;
    const Pupil& pupil = *by_id.at(placement.pupil_id);
    expected.push_back(ExpectedPupil{pupil.id, pupil.sort_name(), pupil.upn ? pupil.upn->str() : "",
                                     std::move(placement)});
  }
  std::sort(expected.begin(), expected.end(), [](const ExpectedPupil& a, const ExpectedPupil& b) {
    return a.name != b.name ? a.name < b.name : a.pupil_id < b.pupil_id;
  });
  return expected;
}

Result<AttendanceRegister> get_register(Context& context, const Actor& actor, Date date,
                                        Session session) {
  WAYMARK_TRY_STATUS(require_provider_reader(actor));
  AttendanceRegister result =
      build_register(context.store.connection(), actor.organisation_id, date, session);
  result.can_write = actor.can_edit_pupils() && date <= context.clock.today();
  return result;
}

Result<SavedRegister> save_register(Context& context, const Actor& actor, Date date,
                                    Session session, const std::vector<MarkEntry>& entries) {
  WAYMARK_TRY_STATUS(require_register_taker(actor));
  auto& connection = context.store.connection();
  const std::int64_t now = context.clock.now_seconds();
  if (date > context.clock.today())
    return Error::invalid("date", "is in the future: registers are taken on the day or after");
  if (!is_register_day(connection, actor.organisation_id, date))
    return Error::invalid("date", "is not a school day at your organisation");
  return in_transaction(connection, [&](store::Connection& tx) -> Result<SavedRegister> {
    AttendanceRegister current = build_register(tx, actor.organisation_id, date, session);
    std::map<Id, const RegisterRow*> rows;
    for (const RegisterRow& row : current.rows) rows[row.pupil_id] = &row;

    // Validate the whole register before writing any of it.
    struct Planned {
      const RegisterRow* row;
      std::string code;
      std::optional<int> minutes;
      std::string reason;
    };
    std::vector<Planned> planned;
    ErrorList errors;
    std::set<Id> seen;
    for (std::size_t index = 0; index < entries.size(); ++index) {
      const MarkEntry& entry = entries[index];
      const std::string prefix = fmt::format("marks[{}].", index);
      auto row = rows.find(entry.pupil_id);
      if (row == rows.end()) {
        errors.add(prefix + "pupil_id", "is not on this register");
        continue;
      }
      if (!seen.insert(entry.pupil_id).second) {
        errors.add(prefix + "pupil_id", "appears twice in this register");
        continue;
      }
      auto code = code_book().lookup(entry.code, date, prefix + "code");
      if (!code.ok()) {
        errors.add_all(code.error());
        continue;
      }
      const bool late = (*code)->code == "L" || (*code)->code == "U";
      if (late && !entry.minutes_late)
        errors.add(
            prefix + "minutes_late",
            fmt::format("is required with {} (minutes after the session began)", (*code)->code));
      else if (!late && entry.minutes_late)
        errors.add(prefix + "minutes_late", "is only recorded with L or U (late)");
      else if (late && (*entry.minutes_late < 1 || *entry.minutes_late > 240))
        errors.add(prefix + "minutes_late", "must be from 1 to 240 minutes");
      Planned plan{row->second, session_code(**code, session), entry.minutes_late,
                   trimmed(entry.reason)};
      const auto& existing = row->second->mark;
      if (existing && (existing->code != plan.code || existing->minutes_late != plan.minutes) &&
          plan.reason.empty())
        errors.add(prefix + "reason", "is required to change a mark already taken");
      planned.push_back(std::move(plan));
    }
    if (!errors.empty()) return errors.to_error();
    for (const Planned& plan : planned) {
      auto taken = tx.attendance().mark(plan.row->pupil_id, date, session);
      if (taken && taken->provider_id != actor.organisation_id)
        return Error::conflict("marks", plan.row->name +
                                            " is already marked for this session by another "
                                            "provider");
    }

    SavedRegister saved;
    for (const Planned& plan : planned) {
      const auto& existing = plan.row->mark;
      store::StoredMark mark;
      if (existing) {
        if (existing->code == plan.code && existing->minutes_late == plan.minutes) {
          ++saved.unchanged;
          continue;
        }
        mark = *existing;
        mark.version = existing->version + 1;
      } else {
        auto placement = tx.placement(plan.row->placement_id);
        if (!placement) return Error::internal("a register row has no placement");
        mark.pupil_id = plan.row->pupil_id;
        mark.provider_id = actor.organisation_id;
        mark.placement_id = placement->id;
        mark.commissioner_id = placement->commissioner_id;
        mark.date = date;
        mark.session = session;
      }
      mark.code = plan.code;
      mark.minutes_late = plan.minutes;
      mark.recorded_by = actor.user_id;
      mark.recorded_at = now;
      if (existing) {
        tx.attendance().update_mark(mark, plan.reason);
        ++saved.changed;
      } else {
        mark.id = tx.attendance().insert_mark(mark);
        ++saved.created;
      }
      record_audit(tx, actor, now, existing ? "update" : "create", "attendance_mark", mark.id,
                   mark.pupil_id, existing ? audit_json(*existing, "") : Json(nullptr),
                   audit_json(mark, plan.reason));
      if (mark.code == "N") saved.alerts += alert_unexplained_absence(tx, now, mark);
    }
    tx.attendance().put_register(
        store::RegisterTaken{actor.organisation_id, date, session, actor.user_id, now});
    saved.attendance_register = build_register(tx, actor.organisation_id, date, session);
    saved.attendance_register.can_write = true;
    return saved;
  });
}

Result<std::vector<RegisterStatus>> registers_for_day(Context& context, const Actor& actor,
                                                      Date date) {
  WAYMARK_TRY_STATUS(require_provider_reader(actor));
  auto& connection = context.store.connection();
  std::vector<RegisterStatus> statuses;
  for (Session session : {Session::Am, Session::Pm}) {
    AttendanceRegister day = build_register(connection, actor.organisation_id, date, session);
    statuses.push_back(RegisterStatus{date, session, static_cast<int>(day.rows.size()),
                                      day.marked(), day.taken.has_value()});
  }
  return statuses;
}

std::vector<RegisterStatus> registers_not_taken(store::Connection& connection, Id provider_id,
                                                Date date) {
  std::vector<RegisterStatus> missing;
  for (Session session : {Session::Am, Session::Pm}) {
    const auto expected = expected_pupils(connection, provider_id, date, session);
    if (expected.empty() || connection.attendance().register_taken(provider_id, date, session))
      continue;
    missing.push_back(RegisterStatus{date, session, static_cast<int>(expected.size()), 0, false});
  }
  return missing;
}

}  // namespace waymark::app
