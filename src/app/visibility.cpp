#include "app/visibility.h"

namespace waymark::app {

store::Visibility visibility_of(const Actor& actor) {
  // A school's commissioner-only staff see the pupils the school placed, not its whole roll. An
  // LA's commissioners are its officers: they keep the LA's oversight of providers in its area.
  const bool placed_only = actor.commissioner_only() && actor.organisation_kind == OrgKind::School;
  return store::Visibility{actor.organisation_kind, actor.organisation_id, placed_only};
}

Status require_visible_pupil(store::Connection& connection, const Actor& actor, Id pupil_id) {
  if (pupil_id <= 0 || !connection.pupil_visible(pupil_id, visibility_of(actor)))
    return Error::not_found("pupil");
  return {};
}

Status require_pupil_editor(const Actor& actor) {
  if (!actor.can_edit_pupils())
    return Error::forbidden("your role can view pupils but not change them");
  return {};
}

}  // namespace waymark::app
