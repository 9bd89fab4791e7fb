// The classwork pages: the exit-ticket grid (classwork_grid.cpp) and a pupil's classwork
// (classwork_pupil.cpp).
#include "web/pages/classwork_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

void register_classwork_pages(Router& router, const Templates& templates) {
  register_classwork_grid_page(router, templates);
  register_pupil_classwork_page(router, templates);
}

}  // namespace waymark::web
