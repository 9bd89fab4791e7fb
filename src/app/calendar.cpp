#include "app/calendar.h"

#include <fmt/format.h>

#include "app/audit.h"
#include "app/codec.h"
#include "app/visibility.h"

namespace waymark::app {

namespace {
Status require_calendar_editor(const Actor& actor) {
  if (!actor.roles.has(Role::Admin) && !actor.roles.has(Role::Head))
    return Error::forbidden("only admins and heads change the calendar and subjects");
  return {};
}
}  // namespace

CalendarView organisation_calendar(Context& context, const Actor& actor) {
  auto& connection = context.store.connection();
  return CalendarView{connection.terms_of(actor.organisation_id),
                      connection.closure_days_of(actor.organisation_id)};
}

Result<Term> add_term(Context& context, const Actor& actor, Term term) {
  WAYMARK_TRY_STATUS(require_calendar_editor(actor));
  auto& connection = context.store.connection();
  term.organisation_id = actor.organisation_id;
  std::optional<Term> parent;
  if (term.parent_term_id != 0) {
    for (const auto& existing : connection.terms_of(actor.organisation_id))
      if (existing.id == term.parent_term_id && existing.parent_term_id == 0) parent = existing;
    if (!parent) return Error::invalid("parent_term_id", "is not one of your organisation's terms");
    term.academic_year = parent->academic_year;
  }
  WAYMARK_TRY_STATUS(validate_term(term, parent ? &*parent : nullptr));
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<Term> {
    term.id = tx.insert_term(term);
    record_audit(tx, actor, now, "create", "term", term.id, 0, nullptr, to_json(term));
    return term;
  });
}

Result<Id> add_closure_day(Context& context, const Actor& actor, ClosureDay closure) {
  WAYMARK_TRY_STATUS(require_calendar_editor(actor));
  closure.organisation_id = actor.organisation_id;
  if (closure.reason.size() > 200)
    return Error::invalid("reason", "must be at most 200 characters");
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(context.store.connection(), [&](store::Connection& tx) -> Result<Id> {
    closure.id = WAYMARK_TRY(tx.insert_closure_day(closure));
    record_audit(tx, actor, now, "create", "closure_day", closure.id, 0, nullptr, to_json(closure));
    return closure.id;
  });
}

std::vector<Subject> organisation_subjects(Context& context, const Actor& actor) {
  return context.store.connection().subjects_of(actor.organisation_id);
}

Result<Id> add_subject(Context& context, const Actor& actor, Subject subject) {
  WAYMARK_TRY_STATUS(require_calendar_editor(actor));
  subject.organisation_id = actor.organisation_id;
  WAYMARK_TRY_STATUS(validate_subject(subject));
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(context.store.connection(), [&](store::Connection& tx) -> Result<Id> {
    subject.id = WAYMARK_TRY(tx.insert_subject(subject));
    record_audit(tx, actor, now, "create", "subject", subject.id, 0, nullptr, to_json(subject));
    return subject.id;
  });
}

std::vector<TeachingGroup> organisation_groups(Context& context, const Actor& actor) {
  return context.store.connection().teaching_groups_of(actor.organisation_id);
}

Result<Id> save_teaching_group(Context& context, const Actor& actor, TeachingGroup group) {
  WAYMARK_TRY_STATUS(require_pupil_editor(actor));
  auto& connection = context.store.connection();
  group.organisation_id = actor.organisation_id;
  ErrorList errors;
  if (auto valid = validate_teaching_group(group); !valid.ok()) errors.add_all(valid.error());
  if (group.subject_id != 0) {
    bool own = false;
    for (const auto& subject : connection.subjects_of(actor.organisation_id))
      if (subject.id == group.subject_id) own = true;
    if (!own) errors.add("subject_id", "is not one of your organisation's subjects");
  }
  for (std::size_t index = 0; index < group.staff_ids.size(); ++index) {
    auto user = connection.user(group.staff_ids[index]);
    if (!user || user->organisation_id != actor.organisation_id)
      errors.add(fmt::format("staff_ids[{}]", index),
                 "is not a member of your organisation's staff");
  }
  auto visibility = visibility_of(actor);
  for (std::size_t index = 0; index < group.pupil_ids.size(); ++index)
    if (!connection.pupil_visible(group.pupil_ids[index], visibility))
      errors.add(fmt::format("pupil_ids[{}]", index), "is not one of your pupils");
  std::optional<TeachingGroup> before;
  if (group.id != 0) {
    before = connection.teaching_group(group.id);
    if (!before || before->organisation_id != actor.organisation_id)
      return Error::not_found("teaching group");
  }
  if (!errors.empty()) return errors.to_error();
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<Id> {
    if (before) {
      tx.update_teaching_group(group);
      record_audit(tx, actor, now, "update", "teaching_group", group.id, 0, to_json(*before),
                   to_json(group));
    } else {
      group.id = tx.insert_teaching_group(group);
      record_audit(tx, actor, now, "create", "teaching_group", group.id, 0, nullptr,
                   to_json(group));
    }
    return group.id;
  });
}

}  // namespace waymark::app
