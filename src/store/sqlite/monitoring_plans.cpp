// The SQLite MonitoringStore's deterioration alerts and action plans (migration 008).
#include <map>

#include <nlohmann/json.hpp>

#include "store/sqlite/monitoring_rows.h"

namespace waymark::store::sqlite {

namespace {

constexpr const char* kAlertColumns =
    "SELECT id, pupil_id, placement_id, provider_id, commissioner_id, run_started, raised_week, "
    "consecutive_weeks, trigger, weeks_more_than, raised_by, raised_on, raised_at FROM "
    "deterioration_alerts ";

DeteriorationAlert read_alert(const Statement& row) {
  DeteriorationAlert alert;
  alert.id = row.int64(0);
  alert.pupil_id = row.int64(1);
  alert.placement_id = row.int64(2);
  alert.provider_id = row.int64(3);
  alert.commissioner_id = row.int64(4);
  alert.run_started = row.date(5);
  alert.raised_week = row.date(6);
  alert.consecutive_weeks = row.integer(7);
  alert.rule.trigger = stored_or_fault(parse_deterioration_trigger(row.text(8)), "trigger");
  alert.rule.weeks_more_than = row.integer(9);
  alert.raised_by = row.int64(10);
  alert.raised_on = row.date(11);
  alert.raised_at = row.int64(12);
  return alert;
}

constexpr const char* kPlanColumns =
    "SELECT id, pupil_id, provider_id, alert_id, summary, review_date, status, review_notes, "
    "created_by, created_at, updated_by, updated_at FROM action_plans ";

ActionPlan read_plan(const Statement& row) {
  ActionPlan plan;
  plan.id = row.int64(0);
  plan.pupil_id = row.int64(1);
  plan.provider_id = row.int64(2);
  plan.alert_id = row.int64(3);
  plan.summary = row.text(4);
  plan.review_date = row.date(5);
  plan.status = stored_or_fault(parse_action_plan_status(row.text(6)), "plan status");
  plan.review_notes = row.text(7);
  plan.created_by = row.int64(8);
  plan.created_at = row.int64(9);
  plan.updated_by = row.int64(10);
  plan.updated_at = row.int64(11);
  return plan;
}

}  // namespace

std::optional<DeteriorationAlert> SqliteMonitoringPlans::deterioration_alert(Id id) {
  static const std::string sql = std::string(kAlertColumns) + "WHERE id = ?";
  Statement statement = db_.prepare(sql);
  statement.bind_all(id);
  if (!statement.next_row()) return std::nullopt;
  return read_alert(statement);
}

std::optional<DeteriorationAlert> SqliteMonitoringPlans::alert_for_run(Id placement_id,
                                                                       Date run_started) {
  static const std::string sql =
      std::string(kAlertColumns) + "WHERE placement_id = ? AND run_started = ?";
  Statement statement = db_.prepare(sql);
  statement.bind_all(placement_id, run_started);
  if (!statement.next_row()) return std::nullopt;
  return read_alert(statement);
}

Id SqliteMonitoringPlans::insert_deterioration_alert(const DeteriorationAlert& alert) {
  Statement statement = db_.prepare(
      "INSERT INTO deterioration_alerts (pupil_id, placement_id, provider_id, commissioner_id, "
      "run_started, raised_week, consecutive_weeks, trigger, weeks_more_than, raised_by, "
      "raised_on, raised_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  statement.bind_all(alert.pupil_id, alert.placement_id, alert.provider_id, alert.commissioner_id,
                     alert.run_started, alert.raised_week, alert.consecutive_weeks,
                     to_string(alert.rule.trigger), alert.rule.weeks_more_than,
                     id_or_null(alert.raised_by), alert.raised_on, alert.raised_at);
  statement.run();
  return db_.last_insert_id();
}

std::vector<DeteriorationAlert> SqliteMonitoringPlans::alerts_by(AlertsBy by, Id id) {
  static const std::string order = " = ? ORDER BY raised_at DESC, id DESC";
  static const std::string by_pupil = std::string(kAlertColumns) + "WHERE pupil_id" + order;
  static const std::string by_provider = std::string(kAlertColumns) + "WHERE provider_id" + order;
  static const std::string by_commissioner =
      std::string(kAlertColumns) + "WHERE commissioner_id" + order;
  Statement statement = db_.prepare(by == AlertsBy::Pupil      ? by_pupil
                                    : by == AlertsBy::Provider ? by_provider
                                                               : by_commissioner);
  statement.bind_all(id);
  std::vector<DeteriorationAlert> alerts;
  while (statement.next_row()) alerts.push_back(read_alert(statement));
  return alerts;
}

std::optional<ActionPlan> SqliteMonitoringPlans::action_plan(Id id) {
  static const std::string sql = std::string(kPlanColumns) + "WHERE id = ?";
  std::vector<ActionPlan> plans;
  {
    Statement statement = db_.prepare(sql);
    statement.bind_all(id);
    if (!statement.next_row()) return std::nullopt;
    plans.push_back(read_plan(statement));
  }
  read_actions(plans);
  return std::move(plans.front());
}

Id SqliteMonitoringPlans::insert_action_plan(const ActionPlan& plan) {
  Savepoint savepoint(db_);
  Statement statement = db_.prepare(
      "INSERT INTO action_plans (pupil_id, provider_id, alert_id, summary, review_date, status, "
      "review_notes, created_by, created_at, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, "
      "?, ?, ?, ?, ?)");
  statement.bind_all(plan.pupil_id, plan.provider_id, id_or_null(plan.alert_id), plan.summary,
                     plan.review_date, to_string(plan.status), plan.review_notes,
                     id_or_null(plan.created_by), plan.created_at, id_or_null(plan.updated_by),
                     plan.updated_at);
  statement.run();
  const Id plan_id = db_.last_insert_id();
  write_actions(plan, plan_id);
  savepoint.release();
  return plan_id;
}

void SqliteMonitoringPlans::update_action_plan(const ActionPlan& plan) {
  Savepoint savepoint(db_);
  db_.prepare(
         "UPDATE action_plans SET summary = ?, review_date = ?, status = ?, review_notes = ?, "
         "updated_by = ?, updated_at = ? WHERE id = ?")
      .bind_all(plan.summary, plan.review_date, to_string(plan.status), plan.review_notes,
                id_or_null(plan.updated_by), plan.updated_at, plan.id)
      .run();
  db_.prepare("DELETE FROM action_plan_actions WHERE plan_id = ?").bind_all(plan.id).run();
  write_actions(plan, plan.id);
  savepoint.release();
}

std::vector<ActionPlan> SqliteMonitoringPlans::action_plans_by(PlansBy by, Id id) {
  static const std::string order = " = ? ORDER BY created_at DESC, id DESC";
  static const std::string by_pupil = std::string(kPlanColumns) + "WHERE pupil_id" + order;
  static const std::string by_provider = std::string(kPlanColumns) + "WHERE provider_id" + order;
  static const std::string by_alert = std::string(kPlanColumns) + "WHERE alert_id" + order;
  std::vector<ActionPlan> plans;
  {
    Statement statement = db_.prepare(by == PlansBy::Pupil      ? by_pupil
                                      : by == PlansBy::Provider ? by_provider
                                                                : by_alert);
    statement.bind_all(id);
    while (statement.next_row()) plans.push_back(read_plan(statement));
  }
  read_actions(plans);
  return plans;
}

void SqliteMonitoringPlans::write_actions(const ActionPlan& plan, Id plan_id) {
  int position = 0;
  for (const PlanAction& action : plan.actions)
    db_.prepare(
           "INSERT INTO action_plan_actions (plan_id, position, description, owner_id, "
           "due_date, done) VALUES (?, ?, ?, ?, ?, ?)")
        .bind_all(plan_id, position++, action.description, action.owner_id, action.due_date,
                  action.done)
        .run();
}

void SqliteMonitoringPlans::read_actions(std::vector<ActionPlan>& plans) {
  if (plans.empty()) return;
  std::map<Id, ActionPlan*> by_id;
  nlohmann::json ids = nlohmann::json::array();
  for (ActionPlan& plan : plans) {
    by_id[plan.id] = &plan;
    ids.push_back(plan.id);
  }
  Statement statement = db_.prepare(
      "SELECT plan_id, description, owner_id, due_date, done FROM action_plan_actions WHERE "
      "plan_id IN (SELECT value FROM json_each(?)) ORDER BY plan_id, position");
  statement.bind_all(ids.dump());
  while (statement.next_row()) {
    auto found = by_id.find(statement.int64(0));
    if (found == by_id.end()) continue;
    found->second->actions.push_back(PlanAction{.description = statement.text(1),
                                                .owner_id = statement.int64(2),
                                                .due_date = statement.date(3),
                                                .done = statement.boolean(4)});
  }
}

}  // namespace waymark::store::sqlite
