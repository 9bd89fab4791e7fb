// FIXME: placeholder; the assessment setup area (issue 3) registers its pages here.
#include "web/pages/pages.h"

namespace waymark::web {

void register_assessment_setup_pages(Router&, const Templates&) {}

}  // namespace waymark::web
