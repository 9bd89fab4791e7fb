// The SQLite BehaviourStore: incident types, incidents and involvements, rewards and placement
// sharing (migration 009).
#include <string>
#include <unordered_map>

#include "store/behaviour_store.h"
#include "store/sqlite/sqlite_connection.h"

namespace waymark::store::sqlite {

namespace {

constexpr const char* kIncidentColumns =
    "SELECT i.id, i.organisation_id, i.incident_date, i.time_minutes, i.type, i.severity, "
    "i.description, i.action_taken, i.follow_up, i.recorded_by, i.recorded_at "
    "FROM behaviour_incidents i ";

BehaviourIncident read_incident(const Statement& row) {
  BehaviourIncident incident;
  incident.id = row.int64(0);
  incident.organisation_id = row.int64(1);
  incident.incident_date = row.date(2);
  incident.time_minutes = row.integer(3);
  incident.type = row.text(4);
  incident.severity = stored_or_fault(parse_severity(row.text(5)), "severity");
  incident.description = row.text(6);
  incident.action_taken = row.text(7);
  incident.follow_up = row.text(8);
  incident.recorded_by = row.int64(9);
  incident.recorded_at = row.int64(10);
  return incident;
}

constexpr const char* kRewardColumns =
    "SELECT id, pupil_id, organisation_id, kind, award_date, points, reason, recorded_by, "
    "recorded_at FROM rewards ";

Reward read_reward(const Statement& row) {
  Reward reward;
  reward.id = row.int64(0);
  reward.pupil_id = row.int64(1);
  reward.organisation_id = row.int64(2);
  reward.kind = stored_or_fault(parse_reward_kind(row.text(3)), "reward kind");
  reward.award_date = row.date(4);
  reward.points = row.integer(5);
  reward.reason = row.text(6);
  reward.recorded_by = row.int64(7);
  reward.recorded_at = row.int64(8);
  return reward;
}

std::string json_ids(const std::vector<BehaviourIncident>& incidents) {
  std::string text = "[";
  for (const BehaviourIncident& incident : incidents) {
    if (text.size() > 1) text += ',';
    text += std::to_string(incident.id);
  }
  return text + "]";
}

class SqliteBehaviourStore final : public BehaviourStore {
 public:
  explicit SqliteBehaviourStore(Db& db) : db_(db) {}

  std::vector<std::string> incident_types(Id organisation_id) override {
    Statement statement = db_.prepare(
        "SELECT name FROM behaviour_incident_types WHERE organisation_id = ? ORDER BY position");
    statement.bind_all(organisation_id);
    std::vector<std::string> types;
    while (statement.next_row()) types.push_back(statement.text(0));
    return types;
  }

  void set_incident_types(Id organisation_id, const std::vector<std::string>& types) override {
    Savepoint savepoint(db_);
    db_.prepare("DELETE FROM behaviour_incident_types WHERE organisation_id = ?")
        .bind_all(organisation_id)
        .run();
    int position = 0;
    for (const std::string& name : types)
      db_.prepare(
             "INSERT OR IGNORE INTO behaviour_incident_types (organisation_id, name, position) "
             "VALUES (?, ?, ?)")
          .bind_all(organisation_id, name, ++position)
          .run();
    savepoint.release();
  }

  Id insert_incident(const BehaviourIncident& incident, std::int64_t now) override {
    Savepoint savepoint(db_);
    db_.prepare(
           "INSERT INTO behaviour_incidents (organisation_id, incident_date, time_minutes, type, "
           "severity, description, action_taken, follow_up, recorded_by, recorded_at, updated_at) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(incident.organisation_id, incident.incident_date, incident.time_minutes,
                  incident.type, to_string(incident.severity), incident.description,
                  incident.action_taken, incident.follow_up, id_or_null(incident.recorded_by), now,
                  now)
        .run();
    const Id id = db_.last_insert_id();
    for (const Involvement& involvement : incident.pupils)
      db_.prepare(
             "INSERT INTO behaviour_involvements (incident_id, pupil_id, home_school_informed_on, "
             "home_school_informed_by) VALUES (?, ?, ?, ?)")
          .bind_all(id, involvement.pupil_id, involvement.home_school_informed_on,
                    id_or_null(involvement.home_school_informed_by))
          .run();
    savepoint.release();
    return id;
  }

