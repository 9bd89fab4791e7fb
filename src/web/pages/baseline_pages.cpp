// The baseline pages (issue 3): a pupil's baseline results with SDQ scoring, recording a result,
// the learning pathway and further-assessment requests, and the organisation's instruments. The
// use cases in app/baselines.h authorise and audit.
#include "web/pages/assessment_setup_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

void register_baseline_pages(Router& router, const Templates& templates) {
  register_baseline_pupil_page(router, templates);
  register_baseline_record_page(router, templates);
  register_baseline_pathway_page(router, templates);
  register_baseline_further_forms(router, templates);
  register_baseline_instruments_page(router, templates);
}

}  // namespace waymark::web
