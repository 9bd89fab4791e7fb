#include "app/monitoring_codec.h"

#include <fmt/format.h>

namespace waymark::app {

namespace {

template <typename T>
Json optional_json(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json id_json(Id id) {
  return id == 0 ? Json(nullptr) : Json(id);
}

bool read_number(const Json& body, const char* field, double& into, ErrorList& errors) {
  auto found = body.find(field);
  if (found == body.end()) return false;
  if (!found->is_number()) {
    errors.add(field, "must be a number");
    return false;
  }
  into = found->get<double>();
  return true;
}

}  // namespace

Json to_json(const WeekEvidence& evidence) {
  return Json{{"exit_ticket_mean_percent", optional_json(evidence.exit_ticket_mean_percent)},
              {"previous_mean_percent", optional_json(evidence.previous_mean_percent)},
              {"attendance_rate", optional_json(evidence.attendance_rate)},
              {"behaviour_incidents", evidence.behaviour_incidents},
              {"serious_incidents", evidence.serious_incidents}};
}

Json to_json(const store::WeeklyRagRecord& record) {
  return Json{{"id", id_json(record.id)},
              {"pupil_id", record.pupil_id},
              {"placement_id", id_json(record.placement_id)},
              {"provider_id", record.provider_id},
              {"commissioner_id", record.commissioner_id},
              {"week_start", record.week_start.iso()},
              {"proposed", to_string(record.proposed)},
              {"reasons", record.reasons},
              {"rag", to_string(record.confirmed)},
              {"override_reason", record.override_reason},
              {"comment", record.comment},
              {"confirmed_by", id_json(record.confirmed_by)},
              {"confirmed_at", record.confirmed_at}};
}

Json to_json(const RagRules& rules) {
  return Json{{"attendance_red_below", rules.attendance_red_below},
              {"attendance_amber_below", rules.attendance_amber_below},
              {"exit_ticket_drop_amber", rules.exit_ticket_drop_amber},
              {"exit_ticket_drop_red", rules.exit_ticket_drop_red},
              {"serious_incidents_red", rules.serious_incidents_red},
              {"incidents_amber", rules.incidents_amber}};
}

Json to_json(const DeteriorationRule& rule) {
  return Json{{"trigger", to_string(rule.trigger)}, {"weeks_more_than", rule.weeks_more_than}};
}

Json to_json(const store::DeteriorationAlert& alert) {
  return Json{{"id", alert.id},
              {"pupil_id", alert.pupil_id},
              {"placement_id", alert.placement_id},
              {"provider_id", alert.provider_id},
              {"commissioner_id", alert.commissioner_id},
              {"run_started", alert.run_started.iso()},
              {"raised_week", alert.raised_week.iso()},
              {"consecutive_weeks", alert.consecutive_weeks},
              {"rule", to_json(alert.rule)},
              {"raised_on", alert.raised_on.iso()},
              {"raised_at", alert.raised_at}};
}

Json to_json(const ActionPlan& plan) {
  Json actions = Json::array();
  for (const PlanAction& action : plan.actions)
    actions.push_back(Json{{"description", action.description},
                           {"owner_id", action.owner_id},
                           {"due_date", action.due_date.iso()},
                           {"done", action.done}});
  return Json{{"id", plan.id},
              {"pupil_id", plan.pupil_id},
              {"provider_id", plan.provider_id},
              {"alert_id", id_json(plan.alert_id)},
              {"summary", plan.summary},
              {"actions", actions},
              {"review_date", plan.review_date.iso()},
              {"status", to_string(plan.status)},
              {"review_notes", plan.review_notes},
              {"created_by", id_json(plan.created_by)},
              {"created_at", plan.created_at},
              {"updated_by", id_json(plan.updated_by)},
              {"updated_at", plan.updated_at}};
}

Json to_json(const store::WeeklyUpdate& update) {
  Json items = Json::array();
  for (const store::WeeklyUpdateItem& item : update.items)
    items.push_back(
        Json{{"pupil_id", item.pupil_id}, {"rag", to_string(item.rag)}, {"comment", item.comment}});
  return Json{{"id", update.id},
              {"provider_id", update.provider_id},
              {"commissioner_id", update.commissioner_id},
              {"week_start", update.week_start.iso()},
              {"sent_by", id_json(update.sent_by)},
              {"sent_at", update.sent_at},
              {"items", items}};
}

void read_rag_rules(const Json& body, RagRules& into, ErrorList& errors) {
  read_number(body, "attendance_red_below", into.attendance_red_below, errors);
  read_number(body, "attendance_amber_below", into.attendance_amber_below, errors);
  read_number(body, "exit_ticket_drop_amber", into.exit_ticket_drop_amber, errors);
  read_number(body, "exit_ticket_drop_red", into.exit_ticket_drop_red, errors);
  read_int(body, "serious_incidents_red", into.serious_incidents_red, errors);
  read_int(body, "incidents_amber", into.incidents_amber, errors);
}

void read_deterioration_rule(const Json& body, DeteriorationRule& into, ErrorList& errors) {
  std::string trigger;
  if (read_string(body, "trigger", trigger, errors) && body.contains("trigger")) {
    auto parsed = parse_deterioration_trigger(trigger);
    if (parsed.ok())
      into.trigger = *parsed;
    else
      errors.add_all(parsed.error());
  }
  read_int(body, "weeks_more_than", into.weeks_more_than, errors);
}

void read_action_plan(const Json& body, ActionPlan& into, ErrorList& errors) {
  read_string(body, "summary", into.summary, errors);
  read_date(body, "review_date", into.review_date, errors);
  read_string(body, "review_notes", into.review_notes, errors);
  std::string status;
  if (body.contains("status") && read_string(body, "status", status, errors)) {
    auto parsed = parse_action_plan_status(status);
    if (parsed.ok())
      into.status = *parsed;
    else
      errors.add_all(parsed.error());
  }
  auto found = body.find("actions");
  if (found == body.end()) return;
  if (!found->is_array()) {
    errors.add("actions", "must be a list of actions");
    return;
  }
  into.actions.clear();
  for (std::size_t index = 0; index < found->size(); ++index) {
    const Json& item = (*found)[index];
    const std::string prefix = fmt::format("actions[{}].", index);
    if (!item.is_object()) {
      errors.add(fmt::format("actions[{}]", index), "must be an object");
      continue;
    }
    PlanAction action;
    ErrorList item_errors;
    read_string(item, "description", action.description, item_errors);
    read_id(item, "owner_id", action.owner_id, item_errors);
    if (!item.contains("due_date")) item_errors.add("due_date", "is required");
    read_date(item, "due_date", action.due_date, item_errors);
    read_bool(item, "done", action.done, item_errors);
    for (const FieldError& error : item_errors.fields())
      errors.add(prefix + error.field, error.reason);
    into.actions.push_back(std::move(action));
  }
}

}  // namespace waymark::app
