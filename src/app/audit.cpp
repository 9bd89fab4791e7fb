#include "app/audit.h"

#include "app/visibility.h"

namespace waymark::app {

void record_audit(store::Connection& connection, const Actor& actor, std::int64_t now,
                  const std::string& action, const std::string& entity, Id entity_id, Id pupil_id,
                  const Json& before, const Json& after) {
  store::AuditEntry entry;
  entry.at = now;
  entry.user_id = actor.user_id;
  entry.organisation_id = actor.organisation_id;
  entry.action = action;
  entry.entity = entity;
  entry.entity_id = entity_id;
  entry.pupil_id = pupil_id;
  entry.before_json = before.is_null() ? "" : before.dump();
  entry.after_json = after.is_null() ? "" : after.dump();
  connection.append_audit(entry);
}

Result<std::vector<store::AuditEntry>> pupil_audit_trail(Context& context, const Actor& actor,
                                                         Id pupil_id) {
  auto& connection = context.store.connection();
  WAYMARK_TRY_STATUS(require_visible_pupil(connection, actor, pupil_id));
  if (!actor.can_read_audit())
    return Error::forbidden("only admins and heads can read the audit trail");
  return connection.audit_of_pupil(pupil_id, 500);
}

Result<std::vector<store::AuditEntry>> organisation_audit_trail(Context& context,
                                                                const Actor& actor) {
  if (!actor.can_read_audit())
    return Error::forbidden("only admins and heads can read the audit trail");
  return context.store.connection().audit_of_organisation(actor.organisation_id, 500);
}

namespace {

std::string display(const Json& value) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "yes" : "no";
  return value.dump();
}

void compare(const std::string& prefix, const Json& before, const Json& after,
             std::vector<AuditChange>& changes) {
  if (before.is_object() || after.is_object()) {
    Json empty = Json::object();
    const Json& left = before.is_object() ? before : empty;
    const Json& right = after.is_object() ? after : empty;
    std::vector<std::string> keys;
    for (const auto& [key, value] : left.items()) keys.push_back(key);
    for (const auto& [key, value] : right.items())
      if (!left.contains(key)) keys.push_back(key);
    for (const auto& key : keys) {
      if (key == "updated_at") continue;  // bookkeeping, not a change a reader cares about
      compare(prefix.empty() ? key : prefix + "." + key,
              left.contains(key) ? left[key] : Json(nullptr),
              right.contains(key) ? right[key] : Json(nullptr), changes);
    }
    return;
  }
  if (before != after) changes.push_back({prefix, display(before), display(after)});
}

}  // namespace

std::vector<AuditChange> audit_changes(const store::AuditEntry& entry) {
  Json before =
      entry.before_json.empty() ? Json(nullptr) : Json::parse(entry.before_json, nullptr, false);
  Json after =
      entry.after_json.empty() ? Json(nullptr) : Json::parse(entry.after_json, nullptr, false);
  std::vector<AuditChange> changes;
  compare("", before, after, changes);
  return changes;
}

}  // namespace waymark::app
