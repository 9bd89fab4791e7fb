#include "app/classwork_access.h"

#include <algorithm>
#include <cctype>

#include "app/audit.h"
#include "app/visibility.h"
#include "store/classwork_store.h"

namespace waymark::app {

namespace {

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

bool default_exit_ticket_subject(const Subject& subject) {
  const std::string name = lower(subject.name);
  return name == "mathematics" || name == "maths" || name == "english" || name == "science";
}

Json subject_ids_json(const std::vector<Subject>& subjects) {
  Json ids = Json::array();
  for (const Subject& subject : subjects) ids.push_back(subject.id);
  return Json{{"subject_ids", ids}};
}

}  // namespace

Status require_classwork_writer(store::Connection& connection, const Actor& actor, Id pupil_id) {
  WAYMARK_TRY_STATUS(require_visible_pupil(connection, actor, pupil_id));
  if (actor.organisation_kind != OrgKind::Provider || !actor.can_edit_pupils())
    return Error::forbidden(
        "exit tickets and marked work are recorded by the teachers of the provider where the "
        "pupil is placed");
  return {};
}

std::vector<Subject> exit_ticket_subjects(store::Connection& connection, Id organisation_id) {
  std::vector<Subject> subjects = connection.subjects_of(organisation_id);
  const std::vector<Id> configured =
      connection.classwork().exit_ticket_subject_ids(organisation_id);
  std::erase_if(subjects, [&](const Subject& subject) {
    if (configured.empty()) return !default_exit_ticket_subject(subject);
    return std::find(configured.begin(), configured.end(), subject.id) == configured.end();
  });
  std::sort(subjects.begin(), subjects.end(),
            [](const Subject& a, const Subject& b) { return a.name < b.name; });
  return subjects;
}

Result<std::vector<Subject>> list_exit_ticket_subjects(Context& context, const Actor& actor) {
  if (!actor.can_read()) return Error::forbidden("your account has no role here");
  return exit_ticket_subjects(context.store.connection(), actor.organisation_id);
}

Result<std::vector<Subject>> set_exit_ticket_subjects(Context& context, const Actor& actor,
                                                      const std::vector<Id>& subject_ids) {
  if (!actor.roles.has(Role::Admin))
    return Error::forbidden("only an admin can choose which subjects take exit tickets");
  auto& connection = context.store.connection();
  if (subject_ids.empty()) return Error::invalid("subject_ids", "choose at least one subject");
  for (Id subject_id : subject_ids)
    WAYMARK_TRY_STATUS(
        check_own_subject(connection, actor.organisation_id, subject_id, "subject_ids"));
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<std::vector<Subject>> {
    const auto before = exit_ticket_subjects(tx, actor.organisation_id);
    tx.classwork().set_exit_ticket_subject_ids(actor.organisation_id, subject_ids);
    auto after = exit_ticket_subjects(tx, actor.organisation_id);
    record_audit(tx, actor, now, "update", "exit_ticket_subjects", actor.organisation_id, 0,
                 subject_ids_json(before), subject_ids_json(after));
    return after;
  });
}

Status check_own_subject(store::Connection& connection, Id organisation_id, Id subject_id,
                         const char* field) {
  for (const Subject& subject : connection.subjects_of(organisation_id))
    if (subject.id == subject_id) return {};
  return Error::invalid(field, "is not one of your organisation's subjects");
}

}  // namespace waymark::app
