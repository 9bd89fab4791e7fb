// Action plan pages: /action-plans (open and overdue plans, alerts waiting for a plan), a plan
// (/action-plans/{id}: read by whoever can see the pupil, changed by the provider's staff) and a
// new plan (/pupils/{id}/action-plans/new, optionally for ?alert=).
#include <fmt/format.h>

#include "app/action_plans.h"
#include "app/monitoring_access.h"
#include "web/pages/form_helpers.h"
#include "web/pages/pages.h"
#include "web/pages/rag_helpers.h"

namespace waymark::web {

namespace {

constexpr int kFormRows = 5;  // action rows on the form; blank rows are ignored

// Reads summary, review date, status, notes and the action rows onto `plan`.
void read_plan_form(const Params& form, ActionPlan& plan, ErrorList& errors) {
  plan.summary = form_text(form, "summary");
  if (auto date = read_form_date(form, "review_date", Required::Yes, errors))
    plan.review_date = *date;
  plan.review_notes = form_text(form, "review_notes");
  if (const std::string status = form_text(form, "status"); !status.empty()) {
    auto parsed = parse_action_plan_status(status);
    if (parsed.ok()) plan.status = *parsed;
  }
  plan.actions.clear();
  for (int row = 0; row < kFormRows; ++row) {
    const std::string prefix = fmt::format("action_{}_", row);
    const std::string description = form_text(form, prefix + "description");
    if (description.empty() && form_text(form, prefix + "due").empty()) continue;
    PlanAction action;
    action.description = description;
    action.owner_id = read_form_id(form, prefix + "owner");
    if (auto due = read_form_date(form, prefix + "due", Required::Yes, errors))
      action.due_date = *due;
    action.done = form_checked(form, prefix + "done");
    plan.actions.push_back(std::move(action));
  }
}

// "actions[2].owner_id" -> "action_2_owner" and so on.
std::string form_field(const std::string& field) {
  if (field.rfind("actions[", 0) == 0) {
    const auto close = field.find(']');
    const std::string row = field.substr(8, close - 8);
    const std::string member = field.substr(close + 2);
    const std::string name = member == "owner_id" ? "owner" : member == "due_date" ? "due" : member;
    return fmt::format("action_{}_{}", row, name);
  }
  return field;
}

Response render_form(const Templates& templates, Exchange& exchange, const ActionPlan& plan,
                     const std::string& action_href, const std::vector<FieldError>& errors,
                     bool editable, const std::string& flash) {
  auto& connection = exchange.app.store.connection();
  auto pupil = connection.pupil(plan.pupil_id);
  const std::string name = pupil ? pupil->display_name() : "Pupil";
  std::vector<Option> staff;
  std::map<Id, std::string> staff_names;
  for (const User& user : connection.users_in(plan.provider_id))
    if (user.active) {
      staff.push_back({std::to_string(user.id), user.display_name});
      staff_names[user.id] = user.display_name;
    }
  const Data error_data = error_map(errors);
  List rows;
  for (int row = 0; row < (editable ? kFormRows : static_cast<int>(plan.actions.size())); ++row) {
    const PlanAction* action = row < static_cast<int>(plan.actions.size())
                                   ? &plan.actions[static_cast<std::size_t>(row)]
                                   : nullptr;
    Data item{Data::type::object};
    const std::string prefix = fmt::format("action_{}_", row);
    item.set("row", std::to_string(row));
    item.set("number", std::to_string(row + 1));
    item.set("description", action ? action->description : "");
    item.set("owners",
             option_list(staff, action ? std::to_string(action->owner_id) : "", "Choose who"));
    item.set("owner_name", action ? staff_names[action->owner_id] : "");
    item.set("due", action ? action->due_date.iso() : "");
    item.set("due_label", action ? format_date(action->due_date) : "");
    item.set("done", action && action->done);
    item.set("error", optional_text(error_for(error_data, prefix + "description").empty()
                                        ? (error_for(error_data, prefix + "owner").empty()
                                               ? error_for(error_data, prefix + "due")
                                               : error_for(error_data, prefix + "owner"))
                                        : error_for(error_data, prefix + "description")));
    rows.push_back(item);
  }
  Data data{Data::type::object};
  data.set("back_href", fmt::format("/pupils/{}/rag", plan.pupil_id));
  data.set("pupil_name", name);
  data.set("action", action_href);
  data.set("csrf_token", exchange.csrf_token);
  data.set("editable", editable);
  data.set("is_new", plan.id == 0);
  data.set("summary", plan.summary);
  data.set("review_date", plan.id == 0 && plan.review_date == Date() ? "" : plan.review_date.iso());
  data.set("review_label", format_date(plan.review_date));
  data.set("review_notes", plan.review_notes);
  data.set("status", to_string(plan.status));
  data.set("statuses",
           choice_list("status", {{"open", "Open"}, {"reviewed", "Reviewed"}, {"closed", "Closed"}},
                       {to_string(plan.status)}));
  data.set("alert_id", plan.alert_id == 0 ? "" : std::to_string(plan.alert_id));
  data.set("updated_at", std::to_string(plan.updated_at));
  data.set("rows", rows);
  data.set("errors", error_data);
  PageFrame frame =
      page_frame(exchange, plan.id == 0 ? "New action plan – " + name : "Action plan – " + name);
  frame.errors = errors;
  frame.flash = flash;
  return render_page(templates, frame, "action_plan_form", data);
}

std::vector<FieldError> renamed(const Error& error) {
  if (error.fields.empty()) return {{"summary", error.message}};
  return form_errors(error.fields, form_field, [](const std::string& field) {
    if (field == "review_date") return std::string("Review date");
    if (field == "review_notes") return std::string("Review notes");
    if (field == "actions") return std::string("Actions");
    return std::string("This");
  });
}

Response plan_list(const Templates& templates, Exchange& exchange) {
  auto overview = app::action_plan_overview(exchange.app, exchange.actor);
  if (!overview.ok()) return error_page(templates, exchange, overview.error());
  List plans;
  for (const app::PlanItem& item : overview->open_plans) {
    Data row{Data::type::object};
    row.set("href", fmt::format("/action-plans/{}", item.plan.id));
    row.set("pupil", item.pupil_name);
    row.set("summary", item.plan.summary.empty() ? "Action plan" : item.plan.summary);
    row.set("review", format_date(item.plan.review_date));
    row.set("state", plan_state_tag(item.review_overdue ? app::PlanState::ReviewOverdue
                                                        : app::PlanState::Open));
    row.set("actions_overdue", std::to_string(item.actions_overdue));
    plans.push_back(row);
  }
  List alerts;
  for (const app::AlertView& view : overview->alerts_without_plan) {
    Data row{Data::type::object};
    row.set("href", fmt::format("/pupils/{}/rag", view.alert.pupil_id));
    row.set("pupil", view.pupil_name);
    row.set("raised", format_date(view.alert.raised_on));
    row.set("weeks", std::to_string(view.alert.consecutive_weeks));
    row.set("state", plan_state_tag(view.plan_state));
    alerts.push_back(row);
  }
  Data data{Data::type::object};
  data.set("plans", plans);
  data.set("has_plans", !plans.empty());
  data.set("alerts", alerts);
  data.set("has_alerts", !alerts.empty());
  data.set("overdue", std::to_string(overview->overdue()));
  PageFrame frame = page_frame(exchange, "Action plans", "/action-plans");
  return render_page(templates, frame, "action_plan_list", data);
}

}  // namespace

void register_action_plan_pages(Router& router, const Templates& templates) {
  router.page(Method::Get, "/action-plans",
              [&templates](Exchange& exchange) { return plan_list(templates, exchange); });
  router.page(Method::Get, "/pupils/{id}/action-plans/new", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    // The same checks as saving, before showing a form the actor could not submit.
    if (auto visible = app::pupil_action_plans(exchange.app, exchange.actor, *id); !visible.ok())
      return error_page(templates, exchange, visible.error());
    if (auto writer = app::require_monitoring_writer(exchange.actor, "action plans"); !writer.ok())
      return error_page(templates, exchange, writer.error());
    ActionPlan plan;
    plan.pupil_id = *id;
    plan.provider_id = exchange.actor.organisation_id;
    plan.alert_id = read_form_id(exchange.request.query, "alert");
    return render_form(templates, exchange, plan, fmt::format("/pupils/{}/action-plans/new", *id),
                       {}, true, "");
  });
  router.page(Method::Post, "/pupils/{id}/action-plans/new", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "pupil");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    const Params form = exchange.form();
    ActionPlan plan;
    plan.pupil_id = *id;
    plan.provider_id = exchange.actor.organisation_id;
    plan.alert_id = read_form_id(form, "alert_id");
    ErrorList errors;
    read_plan_form(form, plan, errors);
    const std::string href = fmt::format("/pupils/{}/action-plans/new", *id);
    if (!errors.empty())
      return render_form(templates, exchange, plan, href, renamed(errors.to_error()), true, "");
    auto created = app::create_action_plan(exchange.app, exchange.actor, *id, plan);
    if (created.ok())
      return Response::redirect(fmt::format("/action-plans/{}?saved=1", created->id));
    if (created.error().kind != ErrorKind::Invalid)
      return error_page(templates, exchange, created.error());
    return render_form(templates, exchange, plan, href, renamed(created.error()), true, "");
  });
  router.page(Method::Get, "/action-plans/{id}", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "action plan");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    auto plan = app::get_action_plan(exchange.app, exchange.actor, *id);
    if (!plan.ok()) return error_page(templates, exchange, plan.error());
    const bool editable = app::require_monitoring_writer(exchange.actor, "action plans").ok() &&
                          plan->provider_id == exchange.actor.organisation_id &&
                          plan->status != ActionPlanStatus::Closed;
    return render_form(templates, exchange, *plan, fmt::format("/action-plans/{}", *id), {},
                       editable,
                       exchange.request.param("saved").empty() ? "" : "Action plan saved");
  });
  router.page(Method::Post, "/action-plans/{id}", [&templates](Exchange& exchange) {
    auto id = exchange.id("id", "action plan");
    if (!id.ok()) return error_page(templates, exchange, id.error());
    const Params form = exchange.form();
    ActionPlan posted;
    std::optional<std::int64_t> expected;
    if (auto version = std::strtoll(form_text(form, "updated_at").c_str(), nullptr, 10);
        version > 0)
      expected = version;
    auto updated = app::update_action_plan(
        exchange.app, exchange.actor, *id,
        [&](ActionPlan& into, ErrorList& errors) {
          read_plan_form(form, into, errors);
          posted = into;
        },
        expected);
    if (updated.ok()) return Response::redirect(fmt::format("/action-plans/{}?saved=1", *id));
    if (updated.error().kind != ErrorKind::Invalid)
      return error_page(templates, exchange, updated.error());
    return render_form(templates, exchange, posted, fmt::format("/action-plans/{}", *id),
                       renamed(updated.error()), true, "");
  });
}

}  // namespace waymark::web
