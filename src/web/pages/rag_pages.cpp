// The weekly RAG and action plan pages (issue 4 items 2 and 3), registered together.
#include "web/pages/pages.h"

namespace waymark::web {

void register_rag_week_page(Router& router, const Templates& templates);
void register_rag_updates_page(Router& router, const Templates& templates);
void register_rag_pupil_page(Router& router, const Templates& templates);
void register_action_plan_pages(Router& router, const Templates& templates);

void register_rag_pages(Router& router, const Templates& templates) {
  register_rag_week_page(router, templates);
  register_rag_updates_page(router, templates);
  register_rag_pupil_page(router, templates);
  register_action_plan_pages(router, templates);
}

}  // namespace waymark::web
