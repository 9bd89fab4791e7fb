// FIXME: placeholder; the feedback form area (issue 3) registers its pages here.
#include "web/pages/pages.h"

namespace waymark::web {

void register_feedback_form_pages(Router&, const Templates&) {}

}  // namespace waymark::web
