// Shared by the feedback form API (web/api/feedback_form_api.cpp) and pages
// (web/pages/feedback_form_*.cpp): the PDF response and JSON lists.
#pragma once

#include "app/feedback_form_due.h"
#include "web/router.h"

namespace waymark::web {

// The form's PDF (application/pdf, inline, a file name with no personal data), or the error.
Result<Response> feedback_form_pdf_response(Exchange& exchange, Id form_id);

// {"items": [...]} for the due list: per staff member {user_id, display_name, forms: [{pupil_id,
// pupil_name, placement_id, period: {number, start, end, due}, overdue, form_id, status}]}.
std::string due_list_json(const std::vector<app::StaffDueForms>& staff);

// {"items": [form + {pupil_name, provider_name}]} for the sent forms a school or LA sees.
std::string sent_list_json(const std::vector<app::SentFormItem>& items);

}  // namespace waymark::web
