// FIXME: placeholder; the baseline area (issue 3) registers its JSON API here.
#include "web/web_app.h"

namespace waymark::web {

void register_baseline_api(Router&) {}

}  // namespace waymark::web
