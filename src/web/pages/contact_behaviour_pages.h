// The parent-contact and behaviour pages (issue 4), one registration per file, all called from
// register_contact_behaviour_pages in contacts_due_page.cpp.
#pragma once

#include "web/router.h"
#include "web/templates.h"

namespace waymark::web {

void register_contact_log_page(Router& router, const Templates& templates);
void register_contacts_due_page(Router& router, const Templates& templates);
void register_behaviour_list_page(Router& router, const Templates& templates);
void register_pupil_behaviour_page(Router& router, const Templates& templates);
void register_behaviour_analysis_page(Router& router, const Templates& templates);
void register_contact_behaviour_settings_page(Router& router, const Templates& templates);

}  // namespace waymark::web
