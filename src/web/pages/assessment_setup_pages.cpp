// The assessment-setup pages (issue 3): intake and home-school work per placement, targets, and
// the organisation's settings (grade scales, subject scales, KS3 expectations). One page (or a
// page and its form) per file; the use cases in app/intake.h, targets.h and grade_scales.h
// authorise and audit.
#include "web/pages/assessment_setup_helpers.h"
#include "web/pages/pages.h"

namespace waymark::web {

void register_assessment_setup_pages(Router& router, const Templates& templates) {
  register_intake_pages(router, templates);
  register_intake_edit_page(router, templates);
  register_targets_page(router, templates);
  register_settings_pages(router, templates);
  register_ks3_expectations_page(router, templates);
}

}  // namespace waymark::web