  std::optional<BehaviourIncident> incident(Id id) override {
    static const std::string sql = std::string(kIncidentColumns) + "WHERE i.id = ?";
    Statement statement = db_.prepare(sql);
    statement.bind_all(id);
    if (!statement.next_row()) return std::nullopt;
    std::vector<BehaviourIncident> incidents{read_incident(statement)};
    add_involvements(incidents);
    return std::move(incidents.front());
  }

  void update_incident(const BehaviourIncident& incident, std::int64_t now) override {
    Savepoint savepoint(db_);
    db_.prepare(
           "UPDATE behaviour_incidents SET incident_date = ?, time_minutes = ?, type = ?, "
           "severity = ?, description = ?, action_taken = ?, follow_up = ?, updated_at = ? "
           "WHERE id = ?")
        .bind_all(incident.incident_date, incident.time_minutes, incident.type,
                  to_string(incident.severity), incident.description, incident.action_taken,
                  incident.follow_up, now, incident.id)
        .run();
    for (const Involvement& involvement : incident.pupils)
      db_.prepare(
             "UPDATE behaviour_involvements SET home_school_informed_on = ?, "
             "home_school_informed_by = ? WHERE incident_id = ? AND pupil_id = ?")
          .bind_all(involvement.home_school_informed_on,
                    id_or_null(involvement.home_school_informed_by), incident.id,
                    involvement.pupil_id)
          .run();
    savepoint.release();
  }

  std::vector<BehaviourIncident> incidents_of_pupil(Id pupil_id, std::optional<Date> from,
                                                    std::optional<Date> to) override {
    static const std::string sql =
        std::string(kIncidentColumns) +
        "JOIN behaviour_involvements v ON v.incident_id = i.id WHERE v.pupil_id = ?1 AND "
        "(?2 IS NULL OR i.incident_date >= ?2) AND (?3 IS NULL OR i.incident_date <= ?3) "
        "ORDER BY i.incident_date DESC, i.time_minutes DESC, i.id DESC";
    return incidents_for(sql, pupil_id, from, to);
  }

  std::vector<BehaviourIncident> incidents_at(Id organisation_id, std::optional<Date> from,
                                              std::optional<Date> to) override {
    static const std::string sql =
        std::string(kIncidentColumns) +
        "WHERE i.organisation_id = ?1 AND (?2 IS NULL OR i.incident_date >= ?2) AND "
        "(?3 IS NULL OR i.incident_date <= ?3) "
        "ORDER BY i.incident_date DESC, i.time_minutes DESC, i.id DESC";
    return incidents_for(sql, organisation_id, from, to);
  }

  IncidentCounts incident_counts(Id pupil_id, Date from, Date to) override {
    Statement statement = db_.prepare(
        "SELECT COUNT(*), COALESCE(SUM(i.severity = 'serious'), 0) FROM behaviour_incidents i "
        "JOIN behaviour_involvements v ON v.incident_id = i.id WHERE v.pupil_id = ? AND "
        "i.incident_date BETWEEN ? AND ?");
    statement.bind_all(pupil_id, from, to);
    statement.next_row();
    return IncidentCounts{statement.integer(0), statement.integer(1)};
  }

  Id insert_reward(const Reward& reward, std::int64_t now) override {
    db_.prepare(
           "INSERT INTO rewards (pupil_id, organisation_id, kind, award_date, week_start, points, "
           "reason, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(reward.pupil_id, reward.organisation_id, to_string(reward.kind),
                  reward.award_date, reward.week_start(), reward.points, reward.reason,
                  id_or_null(reward.recorded_by), now)
        .run();
    return db_.last_insert_id();
  }

