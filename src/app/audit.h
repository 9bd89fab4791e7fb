// Writing and reading the audit trail. Every use case that writes calls record_audit inside its
// transaction, so a change and its audit entry commit together or not at all.
#pragma once

#include <string>
#include <vector>

#include "app/codec.h"
#include "app/context.h"
#include "core/user.h"

namespace waymark::app {

// `before`/`after` are null when there was no record before / after.
void record_audit(store::Connection& connection, const Actor& actor, std::int64_t now,
                  const std::string& action, const std::string& entity, Id entity_id, Id pupil_id,
                  const Json& before, const Json& after);

// A pupil's audit trail, newest first. Admins and heads only (Forbidden for others); the pupil
// must be visible (NotFound otherwise). Nobody can edit it: there is no use case that does.
Result<std::vector<store::AuditEntry>> pupil_audit_trail(Context& context, const Actor& actor,
                                                         Id pupil_id);

// The organisation's own audit trail (user management and its pupils' changes), admins and heads.
Result<std::vector<store::AuditEntry>> organisation_audit_trail(Context& context,
                                                                const Actor& actor);

// One row of a before/after comparison, for display: which field changed from what to what.
struct AuditChange {
  std::string field;
  std::string before;
  std::string after;
};
std::vector<AuditChange> audit_changes(const store::AuditEntry& entry);

}  // namespace waymark::app
