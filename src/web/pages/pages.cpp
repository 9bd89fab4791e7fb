#include "web/pages/pages.h"

namespace waymark::web {

void register_pages(Router& router, const Templates& templates, const WebOptions& options) {
  router.page(Method::Get, "/", [](Exchange&) { return Response::redirect("/dashboard"); });
  register_login_pages(router, templates, options);
  register_pupil_pages(router, templates);
  register_admin_pages(router, templates);
  register_assessment_setup_pages(router, templates);
  register_baseline_pages(router, templates);
  register_classwork_pages(router, templates);
  register_feedback_form_pages(router, templates);
  register_timeline_pages(router, templates);
  register_dashboard_pages(router, templates);
  register_notification_pages(router, templates);
  register_attendance_pages(router, templates);
  register_rag_pages(router, templates);
  register_contact_behaviour_pages(router, templates);
}

}  // namespace waymark::web
