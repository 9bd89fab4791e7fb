// Monitoring cards. Provider staff: this week's RAGs still to confirm, deteriorating pupils (an
// alert whose plan is not closed; urgent while it has no plan) and overdue action plans. A school
// or LA: its pupils' latest sent RAG (Red and Amber urgent) and the deterioration alerts raised
// to it. Each reads through the monitoring use cases, which authorise; a refused read leaves the
// card out.
#include <fmt/format.h>

#include "app/dashboard_cards.h"
#include "app/monitoring_dashboard.h"

namespace waymark::app::dashboard_cards {

namespace {

bool without_plan(const AlertView& view) {
  return view.plan_state == PlanState::Missing || view.plan_state == PlanState::MissingOverdue;
}

std::optional<DashboardCard> to_confirm_card(Context& context, const Actor& actor) {
  auto week = rags_to_confirm(context, actor);
  if (!week.ok()) return std::nullopt;
  DashboardCard card{.key = "rags_to_confirm",
                     .title = "RAGs to confirm",
                     .href = "/rag",
                     .empty_text = "Every RAG for this week is confirmed.",
                     .items = {}};
  if (week->unconfirmed > 0)
    card.items.push_back(
        {.text = fmt::format("{} of {} to confirm", week->unconfirmed, week->pupils),
         .href = "/rag",
         .detail = "Week beginning",
         .date = week->week_start,
         .urgent = false});
  finish_card(card);
  return card;
}

std::optional<DashboardCard> deteriorating_card(Context& context, const Actor& actor) {
  auto alerts = deteriorating_pupils(context, actor);
  if (!alerts.ok()) return std::nullopt;
  const bool provider = actor.organisation_kind == OrgKind::Provider;
  DashboardCard card{.key = "deteriorating_pupils",
                     .title = provider ? "Deteriorating pupils" : "Alerts: deteriorating pupils",
                     .href = "/action-plans",
                     .empty_text = "No pupil's progress is deteriorating.",
                     .items = {}};
  for (const AlertView& view : *alerts) {
    const Id pupil_id = view.alert.pupil_id;
    std::string href = fmt::format("/pupils/{}/rag", pupil_id);
    if (provider)
      href = view.plan ? fmt::format("/action-plans/{}", view.plan->id)
                       : fmt::format("/pupils/{}/action-plans/new", pupil_id);
    card.items.push_back(
        {.text = fmt::format("{}: {} weeks", view.pupil_name, view.alert.consecutive_weeks),
         .href = href,
         .detail = without_plan(view) ? "No action plan yet; raised" : "Action plan open; raised",
         .date = view.alert.raised_on,
         .urgent = without_plan(view)});
  }
  finish_card(card);
  return card;
}

std::optional<DashboardCard> overdue_plans_card(Context& context, const Actor& actor) {
  auto overview = overdue_action_plans(context, actor);
  if (!overview.ok()) return std::nullopt;
  DashboardCard card{.key = "action_plans_overdue",
                     .title = "Action plans overdue",
                     .href = "/action-plans",
                     .empty_text = "No action plan is overdue.",
                     .items = {}};
  for (const PlanItem& item : overview->open_plans)
    card.items.push_back({.text = item.pupil_name,
                          .href = fmt::format("/action-plans/{}", item.plan.id),
                          .detail = "Review was due",
                          .date = item.plan.review_date,
                          .urgent = true});
  for (const AlertView& view : overview->alerts_without_plan)
    card.items.push_back({.text = view.pupil_name,
                          .href = fmt::format("/pupils/{}/action-plans/new", view.alert.pupil_id),
                          .detail = "No plan for the alert raised",
                          .date = view.alert.raised_on,
                          .urgent = true});
  finish_card(card);
  return card;
}

std::optional<DashboardCard> latest_rag_card(Context& context, const Actor& actor) {
  auto rags = latest_sent_rags(context, actor);
  if (!rags.ok()) return std::nullopt;
  DashboardCard card{.key = "latest_rag",
                     .title = "Latest RAG",
                     .href = "/rag/updates",
                     .empty_text = "No weekly updates have been sent to you yet.",
                     .items = {}};
  for (const LatestRag& rag : *rags)
    card.items.push_back({.text = fmt::format("{}: {}", rag.pupil_name, label(rag.rag)),
                          .href = fmt::format("/pupils/{}/rag", rag.pupil_id),
                          .detail = "Week beginning",
                          .date = rag.week_start,
                          .urgent = rag.rag != Rag::Green});
  finish_card(card);
  return card;
}

}  // namespace

std::vector<DashboardCard> monitoring(Context& context, const Actor& actor) {
  std::vector<DashboardCard> cards;
  auto add = [&cards](std::optional<DashboardCard> card) {
    if (card) cards.push_back(std::move(*card));
  };
  if (actor.organisation_kind == OrgKind::Provider) {
    if (actor.can_edit_pupils()) add(to_confirm_card(context, actor));
    add(deteriorating_card(context, actor));
    add(overdue_plans_card(context, actor));
    return cards;
  }
  add(latest_rag_card(context, actor));
  add(deteriorating_card(context, actor));
  return cards;
}

}  // namespace waymark::app::dashboard_cards
