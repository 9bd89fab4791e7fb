// Who may see which pupils: the one place that turns an Actor into a store::Visibility, and the
// check every pupil-level read and write starts with.
#pragma once

#include "core/result.h"
#include "core/user.h"
#include "store/store.h"

namespace waymark::app {

store::Visibility visibility_of(const Actor& actor);

// Ok when the actor may see the pupil. Otherwise NotFound ("pupil not found"), never Forbidden,
// so that another organisation's pupil cannot be told apart from a pupil that does not exist.
Status require_visible_pupil(store::Connection& connection, const Actor& actor, Id pupil_id);

// Ok when the actor may change pupil records (admin, teacher or head); Forbidden otherwise.
Status require_pupil_editor(const Actor& actor);

}  // namespace waymark::app
