// Which feedback forms are due, per member of staff, and the sent forms a school or LA sees.
#pragma once

#include <string>
#include <vector>

#include "app/context.h"
#include "core/feedback_form.h"
#include "core/feedback_period.h"
#include "core/user.h"

namespace waymark::app {

// A form is due once its period has ended (on its last school day) and no version of it has been
// sent; it is overdue more than kOverdueSchoolDays school days after that.
inline constexpr int kOverdueSchoolDays = 5;

struct DueForm {
  Id pupil_id = 0;
  std::string pupil_name;
  Id placement_id = 0;
  FeedbackPeriod period;
  bool overdue = false;
  Id form_id = 0;  // the latest unsent version when one has been started; 0 when not started
  std::optional<FeedbackFormStatus> status;  // of that version
};

struct StaffDueForms {
  Id user_id = 0;
  std::string display_name;
  std::vector<DueForm> forms;  // by due date, then pupil name
};

// Every form due at the actor's provider on `today` (the clock's), grouped by who writes it: the
// staff of the teaching groups the pupil is in at the provider, else the provider's heads (else
// admins). A form appears under each of its writers. Forbidden for anyone but the provider's
// staff.
Result<std::vector<StaffDueForms>> feedback_forms_due(Context& context, const Actor& actor);

// The same forms, once each (for the CLI and the API's flat list).
std::vector<DueForm> due_forms_at(store::Connection& connection, Id provider_id, Date today);

struct SentFormItem {
  FeedbackForm form;  // the latest sent version of its period
  std::string pupil_name;
  std::string provider_name;
};

// The latest sent version of every form of every pupil the actor sees, newest period end first
// (the commissioning school's and the LA's list). Drafts never appear.
Result<std::vector<SentFormItem>> sent_feedback_forms(Context& context, const Actor& actor);

}  // namespace waymark::app
