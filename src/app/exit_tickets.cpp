#include "app/exit_tickets.h"

#include <algorithm>

#include "app/audit.h"
#include "app/classwork_access.h"
#include "app/classwork_codec.h"
#include "app/grade_scales.h"
#include "app/visibility.h"
#include "core/grade_scale.h"
#include "core/nc_year.h"
#include "store/classwork_store.h"

namespace waymark::app {

namespace {

// Normalises and checks a ticket for `actor`'s organisation, collecting every problem.
Status check_ticket(store::Connection& connection, const Actor& actor, ExitTicket& ticket,
                    Date today) {
  ticket.topic = trimmed(ticket.topic);
  ticket.mark = trimmed(ticket.mark);
  ticket.grade = trimmed(ticket.grade);
  ErrorList errors;
  // A grade without a scale is on the subject's scale for the pupil's year (app/grade_scales.h).
  if (!ticket.grade.empty() && ticket.grade_scale.empty() && ticket.subject_id > 0) {
    auto pupil = connection.pupil(ticket.pupil_id);
    const int nc_year = pupil ? pupil->nc_year(academic_year_start(today)).value_or(10) : 10;
    auto scale = subject_scale(connection, ticket.subject_id, nc_year);
    ticket.grade_scale = scale.ok() ? scale->key() : kDefaultExitTicketScale;
  }
  if (ticket.grade.empty()) ticket.grade_scale.clear();
  if (auto valid = validate_exit_ticket(ticket, today); !valid.ok()) errors.add_all(valid.error());
  if (ticket.subject_id > 0) {
    const auto subjects = exit_ticket_subjects(connection, actor.organisation_id);
    if (std::none_of(subjects.begin(), subjects.end(),
                     [&](const Subject& subject) { return subject.id == ticket.subject_id; }))
      errors.add("subject_id", "is not a subject that takes exit tickets at your organisation");
  }
  if (ticket.teaching_group_id != 0) {
    auto group = connection.teaching_group(ticket.teaching_group_id);
    if (!group || group->organisation_id != actor.organisation_id)
      errors.add("teaching_group_id", "is not one of your organisation's teaching groups");
    else if (std::find(group->pupil_ids.begin(), group->pupil_ids.end(), ticket.pupil_id) ==
             group->pupil_ids.end())
      errors.add("teaching_group_id", "does not include this pupil");
  }
  if (!ticket.grade.empty() && !ticket.grade_scale.empty()) {
    auto scale = scale_for(connection, actor.organisation_id, ticket.grade_scale);
    if (!scale.ok()) {
      errors.add("grade_scale", "is not a known grade scale");
    } else if (auto grade = scale->parse(ticket.grade, "grade"); !grade.ok()) {
      errors.add_all(grade.error());
    } else {
      ticket.grade = grade->code;
    }
  }
  if (!errors.empty()) return errors.to_error();
  return {};
}

Error clash() {
  return Error::conflict("topic",
                         "this pupil already has an exit ticket for that subject, date and topic");
}

}  // namespace

Result<ExitTicket> create_exit_ticket(Context& context, const Actor& actor,
                                      const ExitTicket& request) {
  auto& connection = context.store.connection();
  WAYMARK_TRY_STATUS(require_classwork_writer(connection, actor, request.pupil_id));
  ExitTicket ticket = request;
  WAYMARK_TRY_STATUS(check_ticket(connection, actor, ticket, context.clock.today()));
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<ExitTicket> {
    auto& classwork = tx.classwork();
    if (classwork.exit_ticket_by_key(ticket.pupil_id, ticket.subject_id, ticket.lesson_date,
                                     ticket.topic))
      return clash();
    ticket.organisation_id = actor.organisation_id;
    ticket.recorded_by = actor.user_id;
    ticket.id = classwork.insert_exit_ticket(ticket, now);
    ticket.recorded_at = ticket.updated_at = now;
    record_audit(tx, actor, now, "create", "exit_ticket", ticket.id, ticket.pupil_id, nullptr,
                 to_json(ticket));
    return ticket;
  });
}

Result<SavedExitTicket> save_exit_ticket(Context& context, const Actor& actor,
                                         const ExitTicket& request,
                                         const std::string& previous_topic) {
  auto& connection = context.store.connection();
  WAYMARK_TRY_STATUS(require_classwork_writer(connection, actor, request.pupil_id));
  ExitTicket ticket = request;
  WAYMARK_TRY_STATUS(check_ticket(connection, actor, ticket, context.clock.today()));
  const std::string renamed_from = trimmed(previous_topic);
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<SavedExitTicket> {
    auto& classwork = tx.classwork();
    auto current = classwork.exit_ticket_by_key(ticket.pupil_id, ticket.subject_id,
                                                ticket.lesson_date, ticket.topic);
    if (!current && !renamed_from.empty() && renamed_from != ticket.topic)
      current = classwork.exit_ticket_by_key(ticket.pupil_id, ticket.subject_id, ticket.lesson_date,
                                             renamed_from);
    if (!current) {
      ticket.organisation_id = actor.organisation_id;
      ticket.recorded_by = actor.user_id;
      ticket.id = classwork.insert_exit_ticket(ticket, now);
      ticket.recorded_at = ticket.updated_at = now;
      record_audit(tx, actor, now, "create", "exit_ticket", ticket.id, ticket.pupil_id, nullptr,
                   to_json(ticket));
      return SavedExitTicket{ticket, true};
    }
    if (current->organisation_id != actor.organisation_id)
      return Error::forbidden("this exit ticket was recorded by another organisation");
    ticket.id = current->id;
    ticket.organisation_id = current->organisation_id;
    ticket.recorded_by = current->recorded_by;
    ticket.recorded_at = current->recorded_at;
    const std::int64_t version = std::max(now, current->updated_at + 1);
    classwork.update_exit_ticket(ticket, version);
    ticket.updated_at = version;
    record_audit(tx, actor, now, "update", "exit_ticket", ticket.id, ticket.pupil_id,
                 to_json(*current), to_json(ticket));
    return SavedExitTicket{ticket, false};
  });
}

