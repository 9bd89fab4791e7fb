#include "app/classwork_view.h"

#include <algorithm>

#include "app/classwork_access.h"
#include "app/visibility.h"
#include "store/classwork_store.h"

namespace waymark::app {

Result<PupilClasswork> pupil_classwork(Context& context, const Actor& actor, Id pupil_id) {
  auto& connection = context.store.connection();
  WAYMARK_TRY_STATUS(require_visible_pupil(connection, actor, pupil_id));
  auto pupil = connection.pupil(pupil_id);
  if (!pupil) return Error::not_found("pupil");
  PupilClasswork view;
  view.pupil_id = pupil_id;
  view.pupil_name = pupil->display_name();
  view.exit_tickets = connection.classwork().exit_tickets_of(pupil_id, std::nullopt, std::nullopt);
  std::reverse(view.exit_tickets.begin(), view.exit_tickets.end());
  view.work = WAYMARK_TRY(list_marked_work(context, actor, pupil_id));
  std::vector<Id> organisations;
  for (const auto& ticket : view.exit_tickets) organisations.push_back(ticket.organisation_id);
  for (const auto& item : view.work) organisations.push_back(item.work.organisation_id);
  organisations.push_back(actor.organisation_id);
  std::sort(organisations.begin(), organisations.end());
  organisations.erase(std::unique(organisations.begin(), organisations.end()), organisations.end());
  for (Id organisation_id : organisations)
    for (const Subject& subject : connection.subjects_of(organisation_id))
      view.subject_names[subject.id] = subject.name;
  view.can_write = require_classwork_writer(connection, actor, pupil_id).ok();
  if (view.can_write) {
    view.ticket_subjects = exit_ticket_subjects(connection, actor.organisation_id);
    view.work_subjects = connection.subjects_of(actor.organisation_id);
  }
  return view;
}

}  // namespace waymark::app
