// HTML pages, registered by area. Each area lives in its own files under web/pages/.
#pragma once

#include "web/router.h"
#include "web/templates.h"
#include "web/web_app.h"

namespace waymark::web {

// Sign in and out (forms; a double-submit cookie protects the sign-in form against CSRF).
void register_login_pages(Router& router, const Templates& templates, const WebOptions& options);
// Pupil list, profile, pupil and placement forms, the pupil's audit trail.
void register_pupil_pages(Router& router, const Templates& templates);
// Users (admins), account (password, API tokens), import upload, calendar, organisation audit.
void register_admin_pages(Router& router, const Templates& templates);
// The assessment loop (issue 3).
void register_assessment_setup_pages(Router& router, const Templates& templates);
void register_baseline_pages(Router& router, const Templates& templates);
void register_classwork_pages(Router& router, const Templates& templates);
void register_feedback_form_pages(Router& router, const Templates& templates);
void register_timeline_pages(Router& router, const Templates& templates);
void register_dashboard_pages(Router& router, const Templates& templates);
void register_notification_pages(Router& router, const Templates& templates);
// Attendance (issue 4): registers, a pupil's attendance, the daily summary for schools.
void register_attendance_pages(Router& router, const Templates& templates);
// AP monitoring (issue 4): weekly RAG, weekly updates, pupil RAG history, action plans.
void register_rag_pages(Router& router, const Templates& templates);
// Parent contact, behaviour and rewards (issue 4).
void register_contact_behaviour_pages(Router& router, const Templates& templates);

}  // namespace waymark::web
