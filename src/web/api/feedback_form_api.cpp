// FIXME: placeholder; the feedback form area (issue 3) registers its JSON API here.
#include "web/web_app.h"

namespace waymark::web {

void register_feedback_form_api(Router&) {}

}  // namespace waymark::web
