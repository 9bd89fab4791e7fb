// Users, account, import, calendar and organisation audit pages: one file per area, registered
// here.
#include "web/pages/pages.h"

namespace waymark::web {

// Defined in admin_users.cpp, admin_account.cpp, admin_import.cpp, admin_calendar.cpp and
// admin_audit.cpp.
void register_user_pages(Router& router, const Templates& templates);
void register_account_pages(Router& router, const Templates& templates);
void register_import_pages(Router& router, const Templates& templates);
void register_calendar_pages(Router& router, const Templates& templates);
void register_audit_pages(Router& router, const Templates& templates);

void register_admin_pages(Router& router, const Templates& templates) {
  register_user_pages(router, templates);
  register_account_pages(router, templates);
  register_import_pages(router, templates);
  register_calendar_pages(router, templates);
  register_audit_pages(router, templates);
}

}  // namespace waymark::web
