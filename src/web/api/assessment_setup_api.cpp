// FIXME: placeholder; the assessment setup area (issue 3) registers its JSON API here.
#include "web/web_app.h"

namespace waymark::web {

void register_assessment_setup_api(Router&) {}

}  // namespace waymark::web
