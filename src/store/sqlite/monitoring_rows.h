// Reading and writing the monitoring tables' rows (migration 008), shared by the SQLite
// MonitoringStore's files: monitoring_store.cpp (rules, RAGs, updates) and monitoring_plans.cpp
// (alerts and action plans).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "store/monitoring_store.h"
#include "store/sqlite/sqlite_connection.h"

namespace waymark::store::sqlite {

// Stored RAG text back to a Rag; a bad value is a fault of the database.
inline Rag stored_rag(const std::string& text) {
  return stored_or_fault(parse_rag(text), "RAG");
}

// Which column a list of alerts or plans is selected by (each a fixed SQL text: no SQL is built
// from values).
enum class AlertsBy { Pupil, Provider, Commissioner };
enum class PlansBy { Pupil, Provider, Alert };

// The alert and action-plan half of the SQLite MonitoringStore (monitoring_plans.cpp).
class SqliteMonitoringPlans {
 public:
  explicit SqliteMonitoringPlans(Db& db) : db_(db) {}

  std::optional<DeteriorationAlert> deterioration_alert(Id id);
  std::optional<DeteriorationAlert> alert_for_run(Id placement_id, Date run_started);
  Id insert_deterioration_alert(const DeteriorationAlert& alert);
  std::vector<DeteriorationAlert> alerts_by(AlertsBy by, Id id);

  std::optional<ActionPlan> action_plan(Id id);
  Id insert_action_plan(const ActionPlan& plan);
  void update_action_plan(const ActionPlan& plan);
  std::vector<ActionPlan> action_plans_by(PlansBy by, Id id);

 private:
  void write_actions(const ActionPlan& plan, Id plan_id);
  void read_actions(std::vector<ActionPlan>& plans);

  Db& db_;
};

}  // namespace waymark::store::sqlite
