// Feedback-form cards: what is due at a provider (for the signed-in member of staff, as the due
// list groups it) and what a school or LA has received.
#include <fmt/format.h>

#include "app/dashboard_cards.h"
#include "app/feedback_form_due.h"

namespace waymark::app::dashboard_cards {

namespace {

DashboardCard due_card(Context& context, const Actor& actor) {
  DashboardCard card{.key = "feedback_forms_due",
                     .title = "Your feedback forms due",
                     .href = "/feedback-forms/due",
                     .empty_text = "No feedback forms are due for you.",
                     .items = {}};
  auto due = feedback_forms_due(context, actor);
  if (!due.ok()) return card;
  for (const StaffDueForms& staff : *due) {
    if (staff.user_id != actor.user_id) continue;
    for (const DueForm& form : staff.forms)
      card.items.push_back(
          {.text = fmt::format("{}: period {}", form.pupil_name, form.period.number),
           .href = form.form_id != 0 ? fmt::format("/feedback-forms/{}", form.form_id)
                                     : fmt::format("/pupils/{}/feedback-forms", form.pupil_id),
           .detail = form.overdue ? "Overdue since" : "Due",
           .date = form.period.end,
           .urgent = form.overdue});
  }
  finish_card(card);
  return card;
}

DashboardCard received_card(Context& context, const Actor& actor) {
  DashboardCard card{.key = "feedback_forms_received",
                     .title = "Feedback forms received",
                     .href = "/feedback-forms",
                     .empty_text = "No feedback forms have been sent to you yet.",
                     .items = {}};
  auto sent = sent_feedback_forms(context, actor);
  if (!sent.ok()) return card;
  const Date since = context.clock.today().plus_days(-21);
  for (const SentFormItem& item : *sent) {
    if (item.form.period_end < since) continue;
    card.items.push_back(
        {.text = fmt::format("{}: period {}", item.pupil_name, item.form.period_number),
         .href = fmt::format("/feedback-forms/{}", item.form.id),
         .detail = item.provider_name + ", period ended",
         .date = item.form.period_end,
         .urgent = false});
  }
  finish_card(card);
  return card;
}

}  // namespace

std::vector<DashboardCard> feedback_forms(Context& context, const Actor& actor) {
  if (actor.organisation_kind == OrgKind::Provider) {
    if (!actor.can_edit_pupils()) return {};
    return {due_card(context, actor)};
  }
  return {received_card(context, actor)};
}

}  // namespace waymark::app::dashboard_cards
