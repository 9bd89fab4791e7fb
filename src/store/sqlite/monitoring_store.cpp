// The SQLite MonitoringStore (migration 008): rules, weekly RAGs and weekly updates here; alerts
// and action plans in monitoring_plans.cpp.
#include <nlohmann/json.hpp>

#include "store/sqlite/monitoring_rows.h"

namespace waymark::store::sqlite {

namespace {

std::string reasons_text(const std::vector<std::string>& reasons) {
  return nlohmann::json(reasons).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<std::string> parse_reasons(const std::string& text) {
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  if (!parsed.is_array()) throw StoreFault("a stored RAG's reasons are not valid");
  std::vector<std::string> reasons;
  for (const auto& reason : parsed)
    if (reason.is_string()) reasons.push_back(reason.get<std::string>());
  return reasons;
}

constexpr const char* kRagColumns =
    "SELECT id, pupil_id, placement_id, provider_id, commissioner_id, week_start, proposed, "
    "reasons, confirmed, override_reason, comment, confirmed_by, confirmed_at FROM weekly_rags ";

WeeklyRagRecord read_rag(const Statement& row) {
  WeeklyRagRecord record;
  record.id = row.int64(0);
  record.pupil_id = row.int64(1);
  record.placement_id = row.int64(2);
  record.provider_id = row.int64(3);
  record.commissioner_id = row.int64(4);
  record.week_start = row.date(5);
  record.proposed = stored_rag(row.text(6));
  record.reasons = parse_reasons(row.text(7));
  record.confirmed = stored_rag(row.text(8));
  record.override_reason = row.text(9);
  record.comment = row.text(10);
  record.confirmed_by = row.int64(11);
  record.confirmed_at = row.int64(12);
  return record;
}

constexpr const char* kUpdateColumns =
    "SELECT id, provider_id, commissioner_id, week_start, sent_by, sent_at FROM weekly_updates ";

WeeklyUpdate read_update(const Statement& row) {
  WeeklyUpdate update;
  update.id = row.int64(0);
  update.provider_id = row.int64(1);
  update.commissioner_id = row.int64(2);
  update.week_start = row.date(3);
  update.sent_by = row.int64(4);
  update.sent_at = row.int64(5);
  return update;
}

class SqliteMonitoringStore final : public MonitoringStore {
 public:
  explicit SqliteMonitoringStore(Db& db) : db_(db), plans_(db) {}

  std::optional<RagRules> rag_rules(Id organisation_id) override {
    Statement statement = db_.prepare(
        "SELECT attendance_red_below, attendance_amber_below, exit_ticket_drop_amber, "
        "exit_ticket_drop_red, serious_incidents_red, incidents_amber FROM rag_rules WHERE "
        "organisation_id = ?");
    statement.bind_all(organisation_id);
    if (!statement.next_row()) return std::nullopt;
    return RagRules{.attendance_red_below = statement.real(0),
                    .attendance_amber_below = statement.real(1),
                    .exit_ticket_drop_amber = statement.real(2),
                    .exit_ticket_drop_red = statement.real(3),
                    .serious_incidents_red = statement.integer(4),
                    .incidents_amber = statement.integer(5)};
  }

  void set_rag_rules(Id organisation_id, const RagRules& rules) override {
    db_.prepare(
           "INSERT OR REPLACE INTO rag_rules (organisation_id, attendance_red_below, "
           "attendance_amber_below, exit_ticket_drop_amber, exit_ticket_drop_red, "
           "serious_incidents_red, incidents_amber) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind_all(organisation_id, rules.attendance_red_below, rules.attendance_amber_below,
                  rules.exit_ticket_drop_amber, rules.exit_ticket_drop_red,
                  rules.serious_incidents_red, rules.incidents_amber)
        .run();
  }

  std::optional<DeteriorationRule> deterioration_rule(Id organisation_id) override {
    Statement statement = db_.prepare(
        "SELECT trigger, weeks_more_than FROM deterioration_rules WHERE organisation_id = ?");
    statement.bind_all(organisation_id);
    if (!statement.next_row()) return std::nullopt;
    return DeteriorationRule{
        .trigger = stored_or_fault(parse_deterioration_trigger(statement.text(0)), "trigger"),
        .weeks_more_than = statement.integer(1)};
  }

  void set_deterioration_rule(Id organisation_id, const DeteriorationRule& rule) override {
    db_.prepare(
           "INSERT OR REPLACE INTO deterioration_rules (organisation_id, trigger, "
           "weeks_more_than) VALUES (?, ?, ?)")
        .bind_all(organisation_id, to_string(rule.trigger), rule.weeks_more_than)
        .run();
  }

  std::optional<WeeklyRagRecord> weekly_rag(Id placement_id, Date week_start) override {
    static const std::string sql =
        std::string(kRagColumns) + "WHERE placement_id = ? AND week_start = ?";
    Statement statement = db_.prepare(sql);
    statement.bind_all(placement_id, week_start);
    if (!statement.next_row()) return std::nullopt;
    return read_rag(statement);
  }

  Id put_weekly_rag(const WeeklyRagRecord& record) override {
    // An upsert keeps the row's id, so audit entries about it stay linked.
    Statement statement = db_.prepare(
        "INSERT INTO weekly_rags (pupil_id, placement_id, provider_id, commissioner_id, "
        "week_start, proposed, reasons, confirmed, override_reason, comment, confirmed_by, "
        "confirmed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (placement_id, "
        "week_start) DO UPDATE SET proposed = excluded.proposed, reasons = excluded.reasons, "
        "confirmed = excluded.confirmed, override_reason = excluded.override_reason, comment = "
        "excluded.comment, confirmed_by = excluded.confirmed_by, confirmed_at = "
        "excluded.confirmed_at RETURNING id");
    statement.bind_all(record.pupil_id, record.placement_id, record.provider_id,
                       record.commissioner_id, record.week_start, to_string(record.proposed),
                       reasons_text(record.reasons), to_string(record.confirmed),
                       record.override_reason, record.comment, id_or_null(record.confirmed_by),
                       record.confirmed_at);
    if (!statement.next_row()) throw StoreFault("a weekly RAG was not stored");
    return statement.int64(0);
  }

  std::vector<WeeklyRagRecord> weekly_rags_of_provider(Id provider_id, Date week_start) override {
    static const std::string sql =
        std::string(kRagColumns) + "WHERE provider_id = ? AND week_start = ? ORDER BY pupil_id";
    return rags(sql, provider_id, week_start);
  }

  std::vector<WeeklyRagRecord> weekly_rags_of_pupil(Id pupil_id) override {
    static const std::string sql =
        std::string(kRagColumns) + "WHERE pupil_id = ? ORDER BY week_start, id";
    return rags(sql, pupil_id);
  }

  std::vector<WeeklyRagRecord> weekly_rags_of_placement(Id placement_id) override {
    static const std::string sql =
        std::string(kRagColumns) + "WHERE placement_id = ? ORDER BY week_start";
    return rags(sql, placement_id);
  }

  Id insert_weekly_update(const WeeklyUpdate& update) override {
    Savepoint savepoint(db_);
    db_.prepare(
           "INSERT INTO weekly_updates (provider_id, commissioner_id, week_start, sent_by, "
           "sent_at) VALUES (?, ?, ?, ?, ?)")
        .bind_all(update.provider_id, update.commissioner_id, update.week_start,
                  id_or_null(update.sent_by), update.sent_at)
        .run();
    const Id update_id = db_.last_insert_id();
    for (const WeeklyUpdateItem& item : update.items)
      db_.prepare(
             "INSERT INTO weekly_update_items (update_id, pupil_id, rag, comment) VALUES (?, ?, "
             "?, ?)")
          .bind_all(update_id, item.pupil_id, to_string(item.rag), item.comment)
          .run();
    savepoint.release();
    return update_id;
  }

  std::optional<WeeklyUpdate> weekly_update(Id provider_id, Id commissioner_id,
                                            Date week_start) override {
    static const std::string sql = std::string(kUpdateColumns) +
                                   "WHERE provider_id = ? AND commissioner_id = ? AND "
                                   "week_start = ?";
    std::optional<WeeklyUpdate> update;
    {
      Statement statement = db_.prepare(sql);
      statement.bind_all(provider_id, commissioner_id, week_start);
      if (!statement.next_row()) return std::nullopt;
      update = read_update(statement);
    }
    Statement items = db_.prepare(
        "SELECT pupil_id, rag, comment FROM weekly_update_items WHERE update_id = ? ORDER BY "
        "pupil_id");
    items.bind_all(update->id);
    while (items.next_row())
      update->items.push_back(WeeklyUpdateItem{
          .pupil_id = items.int64(0), .rag = stored_rag(items.text(1)), .comment = items.text(2)});
    return update;
  }

  std::vector<WeeklyUpdate> weekly_updates_of_provider(Id provider_id) override {
    static const std::string sql =
        std::string(kUpdateColumns) + "WHERE provider_id = ? ORDER BY week_start DESC, id DESC";
    return updates(sql, provider_id);
  }

  std::vector<WeeklyUpdate> weekly_updates_to(Id commissioner_id) override {
    static const std::string sql =
        std::string(kUpdateColumns) + "WHERE commissioner_id = ? ORDER BY week_start DESC, id DESC";
    return updates(sql, commissioner_id);
  }

  std::vector<WeeklyRagRecord> sent_rags_of_pupil(Id pupil_id) override {
    Statement statement = db_.prepare(
        "SELECT u.provider_id, u.commissioner_id, u.week_start, i.rag, i.comment, u.sent_by, "
        "u.sent_at FROM weekly_update_items i JOIN weekly_updates u ON u.id = i.update_id WHERE "
        "i.pupil_id = ? ORDER BY u.week_start, u.id");
    statement.bind_all(pupil_id);
    std::vector<WeeklyRagRecord> records;
    while (statement.next_row()) {
      WeeklyRagRecord record;
      record.pupil_id = pupil_id;
      record.provider_id = statement.int64(0);
      record.commissioner_id = statement.int64(1);
      record.week_start = statement.date(2);
      record.proposed = record.confirmed = stored_rag(statement.text(3));
      record.comment = statement.text(4);
      record.confirmed_by = statement.int64(5);
      record.confirmed_at = statement.int64(6);
      records.push_back(std::move(record));
    }
    return records;
  }

  std::optional<DeteriorationAlert> deterioration_alert(Id id) override {
    return plans_.deterioration_alert(id);
  }
  std::optional<DeteriorationAlert> alert_for_run(Id placement_id, Date run_started) override {
    return plans_.alert_for_run(placement_id, run_started);
  }
  Id insert_deterioration_alert(const DeteriorationAlert& alert) override {
    return plans_.insert_deterioration_alert(alert);
  }
  std::vector<DeteriorationAlert> alerts_of_pupil(Id pupil_id) override {
    return plans_.alerts_by(AlertsBy::Pupil, pupil_id);
  }
  std::vector<DeteriorationAlert> alerts_of_provider(Id provider_id) override {
    return plans_.alerts_by(AlertsBy::Provider, provider_id);
  }
  std::vector<DeteriorationAlert> alerts_to(Id commissioner_id) override {
    return plans_.alerts_by(AlertsBy::Commissioner, commissioner_id);
  }

  std::optional<ActionPlan> action_plan(Id id) override { return plans_.action_plan(id); }
  Id insert_action_plan(const ActionPlan& plan) override { return plans_.insert_action_plan(plan); }
  void update_action_plan(const ActionPlan& plan) override { plans_.update_action_plan(plan); }
  std::vector<ActionPlan> action_plans_of_pupil(Id pupil_id) override {
    return plans_.action_plans_by(PlansBy::Pupil, pupil_id);
  }
  std::vector<ActionPlan> action_plans_of_provider(Id provider_id) override {
    return plans_.action_plans_by(PlansBy::Provider, provider_id);
  }
  std::vector<ActionPlan> action_plans_of_alert(Id alert_id) override {
    return plans_.action_plans_by(PlansBy::Alert, alert_id);
  }

 private:
  template <typename... Values>
  std::vector<WeeklyRagRecord> rags(const std::string& sql, const Values&... values) {
    Statement statement = db_.prepare(sql);
    statement.bind_all(values...);
    std::vector<WeeklyRagRecord> records;
    while (statement.next_row()) records.push_back(read_rag(statement));
    return records;
  }

  std::vector<WeeklyUpdate> updates(const std::string& sql, Id id) {
    Statement statement = db_.prepare(sql);
    statement.bind_all(id);
    std::vector<WeeklyUpdate> list;
    while (statement.next_row()) list.push_back(read_update(statement));
    return list;
  }

  Db& db_;
  SqliteMonitoringPlans plans_;
};

}  // namespace

std::unique_ptr<MonitoringStore> make_monitoring_store(Db& db) {
  return std::make_unique<SqliteMonitoringStore>(db);
}

}  // namespace waymark::store::sqlite