Result<ExitTicket> update_exit_ticket(Context& context, const Actor& actor, Id ticket_id,
                                      const ExitTicketChange& change,
                                      std::optional<std::int64_t> expected_updated_at) {
  auto& connection = context.store.connection();
  const std::int64_t now = context.clock.now_seconds();
  const Date today = context.clock.today();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<ExitTicket> {
    auto current = tx.classwork().exit_ticket(ticket_id);
    if (!current || !tx.pupil_visible(current->pupil_id, visibility_of(actor)))
      return Error::not_found("exit ticket");
    WAYMARK_TRY_STATUS(require_classwork_writer(tx, actor, current->pupil_id));
    if (current->organisation_id != actor.organisation_id)
      return Error::forbidden("this exit ticket was recorded by another organisation");
    if (expected_updated_at && *expected_updated_at != current->updated_at)
      return Error::conflict("updated_at",
                             "someone else changed this exit ticket: reload and try again");
    ExitTicket changed = *current;
    ErrorList errors;
    change(changed, errors);
    if (!errors.empty()) return errors.to_error();
    changed.id = current->id;
    changed.pupil_id = current->pupil_id;
    WAYMARK_TRY_STATUS(check_ticket(tx, actor, changed, today));
    auto same_key = tx.classwork().exit_ticket_by_key(changed.pupil_id, changed.subject_id,
                                                      changed.lesson_date, changed.topic);
    if (same_key && same_key->id != changed.id) return clash();
    const std::int64_t version = std::max(now, current->updated_at + 1);
    tx.classwork().update_exit_ticket(changed, version);
    changed.updated_at = version;
    record_audit(tx, actor, now, "update", "exit_ticket", changed.id, changed.pupil_id,
                 to_json(*current), to_json(changed));
    return changed;
  });
}

Result<ExitTicket> get_exit_ticket(Context& context, const Actor& actor, Id ticket_id) {
  auto& connection = context.store.connection();
  auto ticket = connection.classwork().exit_ticket(ticket_id);
  if (!ticket || !connection.pupil_visible(ticket->pupil_id, visibility_of(actor)))
    return Error::not_found("exit ticket");
  return std::move(*ticket);
}

Result<std::vector<ExitTicket>> list_exit_tickets(Context& context, const Actor& actor, Id pupil_id,
                                                  std::optional<Date> from,
                                                  std::optional<Date> to) {
  auto& connection = context.store.connection();
  WAYMARK_TRY_STATUS(require_visible_pupil(connection, actor, pupil_id));
  return exit_tickets_for_pupil(connection, pupil_id, from, to);
}

std::vector<ExitTicket> exit_tickets_for_pupil(store::Connection& connection, Id pupil_id,
                                               std::optional<Date> from, std::optional<Date> to) {
  return connection.classwork().exit_tickets_of(pupil_id, from, to);
}

std::vector<SubjectTicketSummary> exit_ticket_summaries(store::Connection& connection, Id pupil_id,
                                                        Date from, Date to) {
  return summarise_exit_tickets(connection.classwork().exit_tickets_of(pupil_id, from, to));
}

Result<ExitTicketGrid> exit_ticket_grid(Context& context, const Actor& actor, Id group_id,
                                        Id subject_id, Date lesson_date) {
  auto& connection = context.store.connection();
  auto group = connection.teaching_group(group_id);
  if (!group || group->organisation_id != actor.organisation_id)
    return Error::not_found("teaching group");
  ExitTicketGrid grid{
      .group = *group, .subject = {}, .lesson_date = lesson_date, .pupils = {}, .can_write = false};
  bool found = false;
  for (const Subject& subject : exit_ticket_subjects(connection, actor.organisation_id))
    if (subject.id == subject_id) grid.subject = subject, found = true;
  if (!found)
    return Error::invalid("subject_id",
                          "is not a subject that takes exit tickets at your organisation");
  grid.can_write = actor.organisation_kind == OrgKind::Provider && actor.can_edit_pupils();
  const auto visibility = visibility_of(actor);
  std::vector<Id> visible;
  for (Id pupil_id : group->pupil_ids) {
    if (!connection.pupil_visible(pupil_id, visibility)) continue;
    auto pupil = connection.pupil(pupil_id);
    if (!pupil) continue;
    visible.push_back(pupil_id);
    grid.pupils.push_back(GridPupil{pupil_id, pupil->sort_name(), {}});
  }
  for (ExitTicket& ticket :
       connection.classwork().exit_tickets_on(visible, subject_id, lesson_date))
    for (GridPupil& row : grid.pupils)
      if (row.pupil_id == ticket.pupil_id) row.tickets.push_back(std::move(ticket));
  std::sort(grid.pupils.begin(), grid.pupils.end(),
            [](const GridPupil& a, const GridPupil& b) { return a.name < b.name; });
  return grid;
}

}  // namespace waymark::app
