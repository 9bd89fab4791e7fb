// FIXME: placeholder; the classwork area (issue 3) registers its pages here.
#include "web/pages/pages.h"

namespace waymark::web {

void register_classwork_pages(Router&, const Templates&) {}

}  // namespace waymark::web