  std::vector<Reward> rewards_of_pupil(Id pupil_id) override {
    static const std::string sql =
        std::string(kRewardColumns) + "WHERE pupil_id = ? ORDER BY award_date DESC, id DESC";
    Statement statement = db_.prepare(sql);
    statement.bind_all(pupil_id);
    return read_rewards(statement);
  }

  std::vector<Reward> rewards_at(Id organisation_id, Date from, Date to) override {
    static const std::string sql = std::string(kRewardColumns) +
                                   "WHERE organisation_id = ? AND award_date BETWEEN ? AND ? "
                                   "ORDER BY award_date DESC, id DESC";
    Statement statement = db_.prepare(sql);
    statement.bind_all(organisation_id, from, to);
    return read_rewards(statement);
  }

  std::optional<Reward> student_of_the_week(Id organisation_id, Date week_start) override {
    static const std::string sql =
        std::string(kRewardColumns) +
        "WHERE organisation_id = ? AND week_start = ? AND kind = 'student_of_the_week'";
    Statement statement = db_.prepare(sql);
    statement.bind_all(organisation_id, week_start);
    if (!statement.next_row()) return std::nullopt;
    return read_reward(statement);
  }

  std::optional<SharingLevel> sharing(Id placement_id) override {
    Statement statement =
        db_.prepare("SELECT behaviour FROM placement_sharing WHERE placement_id = ?");
    statement.bind_all(placement_id);
    if (!statement.next_row()) return std::nullopt;
    return stored_or_fault(parse_sharing_level(statement.text(0)), "sharing level");
  }

  void set_sharing(Id placement_id, SharingLevel level, std::int64_t now) override {
    db_.prepare(
           "INSERT INTO placement_sharing (placement_id, behaviour, updated_at) VALUES (?, ?, ?) "
           "ON CONFLICT (placement_id) DO UPDATE SET behaviour = excluded.behaviour, "
           "updated_at = excluded.updated_at")
        .bind_all(placement_id, to_string(level), now)
        .run();
  }

 private:
  std::vector<BehaviourIncident> incidents_for(const std::string& sql, Id key,
                                               std::optional<Date> from, std::optional<Date> to) {
    std::vector<BehaviourIncident> incidents;
    {
      Statement statement = db_.prepare(sql);
      statement.bind_all(key, from, to);
      while (statement.next_row()) incidents.push_back(read_incident(statement));
    }
    add_involvements(incidents);
    return incidents;
  }

  void add_involvements(std::vector<BehaviourIncident>& incidents) {
    if (incidents.empty()) return;
    std::unordered_map<Id, BehaviourIncident*> by_id;
    for (BehaviourIncident& incident : incidents) by_id[incident.id] = &incident;
    Statement statement = db_.prepare(
        "SELECT incident_id, pupil_id, home_school_informed_on, home_school_informed_by FROM "
        "behaviour_involvements WHERE incident_id IN (SELECT value FROM json_each(?)) "
        "ORDER BY incident_id, pupil_id");
    statement.bind_all(json_ids(incidents));
    while (statement.next_row()) {
      auto found = by_id.find(statement.int64(0));
      if (found == by_id.end()) continue;
      found->second->pupils.push_back(
          Involvement{statement.int64(1), statement.optional_date(2), statement.int64(3)});
    }
  }

  static std::vector<Reward> read_rewards(Statement& statement) {
    std::vector<Reward> rewards;
    while (statement.next_row()) rewards.push_back(read_reward(statement));
    return rewards;
  }

  Db& db_;
};

}  // namespace

std::unique_ptr<BehaviourStore> make_behaviour_store(Db& db) {
  return std::make_unique<SqliteBehaviourStore>(db);
}

}  // namespace waymark::store::sqlite
